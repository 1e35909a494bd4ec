"""The async client against a real server: call, paging, waits (and their timeout), the event
stream, and the helpers made of several calls."""

from __future__ import annotations

import asyncio

import pytest
from pipelines_api.api.auth import get_me
from pipelines_api.api.tags import list_workflow_tasks

from pipelines_client import AsyncClient, NotFound, WaitTimeout

from .conftest import human_definition, plain_definition, quick_retries


def run(coroutine):
    return asyncio.run(coroutine)


def test_async_call_paginate_waits_and_events(server, tmp_path):
    pid = server.seed.project_id

    async def scenario():
        async with AsyncClient(server.base_url, server.seed.api_key, retry=quick_retries()) as sdk:
            me = await sdk.call(get_me)
            assert me.org_id == server.seed.org_id
            assert (await sdk.whoami()).org_id == me.org_id
            with pytest.raises(NotFound):
                await sdk.projects.get(987654321)
            human = await sdk.workflows.create(pid, human_definition())
            await sdk.workflows.activate(pid, human.id)
            plain = await sdk.workflows.create(pid, plain_definition())
            await sdk.workflows.activate(pid, plain.id)
            progress = []
            ids = await sdk.tasks.create(
                pid,
                human.id,
                [{"text": str(i)} for i in range(5)],
                batch_size=2,
                progress=lambda *a: progress.append(a),
            )
            assert len(ids) == 5 and progress[-1] == (5, 5)
            walked = [
                t.id
                async for t in sdk.paginate(
                    list_workflow_tasks, page_size=2, project_id=pid, workflow_id=human.id
                )
            ]
            assert sorted(walked) == sorted(ids)
            assert sorted([t.id async for t in sdk.tasks.list(pid, human.id)]) == sorted(ids)
            # A task that finishes, and one that never does.
            [done_id] = await sdk.tasks.create(pid, plain.id, [{"text": "x"}])
            reads = []
            task = await sdk.tasks.wait_for(
                pid, plain.id, done_id, timeout=120, poll=0.1, progress=reads.append
            )
            assert task.status.value == "finished" and reads
            with pytest.raises(WaitTimeout) as caught:
                await sdk.tasks.wait_for(pid, human.id, ids[0], timeout=1.0, poll=0.2)
            assert caught.value.last.id == ids[0]
            # A job, waited on with progress.
            job = await sdk.jobs.create_tasks(pid, human.id, [{"text": "j"}])
            counts = []
            job = await sdk.jobs.wait_for(
                "create-tasks",
                job.job_id,
                project_id=pid,
                workflow_id=human.id,
                poll=0.1,
                progress=lambda *a: counts.append(a),
            )
            assert job.status.value == "completed" and counts[-1] == (1, 1)
            # The workflow's events from the start.
            seen: set[int] = set()
            async for event in sdk.events.stream(workflow_id=human.id, after=0, max_seconds=300):
                seen.add(event["data"]["task_id"])
                if seen >= set(ids):
                    break
            assert seen >= set(ids)
            # Uploads and the export in one call each.
            source = tmp_path / "a.txt"
            source.write_bytes(b"hello")
            uploaded = await sdk.files.upload(pid, source)
            assert uploaded.size_bytes == 5
            rows = tmp_path / "rows.jsonl"
            rows.write_text('{"q": 1}\n{"q": 2}\n')
            dataset = await sdk.datasets.import_file(rows, poll=0.1)
            assert len([r async for r in sdk.datasets.content(dataset.id)]) == 2
            target = tmp_path / "export.jsonl"
            exported = await sdk.tasks.export(pid, human.id, target, poll=0.1)
            assert exported.status.value == "completed" and target.stat().st_size > 0

    run(scenario())
