"""Crash safety: SIGKILL the server while 200 tasks are in flight, start it again, and every
task ends as it would have without the crash, with no node's result recorded twice."""

from __future__ import annotations

import json
import signal
import time
from collections import Counter

from sqlalchemy import text

from pipelines_server.store.db import Database
from tests.api.engine.helpers import chain, create_tasks, flow, node
from tests.support.webhook_receiver import WebhookReceiver

TASKS = 200
ANSWERED = 20  # webhook calls answered before the crash
HTTP_TIMEOUT = 20  # seconds: a held call stays in flight this long before its retry
WORK = (
    "import time\ndef main(data):\n    time.sleep(0.05)\n"
    "    return {'n': data['input']['n'], 'double': data['input']['n'] * 2}\n"
)
CHECK = "def main(data):\n    return int(data['input']['body']['echo']['double']) + 1\n"


def _counts(db: Database, wf_id: int) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, count(*) FROM tasks WHERE workflow_id = :wf GROUP BY status"),
            {"wf": wf_id},
        ).all()
    return dict(rows)


def test_sigkill_with_200_tasks_in_flight(make_server):
    env = {
        "PIPELINES_NODE_LEASE_SECONDS": "2",
        "PIPELINES_ENGINE_POLL_SECONDS": "0.1",
        "PIPELINES_REDISPATCH_SECONDS": "2",
    }
    # The receiver answers the first ANSWERED calls and holds every later one, so at the
    # crash some http nodes are certainly in flight (held by the engine, or waiting to retry a
    # held call that timed out) and most tasks certainly unfinished, however fast or slow the
    # machine is: nothing below depends on timing.
    with WebhookReceiver(echo=True, hold_after=ANSWERED) as hook:
        first = make_server(env=env)
        wf = flow(
            first,
            [
                node("start", "start"),
                node("work", "code", source=WORK, timeout_seconds=5),
                node(
                    "notify",
                    "http",
                    url=hook.url,
                    body={"task": "{{ task_id }}", "double": "{{ input.double }}"},
                    timeout_seconds=HTTP_TIMEOUT,
                ),
                node("check", "code", source=CHECK, timeout_seconds=5),
                node("end", "end"),
            ],
            chain("start", "work", "notify", "check", "end"),
            [{"name": "n", "type": "numeric", "required": True}],
        )
        ids = create_tasks(first, wf["id"], [{"n": i} for i in range(TASKS)])
        db = Database(first.database_url)
        try:
            # ANSWERED calls were answered and one more is held: its node is busy.
            hook.wait_for(ANSWERED + 1, timeout=300)
            if first.worker is not None:  # with Celery the worker holds the nodes: kill both
                first.worker.send_signal(signal.SIGKILL)
                first.worker.wait()
            first.stop(signal.SIGKILL)
            before = _counts(db, wf["id"])
            with db.engine.connect() as conn:
                in_flight = conn.execute(
                    text(
                        "SELECT count(*) FROM node_instances WHERE node_id = 'notify' "
                        "AND status IN ('claimed', 'deferred')"
                    )
                ).scalar()
            assert before.get("finished", 0) < TASKS, "the crash came too late to test anything"
            assert in_flight > 0, "no node was held at the crash"
            hook.release()  # the restarted server's calls are answered at once

            second = make_server(env=env, database_url=first.database_url, seed=False)
            second.seed = first.seed
            deadline = time.monotonic() + 600
            while _counts(db, wf["id"]).get("finished", 0) < TASKS:
                counts = _counts(db, wf["id"])
                assert not counts.get("failed"), (counts, second.log())
                assert time.monotonic() < deadline, (counts, second.log())
                time.sleep(0.1)

            with db.engine.connect() as conn:
                outputs = dict(
                    conn.execute(
                        text("SELECT id, output FROM tasks WHERE workflow_id = :wf"),
                        {"wf": wf["id"]},
                    ).all()
                )
                finished_events = Counter(
                    conn.execute(
                        text(
                            "SELECT task_id, node_id FROM task_events "
                            "WHERE workflow_id = :wf AND type = 'node.finished'"
                        ),
                        {"wf": wf["id"]},
                    ).all()
                )
                statuses = Counter(
                    r[0]
                    for r in conn.execute(
                        text("SELECT status FROM node_instances WHERE workflow_id = :wf"),
                        {"wf": wf["id"]},
                    )
                )
                replies = conn.execute(
                    text(
                        "SELECT output FROM node_instances "
                        "WHERE workflow_id = :wf AND node_id = 'notify'"
                    ),
                    {"wf": wf["id"]},
                ).all()
        finally:
            db.dispose()

        # Every task reached the state and output it would have reached without the crash.
        expected = {task_id: n * 2 + 1 for n, task_id in enumerate(ids)}
        outputs = {k: json.loads(v) if isinstance(v, str) else v for k, v in outputs.items()}
        assert {tid: outputs[tid] for tid in ids} == expected
        # Every node of every task finished, and its result was recorded exactly once.
        assert statuses == Counter({"finished": TASKS * 5})
        assert len(finished_events) == TASKS * 5
        assert set(finished_events.values()) == {1}
        replies = [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in replies]
        assert all(r["status"] == 200 for r in replies)
        # The webhook saw every task; a call repeated by the crash carries the same key.
        by_key: dict[str, list[dict]] = {}
        for request in hook.requests:
            by_key.setdefault(request["headers"]["idempotency-key"], []).append(request["json"])
        assert len(by_key) == TASKS
        for bodies in by_key.values():
            assert all(b == bodies[0] for b in bodies)
