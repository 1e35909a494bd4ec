"""The work area through the real pipelines-sdk 0.1.15, unchanged: my-work and my-submissions at
every scope (get_ and iter_), the submission view, node history and with-linked, and two of
them through the AsyncPipelinesClient (which has no named methods for them: its generic
request and paginate). The SDK's CLI has no command for these."""

from __future__ import annotations

import asyncio

import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import NotFoundError

from tests.api.native.work_story import story, stranger
from tests.compat.sdk import sdk
from tests.server import seed_database


@pytest.fixture
def org(server):
    """A fresh organization on the shared server, so that its lists are its own."""
    return seed_database(server.database_url)


def test_my_work_and_my_submissions_at_every_scope(server, org):
    s = story(server, org, passes=False)  # attempt 2 waits for its review
    worker, admin = sdk(s.srv, s.worker_key), sdk(s.srv)
    pid, oid = org.project_id, org.org_id

    # my-submissions: project, organization, everywhere; get_ and iter_ agree.
    pages = [
        worker.get_my_submissions(pid),
        worker.get_org_my_submissions(oid),
        worker.get_global_my_submissions(),
    ]
    for page in pages:
        assert page["total"] == 2
        assert [i["attempt_number"] for i in page["items"]] == [2, 1]
        assert [i["review"]["status"] for i in page["items"]] == ["pending", "rejected"]
    iterated = [
        list(worker.iter_my_submissions(pid, page_size=1)),
        list(worker.iter_org_my_submissions(oid, page_size=1)),
        list(worker.iter_global_my_submissions(page_size=1)),
    ]
    for items in iterated:
        assert [i["id"] for i in items] == [i["id"] for i in pages[0]["items"]]
    assert worker.get_my_submissions(pid, kind="review")["total"] == 0
    # `status` is the node's current status: both submissions are of the node now submitted
    assert worker.get_global_my_submissions(status="submitted")["total"] == 2
    assert worker.get_global_my_submissions(status="finished")["total"] == 0

    # my-work: the review waits for the admin, not for the worker (nothing open for them).
    for page in (
        admin.get_my_work(pid),
        admin.get_org_my_work(oid),
        admin.get_global_my_work(),
    ):
        assert [(i["node_db_id"], i["kind"]) for i in page["items"]] == [(s.check, "review")]
    assert [i["node_db_id"] for i in admin.iter_my_work(pid)] == [s.check]
    assert [i["node_db_id"] for i in admin.iter_org_my_work(oid)] == [s.check]
    assert [i["node_db_id"] for i in admin.iter_global_my_work()] == [s.check]
    assert worker.get_org_my_work(oid)["total"] == 0

    other = sdk(stranger(server))
    with pytest.raises(NotFoundError):
        other.get_org_my_work(oid)
    with pytest.raises(NotFoundError):
        other.get_org_my_submissions(oid)
    with pytest.raises(NotFoundError):
        other.get_my_submissions(pid)
    assert other.get_global_my_submissions()["total"] == 0


def test_submission_view_history_and_with_linked(server, org):
    s = story(server, org)
    client = sdk(s.srv, s.worker_key)
    pid, wid = org.project_id, s.wf["id"]

    view = client.get_submission_view(pid, str(s.label))
    assert [x["values"]["label"] for x in view["submissions"]] == ["ham", "spam"]
    assert [x["review"]["status"] for x in view["submissions"]] == ["rejected", "passed"]
    assert [(v["decision"], v["comment"]) for v in view["reviews"]] == [
        ("fail", "redo"),
        ("pass", "good"),
    ]

    history = client.get_node_history(pid, wid, s.label)
    types = [e["type"] for e in history["items"]]
    assert types.count("node.submitted") == 2 and "review.rejected" in types
    submitted = [e for e in history["items"] if e["type"] == "node.submitted"]
    assert [e["submission"]["values"]["label"] for e in submitted] == ["ham", "spam"]
    assert {e["user_id"] for e in submitted} == {s.worker_id}

    linked = client.get_node_with_linked(pid, wid, s.label)
    assert linked["node"]["node_db_id"] == s.label
    assert [n["node_id"] for n in linked["upstream"]] == ["start"]
    assert [n["node_id"] for n in linked["downstream"]] == ["check"]

    other = sdk(stranger(server))
    for call in (
        lambda: other.get_submission_view(pid, str(s.label)),
        lambda: other.get_node_history(pid, wid, s.label),
        lambda: other.get_node_with_linked(pid, wid, s.label),
    ):
        with pytest.raises(NotFoundError):
            call()


def test_async_client_reads_my_submissions_and_history(server, org):
    s = story(server, org)
    pid, wid = org.project_id, s.wf["id"]

    async def run():
        async with AsyncPipelinesClient(
            api_key=s.worker_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            mine = [i async for i in client.paginate("/api/my-submissions", page_size=1)]
            history = await client.request(
                "GET", f"/api/projects/{pid}/workflows/{wid}/nodes/{s.label}/history"
            )
            return mine, history

    mine, history = asyncio.run(run())
    assert [(i["attempt_number"], i["review"]["status"]) for i in mine] == [
        (2, "passed"),
        (1, "rejected"),
    ]
    assert "review.passed" in [e["type"] for e in history["items"]]
