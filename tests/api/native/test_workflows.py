"""Workflows on the native API: creation, the field schema and the graph, versioning, the
status machine (with scheduled activation), listing with a status filter, deletion.

Each test gets a project of its own, so counts are local; the cross-project listing test
works in a fresh organization (`seed_database` on the shared database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pipelines_api.api.workflows import (
    activate_workflow,
    create_workflow,
    get_workflow,
    list_all_workflows,
    update_workflow,
)
from pipelines_api.models import ActivateRequest, WorkflowCreate, WorkflowStatus, WorkflowUpdate
from sqlalchemy import update

from pipelines_server.store.models import Workflow, utcnow
from tests.api.helpers import database, make_workflow, native, v1
from tests.api.native.conftest import client
from tests.server import seed_database

DEFAULT_GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start", "name": "Start"},
        {"id": "end", "kind": "end", "name": "End"},
    ],
    "edges": [{"source": "start", "target": "end"}],
}

ALL_TYPES = [
    {"name": "headline", "title": "Headline", "type": "short_text", "required": True},
    {"name": "body", "type": "long_text", "description": "The article"},
    {"name": "snippet", "type": "code"},
    {"name": "urgent", "type": "boolean", "required": False},
    {"name": "score", "type": "numeric", "required": True},
    {"name": "due", "type": "datetime"},
    {"name": "language", "type": "select", "options": ["French", "German"], "required": True},
    {"name": "quality", "type": "rating", "max_rating": 10},
    {"name": "stars", "type": "rating"},
    {"name": "attachment", "type": "file_upload", "required": True},
]

# What the server keeps for ALL_TYPES: every field gets a title (its name by default), a
# description and a required flag; select keeps its options, rating its max (5 by default).
ALL_TYPES_STORED = [
    {
        "name": "headline",
        "title": "Headline",
        "type": "short_text",
        "required": True,
        "description": "",
    },
    {
        "name": "body",
        "title": "body",
        "type": "long_text",
        "required": False,
        "description": "The article",
    },
    {"name": "snippet", "title": "snippet", "type": "code", "required": False, "description": ""},
    {"name": "urgent", "title": "urgent", "type": "boolean", "required": False, "description": ""},
    {"name": "score", "title": "score", "type": "numeric", "required": True, "description": ""},
    {"name": "due", "title": "due", "type": "datetime", "required": False, "description": ""},
    {
        "name": "language",
        "title": "language",
        "type": "select",
        "required": True,
        "description": "",
        "options": ["French", "German"],
    },
    {
        "name": "quality",
        "title": "quality",
        "type": "rating",
        "required": False,
        "description": "",
        "max_rating": 10,
    },
    {
        "name": "stars",
        "title": "stars",
        "type": "rating",
        "required": False,
        "description": "",
        "max_rating": 5,
    },
    {
        "name": "attachment",
        "title": "attachment",
        "type": "file_upload",
        "required": True,
        "description": "",
    },
]

UNREACHABLE_GRAPH = {
    "nodes": [
        {"id": "s", "kind": "start"},
        {"id": "orphan", "kind": "subtask", "name": "Nobody gets here"},
        {"id": "e", "kind": "end"},
    ],
    "edges": [{"source": "s", "target": "e"}],
}

THREE_NODE_GRAPH = {
    "nodes": [
        {"id": "s", "kind": "start"},
        {"id": "review", "kind": "subtask", "name": "Review", "config": {"instructions": "Look"}},
        {"id": "e", "kind": "end"},
    ],
    "edges": [{"source": "s", "target": "review"}, {"source": "review", "target": "e"}],
}


@pytest.fixture
def project(server) -> dict:
    with native(server) as api:
        r = api.post("/projects", json={"name": "workflows under test"})
    assert r.status_code == 201
    return r.json()


def wf_url(project: dict, wf: dict | None = None) -> str:
    base = f"/projects/{project['id']}/workflows"
    return f"{base}/{wf['id']}" if wf else base


def new_workflow(server, project, **body) -> dict:
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "wf", **body})
    assert r.status_code == 201, r.text
    return r.json()


def count(server, project) -> int:
    with native(server) as api:
        return api.get(wf_url(project)).json()["total"]


def read(server, project, wf) -> dict:
    with native(server) as api:
        r = api.get(wf_url(project, wf))
    assert r.status_code == 200, r.text
    return r.json()


def refused_graph(server, project, graph: dict) -> list[str]:
    """Create a workflow with `graph`: the sorted reasons of its 422 (and nothing saved)."""
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "bad graph", "graph": graph})
    assert r.status_code == 422, r.text
    assert count(server, project) == 0
    return sorted(d["msg"] for d in r.json()["detail"])


def in_status(server, project, status: str) -> dict:
    return make_workflow(server, [], status, project_id=project["id"], name=f"in {status}")


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# -- creation ----------------------------------------------------------------------------------


def test_new_workflow_is_a_draft_with_the_default_graph_at_version_1(server, project):
    r = create_workflow.sync_detailed(
        project["id"], client=client(server), body=WorkflowCreate(name="  Translation  ")
    )
    assert r.status_code == 201, r.content
    wf = r.parsed
    assert wf.status == WorkflowStatus.DRAFT and wf.version == 1
    assert wf.name == "Translation" and wf.description == ""
    assert wf.project_id == project["id"] and wf.org_id == server.seed.org_id
    assert wf.fields == [] and wf.activate_at is None
    assert wf.graph.to_dict() == DEFAULT_GRAPH
    fetched = get_workflow.sync_detailed(project["id"], wf.id, client=client(server))
    assert fetched.status_code == 200 and fetched.parsed.to_dict() == wf.to_dict()


def test_blank_workflow_name_is_400_and_missing_name_is_422(server, project):
    with native(server) as api:
        blank = api.post(wf_url(project), json={"name": "   "})
        assert blank.status_code == 400 and blank.json() == {"detail": "Workflow name is required"}
        missing = api.post(wf_url(project), json={"fields": []})
        assert missing.status_code == 422 and isinstance(missing.json()["detail"], list)
    assert count(server, project) == 0


def test_field_schema_with_every_type_round_trips(server, project):
    r = create_workflow.sync_detailed(
        project["id"],
        client=client(server),
        body=WorkflowCreate.from_dict({"name": "all types", "fields": ALL_TYPES}),
    )
    assert r.status_code == 201, r.content
    assert [f.to_dict() for f in r.parsed.fields] == ALL_TYPES_STORED
    stored = read(server, project, {"id": r.parsed.id})
    assert stored["fields"] == ALL_TYPES_STORED
    assert {f["name"]: f["required"] for f in stored["fields"]} == {
        f["name"]: bool(f.get("required", False)) for f in ALL_TYPES
    }


def test_custom_graph_round_trips(server, project):
    wf = new_workflow(server, project, graph=THREE_NODE_GRAPH)
    assert wf["graph"] == THREE_NODE_GRAPH
    assert read(server, project, wf)["graph"] == THREE_NODE_GRAPH


# -- schema and graph validation ---------------------------------------------------------------


def test_invalid_schema_is_422_with_one_entry_per_reason_and_nothing_saved(server, project):
    before = count(server, project)
    with native(server) as api:
        r = api.post(
            wf_url(project),
            json={
                "name": "bad schema",
                "fields": [
                    {"name": "ok", "type": "short_text"},
                    {"name": "ok", "type": "numeric"},  # duplicate name
                    {"name": "pick", "type": "select"},  # select without options
                    {"name": "9lives", "type": "boolean"},  # bad name
                ],
            },
        )
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert len(detail) == 3, detail
    by_place = {tuple(d["loc"][-2:]): d["msg"] for d in detail}
    assert by_place == {
        (1, "name"): "Duplicate field name 'ok'",
        (2, "options"): "Select field 'pick' needs at least one option",
        (3, "name"): (
            "Field name '9lives' must start with a letter or _ and contain only letters, "
            "digits and _ (at most 64)"
        ),
    }
    assert count(server, project) == before


@pytest.mark.parametrize(
    "field, reason",
    [
        ({"name": "has space", "type": "short_text"}, "must start with a letter"),
        ({"name": "dash-ed", "type": "short_text"}, "must start with a letter"),
        ({"name": "pick", "type": "select", "options": []}, "at least one option"),
        ({"name": "pick", "type": "select", "options": ["a", "a"]}, "duplicate options"),
    ],
)
def test_each_schema_rule_is_enforced(server, project, field, reason):
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "rule", "fields": [field]})
    assert r.status_code == 422
    assert len(r.json()["detail"]) == 1 and reason in r.json()["detail"][0]["msg"]
    assert count(server, project) == 0


def test_invalid_graph_is_422_listing_every_reason(server, project):
    graph = {
        "nodes": [
            {"id": "a", "kind": "start"},
            {"id": "b", "kind": "start"},
            {"id": "e", "kind": "end"},
        ],
        "edges": [{"source": "a", "target": "e"}, {"source": "a", "target": "ghost"}],
    }
    messages = refused_graph(server, project, graph)
    assert messages == [
        "A graph needs exactly one start node, found 2",
        "Edge target 'ghost' is not a node",
        "Node 'b' has no outgoing edge",
    ]


def test_every_structural_graph_rule_is_reported_together(server, project):
    graph = {
        "nodes": [
            {"id": "s", "kind": "start"},
            {"id": "a", "kind": "subtask"},
            {"id": "a", "kind": "subtask"},
        ],
        "edges": [{"source": "a", "target": "a"}, {"source": "nowhere", "target": "s"}],
    }
    messages = refused_graph(server, project, graph)
    assert messages == [
        "A graph needs exactly one end node, found 0",
        "Duplicate node id 'a'",
        "Edge from 'a' to itself",
        "Edge source 'nowhere' is not a node",
        "Node 'a' has no outgoing edge",
        "Node 'a' is not reachable from the start node",
        "Node 's' has no outgoing edge",
    ]


def test_schema_and_graph_reasons_are_listed_together(server, project):
    with native(server) as api:
        r = api.post(
            wf_url(project),
            json={
                "name": "both bad",
                "fields": [{"name": "x", "type": "select"}],
                "graph": {"nodes": [{"id": "s", "kind": "start"}], "edges": []},
            },
        )
    assert r.status_code == 422
    messages = sorted(d["msg"] for d in r.json()["detail"])
    assert messages == [
        "A graph needs exactly one end node, found 0",
        "Node 's' has no outgoing edge",
        "Select field 'x' needs at least one option",
    ]
    assert count(server, project) == 0


def test_invalid_schema_on_edit_is_422_and_changes_nothing(server, project):
    wf = new_workflow(server, project, fields=[{"name": "a", "type": "short_text"}])
    with native(server) as api:
        r = api.put(
            wf_url(project, wf),
            json={
                "name": "renamed too",
                "fields": [{"name": "a", "type": "short_text"}, {"name": "a", "type": "code"}],
                "graph": {"nodes": [{"id": "e", "kind": "end"}], "edges": []},
            },
        )
    assert r.status_code == 422 and len(r.json()["detail"]) == 2
    assert read(server, project, wf) == wf


def test_blank_name_on_edit_is_400_and_changes_nothing(server, project):
    wf = new_workflow(server, project)
    with native(server) as api:
        r = api.put(
            wf_url(project, wf), json={"name": "  ", "fields": [{"name": "b", "type": "code"}]}
        )
    assert r.status_code == 400
    assert read(server, project, wf) == wf


# -- versions ----------------------------------------------------------------------------------


def test_renaming_or_describing_does_not_bump_the_version(server, project):
    wf = new_workflow(server, project)
    r = update_workflow.sync_detailed(
        project["id"],
        wf["id"],
        client=client(server),
        body=WorkflowUpdate(name="Renamed", description="Now with words"),
    )
    assert r.status_code == 200
    assert r.parsed.version == 1
    assert r.parsed.name == "Renamed" and r.parsed.description == "Now with words"
    assert read(server, project, wf)["version"] == 1


def test_changing_fields_bumps_the_version(server, project):
    wf = new_workflow(server, project, fields=[{"name": "a", "type": "short_text"}])
    with native(server) as api:
        r = api.put(wf_url(project, wf), json={"fields": [{"name": "a", "type": "long_text"}]})
        assert r.status_code == 200 and r.json()["version"] == 2
        assert r.json()["fields"][0]["type"] == "long_text"
        r = api.put(wf_url(project, wf), json={"fields": []})
        assert r.json()["version"] == 3 and r.json()["fields"] == []
    assert read(server, project, wf)["version"] == 3


def test_changing_the_graph_bumps_the_version(server, project):
    wf = new_workflow(server, project)
    with native(server) as api:
        r = api.put(wf_url(project, wf), json={"graph": THREE_NODE_GRAPH})
    assert r.status_code == 200 and r.json()["version"] == 2
    assert r.json()["graph"] == THREE_NODE_GRAPH


def test_changing_fields_and_graph_at_once_bumps_the_version_once(server, project):
    wf = new_workflow(server, project)
    with native(server) as api:
        r = api.put(
            wf_url(project, wf),
            json={"fields": [{"name": "n", "type": "numeric"}], "graph": THREE_NODE_GRAPH},
        )
    assert r.status_code == 200 and r.json()["version"] == 2


def test_resubmitting_the_same_fields_and_graph_does_not_bump_the_version(server, project):
    fields = [{"name": "a", "type": "short_text"}]
    wf = new_workflow(server, project, fields=fields)
    with native(server) as api:
        r = api.put(
            wf_url(project, wf),
            json={"name": "renamed", "fields": wf["fields"], "graph": wf["graph"]},
        )
    assert r.status_code == 200 and r.json()["name"] == "renamed"
    assert r.json()["version"] == 1


# -- transitions -------------------------------------------------------------------------------


def test_full_lifecycle(server, project):
    wf = new_workflow(server, project)
    base = wf_url(project, wf)
    c = client(server)
    with native(server) as api:

        def step(action: str, expected: str) -> dict:
            r = api.post(f"{base}/{action}")
            assert r.status_code == 200, r.text
            assert r.json()["status"] == expected
            assert read(server, project, wf)["status"] == expected
            return r.json()

        activated = activate_workflow.sync_detailed(project["id"], wf["id"], client=c)
        assert activated.status_code == 200 and activated.parsed.status == WorkflowStatus.ACTIVE
        step("pause", "PAUSED")
        step("activate", "ACTIVE")  # resume
        step("pause", "PAUSED")
        step("complete", "COMPLETED")  # from PAUSED
        last = step("archive", "ARCHIVED")
    assert last["version"] == 1  # transitions are not edits


def test_active_workflow_can_be_completed(server, project):
    wf = in_status(server, project, "ACTIVE")
    with native(server) as api:
        r = api.post(f"{wf_url(project, wf)}/complete")
    assert r.status_code == 200 and r.json()["status"] == "COMPLETED"


@pytest.mark.parametrize("status", ["DRAFT", "PENDING_ACTIVATION", "ACTIVE", "PAUSED", "COMPLETED"])
def test_any_status_but_archived_can_be_archived(server, project, status):
    wf = in_status(server, project, status)
    with native(server) as api:
        r = api.post(f"{wf_url(project, wf)}/archive")
    assert r.status_code == 200
    assert r.json()["status"] == "ARCHIVED" and r.json()["activate_at"] is None


def test_future_activate_at_schedules_pending_activation(server, project):
    wf = new_workflow(server, project)
    at = datetime.now(UTC) + timedelta(days=3)
    r = activate_workflow.sync_detailed(
        project["id"], wf["id"], client=client(server), body=ActivateRequest(activate_at=at)
    )
    assert r.status_code == 200, r.content
    assert r.parsed.status == WorkflowStatus.PENDING_ACTIVATION
    assert abs((r.parsed.activate_at - at).total_seconds()) < 1
    assert read(server, project, wf)["status"] == "PENDING_ACTIVATION"


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(minutes=-5)], ids=["now", "past"])
def test_activate_at_now_or_in_the_past_activates_at_once(server, project, offset):
    wf = new_workflow(server, project)
    with native(server) as api:
        r = api.post(
            f"{wf_url(project, wf)}/activate",
            json={"activate_at": iso(datetime.now(UTC) + offset)},
        )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "ACTIVE" and r.json()["activate_at"] is None


def test_pending_workflow_can_be_activated_now(server, project):
    wf = in_status(server, project, "PENDING_ACTIVATION")
    with native(server) as api:
        r = api.post(f"{wf_url(project, wf)}/activate")
    assert r.status_code == 200
    assert r.json()["status"] == "ACTIVE" and r.json()["activate_at"] is None


def test_scheduled_activation_takes_effect_once_due(server, project):
    wf = in_status(server, project, "PENDING_ACTIVATION")
    with database(server) as s:
        s.execute(
            update(Workflow)
            .where(Workflow.id == wf["id"])
            .values(activate_at=utcnow() - timedelta(minutes=1))
        )
    assert read(server, project, wf)["status"] == "ACTIVE"
    with native(server) as api:
        actives = api.get(wf_url(project), params={"status": "ACTIVE"}).json()
    assert [w["id"] for w in actives["items"]] == [wf["id"]]


def test_status_filter_sees_a_scheduled_activation_that_came_due(server, project):
    wf = in_status(server, project, "PENDING_ACTIVATION")
    with database(server) as s:
        s.execute(
            update(Workflow)
            .where(Workflow.id == wf["id"])
            .values(activate_at=utcnow() - timedelta(minutes=1))
        )
    with native(server) as api:  # list before anything reads the workflow itself
        active = api.get(wf_url(project), params={"status": "ACTIVE"}).json()
        pending = api.get(wf_url(project), params={"status": "PENDING_ACTIVATION"}).json()
    assert [w["id"] for w in active["items"]] == [wf["id"]], active
    assert all(w["status"] == "PENDING_ACTIVATION" for w in pending["items"]), pending


ILLEGAL = [
    ("pause", "DRAFT", "only an ACTIVE workflow can be paused"),
    ("pause", "PENDING_ACTIVATION", "only an ACTIVE workflow can be paused"),
    ("pause", "PAUSED", "only an ACTIVE workflow can be paused"),
    ("pause", "COMPLETED", "only an ACTIVE workflow can be paused"),
    ("pause", "ARCHIVED", "only an ACTIVE workflow can be paused"),
    ("activate", "ACTIVE", "it is already active"),
    ("activate", "COMPLETED", "completed and archived workflows stay closed"),
    ("activate", "ARCHIVED", "completed and archived workflows stay closed"),
    ("complete", "DRAFT", "only an ACTIVE or PAUSED workflow can be completed"),
    ("complete", "PENDING_ACTIVATION", "only an ACTIVE or PAUSED workflow can be completed"),
    ("complete", "COMPLETED", "only an ACTIVE or PAUSED workflow can be completed"),
    ("complete", "ARCHIVED", "only an ACTIVE or PAUSED workflow can be completed"),
    ("archive", "ARCHIVED", "it is already archived"),
]


@pytest.mark.parametrize("action, status, why", ILLEGAL, ids=[f"{a}-{s}" for a, s, _ in ILLEGAL])
def test_illegal_transition_is_409_saying_why(server, project, action, status, why):
    wf = in_status(server, project, status)
    with native(server) as api:
        r = api.post(f"{wf_url(project, wf)}/{action}")
    assert r.status_code == 409, r.text
    assert r.json() == {"detail": f"Cannot {action} a workflow in status {status}: {why}"}
    assert read(server, project, wf) == wf  # nothing changed, not even updated_at


def test_editing_an_archived_workflow_is_409(server, project):
    wf = in_status(server, project, "ARCHIVED")
    with native(server) as api:
        for body in (
            {"name": "late rename"},
            {"fields": [{"name": "a", "type": "code"}]},
            {"graph": THREE_NODE_GRAPH},
        ):
            r = api.put(wf_url(project, wf), json=body)
            assert r.status_code == 409
            assert r.json() == {"detail": "Workflow is archived and can no longer be edited"}
    assert read(server, project, wf) == wf


def test_unreachable_node_is_refused_when_saved(server, project):
    # The engine's rules apply at edit time: an unrunnable graph is never saved.
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "u", "graph": UNREACHABLE_GRAPH})
    assert r.status_code == 422, r.text
    assert {
        "loc": ["body", "graph", "nodes"],
        "msg": "Node 'orphan' is not reachable from the start node",
        "type": "value_error",
    } in r.json()["detail"]
    assert count(server, project) == 0


def test_unreachable_node_is_refused_when_edited(server, project):
    graph = {
        "nodes": [
            {"id": "s", "kind": "start"},
            {"id": "x", "kind": "subtask"},
            {"id": "e", "kind": "end"},
        ],
        "edges": [{"source": "s", "target": "e"}],
    }
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "u", "graph": graph})
        assert r.status_code == 422
        messages = [d["msg"] for d in r.json()["detail"]]
        assert "Node 'x' is not reachable from the start node" in messages
        assert "Node 'x' has no outgoing edge" in messages
        wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
        r = api.put(wf_url(project, wf), json={"graph": graph})
        assert r.status_code == 422
        assert api.get(wf_url(project, wf)).json()["graph"] == wf["graph"]


def test_workflow_without_nodes_is_refused(server, project):
    with native(server) as api:
        r = api.post(wf_url(project), json={"name": "u", "graph": {"nodes": [], "edges": []}})
    assert r.status_code == 422
    assert "start node" in r.json()["detail"][0]["msg"]
    assert count(server, project) == 0


def test_paused_workflow_with_an_unreachable_node_cannot_be_resumed(server, project):
    wf = in_status(server, project, "ACTIVE")
    with native(server) as api:
        edited = api.put(wf_url(project, wf), json={"graph": UNREACHABLE_GRAPH})
        assert api.post(f"{wf_url(project, wf)}/pause").status_code == 200
        resumed = api.post(f"{wf_url(project, wf)}/activate")
    if edited.status_code == 422:
        return  # refusing the edit keeps the rule too: the graph never became unreachable
    assert edited.status_code == 200
    assert resumed.status_code == 422, resumed.text
    assert read(server, project, wf)["status"] == "PAUSED"


def test_activate_at_must_be_a_date_time_with_an_offset(server, project):
    wf = new_workflow(server, project)
    with native(server) as api:
        for bad in ("tomorrow", "2030-01-01T00:00:00"):
            r = api.post(f"{wf_url(project, wf)}/activate", json={"activate_at": bad})
            assert r.status_code == 422
            assert r.json()["detail"][0]["loc"] == ["body", "activate_at"]
    assert read(server, project, wf)["status"] == "DRAFT"


# -- listing -----------------------------------------------------------------------------------


def test_list_across_projects_with_a_status_filter(server):
    org = seed_database(server.database_url)
    with native(server, org.api_key) as api:
        second = api.post("/projects", json={"name": "second"}).json()
    first = {"id": org.project_id}
    made = {
        "draft1": make_workflow(server, [], "DRAFT", key=org.api_key, project_id=first["id"]),
        "active1": make_workflow(server, [], "ACTIVE", key=org.api_key, project_id=first["id"]),
        "active2": make_workflow(server, [], "ACTIVE", key=org.api_key, project_id=second["id"]),
        "paused2": make_workflow(server, [], "PAUSED", key=org.api_key, project_id=second["id"]),
    }
    ids = {k: v["id"] for k, v in made.items()}
    c = client(server, org.api_key)
    everything = list_all_workflows.sync_detailed(client=c)
    assert everything.status_code == 200
    assert [w.id for w in everything.parsed.items] == sorted(ids.values(), reverse=True)
    assert everything.parsed.total == 4 and everything.parsed.has_more is False
    actives = list_all_workflows.sync_detailed(client=c, status=WorkflowStatus.ACTIVE)
    assert [w.id for w in actives.parsed.items] == [ids["active2"], ids["active1"]]
    assert {w.project_id for w in actives.parsed.items} == {first["id"], second["id"]}
    assert actives.parsed.total == 2
    paused = list_all_workflows.sync_detailed(client=c, status=WorkflowStatus.PAUSED)
    assert [w.id for w in paused.parsed.items] == [ids["paused2"]]
    none = list_all_workflows.sync_detailed(client=c, status=WorkflowStatus.COMPLETED)
    assert none.parsed.items == [] and none.parsed.total == 0
    with native(server, org.api_key) as api:
        in_second = api.get(f"/projects/{second['id']}/workflows").json()
        active_in_first = api.get(
            f"/projects/{first['id']}/workflows", params={"status": "ACTIVE"}
        ).json()
        paged = api.get("/workflows", params={"page": 2, "page_size": 3}).json()
    assert [w["id"] for w in in_second["items"]] == [ids["paused2"], ids["active2"]]
    assert [w["id"] for w in active_in_first["items"]] == [ids["active1"]]
    assert paged["total"] == 4 and paged["has_more"] is False
    assert [w["id"] for w in paged["items"]] == [ids["draft1"]]
    # The shared organization's workflows never show up here, nor these there.
    with native(server) as api:
        theirs = api.get("/workflows", params={"page_size": 200}).json()
    assert not set(ids.values()) & {w["id"] for w in theirs["items"]}


@pytest.mark.parametrize("value", ["NOPE", "active", "", "DRAFT,ACTIVE"])
def test_invalid_status_filter_is_422(server, project, value):
    with native(server) as api:
        for path in ("/workflows", wf_url(project)):
            r = api.get(path, params={"status": value})
            assert r.status_code == 422, (path, value, r.text)
            assert isinstance(r.json()["detail"], list)


# -- error locations ---------------------------------------------------------------------------


def test_rule_violations_locate_the_body_path_like_schema_violations(server, project):
    with native(server) as api:
        schema_error = api.post(wf_url(project), json={"name": "x", "fields": [{"name": ""}]})
        rule_error = api.post(
            wf_url(project), json={"name": "x", "fields": [{"name": "9", "type": "code"}]}
        )
    assert schema_error.json()["detail"][0]["loc"][0] == "body"
    assert rule_error.json()["detail"][0]["loc"] == ["body", "fields", 0, "name"]


def test_parameter_violations_name_the_parameter_in_loc(server):
    with native(server) as api:
        r = api.get("/workflows", params={"status": "NOPE"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "status"]


# -- deletion and isolation --------------------------------------------------------------------


def test_delete_a_workflow_without_tasks(server, project):
    wf = new_workflow(server, project)
    keep = new_workflow(server, project, name="keep")
    with native(server) as api:
        r = api.delete(wf_url(project, wf))
        assert r.status_code == 204 and r.content == b""
        assert api.get(wf_url(project, wf)).status_code == 404
        assert api.delete(wf_url(project, wf)).status_code == 404
        listed = api.get(wf_url(project)).json()
    assert [w["id"] for w in listed["items"]] == [keep["id"]] and listed["total"] == 1


def test_workflow_with_tasks_cannot_be_deleted(server, project):
    wf = make_workflow(server, [{"name": "a", "type": "short_text"}], project_id=project["id"])
    with v1(server) as api:
        created = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {"a": "x"}}]})
        assert created.status_code == 200
    with native(server) as api:
        r = api.delete(wf_url(project, wf))
    assert r.status_code == 409 and "tasks" in r.json()["detail"]


def test_workflow_is_404_under_another_project(server, project):
    wf = new_workflow(server, project)
    other = {"id": server.seed.project_id}
    with native(server) as api:
        assert api.get(wf_url(other, wf)).status_code == 404
        assert api.put(wf_url(other, wf), json={"name": "moved?"}).status_code == 404
        assert api.post(f"{wf_url(other, wf)}/activate").status_code == 404
        assert api.delete(wf_url(other, wf)).status_code == 404
    assert read(server, project, wf) == wf


def test_another_organizations_workflow_is_404(server, project):
    wf = new_workflow(server, project)
    outsider = seed_database(server.database_url)
    with native(server, outsider.api_key) as api:
        for r in (
            api.get(wf_url(project, wf)),
            api.put(wf_url(project, wf), json={"name": "mine now"}),
            api.post(f"{wf_url(project, wf)}/activate"),
            api.post(f"{wf_url(project, wf)}/archive"),
            api.delete(wf_url(project, wf)),
        ):
            assert r.status_code == 404, r.text
            assert r.json()["detail"] in ("Workflow not found", "Project not found")
        assert wf["id"] not in [w["id"] for w in api.get("/workflows").json()["items"]]
    assert read(server, project, wf) == wf


def test_validate_lists_what_a_create_would_refuse_and_saves_nothing(server, project):
    """The dry run of create: the same reasons, located the same way, in a 200 verdict."""
    bad = {
        "name": "both bad",
        "fields": [{"name": "x", "type": "select"}],
        "graph": {"nodes": [{"id": "s", "kind": "start"}], "edges": []},
    }
    with native(server) as api:
        verdict = api.post(wf_url(project) + "/validate", json=bad)
        refused = api.post(wf_url(project), json=bad)
        assert verdict.status_code == 200, verdict.text
        assert verdict.json()["valid"] is False
        assert sorted(verdict.json()["issues"], key=str) == sorted(
            refused.json()["detail"], key=str
        )
        assert count(server, project) == 0

        good = {"fields": ALL_TYPES, "graph": DEFAULT_GRAPH}
        verdict = api.post(wf_url(project) + "/validate", json=good)
        assert verdict.json() == {"valid": True, "issues": []}
        assert count(server, project) == 0

        # An assignee who is not a member of the organization, as on create.
        human = {
            "graph": {
                "nodes": [
                    {"id": "start", "kind": "start"},
                    {
                        "id": "h",
                        "kind": "subtask",
                        "config": {
                            "fields": [{"name": "a", "type": "short_text"}],
                            "assign_to": 987654,  # no such user
                        },
                    },
                    {"id": "end", "kind": "end"},
                ],
                "edges": [{"source": "start", "target": "h"}, {"source": "h", "target": "end"}],
            }
        }
        verdict = api.post(wf_url(project) + "/validate", json=human)
        assert verdict.status_code == 200, verdict.text
        verdict = verdict.json()
        created = api.post(wf_url(project), json={"name": "h", **human})
        assert created.status_code == 422
        assert verdict["valid"] is False
        assert [i["msg"] for i in verdict["issues"]] == [d["msg"] for d in created.json()["detail"]]

        # The contract's shape is the request's 422; another organization's project is 404.
        assert api.post(wf_url(project) + "/validate", json={"fields": "nope"}).status_code == 422
    other = seed_database(server.database_url)
    with native(server, other.api_key) as api:
        r = api.post(wf_url(project) + "/validate", json=good)
        assert r.status_code == 404, r.text
