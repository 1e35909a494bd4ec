"""The KFP runner inside a server process: takes PENDING KFP runs from the database, runs
them (kfp/dag.py), writes their task details as they move, and fires recurring runs.

The queue is the kfp_runs table. A runner claims a run with a conditional UPDATE (PENDING,
or RUNNING with a lapsed lease) and renews its lease while the run goes on, so several
server processes on one PostgreSQL share the work and a run whose server died is taken
again when its lease lapses. A run taken again, like a retried one, reuses the outputs its
finished tasks recorded (the run-scoped cache) and runs only what had not finished.
Termination is a state in the row (CANCELING): the runner that owns the run sees it on its
next tick, or at once when the request reached this process, and kills the run's processes.

Fencing: every write of a run's progress, its cache entries and its end is conditional on the
claim token, so a runner whose lease lapsed (another took the run over) writes nothing more;
it kills the run's processes as soon as it sees the run taken over, or when it could not
renew the lease for a whole lease period (the database out of reach). Taking over a run
whose lease lapsed is logged and counted (pipelines_leases_taken_over{queue="kfp_runs"}).

Stopping (SIGTERM of `pipelines-server kfp-worker`, a server's shutdown): no new run is
taken, the runs in flight go on for up to PIPELINES_SHUTDOWN_GRACE_SECONDS, and what is still
running then is killed and handed back (its lease cleared), so that another process takes it
on its next tick. Recurring runs are fired by one process at a time (the "kfp-schedules"
duty lease).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import case, or_, select, true, update

from ..isolation import sandbox as sandboxes
from ..shared.jsonsafe import storable
from ..shared.metrics import LEASES_TAKEN_OVER
from ..shared.timestamps import utcnow
from ..store import leases
from ..store.db import Database
from ..store.models import KfpRun, Project
from ..store.process_leases import Duty
from .artifacts import in_org_run_folder
from .cache import DbCache
from .dag import PipelineRun
from .platform import Platform, secret_data
from .records import RunResult, TaskRecord, split_values
from .recurring_runs import fire_due
from .runs import add_history, with_state
from .volumes import Volumes

log = logging.getLogger(__name__)

# A run whose lease could not be renewed (the database out of reach) for this part of the
# lease is stopped here: before the lease lapses and another process may take the run over.
FENCE_AT = 0.75


def org_run_folders(db: Database, pipeline_root: Path, org_id: int):
    """A check that a real path lies in the folder of a run of organization `org_id` under
    the pipeline root: what a task of that organization may be given as an input artifact
    (its own run's outputs, or a cached task's in an earlier run). An importer's local
    source elsewhere on the server, or another organization's run, is refused."""

    def allowed(real: str) -> bool:
        with db.session() as session:
            return in_org_run_folder(session, pipeline_root, real, org_id) is not None

    return allowed


@dataclass
class Active:
    run_id: str
    token: str
    pipeline: PipelineRun
    thread: threading.Thread | None = None
    result: RunResult | None = None
    dirty: threading.Event = field(default_factory=threading.Event)
    canceled: bool = False
    renewed: float = field(default_factory=time.monotonic)  # the lease's last renewal
    fenced: bool = False  # stopped for want of a renewed lease: handed back, not ended


