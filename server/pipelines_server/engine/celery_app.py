"""Celery workers for machine nodes (`PIPELINES_EXECUTOR=celery`; `make worker` starts one).

A message carries only a node instance id. The worker claims that node in the database if
it is still due (so a duplicate or stale message does nothing), runs it, records the result,
and sends a message for every machine node the result queued. The database stays the
source of truth; one sweeper re-sends the nodes whose message was not picked up
(worker_pool.Engine.sweep_once).

Stops: SIGTERM to the worker's process group (systemd's KillMode=control-group) or to its
main process alone (KillMode=mixed) is a warm shutdown. Pool children do not die of it: they
learn of the stop from `_stopping`, an Event shared with the main process and set from
`worker_shutting_down` (their own SIGTERM is ignored), claim nothing more, let a running
node finish within PIPELINES_SHUTDOWN_GRACE_SECONDS and else hand it back (its user
processes killed, a message sent again), and the worker exits. User processes that the
group SIGTERM reached fail; a node that fails while its worker stops is handed back too.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading

from amqp.exceptions import ChannelError
from celery import Celery
from celery.signals import (
    celeryd_after_setup,
    worker_init,
    worker_process_init,
    worker_shutting_down,
)

from ..isolation import outbound, sandbox
from ..settings import Settings
from . import kinds

RUN_NODE = "pipelines.run_node"
# A send tries twice at most (the second on a fresh connection: a broker that restarted), then
# fails: a broker outage must not hold a request (the sweeper sends the node later).
BOUNDED_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def make_celery(broker_url: str, queue: str = "pipelines") -> Celery:
    app = Celery("pipelines", broker=broker_url)
    app.conf.update(
        task_acks_late=True,  # a worker that dies mid-node leaves the message to another
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        task_default_queue=queue,
        # A send tries twice at most, each connection attempt bounded: a broker that is down
        # or drops packets must not hold a request (the sweeper sends the node later).
        task_publish_retry=True,
        task_publish_retry_policy=BOUNDED_RETRY,
        broker_connection_timeout=2.0,
    )
    if broker_url.startswith(("redis://", "rediss://")):
        app.conf.broker_transport_options = {"socket_connect_timeout": 2, "socket_timeout": 10}
    return app


class Sender:
    """Sends node messages (`sender(app)(instance_id, countdown)`) with a bounded retry, and
    reads how many wait in the queue (`depth()`, for the sweeper)."""

    def __init__(self, app: Celery):
        self.app = app

    def __call__(self, instance_id: int, countdown: float) -> None:
        self.app.send_task(RUN_NODE, args=[instance_id], countdown=countdown or None)

    def depth(self) -> int:
        """Messages waiting in the queue (not those a worker has taken and not acknowledged),
        on Redis and RabbitMQ alike."""
        queue = self.app.conf.task_default_queue
        with self.app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1)
            try:
                return conn.default_channel.queue_declare(queue=queue, passive=True).message_count
            except ChannelError:  # Redis deletes an empty queue's key: nothing waits
                return 0


def sender(app: Celery) -> Sender:
    return Sender(app)


_settings = Settings.from_env()
outbound.configure(_settings.outbound_allow)  # the same address policy as the server's
app = make_celery(_settings.broker_url, _settings.celery_queue)
_engine = None
_lock = threading.Lock()
_token = None
# Set when the worker stops: made before the pool forks, so its children share it; the main
# process sets it from `worker_shutting_down`.
_stopping = multiprocessing.Event()
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
            from ..store.db import Database
            from ..store.leases import new_token
            from .credentials import CredentialStore
            from .secrets import derive_key
            from .worker_pool import Engine

            db = Database.from_settings(_settings)
            sandbox.configure(_settings, db)  # code nodes run here: the same sandbox
            _engine = Engine(
                db,
                threads=0,
                executor="celery",
                lease_seconds=_settings.node_lease_seconds,
                shutdown_grace_seconds=_settings.shutdown_grace_seconds,
                credentials=CredentialStore(db, derive_key(_settings.ensure_secret_key())),
                send=sender(app),
                org_cap=_settings.org_cap(_concurrency or os.cpu_count() or 1),
                stop_event=_stopping,
                on_abandon=kill_user_processes,
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


def _on_sigterm(*_args) -> None:
    """A pool child's SIGTERM is ignored: a group SIGTERM reaches the main process too, whose
    warm shutdown tells every child (`_stopping`); a SIGTERM to this child alone (a stray
    kill) must not make it stop for good while its worker goes on. (A Python handler, not
    SIG_IGN, which a node's user processes would inherit across exec.)"""


def _survive_sigterm() -> None:
    """A pool child does not die of a SIGTERM sent to the whole process group: it finishes
    (or hands back) its node while the main process does a warm shutdown. Installed when a
    node starts (billiard resets the child's handlers after `worker_process_init`); an idle
    child may die of it, which loses nothing."""
    if signal.getsignal(signal.SIGTERM) is not _on_sigterm:
        signal.signal(signal.SIGTERM, _on_sigterm)


@worker_shutting_down.connect
def _shutting_down(**_kwargs):
    _stopping.set()  # SIGTERM to the main process alone: the children learn of it here


def kill_user_processes() -> None:
    """A pool child runs one node at a time, and every process under it is that node's (a
    code node's sandbox): killed when the node is handed back or its lease is lost."""
    sandbox.kill_descendants(os.getpid())


@app.task(name=RUN_NODE)
def run_node(instance_id: int) -> bool:
    _survive_sigterm()
    return _worker_engine().run_instance(instance_id, _token)
