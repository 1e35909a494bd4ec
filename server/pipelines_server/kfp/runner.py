"""The KFP runner inside a server process: takes PENDING KFP runs from the database, runs
them (kfp/dag.py), writes their task details as they move, and fires recurring runs.

The queue is the kfp_runs table. A runner claims a run with a conditional UPDATE (PENDING,
or RUNNING with a lapsed lease) and renews its lease while the run goes on, so several
server processes on one PostgreSQL share the work and a run whose server died is taken
again when its lease lapses. A run taken again, like a retried one, reuses the outputs its
finished tasks recorded (the run-scoped cache) and runs only what had not finished.
Termination is a state in the row (CANCELING): the runner that owns the run sees it on its
next tick, or at once when the request reached this process, and kills the run's processes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import case, or_, select, true, update

from ..isolation import sandbox as sandboxes
from ..shared.jsonsafe import storable
from ..shared.timestamps import utcnow
from ..store import leases
from ..store.db import Database
from ..store.models import KfpRun
from .artifacts import in_org_run_folder
from .cache import DbCache
from .dag import PipelineRun
from .records import RunResult, TaskRecord, split_values
from .recurring_runs import fire_due
from .runs import add_history, with_state

log = logging.getLogger(__name__)


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
    ):
        self.db = db
        self.pipeline_root = Path(pipeline_root)
        self.max_runs = max_runs
        self.max_parallel = max_parallel
        self.poll_seconds = poll_seconds
        self.lease_seconds = lease_seconds
        self.skip_satisfied_pip = skip_satisfied_pip
        self.task_timeout = task_timeout
        self.task_memory_mb = task_memory_mb
        self.active: dict[str, Active] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- lifecycle --

    def start(self) -> None:
        if self.max_runs <= 0 or self._thread is not None:
            return
        self.pipeline_root.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._loop, name="kfp-runner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stops taking runs; runs in flight are killed and left RUNNING, so another
        process (or this one after a restart) takes them again when their lease lapses."""
        self._stop.set()
        self._wake.set()
        with self._lock:
            actives = list(self.active.values())
        for a in actives:
            a.pipeline.terminate()
        if self._thread is not None:
            self._thread.join(timeout)
        # Hand the runs back at once rather than when their leases lapse: a restarted
        # server (or another process) takes them up on its next tick.
        for a in actives:
            with contextlib.suppress(Exception), self.db.session() as session:
                session.execute(
                    update(KfpRun)
                    .where(leases.held(KfpRun.id, KfpRun.claim_token, a.run_id, a.token))
                    .values(lease_until=utcnow())
                )

    def wake(self) -> None:
        self._wake.set()

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
        self._fire_schedules()
        self._reap()
        self._watch()
        self._claim()

    def _fire_schedules(self) -> None:
        with self.db.session() as session:
            created = fire_due(session)
        if created:
            log.info("Recurring runs started %d run(s)", len(created))

    def _claim(self) -> None:
        with self._lock:
            free = self.max_runs - len(self.active)
            mine = list(self.active)
        if free <= 0 or self._stop.is_set():
            return
        now = utcnow()
        lapsed = KfpRun.state.in_(("RUNNING", "CANCELING")) & leases.lapsed(KfpRun.lease_until, now)
        claimable = or_(KfpRun.state == "PENDING", lapsed)
        with self.db.session() as session:
            ids = list(
                session.scalars(
                    select(KfpRun.id)
                    .where(claimable, KfpRun.id.notin_(mine) if mine else true())
                    .order_by(KfpRun.scheduled_at)
                    .limit(free)
                )
            )
        for run_id in ids:
            token = leases.new_token()
            with self.db.session() as session:
                claimed = session.execute(
                    update(KfpRun)
                    .where(KfpRun.id == run_id, claimable)
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
            self._start(run_id, token, ir, params, org_id)

    def _start(self, run_id: str, token: str, ir: dict, params: dict, org_id: int) -> None:
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
                cache=DbCache(self.db, org_id, run_id),
                max_parallel=self.max_parallel,
                skip_satisfied_pip=self.skip_satisfied_pip,
                task_timeout=self.task_timeout,
                task_memory_mb=self.task_memory_mb,
                input_allowed=org_run_folders(self.db, self.pipeline_root, org_id),
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
                continue
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
                if not self._stop.is_set() or a.result.state != "CANCELED" or a.canceled:
                    self._record(a)
            finally:
                with self._lock:
                    self.active.pop(a.run_id, None)

    def _record(self, a: Active) -> None:
        """The run's end. If its details cannot be stored (a database refusing a value), the
        run still ends, FAILED, with the reason."""
        outputs = split_values(a.result.outputs)[0]
        try:
            with self.db.session() as session:
                self._close(
                    session,
                    a.run_id,
                    a.token,
                    a.result.state,
                    a.result.error,
                    details=self._details(a),
                    outputs=outputs,
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


def from_settings(db: Database, settings) -> KfpRunner:
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
    )


def run_worker(settings) -> int:
    """`pipelines-server kfp-worker`: a process that only runs KFP runs (no HTTP), beside
    servers on the same database. Stops on SIGTERM or SIGINT; runs it held are taken up
    again when their lease lapses."""
    import signal

    db = Database(settings.database_url)
    sandboxes.configure(settings, db)
    runner = from_settings(db, settings)
    if runner.max_runs <= 0:
        raise SystemExit("PIPELINES_KFP_RUNS is 0: this worker would run nothing")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    runner.start()
    log.info("KFP worker running up to %d run(s) at once", runner.max_runs)
    stop.wait()
    runner.stop()
    db.dispose()
    return 0
