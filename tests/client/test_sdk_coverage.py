"""The SDK helpers and error classes the other files leave out, each against a real server:
project unarchive, workflow complete / delete / status summary, file URLs (and Gone), reviews
in my-work, cancelling a create-tasks job, seeding from a dataset, v1's workflow, 503 retried
(and ServiceUnavailable), 400 and 413."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from pipelines_api.api.datasets import seed_from_dataset
from pipelines_api.models import SeedFromDataset

from pipelines_client import (
    BadRequest,
    Client,
    Gone,
    NotFound,
    PayloadTooLarge,
    ServiceUnavailable,
)
from pipelines_client.errors import raise_for_status

from .conftest import (
    FORM_FIELDS,
    human_definition,
    member_key,
    plain_definition,
    quick_retries,
    unique,
)

FINAL_JOB = {"completed", "completed_with_partial_results", "failed", "cancelled"}


def test_projects_unarchive(sdk):
    project = sdk.projects.create(unique("p"))
    sdk.projects.archive(project.id)
    assert project.id not in [p.id for p in sdk.projects.list()]
    assert sdk.projects.unarchive(project.id).id == project.id
    assert project.id in [p.id for p in sdk.projects.list()]


def test_workflows_status_summary_complete_and_delete(sdk, server, human_wf):
    pid = server.seed.project_id
    ids = sdk.tasks.create(pid, human_wf, [{"text": "a"}, {"text": "b"}])
    summary = sdk.workflows.status_summary(pid, human_wf)
    assert summary.workflow_id == human_wf and summary.total_tasks == len(ids) == 2
    assert summary.finished_tasks == 0
    assert sdk.workflows.complete(pid, human_wf).status.value == "COMPLETED"
    # A workflow without tasks is deleted; one with tasks only archived (409).
    draft = sdk.workflows.create(pid, plain_definition())
    assert sdk.workflows.delete(pid, draft.id) is None
    with pytest.raises(NotFound):
        sdk.workflows.get(pid, draft.id)


def test_files_url_then_gone_once_collected(sdk, server, tmp_path):
    pid = server.seed.project_id
    source = tmp_path / "doc.txt"
    source.write_bytes(b"some text")
    uploaded = sdk.files.upload(pid, source)
    link = sdk.files.url(pid, uploaded.id)
    assert link.file_id == uploaded.id and link.size_bytes == 9
    signed = httpx.URL(server.base_url).join(link.url)
    assert httpx.get(signed).content == b"some text"
    sdk.request("POST", f"/api/projects/{pid}/files/{uploaded.id}/enqueue-gc")
    with pytest.raises(NotFound):
        sdk.files.url(pid, uploaded.id)
    # The signed link handed out before: 410, which the SDK's errors name Gone.
    with pytest.raises(Gone) as caught:
        raise_for_status(httpx.get(signed))
    assert caught.value.status == 410 and caught.value.message == "This file has been deleted"


def _review_definition() -> dict:
    definition = human_definition()
    definition["graph"] = {
        "nodes": [
            {"id": "start", "kind": "start"},
            {"id": "label", "kind": "subtask", "config": {"fields": FORM_FIELDS}},
            {"id": "check", "kind": "review", "config": {}},
            {"id": "end", "kind": "end"},
        ],
        "edges": [
            {"source": "start", "target": "label"},
            {"source": "label", "target": "check"},
            {"source": "check", "target": "end"},
        ],
    }
    return definition


def _work_item(client, task_id: int, kind: str, timeout: float = 300):
    """The caller's open work item of `kind` for `task_id`, once it is offered."""
    deadline = time.monotonic() + timeout
    while True:
        found = [w for w in client.work.list(kind=kind) if w.task_id == task_id]
        if found:
            return found[0]
        assert time.monotonic() < deadline, f"no {kind} of task {task_id} offered"
        time.sleep(0.2)


def test_work_claim_review_and_submit_review(sdk, server):
    pid = server.seed.project_id
    wf = sdk.workflows.create(pid, _review_definition())
    sdk.workflows.activate(pid, wf.id)
    [task_id] = sdk.tasks.create(pid, wf.id, [{"text": "check me"}])
    form = _work_item(sdk, task_id, "subtask")
    sdk.work.claim(form.project_id, form.workflow_id, form.node_db_id)
    sdk.work.submit(form.project_id, form.workflow_id, form.node_db_id, {"label": "good"})
    # Nobody reviews their own work: a second member does.
    with Client(server.base_url, member_key(server), retry=quick_retries()) as reviewer:
        item = _work_item(reviewer, task_id, "review")
        node = (item.project_id, item.workflow_id, item.node_db_id)
        opened = reviewer.work.claim_review(*node)
        assert opened.node_db_id == item.node_db_id
        reviewer.work.submit_review(*node, decision="pass", comment="fine")
    task = sdk.tasks.wait_for(pid, wf.id, task_id, timeout=300, poll=0.2)
    assert task.status.value == "finished"


