"""The SDK's experiments, External API v1 and KFP runs helpers against a real server."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipelines_client import WaitTimeout

from .conftest import unique


def test_experiments_create_get_wait_timeout_cancel(sdk, server, human_wf):
    pid = server.seed.project_id
    spec = {"count": 1, "tasks": [{"fields": {"text": "t"}}], "variants": [{}]}
    experiment = sdk.experiments.create(pid, human_wf, spec)
    eid = experiment.experiment_id
    assert sdk.experiments.get(pid, human_wf, eid).variants[0].name == "variant-1"
    progress = []
    # Its copy's task waits at a person's form: the experiment never ends by itself.
    with pytest.raises(WaitTimeout) as caught:
        sdk.experiments.wait_for(
            pid, human_wf, eid, timeout=1.0, poll=0.2, progress=lambda *a: progress.append(a)
        )
    assert caught.value.last.experiment_id == eid and progress
    sdk.experiments.cancel(pid, human_wf, eid)
    ended = sdk.experiments.wait_for(pid, human_wf, eid, timeout=120, poll=0.2)
    assert ended.status.value == "cancelled"


def test_v1_tasks_zip_upload_and_wait(sdk, server, plain_wf, tmp_path):
    [task] = sdk.v1.create_tasks(plain_wf, [{"text": "via v1"}]).task_ids
    assert sdk.v1.get_task(plain_wf, task).id == task
    done = sdk.v1.wait_for_task(plain_wf, task, timeout=120, poll=0.1)
    assert done.status.value == "finished"
    assert sdk.v1.schema(plain_wf)
    # A workflow with a file field: a ZIP of two files makes two tasks, in one call.
    definition = {
        "name": unique("docs"),
        "fields": [{"name": "document", "type": "file_upload", "required": True}],
    }
    wf = sdk.workflows.create(server.seed.project_id, definition)
    sdk.workflows.activate(server.seed.project_id, wf.id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "one")
        archive.writestr("b.txt", "two")
    source = tmp_path / "docs.zip"
    source.write_bytes(buffer.getvalue())
    progress = []
    confirmed = sdk.v1.upload_zip(wf.id, source, progress=lambda *a: progress.append(a))
    assert progress[-1] == (source.stat().st_size, source.stat().st_size)
    status = sdk.v1.get_upload(wf.id, confirmed.upload_id)
    assert status.upload_id == confirmed.upload_id


def test_kfp_runs_list_get_wait_logs_artifacts(sdk, server, tmp_path):
    kfp = pytest.importorskip("kfp")  # only to compile and start the run, as a KFP user would
    from tests.compat import kfp_pipelines as P

    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(
        P.loud, arguments={"text": "sdk-marker"}, run_name=unique("sdk-run")
    ).run_id
    states = []
    run = sdk.kfp.runs.wait_for(run_id, timeout=300, poll=0.2, progress=states.append)
    assert run.state.value == "SUCCEEDED" and states
    assert run_id in [r.run_id for r in sdk.kfp.runs.list(page_size=1)]
    assert sdk.kfp.runs.get(run_id).run_id == run_id
    artifacts = sdk.kfp.runs.artifacts(run_id)
    data = next(a for a in artifacts if a["name"] == "data" and a["task"] == "shout")
    assert sdk.kfp.runs.read_artifact(run_id, data["node_id"], "data") == b"SDK-MARKER"
    task = next(t for t in sdk.kfp.runs.tasks(run_id) if t["display_name"] == "shout")
    assert "shouting sdk-marker" in sdk.kfp.runs.logs(run_id, task["task_id"])
