"""Dispatch under a backlog and through a broker outage: messages sent stay close to node
runs (one sweeper, re-sending only what the queue does not hold), and a server whose broker
is away answers, then its nodes are sent when the broker is back."""

from __future__ import annotations

import time
from urllib.parse import urlsplit, urlunsplit

from pipelines_server.store.db import Database

from .cluster import TcpProxy
from .helpers import (
    broker_holds,
    code,
    create_tasks,
    flow,
    node_events,
    wait_drained,
    wait_finished,
    wait_for,
)

QUICK = "def main(data):\n    return 1\n"
# A node that takes at least 0.2 s however fast the machine: 200 of them on 4 pool slots keep
# the workers busy for 10 s or more, some 20 sweeps (every 0.5 s, re-sending after 1 s).
NAP = "import time\ndef main(data):\n    time.sleep(0.2)\n    return 1\n"
FAST_SWEEP = {"PIPELINES_REDISPATCH_SECONDS": "1", "PIPELINES_SWEEP_SECONDS": "0.5"}


def _sent_and_waiting(db: Database, wf: int) -> int:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT count(*) FROM node_instances WHERE workflow_id = :wf AND node_id = 'work' "
                "AND queue = 'auto' AND dispatched_at IS NOT NULL"
            ),
            {"wf": wf},
        ).scalar()


def test_a_backlog_does_not_multiply_messages(cluster):
    tasks = 200
    c = cluster(servers=2, workers=0, env=FAST_SWEEP)  # fast sweeps all along, consumption too
    db = Database(c.database_url)
    try:
        wf = flow(c, [code("work", NAP)])
        create_tasks(c, wf, tasks // 2, server=0)
        create_tasks(c, wf, tasks // 2, server=1)
        wait_for(lambda: _sent_and_waiting(db, wf) == tasks, 120, "every node sent")
        time.sleep(3)  # more sweeps while every message waits (the queue is the backlog)
        assert broker_holds(c) >= tasks, "the test does not see the queue it should count"
        for i in range(2):
            c.start_worker(i)
        # Consumed under sweeps: every node runs >= 0.2 s on 4 slots, so re-dispatch (after
        # 1 s) is due for most nodes while they wait their turn.
        wait_finished(db, wf, tasks, 300, c)
        # Every message sent has reached a worker (none waits or is held unacknowledged),
        # and none more came over several sweeps: the count below is final.
        wait_drained(c, 120)
        received = sum(
            1
            for p in c.worker_procs
            for line in p.log().splitlines()
            if "pipelines.run_node[" in line and "received" in line
        )
        runs = node_events(db, wf, "work").get("node.finished", 0)
        assert runs == tasks, f"{runs} runs of {tasks} nodes"  # each node ran once
        assert received >= runs, f"{received} messages logged for {runs} node runs\n{c.logs()}"
        assert received <= runs * 1.1, f"{received} messages for {runs} node runs\n{c.logs()}"
    finally:
        db.dispose()


def test_a_broker_outage_fails_no_request_and_loses_no_node(cluster):
    broker = urlsplit(__import__("os").environ["PIPELINES_TEST_SCALEOUT_BROKER"])
    proxy = TcpProxy((broker.hostname or "127.0.0.1", broker.port or 6379))
    c = cluster(servers=0, workers=1, env=FAST_SWEEP)
    db = Database(c.database_url)
    try:
        via_proxy = urlunsplit(broker._replace(netloc=proxy.address))
        c.start_server(0, env={"PIPELINES_BROKER_URL": via_proxy})
        c.wait_healthy(0)
        wf = flow(c, [code("work", QUICK)])
        proxy.down()
        create_tasks(c, wf, 20)  # 200, not a 500
        wait_for(lambda: "broker unreachable" in c.server_procs[0].log(), 60, "the outage logged")
        proxy.up()
        wait_finished(db, wf, 20, 120, c)
    finally:
        proxy.down()
        db.dispose()
