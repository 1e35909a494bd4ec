"""Workflow chains: a finished task of the source workflow starts a task in the target
workflow (CRUD, validation, permissions, and the trigger through the durable job)."""

from __future__ import annotations

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import make_workflow, native, wait_for

SOURCE_FIELDS = [
    {"name": "text", "type": "short_text", "required": True},
    {"name": "lang", "type": "short_text"},
]
TARGET_FIELDS = [
    {"name": "body", "type": "short_text", "required": True},
    {"name": "origin", "type": "numeric"},
]


def chains_url(server, project_id=None) -> str:
    return f"/projects/{project_id or server.seed.project_id}/workflow-chains"


def source_flow(server):
    return flow(
        server, [node("start", "start"), node("end", "end")], chain("start", "end"), SOURCE_FIELDS
    )


def create(server, body, key=None, project_id=None):
    with native(server, key) as api:
        return api.post(chains_url(server, project_id), json=body)


def chained_events(server, wf_id, task_id):
    return [e for e in timeline(server, wf_id, task_id) if e["type"] == "task.chained"]


def test_crud_and_permissions(server, org):
    src = make_workflow(server, SOURCE_FIELDS, name="src")
    dst = make_workflow(server, TARGET_FIELDS, name="dst")
    body = {
        "source_workflow_id": src["id"],
        "target_workflow_id": dst["id"],
        "field_mapping": {"body": "fields.text", "origin": "task_id"},
    }
    _, member = user_key(server, "member")
    assert create(server, body, key=member).status_code == 403
    r = create(server, {**body, "name": "src to dst"})
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["name"] == "src to dst" and c["enabled"] is True
    assert c["field_mapping"] == body["field_mapping"]
    assert c["stats"] == {"tasks_created": 0, "failures": 0, "last_run_at": None}
    assert c["created_by_id"] is not None
    one = f"{chains_url(server)}/{c['id']}"
    with native(server, member) as api:
        assert api.get(one).json()["id"] == c["id"]
        listed = api.get(chains_url(server), params={"source_workflow_id": src["id"]}).json()
        assert [x["id"] for x in listed["items"]] == [c["id"]] and listed["total"] == 1
        assert api.put(one, json={"enabled": False}).status_code == 403
        assert api.delete(one).status_code == 403
    with native(server) as api:
        r = api.put(one, json={"enabled": False, "name": "renamed"})
        assert r.status_code == 200, r.text
        assert r.json()["enabled"] is False and r.json()["name"] == "renamed"
        assert api.put(one, json={"field_mapping": {"nope": "output"}}).status_code == 422
        listed = api.get(
            chains_url(server), params={"enabled": False, "target_workflow_id": dst["id"]}
        )
        assert [x["id"] for x in listed.json()["items"]] == [c["id"]]
    # Another organization sees nothing: neither the chain nor the project's list.
    with native(server, org.api_key) as api:
        assert api.get(one).status_code == 404
        assert api.get(chains_url(server)).status_code == 404
        assert api.delete(one).status_code == 404
        assert api.get(f"{chains_url(server, org.project_id)}/{c['id']}").status_code == 404
    assert create(server, body, key=org.api_key, project_id=org.project_id).status_code == 422
    with native(server) as api:
        assert api.delete(one).status_code == 204
        assert api.get(one).status_code == 404


def test_validation_lists_every_reason(server):
    src = make_workflow(server, SOURCE_FIELDS, name="src")
    dst = make_workflow(server, TARGET_FIELDS, name="dst")
    r = create(
        server,
        {
            "source_workflow_id": src["id"],
            "target_workflow_id": dst["id"],
            "field_mapping": {"origin": "somewhere.else", "ghost": "output", "x": "fields.missing"},
        },
    )
    assert r.status_code == 422, r.text
    msgs = " | ".join(d["msg"] for d in r.json()["detail"])
    assert "must start with one of" in msgs
    assert "no field 'ghost'" in msgs
    assert "required field 'body' is not mapped" in msgs
    assert "source workflow has no field 'missing'" in msgs
    locs = [d["loc"] for d in r.json()["detail"]]
    assert ["body", "field_mapping", "ghost"] in locs
    # A workflow of another project is refused.
    with native(server) as api:
        other = api.post("/projects", json={"name": "other"}).json()
    far = make_workflow(server, TARGET_FIELDS, project_id=other["id"], name="far")
    r = create(
        server,
        {
            "source_workflow_id": src["id"],
            "target_workflow_id": far["id"],
            "field_mapping": {"body": "output"},
        },
    )
    assert r.status_code == 422 and "target_workflow_id" in r.text


def test_cycles_are_refused(server):
    a = make_workflow(server, TARGET_FIELDS, name="a")
    b = make_workflow(server, TARGET_FIELDS, name="b")
    c = make_workflow(server, TARGET_FIELDS, name="c")
    mapping = {"body": "fields.body"}

    def link(x, y):
        return create(
            server,
            {
                "source_workflow_id": x["id"],
                "target_workflow_id": y["id"],
                "field_mapping": mapping,
            },
        )

    assert link(a, a).status_code == 422
    assert link(a, b).status_code == 201
    assert link(b, c).status_code == 201
    r = link(c, a)
    assert r.status_code == 422 and "cycle" in r.text
    assert link(a, c).status_code == 201  # a diamond is no cycle


