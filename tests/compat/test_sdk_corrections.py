"""The real pipelines-sdk 0.1.15 against the corrections of /api: every method of the area
(revert_node, refresh_prev_node_info, admin_edit_subtask, admin_submit_subtask,
admin_edit_review, admin_submit_review, admin_inline_edit), its error classes for 403, 404,
409 and 422, and admin-resolve (which the SDK has no method for) through its generic
`request`, sync and async. The SDK's CLI has no command for these operations."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import ConflictError, ForbiddenError, NotFoundError, ValidationError

from tests.api.engine.helpers import create_tasks, node_ready, user_key, wait_task
from tests.api.native.test_corrections import ids, reviewed, submissions_of, two_steps
from tests.compat.sdk import sdk


def test_every_correction_method_through_the_sdk(server):
    admin = sdk(server)
    worker_id, worker_key = user_key(server)
    worker = sdk(server, worker_key)
    _, member_key = user_key(server)
    member = sdk(server, member_key)
    pid = server.seed.project_id

    wf = two_steps(server)
    wid = wf["id"]
    (task_id,) = create_tasks(server, wid, [{"text": "hi"}])
    n = ids(wait_task(server, wid, task_id, until=node_ready("label")))

    # admin_submit_subtask: on the worker's behalf, while the worker holds it.
    worker.get_subtask_node(pid, wid, n["label"])
    with pytest.raises(ValidationError):
        admin.admin_submit_subtask(pid, wid, n["label"], {"values": {"label": "nope"}})
    with pytest.raises(ForbiddenError):
        member.admin_submit_subtask(pid, wid, n["label"], {"values": {"label": "ham"}})
    view = admin.admin_submit_subtask(
        pid, wid, n["label"], {"values": {"label": "spam", "score": 1}}
    )
    assert view["status"] == "finished" and view["output"]["label"] == "spam"

    # refresh_prev_node_info: the holder of the next node, or an admin.
    wait_task(server, wid, task_id, until=node_ready("note"))
    worker.get_subtask_node(pid, wid, n["note"])
    with pytest.raises(ForbiddenError):
        member.refresh_prev_node_info(pid, wid, n["note"])
    view = worker.refresh_prev_node_info(pid, wid, n["note"])
    assert view["input"]["label"] == "spam" and view["assignee_id"] == worker_id
    assert admin.refresh_prev_node_info(pid, wid, n["note"])["status"] == "claimed"

    # admin_edit_subtask and admin_inline_edit: the next node runs again with the new values.
    view = admin.admin_edit_subtask(pid, wid, n["label"], {"values": {"score": 5}})
    assert view["output"]["score"] == 5
    view = admin.admin_inline_edit(pid, wid, n["label"], {"field": "label", "value": "ham"})
    assert view["output"] == {"text": "hi", "label": "ham", "score": 5}
    task = admin.get_task(pid, wid, task_id)
    note = next(x for x in task["nodes"] if x["node_id"] == "note")
    assert note["status"] == "available" and note["input"]["label"] == "ham"
    with pytest.raises(ValidationError):
        admin.admin_inline_edit(pid, wid, n["label"], {"field": "nope", "value": 1})

    # revert_node: back to the first submission.
    with pytest.raises(NotFoundError):
        admin.revert_node(pid, wid, n["label"], 42)
    with pytest.raises(ForbiddenError):
        member.revert_node(pid, wid, n["label"], 1)
    view = admin.revert_node(pid, wid, n["label"], 1)
    assert view["output"]["label"] == "spam" and view["output"]["score"] == 1
    with pytest.raises(ConflictError):  # the next node is open, not submitted
        admin.admin_edit_subtask(pid, wid, n["note"], {"values": {"note": "x"}})

    # Reviews: admin_submit_review, admin_edit_review.
    wf = reviewed(server, max_rereviews=3)
    wid = wf["id"]
    (task_id,) = create_tasks(server, wid, [{"text": "r"}])
    n = ids(wait_task(server, wid, task_id, until=node_ready("label")))
    worker.get_subtask_node(pid, wid, n["label"])
    worker.submit_subtask(pid, wid, n["label"], {"values": {"label": "ham", "score": 2}})
    wait_task(server, wid, task_id, until=node_ready("check"))
    with pytest.raises(ForbiddenError):
        member.admin_submit_review(pid, wid, n["check"], {"decision": "pass"})
    view = admin.admin_submit_review(pid, wid, n["check"], {"decision": "pass", "comment": "ok"})
    assert view["status"] == "finished"
    assert admin.get_task(pid, wid, task_id)["status"] == "finished"
    with pytest.raises(ForbiddenError):
        member.admin_edit_review(pid, wid, n["check"], {"decision": "fail"})
    view = admin.admin_edit_review(pid, wid, n["check"], {"decision": "fail", "comment": "redo"})
    assert view["rejections"] == 1
    task = admin.get_task(pid, wid, task_id)
    assert task["status"] == "in_progress"
    # admin-resolve has no SDK method: the generic request reaches it (409: not escalated).
    with pytest.raises(ConflictError):
        admin.request(
            "POST",
            f"/api/projects/{pid}/workflows/{wid}/nodes/{n['check']}/admin-resolve",
            json={"action": "pass"},
        )


def test_the_async_client_reaches_the_corrections(server):
    wf = reviewed(server, max_rereviews=0)
    pid, wid = server.seed.project_id, wf["id"]
    (task_id,) = create_tasks(server, wid, [{"text": "a"}])
    n = ids(wait_task(server, wid, task_id, until=node_ready("label")))
    base = f"/api/projects/{pid}/workflows/{wid}/nodes"

    async def run() -> tuple:
        async with AsyncPipelinesClient(
            api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            sub = await client.request(
                "POST",
                f"{base}/{n['label']}/admin-submit-subtask",
                json={"values": {"label": "spam", "score": 3}},
            )
            rev = await client.request(
                "POST", f"{base}/{n['check']}/admin-submit-review", json={"decision": "fail"}
            )
            resolved = await client.request(
                "POST", f"{base}/{n['check']}/admin-resolve", json={"action": "pass"}
            )
            return sub, rev, resolved

    sub, rev, resolved = asyncio.run(run())
    assert sub["status"] == "submitted"
    assert rev["status"] == "quarantined"
    assert resolved["status"] == "finished"
    assert wait_task(server, wid, task_id)["status"] == "finished"


def test_the_sdk_retries_a_correction_safely_with_an_idempotency_key(server):
    """The SDK's methods send no key; its generic `request(idempotency_key=...)` does (and
    then retries the POST itself): the same key replays the first correction."""
    admin = sdk(server)
    pid = server.seed.project_id
    wf = two_steps(server)
    wid = wf["id"]
    (task_id,) = create_tasks(server, wid, [{"text": "k"}])
    n = ids(wait_task(server, wid, task_id, until=node_ready("label")))
    path = f"/api/projects/{pid}/workflows/{wid}/nodes/{n['label']}/admin-submit-subtask"
    body = {"values": {"label": "ham", "score": 2}}
    key = f"sdk-{uuid.uuid4().hex}"
    first = admin.request("POST", path, json=body, idempotency_key=key)
    again = admin.request("POST", path, json=body, idempotency_key=key)
    assert again == first and first["status"] == "finished"
    with pytest.raises(ConflictError):
        admin.request("POST", path, json={"values": {"label": "spam"}}, idempotency_key=key)

    async def edit_twice() -> tuple:
        async with AsyncPipelinesClient(
            api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            edit = f"/api/projects/{pid}/workflows/{wid}/nodes/{n['label']}/admin-edit-subtask"
            once = f"sdk-async-{uuid.uuid4().hex}"
            a = await client.request(
                "POST", edit, json={"values": {"score": 4}}, idempotency_key=once
            )
            b = await client.request(
                "POST", edit, json={"values": {"score": 4}}, idempotency_key=once
            )
            return a, b

    a, b = asyncio.run(edit_twice())
    assert a == b and a["output"]["score"] == 4
    vias = [h["via"] for h in submissions_of(server, n["label"])]
    assert vias == ["admin_submit", "admin_edit"]
