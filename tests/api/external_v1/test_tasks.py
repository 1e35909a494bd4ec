"""External API v1: workflow metadata, schema, batch task creation, pagination, status."""

from __future__ import annotations

import pytest
from external_v1_api import AuthenticatedClient
from external_v1_api.api.tasks import create_tasks, get_task, list_tasks
from external_v1_api.api.workflows import get_workflow, get_workflow_schema
from external_v1_api.models import CreateTasksRequest, TaskInput, TaskInputFields, TaskStatus
from sqlalchemy import update

from pipelines_server.store.models import NodeInstance, Task
from tests.api.helpers import TEXT_FIELDS, database, make_workflow, v1
from tests.server import seed_database, start_server, stop_server


def client(server, key=None) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=server.base_url + "/api/v1", token=key or server.seed.api_key, timeout=120
    )


def batch(*rows: dict) -> CreateTasksRequest:
    return CreateTasksRequest(tasks=[TaskInput(fields=TaskInputFields.from_dict(r)) for r in rows])


GOOD = {"input_text": "Translate: Hello", "target_language": "French"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """These tests pin task and node states by hand to check the v1 shapes, so their server
    runs no engine threads (an API-only process, PIPELINES_ENGINE_WORKERS=0) and leaves the
    states as set. Real progress through the engine is tested in tests/api/engine."""
    srv = start_server(tmp_path_factory.mktemp("v1-tasks"), env={"PIPELINES_ENGINE_WORKERS": "0"})
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def active(server):
    return make_workflow(server, TEXT_FIELDS, "ACTIVE")


def test_workflow_metadata(server, active):
    r = get_workflow.sync_detailed(active["id"], client=client(server))
    assert r.status_code == 200
    assert r.parsed.name == "wf" and r.parsed.status.value == "ACTIVE"
    assert r.parsed.project_id == server.seed.project_id


def test_schema_lists_names_titles_and_select_format_hint(server, active):
    r = get_workflow_schema.sync_detailed(active["id"], client=client(server))
    assert r.status_code == 200
    by_name = {f.name: f for f in r.parsed.fields}
    assert by_name["target_language"].title == "Target language"
    assert by_name["target_language"].format_hint == "One of: French, German"
    assert by_name["input_text"].format_hint is None
    assert by_name["input_text"].required is True
    assert r.parsed.has_file_upload_fields is False
    assert r.parsed.has_only_file_upload_fields is False


def test_schema_reports_file_upload_fields(server):
    mixed = make_workflow(
        server,
        [
            {"name": "doc", "type": "file_upload", "required": True},
            {"name": "note", "type": "short_text"},
        ],
    )
    only = make_workflow(server, [{"name": "doc", "type": "file_upload", "required": True}])
    m = get_workflow_schema.sync_detailed(mixed["id"], client=client(server)).parsed
    o = get_workflow_schema.sync_detailed(only["id"], client=client(server)).parsed
    assert (m.has_file_upload_fields, m.has_only_file_upload_fields) == (True, False)
    assert (o.has_file_upload_fields, o.has_only_file_upload_fields) == (True, True)


def test_partial_success_reports_counts_errors_and_ids(server, active):
    r = create_tasks.sync_detailed(
        active["id"],
        client=client(server),
        body=batch(
            GOOD,
            {"input_text": "x"},
            {"input_text": "y", "target_language": "Spanish", "colour": "red"},
            {**GOOD, "priority": 3},
        ),
    )
    assert r.status_code == 200, r.content
    body = r.parsed
    assert body.success_count == 2 and len(body.task_ids) == 2
    assert body.error_count == 2
    errors = {(e.index, e.field_name): e.message for e in body.errors}
    assert errors[(1, "target_language")] == "Missing required columns: target_language"
    assert errors[(2, "colour")] == "Unknown field: colour"
    assert "must be one of: French, German" in errors[(2, "target_language")]
    for task_id in body.task_ids:
        t = get_task.sync_detailed(active["id"], task_id, client=client(server))
        assert t.status_code == 200 and t.parsed.status == TaskStatus.PENDING


def test_every_task_failing_is_422_with_row_errors(server, active):
    with v1(server) as api:
        r = api.post(
            f"/workflows/{active['id']}/tasks",
            json={"tasks": [{"fields": {"input_text": 1}}, {"fields": {}}]},
        )
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "validation_error"
    assert {e["index"] for e in body["errors"]} == {0, 1}


@pytest.mark.parametrize("status", ["DRAFT", "COMPLETED", "ARCHIVED", "PENDING_ACTIVATION"])
def test_workflow_not_accepting_tasks_is_422_with_the_reference_message(server, status):
    wf = make_workflow(server, TEXT_FIELDS, status)
    with v1(server) as api:
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": GOOD}]})
    assert r.status_code == 422
    assert r.json() == {
        "error": "validation_error",
        "message": "Workflow must be ACTIVE or PAUSED to create tasks",
    }


def test_paused_workflow_accepts_tasks_and_they_wait_paused(server):
    wf = make_workflow(server, TEXT_FIELDS, "PAUSED")
    r = create_tasks.sync_detailed(wf["id"], client=client(server), body=batch(GOOD))
    assert r.status_code == 200 and r.parsed.success_count == 1
    t = get_task.sync_detailed(wf["id"], r.parsed.task_ids[0], client=client(server)).parsed
    assert t.status == TaskStatus.PAUSED


def test_workflow_with_file_fields_rejects_json_tasks(server):
    wf = make_workflow(
        server, [{"name": "doc", "type": "file_upload"}, {"name": "note", "type": "short_text"}]
    )
    with v1(server) as api:
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {"note": "a"}}]})
    assert r.status_code == 422
    assert "upload" in r.json()["message"]


