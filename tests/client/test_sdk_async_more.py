"""The async client's parts test_sdk_async.py leaves out, against a real server: the cursor and
page-token walks, validate, experiments.wait_for, v1's upload_zip and wait_for_task, every KFP
runs method, the event stream's resume, and a lost create reply retried with the same key."""

from __future__ import annotations

import asyncio
import io
import zipfile

import pytest
from kfp_v2beta1_api.api.experiment_service import (
    experiment_service_create_experiment,
    experiment_service_list_experiments,
)
from kfp_v2beta1_api.models import V2Beta1Experiment

from pipelines_client import AsyncClient, WaitTimeout

from .conftest import human_definition, plain_definition, quick_retries, unique
from .proxy import Proxy


def run(coroutine):
    return asyncio.run(coroutine)


def aclient(url: str, key: str, **policy) -> AsyncClient:
    return AsyncClient(url, key, retry=quick_retries(**policy))


async def _workflow(sdk, pid: int, definition: dict) -> int:
    wf = await sdk.workflows.create(pid, definition)
    await sdk.workflows.activate(pid, wf.id)
    return wf.id


def test_async_cursor_and_page_token_walks(server):
    pid = server.seed.project_id

    async def scenario():
        async with aclient(server.base_url, server.seed.api_key) as sdk:
            wf = await _workflow(sdk, pid, human_definition())
            created = await sdk.v1.create_tasks(wf, [{"text": str(i)} for i in range(5)])
            walked = [t.id async for t in sdk.v1.list_tasks(wf, limit=2)]
            assert sorted(walked) == sorted(created.task_ids) and len(walked) == 5
            from external_v1_api.api.tasks import list_tasks

            raw = [
                t.id
                async for t in sdk.paginate_cursor(list_tasks, key="tasks", limit=2, workflow_id=wf)
            ]
            assert raw == walked
            names = {unique("async-exp") for _ in range(3)}
            for name in names:
                await sdk.call(
                    experiment_service_create_experiment,
                    body=V2Beta1Experiment(display_name=name),
                )
            seen = [
                e.display_name
                async for e in sdk.paginate_token(
                    experiment_service_list_experiments, key="experiments", page_size=2
                )
            ]
            assert len(seen) == len(set(seen)) and names <= set(seen)

    run(scenario())


def test_async_validate_experiments_wait_and_v1_zip(server, tmp_path):
    pid = server.seed.project_id

    async def scenario():
        async with aclient(server.base_url, server.seed.api_key) as sdk:
            definition = human_definition()
            assert await sdk.workflows.validate(pid, definition) == []
            issues = await sdk.workflows.validate(pid, {"fields": "nope"})
            assert [i["loc"] for i in issues] == [["body", "fields"]], issues
            # An experiment whose task waits for a person: the wait times out, with the
            # last state; cancelled, the wait returns it.
            human = await _workflow(sdk, pid, definition)
            spec = {"count": 1, "tasks": [{"fields": {"text": "t"}}], "variants": [{}]}
            eid = (await sdk.experiments.create(pid, human, spec)).experiment_id
            progress = []
            with pytest.raises(WaitTimeout) as caught:
                await sdk.experiments.wait_for(
                    pid, human, eid, timeout=1.0, poll=0.2, progress=lambda *a: progress.append(a)
                )
            assert caught.value.last.experiment_id == eid and progress
            await sdk.experiments.cancel(pid, human, eid)
            ended = await sdk.experiments.wait_for(pid, human, eid, timeout=300, poll=0.2)
            assert ended.status.value == "cancelled"
            # v1: a task waited on, and a ZIP of two files uploaded in one call.
            plain = await _workflow(sdk, pid, plain_definition())
            [task] = (await sdk.v1.create_tasks(plain, [{"text": "v1"}])).task_ids
            reads = []
            done = await sdk.v1.wait_for_task(
                plain, task, timeout=300, poll=0.1, progress=reads.append
            )
            assert done.status.value == "finished" and reads[-1] is done
            docs = await _workflow(
                sdk,
                pid,
                {
                    "name": unique("docs"),
                    "fields": [{"name": "document", "type": "file_upload", "required": True}],
                },
            )
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr("a.txt", "one")
                archive.writestr("b.txt", "two")
            source = tmp_path / "docs.zip"
            source.write_bytes(buffer.getvalue())
            sent = []
            confirmed = await sdk.v1.upload_zip(docs, source, progress=lambda *a: sent.append(a))
            size = source.stat().st_size
            assert sent[-1] == (size, size)
            status = await sdk.v1.get_upload(docs, confirmed.upload_id)
            assert status.upload_id == confirmed.upload_id

    run(scenario())


