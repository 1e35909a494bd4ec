"""Every resource helper of the synchronous SDK against a real server."""

from __future__ import annotations

import json

import pytest

from pipelines_client import NotFound, WaitTimeout
from pipelines_client.core import as_dict

from .conftest import human_definition, unique


def test_whoami_and_projects(sdk, server):
    me = sdk.whoami()
    assert me.org_id == server.seed.org_id
    project = sdk.projects.create(unique("p"), description="made by the SDK")
    assert sdk.projects.get(project.id).description == "made by the SDK"
    assert project.id in [p.id for p in sdk.projects.list()]
    renamed = sdk.projects.update(project.id, name="renamed " + project.name)
    assert renamed.name.startswith("renamed ")
    sdk.projects.archive(project.id)
    assert project.id not in [p.id for p in sdk.projects.list()]
    assert project.id in [p.id for p in sdk.projects.list(include_archived=True)]
    sdk.projects.delete(project.id)
    with pytest.raises(NotFound):
        sdk.projects.get(project.id)


def test_workflows_lifecycle_and_validate(sdk, server):
    pid = server.seed.project_id
    definition = human_definition()
    assert sdk.workflows.validate(pid, definition) == []
    # The contract's shape (a 422 of the request) and the graph's rules (the server's dry
    # run) come back the same way, located in the body; nothing is saved.
    issues = sdk.workflows.validate(pid, {"fields": "nope"})
    assert [i["loc"] for i in issues] == [["body", "fields"]], issues
    broken = {
        **definition,
        "graph": {
            **definition["graph"],
            "edges": [*definition["graph"]["edges"], {"source": "start", "target": "nowhere"}],
        },
    }
    issues = sdk.workflows.validate(pid, broken)
    assert issues and all(i["loc"][:2] == ["body", "graph"] for i in issues), issues
    assert any("nowhere" in i["msg"] for i in issues), issues
    assert sdk.workflows.validate(pid, {**definition, "name": "another"}) == []
    wf = sdk.workflows.create(pid, definition)
    assert sdk.workflows.get(pid, wf.id).name == definition["name"]
    updated = sdk.workflows.update(pid, wf.id, {"description": "now described"})
    assert updated.description == "now described"
    assert sdk.workflows.activate(pid, wf.id).status.value == "ACTIVE"
    assert sdk.workflows.pause(pid, wf.id).status.value == "PAUSED"
    assert wf.id in [w.id for w in sdk.workflows.list(pid)]
    assert sdk.workflows.archive(pid, wf.id).status.value == "ARCHIVED"


def test_tasks_create_in_batches_with_progress_then_read_and_cancel(sdk, server, human_wf):
    pid = server.seed.project_id
    seen = []
    rows = [{"text": f"row {i}"} for i in range(5)] + [{}]  # the last row lacks `text`
    created = sdk.tasks.create(
        pid, human_wf, rows, batch_size=2, progress=lambda *a: seen.append(a)
    )
    assert seen == [(2, 6), (4, 6), (6, 6)]
    assert len(created) == 5 and len(set(created)) == 5
    assert [e["index"] for e in created.errors] == [5]  # counted over every row, not per batch
    listed = {t.id for t in sdk.tasks.list(pid, human_wf)}
    assert listed == set(created)
    task = sdk.tasks.get(pid, human_wf, created[0])
    assert task.fields["text"] == "row 0"
    assert list(sdk.tasks.timeline(pid, human_wf, created[0]))
    assert sdk.tasks.cancel(pid, human_wf, created[0]).status.value == "cancelled"
    # A generator of rows (no length): progress says the total is unknown.
    seen.clear()
    more = sdk.tasks.create(
        pid, human_wf, ({"text": str(i)} for i in range(3)), progress=lambda *a: seen.append(a)
    )
    assert len(more) == 3 and seen == [(3, None)]


def test_wait_for_a_task_that_finishes_and_one_that_never_does(sdk, server, plain_wf, human_wf):
    pid = server.seed.project_id
    [done_id] = sdk.tasks.create(pid, plain_wf, [{"text": "x"}])
    reads = []
    task = sdk.tasks.wait_for(pid, plain_wf, done_id, timeout=120, poll=0.1, progress=reads.append)
    assert task.status.value == "finished" and reads and reads[-1] is task
    [waiting_id] = sdk.tasks.create(pid, human_wf, [{"text": "x"}])
    reads.clear()
    with pytest.raises(WaitTimeout) as caught:
        sdk.tasks.wait_for(pid, human_wf, waiting_id, timeout=1.0, poll=0.2, progress=reads.append)
    # What holds at any speed: the task waits for a person, so every state read is unfinished
    # and the error carries the last one.
    assert reads and reads[-1] is caught.value.last
    assert caught.value.last.id == waiting_id
    assert all(r.status.value not in ("finished", "failed", "cancelled") for r in reads)


