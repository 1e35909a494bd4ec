"""Celery workers for machine nodes (`PIPELINES_EXECUTOR=celery`; `make worker` starts one).

A message carries only a node instance id. The worker claims that node in the database if
it is still due (so a duplicate or stale message does nothing), runs it, records the result,
and sends a message for every machine node the result queued. The database stays the
source of truth; the server re-sends nodes that stay due too long (worker_pool.Engine._sweep).
"""

from __future__ import annotations

import os
import threading

from celery import Celery
from celery.signals import celeryd_after_setup, worker_init, worker_process_init

from ..isolation import outbound
from ..settings import Settings
from . import kinds

RUN_NODE = "pipelines.run_node"


def make_celery(broker_url: str, queue: str = "pipelines") -> Celery:
    app = Celery("pipelines", broker=broker_url)
    app.conf.update(
        task_acks_late=True,  # a worker that dies mid-node leaves the message to another
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        task_default_queue=queue,
    )
    return app


def sender(app: Celery):
    def send(instance_id: int, countdown: float) -> None:
        app.send_task(RUN_NODE, args=[instance_id], countdown=countdown or None)

    return send


_settings = Settings.from_env()
outbound.configure(_settings.outbound_allow)  # the same address policy as the server's
app = make_celery(_settings.broker_url, _settings.celery_queue)
_engine = None
_lock = threading.Lock()
_token = None
_concurrency = 0  # this worker's pool size, known once it is set up (before the fork)


@celeryd_after_setup.connect
def _setup(sender=None, instance=None, **_kwargs):
    global _concurrency
    _concurrency = int(getattr(instance, "concurrency", 0) or 0)


def _worker_engine():
    """The engine of this worker process (built after the fork: no shared connections)."""
    global _engine, _token
    with _lock:
        if _engine is None:
            from ..isolation import sandbox
            from ..store.db import Database
            from ..store.leases import new_token
            from .credentials import CredentialStore
            from .secrets import derive_key
            from .worker_pool import Engine

            db = Database(_settings.database_url)
            sandbox.configure(_settings, db)  # code nodes run here: the same sandbox
            _engine = Engine(
                db,
                threads=0,
                executor="celery",
                lease_seconds=_settings.node_lease_seconds,
                credentials=CredentialStore(db, derive_key(_settings.ensure_secret_key())),
                send=sender(app),
                org_cap=_settings.org_cap(_concurrency or os.cpu_count() or 1),
            )
            _token = new_token()
        return _engine


@worker_init.connect
def _check_sandbox(**_kwargs):
    """PIPELINES_SANDBOX=bwrap that does not work, or node schemas it cannot read: the
    worker refuses to start."""
    from ..isolation.sandbox import SandboxUnavailable, from_settings

    try:
        from_settings(_settings)
        kinds.check_spec()
    except (SandboxUnavailable, RuntimeError) as exc:
        raise SystemExit(f"pipelines worker: {exc}") from None


@worker_process_init.connect
def _reset(**_kwargs):
    global _engine
    _engine = None


@app.task(name=RUN_NODE)
def run_node(instance_id: int) -> bool:
    return _worker_engine().run_instance(instance_id, _token)