def test_jobs_cancel_create_tasks(sdk, server, human_wf):
    pid = server.seed.project_id
    job = sdk.jobs.create_tasks(pid, human_wf, [{"text": str(i)} for i in range(2000)])
    cancelled = sdk.jobs.cancel_create_tasks(pid, human_wf, job.job_id)
    # The job may have ended before the cancel arrived (a fast machine): either way the
    # reply is that job, and it ends; cancelled, it made fewer tasks than asked.
    assert cancelled.job_id == job.job_id
    assert cancelled.cancel_requested or cancelled.status.value in FINAL_JOB
    ended = sdk.jobs.wait_for(
        "create-tasks", job.job_id, project_id=pid, workflow_id=human_wf, poll=0.2, timeout=600
    )
    assert ended.status.value in ("cancelled", "completed"), ended.status
    if ended.status.value == "cancelled":
        assert len(ended.task_ids or []) < 2000


def test_jobs_seed_from_a_dataset(sdk, server, human_wf, tmp_path):
    pid = server.seed.project_id
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"text": f"seeded {i}"}) + "\n" for i in range(3)))
    dataset = sdk.datasets.import_file(rows, name=unique("seed"), poll=0.1)
    job = sdk.call(
        seed_from_dataset,
        project_id=pid,
        workflow_id=human_wf,
        body=SeedFromDataset(dataset_id=dataset.id),
    )
    ids = {"project_id": pid, "workflow_id": human_wf}
    assert sdk.jobs.get("seed", job.job_id, **ids).job_id == job.job_id
    progress = []
    done = sdk.jobs.wait_for(
        "seed", job.job_id, poll=0.1, progress=lambda *a: progress.append(a), **ids
    )
    assert done.status.value == "completed" and len(done.task_ids) == 3
    assert progress[-1] == (3, 3)
    assert {t.fields["text"] for t in sdk.tasks.list(pid, human_wf)} >= {
        f"seeded {i}" for i in range(3)
    }


def test_v1_workflow(sdk, plain_wf):
    assert sdk.v1.workflow(plain_wf).id == plain_wf


def test_bad_request_is_its_class(sdk):
    # The KFP surface answers a pipeline without a name with 400 and its own error shape.
    with pytest.raises(BadRequest) as caught:
        sdk.request("POST", "/apis/v2beta1/pipelines", json={"display_name": " "})
    assert caught.value.status == 400 and "required" in caught.value.message, caught.value.body


def test_413_and_503_are_their_classes_and_a_503_is_retried_until_it_clears(make_server):
    # One server for both (servers are slow to start): one event stream at a time, 4 KiB bodies.
    server = make_server(
        env={"PIPELINES_EVENTS_MAX_STREAMS": "1", "PIPELINES_MAX_BODY_BYTES": "4096"}
    )
    url, key = server.base_url, server.seed.api_key
    with Client(url, key, retry=quick_retries()) as sdk:
        with pytest.raises(PayloadTooLarge) as too_large:
            sdk.projects.create(unique("big"), description="x" * 10_000)
    assert too_large.value.status == 413 and "4096" in too_large.value.message

    with Client(url, key, retry=quick_retries()) as holder:
        held = holder.http.stream("GET", "/api/events", timeout=httpx.Timeout(30.0, read=None))
        response = held.__enter__()  # the one stream this server allows is open
        assert response.status_code == 200
        released = threading.Event()

        def release_then_wait(seconds: float) -> None:
            # The retry's wait: the first one frees the stream; each waits a moment for the
            # server to notice (as many retries as that takes: no time window).
            if not released.is_set():
                released.set()
                held.__exit__(None, None, None)
            time.sleep(0.1)

        try:
            with Client(url, key, retry=quick_retries(retries=0)) as once:
                with pytest.raises(ServiceUnavailable) as caught:
                    next(iter(once.events.stream(after=0, max_seconds=5)))
            assert caught.value.status == 503 and "event streams" in caught.value.message
            retries = []
            policy = quick_retries(
                retries=3000, sleep=release_then_wait, on_retry=lambda *a: retries.append(a)
            )
            with Client(url, key, retry=policy) as patient:
                list(patient.events.stream(after=0, max_seconds=1))
            assert retries and {r[2] for r in retries} == {"HTTP 503"}
            assert released.is_set()
        finally:
            if not released.is_set():
                held.__exit__(None, None, None)