def test_batch_limits_one_to_five_thousand(server):
    wf = make_workflow(server, [{"name": "n", "type": "numeric", "required": True}])
    with v1(server) as api:
        empty = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": []})
        over = api.post(
            f"/workflows/{wf['id']}/tasks",
            json={"tasks": [{"fields": {"n": i}} for i in range(5001)]},
        )
        full = api.post(
            f"/workflows/{wf['id']}/tasks",
            json={"tasks": [{"fields": {"n": i}} for i in range(5000)]},
        )
    assert empty.status_code == 422 and empty.json()["error"] == "validation_error"
    assert over.status_code == 422 and "5000" in over.json()["message"]
    assert full.status_code == 200 and full.json()["success_count"] == 5000
    assert full.json()["task_ids"] == sorted(full.json()["task_ids"])


def test_field_types_are_validated(server):
    wf = make_workflow(
        server,
        [
            {"name": "b", "type": "boolean"},
            {"name": "n", "type": "numeric"},
            {"name": "d", "type": "datetime"},
            {"name": "r", "type": "rating", "max_rating": 3},
            {"name": "s", "type": "short_text"},
        ],
    )
    with v1(server) as api:
        r = api.post(
            f"/workflows/{wf['id']}/tasks",
            json={
                "tasks": [
                    {
                        "fields": {
                            "b": True,
                            "n": 1.5,
                            "d": "2026-01-02T03:04:05Z",
                            "r": 3,
                            "s": "ok",
                        }
                    },
                    {"fields": {"b": "yes", "n": "1", "d": "tomorrow", "r": 4, "s": 5}},
                ]
            },
        )
    assert r.status_code == 200
    assert r.json()["success_count"] == 1
    assert {e["field_name"] for e in r.json()["errors"]} == {"b", "n", "d", "r", "s"}


@pytest.fixture(scope="module")
def listed(server):
    wf = make_workflow(server, [{"name": "n", "type": "numeric", "required": True}])
    with v1(server) as api:
        ids = api.post(
            f"/workflows/{wf['id']}/tasks",
            json={"tasks": [{"fields": {"n": i}} for i in range(120)]},
        ).json()["task_ids"]
    return wf, ids


def test_list_walks_every_task_newest_first_with_cursors(server, listed):
    wf, ids = listed
    seen, cursor, pages = [], None, 0
    while True:
        r = list_tasks.sync_detailed(
            wf["id"], client=client(server), limit=50, cursor=cursor if cursor else list_tasks.UNSET
        )
        assert r.status_code == 200
        seen += [t.id for t in r.parsed.tasks]
        pages += 1
        if not r.parsed.has_more:
            assert r.parsed.next_cursor is None
            break
        cursor = r.parsed.next_cursor
    assert pages == 3
    assert seen == sorted(ids, reverse=True)