def test_async_events_resume_after_the_connection_drops(server):
    pid = server.seed.project_id
    proxy = Proxy(int(server.base_url.rsplit(":", 1)[1]))

    async def scenario():
        async with (
            aclient(server.base_url, server.seed.api_key) as sdk,
            aclient(proxy.url, server.seed.api_key) as watcher,
        ):
            wf = await _workflow(sdk, pid, human_definition())
            [first] = await sdk.tasks.create(pid, wf, [{"text": "before the drop"}])
            got: list[dict] = []
            second: list[int] = []
            async for event in watcher.events.stream(workflow_id=wf, after=0, max_seconds=300):
                got.append(event)
                tasks = {e["data"]["task_id"] for e in got}
                if not second and first in tasks:
                    before = proxy.connections
                    proxy.cut()  # the stream drops; the next read reconnects
                    second += await sdk.tasks.create(pid, wf, [{"text": "after the drop"}])
                if second and second[0] in tasks:
                    break
            assert second and proxy.connections > before
            ids = [e["id"] for e in got]
            assert len(ids) == len(set(ids))  # nothing twice
            assert {first, second[0]} <= {e["data"]["task_id"] for e in got}

    try:
        run(scenario())
    finally:
        proxy.close()


def test_async_lost_create_reply_is_retried_with_the_same_key(server):
    pid = server.seed.project_id
    proxy = Proxy(int(server.base_url.rsplit(":", 1)[1]))

    async def scenario():
        async with aclient(server.base_url, server.seed.api_key) as sdk:
            wf = await _workflow(sdk, pid, human_definition())
        retries = []
        async with aclient(
            proxy.url, server.seed.api_key, on_retry=lambda *a: retries.append(a)
        ) as sdk:
            proxy.drop_next_reply = True
            ids = await sdk.tasks.create(pid, wf, [{"text": "only once"}])
            assert proxy.dropped == 1 and len(retries) == 1
            keys = proxy.header_values("Idempotency-Key")
            assert len(keys) == 2 and keys[0] == keys[1], keys
            assert [t.id async for t in sdk.tasks.list(pid, wf)] == list(ids) and len(ids) == 1

    try:
        run(scenario())
    finally:
        proxy.close()


def test_async_kfp_runs(server):
    kfp = pytest.importorskip("kfp")  # only to compile and start the run, as a KFP user would
    from tests.compat import kfp_pipelines as P

    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(
        P.loud, arguments={"text": "async-marker"}, run_name=unique("async-run")
    ).run_id

    async def scenario():
        async with aclient(server.base_url, server.seed.api_key) as sdk:
            runs = sdk.kfp.runs
            states = []
            done = await runs.wait_for(run_id, timeout=600, poll=0.2, progress=states.append)
            assert done.state.value == "SUCCEEDED" and states[-1] is done
            assert (await runs.get(run_id)).run_id == run_id
            assert run_id in [r.run_id async for r in runs.list(page_size=1)]
            tasks = await runs.tasks(run_id)
            shout = next(t for t in tasks if t["display_name"] == "shout")
            assert "shouting async-marker" in await runs.logs(run_id, shout["task_id"])
            artifacts = await runs.artifacts(run_id)
            data = next(a for a in artifacts if a["name"] == "data" and a["task"] == "shout")
            assert await runs.read_artifact(run_id, data["node_id"], "data") == b"ASYNC-MARKER"

    run(scenario())