class KfpRunner:
    def __init__(
        self,
        db: Database,
        *,
        pipeline_root: Path,
        max_runs: int = 2,
        max_parallel: int = 4,
        poll_seconds: float = 0.5,
        lease_seconds: float = 60.0,
        skip_satisfied_pip: bool = True,
        task_timeout: float | None = None,
        task_memory_mb: int = 0,
        shutdown_grace: float = 20.0,
        schedule_seconds: float = 1.0,
        volumes_root: Path | None = None,
        credentials=None,
    ):
        self.db = db
        # kfp-kubernetes: volumes and workspaces live under `volumes_root`; a secret is the
        # organization's credential of that name, read with `credentials(org_id, name)`
        # (the composition root passes the engine's credential store).
        self.volumes_root = Path(volumes_root or Path(pipeline_root).parent / "kfp-volumes")
        self.credentials = credentials
        self.pipeline_root = Path(pipeline_root)
        self.max_runs = max_runs
        self.max_parallel = max_parallel
        self.poll_seconds = poll_seconds
        self.lease_seconds = lease_seconds
        self.skip_satisfied_pip = skip_satisfied_pip
        self.task_timeout = task_timeout
        self.task_memory_mb = task_memory_mb
        self.shutdown_grace = shutdown_grace
        self.active: dict[str, Active] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._draining = threading.Event()  # stopping: no new run, the ones in flight go on
        self._hurry = threading.Event()  # stopping now: the grace is cut short
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # One process at a time fires recurring runs, checking at most every
        # `schedule_seconds` (the duty's lease is renewed each time).
        self.schedule_seconds = schedule_seconds
        self._schedules = Duty(db, "kfp-schedules", max(10.0, 10 * schedule_seconds))
        self._next_schedules = 0.0

    # -- lifecycle --

    def start(self) -> None:
        if self.max_runs <= 0 or self._thread is not None:
            return
        self.pipeline_root.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._loop, name="kfp-runner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0, grace: float | None = None) -> None:
        """Stops taking runs; the runs in flight go on for up to `grace` seconds (default:
        PIPELINES_SHUTDOWN_GRACE_SECONDS) and are recorded as they end. What is still
        running then is killed and handed back: left RUNNING with its lease cleared, so
        another process (or this one after a restart) takes it on its next tick. `timeout`
        bounds the wait for the runner's own thread after that. `hurry()` (a second
        signal) cuts the grace short."""
        grace = self.shutdown_grace if grace is None else grace
        self._draining.set()
        self._wake.set()
        running = self._thread is not None and self._thread.is_alive()
        with self._lock:
            busy = len(self.active)
        if running and busy and grace > 0:
            log.info(
                "KFP runner stopping: %d run(s) in flight get up to %g s to finish", busy, grace
            )
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and not self._hurry.is_set():
                with self._lock:
                    if not self.active:
                        break
                self._hurry.wait(min(0.2, max(0.0, deadline - time.monotonic())))
        self._stop.set()
        self._wake.set()
        with self._lock:
            actives = list(self.active.values())
        for a in actives:
            a.pipeline.terminate()
        if self._thread is not None:
            self._thread.join(timeout)
        # Hand the runs back at once rather than when their leases lapse: a restarted
        # server (or another process) takes them up on its next tick. The claim token goes
        # too: whatever this runner might still write about them is discarded.
        for a in actives:
            self._hand_back(a, "stopping")
        with contextlib.suppress(Exception):
            self._schedules.release()

    def _hand_back(self, a: Active, why: str) -> bool:
        """Leaves a run this runner holds RUNNING with no lease and no claim: another
        process (or this one) takes it on its next tick and reruns what had not finished."""
        try:
            with self.db.session() as session:
                handed = session.execute(
                    update(KfpRun)
                    .where(
                        leases.held(KfpRun.id, KfpRun.claim_token, a.run_id, a.token),
                        KfpRun.state.in_(("RUNNING", "CANCELING")),
                    )
                    .values(lease_until=utcnow(), claim_token=None)
                    .execution_options(synchronize_session=False)
                ).rowcount
        except Exception:  # noqa: BLE001 - its lease will lapse instead
            log.exception("KFP run %s: handing it back failed", a.run_id)
            return False
        if handed:
            log.warning(
                "KFP run %s handed back unfinished (%s): another process takes it over and "
                "reruns what had not finished",
                a.run_id,
                why,
            )
        return bool(handed)

    def hurry(self) -> None:
        """Cuts a stop's grace short: the runs in flight are handed back at once."""
        self._hurry.set()

    def wake(self) -> None:
        self._wake.set()

    def run_deleted(self, org_id: int, run_id: str) -> None:
        """A deleted run's workspace goes with it (a run still going here is stopped by
        terminate_local first; one going elsewhere notices the row is gone)."""
        with contextlib.suppress(Exception):
            Volumes(self.volumes_root, org_id).remove_workspace(run_id)

    def terminate_local(self, run_id: str) -> None:
        with self._lock:
            a = self.active.get(run_id)
        if a is not None:
            a.canceled = True
            a.pipeline.terminate()
        self._wake.set()

    # -- the loop --

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - keep the runner alive; the next tick retries
                log.exception("KFP runner tick failed")
            self._wake.wait(self.poll_seconds)
            self._wake.clear()

    def tick(self) -> None:
        # Each step on its own: a failing one (the database out of reach) must not keep the
        # watcher from fencing runs whose lease could not be renewed.
        failed: Exception | None = None
        steps = (
            (self._reap, self._watch)
            if self._draining.is_set()
            else (
                self._fire_schedules,
                self._reap,
                self._watch,
                self._claim,
            )
        )
        for step in steps:
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - raised after the other steps ran
                failed = failed or exc
        if failed is not None:
            raise failed

    def _fire_schedules(self) -> None:
        now = time.monotonic()
        if now < self._next_schedules:
            return
        self._next_schedules = now + self.schedule_seconds
        if not self._schedules.mine():
            return
        with self.db.session() as session:
            created = fire_due(session)
        if created:
            log.info("Recurring runs started %d run(s)", len(created))

    def _claim(self) -> None:
        with self._lock:
            free = self.max_runs - len(self.active)
            mine = list(self.active)
        if free <= 0 or self._stop.is_set() or self._draining.is_set():
            return
        now = utcnow()
        pending = KfpRun.state == "PENDING"
        lapsed = KfpRun.state.in_(("RUNNING", "CANCELING")) & leases.lapsed(KfpRun.lease_until, now)
        claimable = or_(pending, lapsed)
        with self.db.session() as session:
            rows = session.execute(
                select(
                    KfpRun.id, KfpRun.state, KfpRun.attempt, KfpRun.claim_token, KfpRun.lease_until
                )
                .where(claimable, KfpRun.id.notin_(mine) if mine else true())
                .order_by(KfpRun.scheduled_at)
                .limit(free)
            ).all()
        for run_id, was, attempt, old_token, old_lease in rows:
            token = leases.new_token()
            # Claimed as what it was seen as (a PENDING run, or one whose lease lapsed), so
            # that a takeover is known for one.
            takeover = was != "PENDING"
            with self.db.session() as session:
                claimed = session.execute(
                    update(KfpRun)
                    .where(KfpRun.id == run_id, lapsed if takeover else pending)
                    .values(
                        claim_token=token,
                        lease_until=leases.lease_end(now, self.lease_seconds),
                        attempt=KfpRun.attempt + 1,
                        state=case((KfpRun.state == "PENDING", "RUNNING"), else_=KfpRun.state),
                    )
                    .execution_options(synchronize_session=False)
                ).rowcount
                if claimed != 1:
                    continue
                if takeover:
                    self._log_takeover(run_id, was, attempt, old_token, old_lease)
                run = session.get(KfpRun, run_id)
                if run.state == "CANCELING":  # its runner died while stopping it
                    self._close(session, run_id, token, "CANCELED", "The run was terminated")
                    continue
                history = run.state_history or []
                if not history or history[-1].get("state") != "RUNNING":
                    add_history(run, "RUNNING")  # flushes state_history alone
                ir = json.loads(run.pipeline_spec)
                params = (run.runtime_config or {}).get("parameters") or {}
                org_id = run.org_id
                context = {
                    "display_name": run.display_name,
                    "platform_spec": json.loads(run.platform_spec) if run.platform_spec else None,
                    "namespace": session.scalar(
                        select(Project.name).where(Project.id == run.project_id)
                    )
                    or "",
                    "service_account": run.service_account or "",
                }
            self._start(run_id, token, ir, params, org_id, context)

    @staticmethod
    def _log_takeover(run_id, state, attempt, old_token, old_lease) -> None:
        if old_token is None:  # handed back by a stopping process: not a lapsed lease
            log.info(
                "KFP run %s (%s, attempt %s) handed back by a stopping process: taken up",
                run_id,
                state,
                attempt,
            )
            return
        LEASES_TAKEN_OVER.labels(queue="kfp_runs").inc()
        log.warning(
            "KFP run %s taken over: its previous runner (attempt %s, %s) let its lease lapse "
            "at %s; what had not finished runs again",
            run_id,
            attempt,
            state,
            old_lease.isoformat() if old_lease is not None else "-",
        )

    def _platform(self, run_id: str, org_id: int, context: dict) -> Platform:
        box = sandboxes.current()
        lookup = self.credentials

        def secrets(name: str) -> dict:
            if lookup is None:
                raise LookupError("this process has no credential store")
            return secret_data(lookup(org_id, name))

        return Platform(
            context.get("platform_spec"),
            run_id=run_id,
            volumes=Volumes(self.volumes_root, org_id, box.shared_uid(org_id)),
            secrets=secrets,
            sandboxed=box.active,
            namespace=context.get("namespace", ""),
            service_account=context.get("service_account", ""),
        )

    def _start(
        self,
        run_id: str,
        token: str,
        ir: dict,
        params: dict,
        org_id: int,
        context: dict | None = None,
    ) -> None:
        active: Active
        refused = sandboxes.current().refusal()
        if refused:  # no sandbox and several organizations: the run's code must not run
            with self.db.session() as session:
                self._close(session, run_id, token, "FAILED", refused)
            return

        def changed(_record: TaskRecord) -> None:
            active.dirty.set()

        try:
            pipeline = PipelineRun(
                ir,
                run_id=run_id,
                pipeline_root=str(self.pipeline_root),
                arguments=params,
                on_change=changed,
                cache=DbCache(self.db, org_id, run_id, token),
                max_parallel=self.max_parallel,
                skip_satisfied_pip=self.skip_satisfied_pip,
                task_timeout=self.task_timeout,
                task_memory_mb=self.task_memory_mb,
                input_allowed=org_run_folders(self.db, self.pipeline_root, org_id),
                display_name=(context or {}).get("display_name"),
                platform=self._platform(run_id, org_id, context or {}),
            )
        except Exception as exc:  # noqa: BLE001 - an IR this kfp cannot load: the run fails
            log.exception("KFP run %s cannot start", run_id)
            with self.db.session() as session:
                self._close(session, run_id, token, "FAILED", f"The pipeline cannot run: {exc}")
            return
        active = Active(run_id=run_id, token=token, pipeline=pipeline)

        def body() -> None:
            try:
                active.result = pipeline.run()
            except Exception as exc:  # noqa: BLE001 - recorded as the run's failure
                log.exception("KFP run %s crashed", run_id)
                active.result = RunResult("FAILED", {}, f"{type(exc).__name__}: {exc}")
            self._wake.set()

        active.thread = threading.Thread(target=body, name=f"kfp-run-{run_id[:8]}", daemon=True)
        with self._lock:
            self.active[run_id] = active
        active.thread.start()

    def _details(self, a: Active) -> list[dict]:
        with a.pipeline._lock:
            return [r.as_dict() for r in a.pipeline.records.values()]

    def _watch(self) -> None:
        """Renews leases, writes task details that moved, and passes on terminations. Every
        write is conditional on the run's claim token: a run that was deleted or taken over
        is stopped here, never written."""
        with self._lock:
            actives = [a for a in self.active.values() if a.result is None]
        for a in actives:
            started = time.monotonic()
            try:
                with self.db.session() as session:
                    values: dict = {"lease_until": leases.deadline(self.lease_seconds)}
                    if a.dirty.is_set():
                        a.dirty.clear()
                        values["task_details"] = self._details(a)
                    ours = session.execute(
                        update(KfpRun)
                        .where(leases.held(KfpRun.id, KfpRun.claim_token, a.run_id, a.token))
                        .values(**values)
                        .execution_options(synchronize_session=False)
                    ).rowcount
                    state = session.scalar(select(KfpRun.state).where(KfpRun.id == a.run_id))
            except Exception:  # noqa: BLE001 - this run only; the next tick tries again
                log.exception("KFP run %s: writing its progress failed", a.run_id)
                a.dirty.set()
                unrenewed = time.monotonic() - a.renewed
                if unrenewed > self.lease_seconds * FENCE_AT and not a.canceled:
                    # Another process may take the run over soon: stop writing under the
                    # shared pipeline root before it can, rather than run a step twice.
                    log.warning(
                        "KFP run %s: its lease (%g s) could not be renewed for %.0f s; its "
                        "processes are killed and its result will be discarded",
                        a.run_id,
                        self.lease_seconds,
                        unrenewed,
                    )
                    a.canceled = a.fenced = True
                    a.pipeline.terminate()
                continue
            if ours == 1:
                a.renewed = started
            elif not a.canceled:
                log.warning(
                    "KFP run %s was taken over by another process (or deleted): its "
                    "processes are killed and its result discarded",
                    a.run_id,
                )
            if (ours != 1 or state == "CANCELING") and not a.canceled:
                a.canceled = True
                a.pipeline.terminate()

    def _reap(self) -> None:
        with self._lock:
            done = [a for a in self.active.values() if a.result is not None]
        for a in done:
            if a.thread is not None:
                a.thread.join(5)
            try:
                if a.fenced:  # not an end: the run is taken up again (by whoever gets it)
                    self._hand_back(a, "its lease could not be renewed")
                elif self._draining.is_set() and a.result.state == "FAILED" and not a.canceled:
                    # It may have failed of the stop (systemd's KillMode=control-group sends
                    # the SIGTERM to its component processes too): another process runs it on.
                    self._hand_back(a, "failed while this process stops")
                elif not self._stop.is_set() or a.result.state != "CANCELED" or a.canceled:
                    self._record(a)
            finally:
                with self._lock:
                    self.active.pop(a.run_id, None)

    def _record(self, a: Active) -> None:
        """The run's end. If its details cannot be stored (a database refusing a value), the
        run still ends, FAILED, with the reason."""
        outputs = split_values(a.result.outputs)[0]
        if a.pipeline.platform is not None and a.result.state == "SUCCEEDED":
            with contextlib.suppress(Exception):  # its workspace (a retry needs it otherwise)
                a.pipeline.platform.finished(succeeded=True)
        try:
            with self.db.session() as session:
                recorded = self._close(
                    session,
                    a.run_id,
                    a.token,
                    a.result.state,
                    a.result.error,
                    details=self._details(a),
                    outputs=outputs,
                )
            if not recorded:
                log.warning(
                    "KFP run %s ended %s here, but this runner no longer holds it (taken "
                    "over, handed back or deleted): its result is discarded",
                    a.run_id,
                    a.result.state,
                )
        except Exception as exc:  # noqa: BLE001
            log.exception("KFP run %s: storing its result failed", a.run_id)
            with contextlib.suppress(Exception), self.db.session() as session:
                self._close(
                    session, a.run_id, a.token, "FAILED", f"Storing the run's result failed: {exc}"
                )

    @staticmethod
    def _close(
        session,
        run_id: str,
        token: str,
        state: str,
        error: str | None,
        *,
        details: list | None = None,
        outputs: dict | None = None,
    ) -> bool:
        """Ends a run this runner holds (a conditional write on its claim token)."""
        row = session.execute(
            select(KfpRun.state_history)
            .where(leases.held(KfpRun.id, KfpRun.claim_token, run_id, token))
            .with_for_update()
        ).first()
        if row is None:
            return False
        now = utcnow()
        values: dict = {
            "state": state,
            "error": storable(error),
            "finished_at": now,
            "claim_token": None,
            "lease_until": None,
            "state_history": with_state(row.state_history, state, now),
        }
        if details is not None:
            values["task_details"] = details
        if outputs is not None:
            values["outputs"] = storable(outputs)
        session.execute(
            update(KfpRun)
            .where(leases.held(KfpRun.id, KfpRun.claim_token, run_id, token))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return True


def from_settings(db: Database, settings, credentials=None) -> KfpRunner:
    return KfpRunner(
        db,
        pipeline_root=settings.pipeline_root,
        max_runs=settings.kfp_runs,
        max_parallel=settings.kfp_parallelism,
        poll_seconds=settings.engine_poll_seconds,
        lease_seconds=settings.kfp_lease_seconds,
        skip_satisfied_pip=settings.kfp_skip_installed_pip,
        task_timeout=settings.kfp_task_timeout_seconds or None,
        task_memory_mb=settings.kfp_task_memory_mb,
        shutdown_grace=settings.shutdown_grace_seconds,
        volumes_root=settings.volumes_root,
        credentials=credentials,
    )


def run_worker(settings, credentials=None) -> int:
    """`pipelines-server kfp-worker`: a process that only runs KFP runs (no HTTP), beside
    servers on the same database. On SIGTERM or SIGINT it stops taking runs and lets the
    ones in flight finish for up to PIPELINES_SHUTDOWN_GRACE_SECONDS, then hands back what
    is left (another process takes it at once); a second signal hands back at once. Its
    component processes die with it, however it ends (see isolation/sandbox.py)."""
    import signal

    db = Database.from_settings(settings, background=settings.kfp_runs)
    sandboxes.configure(settings, db)
    runner = from_settings(db, settings, credentials(db) if credentials else None)
    if runner.max_runs <= 0:
        raise SystemExit("PIPELINES_KFP_RUNS is 0: this worker would run nothing")
    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        if stop.is_set():
            runner.hurry()
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    runner.start()
    log.info("KFP worker running up to %d run(s) at once", runner.max_runs)
    stop.wait()
    log.info("KFP worker stopping")
    runner.stop()
    log.info("KFP worker stopped")
    db.dispose()
    return 0