def test_list_default_limit_is_50(server, listed):
    wf, _ = listed
    r = list_tasks.sync_detailed(wf["id"], client=client(server))
    assert len(r.parsed.tasks) == 50 and r.parsed.has_more is True


@pytest.mark.parametrize("limit", [0, 201, -1])
def test_list_limit_out_of_range_is_400(server, listed, limit):
    wf, _ = listed
    with v1(server) as api:
        r = api.get(f"/workflows/{wf['id']}/tasks", params={"limit": limit})
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"


@pytest.mark.parametrize("cursor", ["garbage", "eyJmb28iOiAxfQ==", "e30", "!!!"])
def test_bad_cursor_is_400(server, listed, cursor):
    wf, _ = listed
    with v1(server) as api:
        r = api.get(f"/workflows/{wf['id']}/tasks", params={"cursor": cursor})
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_request" and "cursor" in r.json()["message"]


def test_invalid_status_filter_lists_accepted_values(server, listed):
    wf, _ = listed
    with v1(server) as api:
        r = api.get(f"/workflows/{wf['id']}/tasks", params={"status": "done"})
    assert r.status_code == 400
    body = r.json()
    assert body["error"] == "invalid_request"
    for value in (
        "pending",
        "in_progress",
        "finished",
        "failed",
        "paused",
        "escalated",
        "quarantined",
    ):
        assert value in body["message"]


def test_status_filter_selects_tasks(server, listed):
    wf, ids = listed
    with database(server) as s:
        s.execute(update(Task).where(Task.id.in_(ids[:3])).values(status="finished"))
    r = list_tasks.sync_detailed(wf["id"], client=client(server), status=TaskStatus.FINISHED)
    assert sorted(t.id for t in r.parsed.tasks) == sorted(ids[:3])
    assert all(t.status == TaskStatus.FINISHED for t in r.parsed.tasks)


def test_node_summary_buckets_follow_the_reference(server, active):
    task_id = create_tasks.sync_detailed(
        active["id"], client=client(server), body=batch(GOOD)
    ).parsed.task_ids[0]
    fresh = get_task.sync_detailed(active["id"], task_id, client=client(server)).parsed
    # Not started yet: every node of the graph (start, end) is pending.
    assert fresh.node_summary.to_dict() == {
        "total": 2,
        "finished": 0,
        "in_progress": 0,
        "pending": 2,
    }
    states = [
        "finished",
        "finished",
        "available",
        "claimed",
        "submitted",
        "escalated",
        "quarantined",
        "pending",
        "deferred",
        "na",
        "na",
    ]
    with database(server) as s:
        s.add_all(
            [
                NodeInstance(
                    task_id=task_id,
                    org_id=server.seed.org_id,
                    workflow_id=active["id"],
                    node_id=f"n{i}",
                    kind="subtask",
                    status=st,
                )
                for i, st in enumerate(states)
            ]
        )
    t = get_task.sync_detailed(active["id"], task_id, client=client(server)).parsed
    assert t.node_summary.to_dict() == {"total": 9, "finished": 2, "in_progress": 5, "pending": 2}


def test_task_of_another_workflow_is_404(server, active):
    other = make_workflow(server, TEXT_FIELDS, "ACTIVE")
    task_id = create_tasks.sync_detailed(
        other["id"], client=client(server), body=batch(GOOD)
    ).parsed.task_ids[0]
    r = get_task.sync_detailed(active["id"], task_id, client=client(server))
    assert r.status_code == 404
    assert r.parsed.error.value == "not_found"


def test_other_organization_sees_404_everywhere(server, active):
    task_id = create_tasks.sync_detailed(
        active["id"], client=client(server), body=batch(GOOD)
    ).parsed.task_ids[0]
    other = seed_database(server.database_url)
    with v1(server, other.api_key) as api:
        for path in (
            f"/workflows/{active['id']}",
            f"/workflows/{active['id']}/schema",
            f"/workflows/{active['id']}/tasks",
            f"/workflows/{active['id']}/tasks/{task_id}",
        ):
            r = api.get(path)
            assert r.status_code == 404, path
            assert r.json()["error"] == "not_found"
        r = api.post(f"/workflows/{active['id']}/tasks", json={"tasks": [{"fields": GOOD}]})
        assert r.status_code == 404
