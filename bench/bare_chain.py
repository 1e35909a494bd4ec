"""The baseline of the Celery benchmark: the same executor functions as the engine's
start -> code -> logic gate -> code -> end, as a bare Celery chain with no database."""

from __future__ import annotations

import os
import time

import redis
from celery import Celery, chain

from bench.engine import FIRST, GATE, SECOND
from pipelines_server.engine.executors import EXECUTORS
from pipelines_server.engine.executors.base import NodeContext

BROKER = os.environ.get("PIPELINES_BENCH_BROKER", "redis://127.0.0.1:6379/3")
QUEUE = os.environ.get("PIPELINES_CELERY_QUEUE", "bench-bare")
app = Celery("bare", broker=BROKER)
app.conf.update(
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    task_default_queue=QUEUE,
    broker_connection_retry_on_startup=True,
)
COUNTER = f"{QUEUE}:done"


def _ctx(task_id: int, node_id: str, value, fields: dict) -> NodeContext:
    return NodeContext(
        task_id=task_id,
        instance_id=task_id,
        node_id=node_id,
        attempt=1,
        input=value,
        task_fields=fields,
        outputs={},
    )


@app.task(name="bare.first")
def first(task_id: int, fields: dict):
    return EXECUTORS["code"]({"source": FIRST}, _ctx(task_id, "first", fields, fields)).output


@app.task(name="bare.gate")
def gate(value, task_id: int, fields: dict):
    return EXECUTORS["logic_gate"](GATE, _ctx(task_id, "gate", value, fields)).output


@app.task(name="bare.second")
def second(value, task_id: int, fields: dict):
    out = EXECUTORS["code"]({"source": SECOND}, _ctx(task_id, "second", value, fields)).output
    redis.Redis.from_url(BROKER).incr(COUNTER)
    return out


def run(count: int, timeout: float = 1800) -> dict:
    r = redis.Redis.from_url(BROKER)
    r.delete(COUNTER)
    started = time.perf_counter()
    for i in range(count):
        fields = {"n": i % 10}
        chain(first.s(i, fields), gate.s(i, fields), second.s(i, fields)).apply_async()
    while int(r.get(COUNTER) or 0) < count:
        if time.perf_counter() - started > timeout:
            raise RuntimeError("bare chains did not finish")
        time.sleep(0.05)
    wall = time.perf_counter() - started
    return {"tasks": count, "wall_s": round(wall, 3), "tasks_per_second": round(count / wall, 1)}