def test_export_to_a_file_through_the_export_job(sdk, server, human_wf, tmp_path):
    pid = server.seed.project_id
    ids = sdk.tasks.create(pid, human_wf, [{"text": f"e{i}"} for i in range(4)])
    progress = []
    target = tmp_path / "tasks.jsonl"
    job = sdk.tasks.export(pid, human_wf, target, progress=lambda *a: progress.append(a), poll=0.1)
    assert job.status.value == "completed"
    lines = [json.loads(line) for line in target.read_text().splitlines() if line.strip()]
    assert sorted(row["id"] for row in lines) == sorted(ids)
    assert progress and progress[-1][0] == progress[-1][1] == 4


def test_jobs_create_tasks_async_and_wait(sdk, server, human_wf):
    pid = server.seed.project_id
    job = sdk.jobs.create_tasks(pid, human_wf, [{"text": f"j{i}"} for i in range(3)])
    progress = []
    done = sdk.jobs.wait_for(
        "create-tasks",
        job.job_id,
        project_id=pid,
        workflow_id=human_wf,
        poll=0.1,
        progress=lambda *a: progress.append(a),
    )
    assert done.status.value == "completed" and len(done.task_ids) == 3
    assert progress[-1] == (3, 3)
    assert sdk.jobs.get("create-tasks", job.job_id, project_id=pid, workflow_id=human_wf)
    with pytest.raises(TypeError):
        sdk.jobs.get("create-tasks", job.job_id)


def test_work_list_claim_release_submit(sdk, server, human_wf):
    pid = server.seed.project_id
    [task_id] = sdk.tasks.create(pid, human_wf, [{"text": "label me"}])

    def mine():
        return [w for w in sdk.work.list() if w.task_id == task_id]

    waited = sdk.tasks.wait_for(
        pid, human_wf, task_id, timeout=120, poll=0.1, until={"in_progress", "pending"}
    )
    assert waited
    item = None
    for _ in range(600):
        items = mine()
        if items:
            item = items[0]
            break
        import time

        time.sleep(0.1)
    assert item is not None, "the form never reached my-work"
    assert [w.task_id for w in sdk.work.list(server.seed.org_id)].count(task_id) == 1
    assert [w.task_id for w in sdk.work.list(project_id=pid)].count(task_id) == 1
    node = (item.project_id, item.workflow_id, item.node_db_id)
    assert sdk.work.get(*node)
    sdk.work.claim(*node)
    sdk.work.release(*node)
    sdk.work.claim(*node)
    sdk.work.submit(*node, {"label": "good"})
    task = sdk.tasks.wait_for(pid, human_wf, task_id, timeout=120, poll=0.1)
    assert task.status.value == "finished"


def test_keys_create_list_revoke(sdk, server):
    org = server.seed.org_id
    created = sdk.keys.create(org, unique("k"), expires_in_days=30)
    assert created.key.startswith("pk_")
    assert created.id in [k.id for k in sdk.keys.list(org)]
    assert sdk.keys.revoke(org, created.id).status.value == "revoked"


def test_files_upload_in_one_call_with_progress(sdk, server, tmp_path):
    source = tmp_path / "notes.txt"
    source.write_bytes(b"x" * 300_000)
    progress = []
    uploaded = sdk.files.upload(
        server.seed.project_id, source, progress=lambda *a: progress.append(a)
    )
    data = as_dict(uploaded)
    assert data["size_bytes"] == 300_000
    assert progress[-1] == (300_000, 300_000) and len(progress) >= 2
    assert data["id"] in [f.id for f in sdk.files.list(server.seed.project_id)]


def test_datasets_import_in_one_call_then_read(sdk, tmp_path):
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps({"q": f"question {i}"}) + "\n" for i in range(7)))
    progress = []
    dataset = sdk.datasets.import_file(
        source, name=unique("ds"), poll=0.1, progress=lambda *a: progress.append(a)
    )
    assert dataset.id in [d.id for d in sdk.datasets.list()]
    assert sdk.datasets.get(dataset.id).name == dataset.name
    rows = list(sdk.datasets.content(dataset.id))
    assert len(rows) == 7
    assert progress