def test_a_finished_task_starts_one_in_the_target(server):
    src = source_flow(server)
    dst = flow(
        server, [node("start", "start"), node("end", "end")], chain("start", "end"), TARGET_FIELDS
    )
    r = create(
        server,
        {
            "source_workflow_id": src["id"],
            "target_workflow_id": dst["id"],
            "field_mapping": {"body": "fields.text", "origin": "task_id"},
        },
    )
    assert r.status_code == 201, r.text
    chain_id = r.json()["id"]
    (task_id,) = create_tasks(server, src["id"], [{"text": "hello"}])
    assert wait_task(server, src["id"], task_id)["status"] == "finished"
    (event,) = wait_for(lambda: chained_events(server, src["id"], task_id))
    assert event["data"]["chain_id"] == chain_id
    target_id = event["data"]["target_task_id"]
    target = wait_task(server, dst["id"], target_id)
    assert target["fields"] == {"body": "hello", "origin": task_id}
    with native(server) as api:
        stats = api.get(f"{chains_url(server)}/{chain_id}").json()["stats"]
    assert stats["tasks_created"] == 1 and stats["failures"] == 0 and stats["last_run_at"]
    # Exactly one target task per source task and chain, however long we look.
    assert len(chained_events(server, src["id"], task_id)) == 1


def test_a_disabled_chain_does_nothing_and_an_inactive_target_fails_visibly(server):
    src = source_flow(server)
    dst = make_workflow(server, TARGET_FIELDS, name="done", status="COMPLETED")
    body = {
        "source_workflow_id": src["id"],
        "target_workflow_id": dst["id"],
        "field_mapping": {"body": "fields.text"},
    }
    off = create(server, {**body, "enabled": False}).json()
    on = create(server, body).json()
    (task_id,) = create_tasks(server, src["id"], [{"text": "x"}])
    wait_task(server, src["id"], task_id)
    (event,) = wait_for(lambda: chained_events(server, src["id"], task_id))
    assert event["data"]["chain_id"] == on["id"]
    assert "ACTIVE or PAUSED" in event["data"]["error"]
    assert "target_task_id" not in event["data"]
    with native(server) as api:
        assert api.get(f"{chains_url(server)}/{on['id']}").json()["stats"]["failures"] == 1
        assert api.get(f"{chains_url(server)}/{off['id']}").json()["stats"]["last_run_at"] is None


def test_mapping_copies_an_optional_input_field(server):
    """A source field maps onto a differently named target field."""
    src = source_flow(server)
    dst = flow(
        server, [node("start", "start"), node("end", "end")], chain("start", "end"), TARGET_FIELDS
    )
    create(
        server,
        {
            "source_workflow_id": src["id"],
            "target_workflow_id": dst["id"],
            "field_mapping": {"body": "fields.lang"},
        },
    )
    (task_id,) = create_tasks(server, src["id"], [{"text": "x", "lang": "fr"}])
    wait_task(server, src["id"], task_id)
    (event,) = wait_for(lambda: chained_events(server, src["id"], task_id))
    target = get_task(server, dst["id"], event["data"]["target_task_id"])
    assert target["fields"] == {"body": "fr"}


def test_idempotency_key_replays_the_created_chain(server):
    src = make_workflow(server, TARGET_FIELDS, name="i-src")
    dst = make_workflow(server, TARGET_FIELDS, name="i-dst")
    body = {
        "source_workflow_id": src["id"],
        "target_workflow_id": dst["id"],
        "field_mapping": {"body": "fields.body"},
    }
    headers = {"Idempotency-Key": f"chain-{src['id']}"}
    with native(server) as api:
        first = api.post(chains_url(server), json=body, headers=headers)
        again = api.post(chains_url(server), json=body, headers=headers)
        other = api.post(chains_url(server), json={**body, "name": "x"}, headers=headers)
        listed = api.get(chains_url(server), params={"source_workflow_id": src["id"]}).json()
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert other.status_code == 409
    assert listed["total"] == 1


def test_an_invalid_chain_with_an_idempotency_key_is_refused_not_locked(server):
    """The refusal comes after the chains' lock is taken; releasing the idempotency key (its
    own transaction) waited for that lock on SQLite until the database timed out (a 500 after
    30 s, found by schemathesis). The request's own work is rolled back first now."""
    src = make_workflow(server, SOURCE_FIELDS, name="lk-src")
    dst = make_workflow(server, TARGET_FIELDS, name="lk-dst")
    body = {
        "source_workflow_id": src["id"],
        "target_workflow_id": dst["id"],
        "field_mapping": {"ghost": "output"},
    }
    headers = {"Idempotency-Key": f"bad-chain-{src['id']}"}
    with native(server) as api:
        first = api.post(chains_url(server), json=body, headers=headers)
        # The key was released with the refusal: the corrected body may use it.
        fixed = {**body, "field_mapping": {"body": "output"}}
        second = api.post(chains_url(server), json=fixed, headers=headers)
    assert first.status_code == 422, first.text
    assert second.status_code == 201, second.text
