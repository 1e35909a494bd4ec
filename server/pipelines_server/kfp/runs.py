"""Kubeflow Pipelines runs: what may be created, read, listed, changed; and what a run or a
recurring run runs (its pipeline, arguments and experiment).

A run snapshots the IR it runs (inline or from a pipeline version) and starts PENDING; the
KFP runner (kfp/runner.py) takes it from there. Terminating asks the runner to stop
(CANCELING, then CANCELED); a PENDING run is CANCELED at once. Retry runs a FAILED or
CANCELED run again under the same id, reusing the outputs of its tasks that had succeeded.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Conflict
from ..shared.principal import Principal
from ..shared.timestamps import ts_micros, utcnow
from ..store.models import KfpCacheEntry, KfpExperiment, KfpRecurringRun, KfpRun
from . import experiments
from . import pipelines as kfp_pipelines
from . import query as q
from .ir import why_unrunnable
from .namespaces import in_org, list_in_org, resolve_namespace

PENDING, RUNNING, SUCCEEDED, FAILED = "PENDING", "RUNNING", "SUCCEEDED", "FAILED"
CANCELING, CANCELED, SKIPPED = "CANCELING", "CANCELED", "SKIPPED"
FINISHED = (SUCCEEDED, FAILED, CANCELED, SKIPPED)
UNFINISHED = (PENDING, RUNNING, CANCELING)
DEFAULT_EXPERIMENT = "Default"
MAX_PARAMETERS_BYTES = 1024 * 1024

_R = KfpRun.__table__.c
RUN_FIELDS = {
    "run_id": q.Field(_R.id),
    "display_name": q.Field(_R.display_name),
    "description": q.Field(_R.description),
    "experiment_id": q.Field(_R.experiment_id),
    "pipeline_version_id": q.Field(_R.pipeline_version_id),
    "recurring_run_id": q.Field(_R.recurring_run_id),
    "created_at": q.Field(_R.created_at, "timestamp"),
    "scheduled_at": q.Field(_R.scheduled_at, "timestamp"),
    "finished_at": q.Field(_R.finished_at, "timestamp"),
    "state": q.Field(_R.state),
    "storage_state": q.Field(_R.storage_state),
}


# -- shared: what a run or a schedule runs ----------------------------------------------


def _experiment_for(
    session: Session, principal: Principal, experiment_id: str | None, namespace: str | None
) -> KfpExperiment:
    """The run's experiment: the one named, or the namespace's "Default" (created on need,
    as upstream does)."""
    if experiment_id:
        return experiments.get_experiment(session, principal, experiment_id)
    project = resolve_namespace(session, principal, namespace, create=True)
    exp = session.scalars(
        select(KfpExperiment).where(
            KfpExperiment.project_id == project.id,
            KfpExperiment.display_name == DEFAULT_EXPERIMENT,
        )
    ).first()
    if exp is None:
        exp = experiments.create_experiment(
            session, principal, DEFAULT_EXPERIMENT, "", project.name
        )
    return exp


def check_not_archived(exp: KfpExperiment) -> None:
    if exp.storage_state == experiments.ARCHIVED:
        raise BadRequest(
            f"Experiment {exp.id!r} is archived; unarchive it to add runs or schedules to it"
        )


def _runtime_config(raw) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise BadRequest("runtime_config must be an object")
    params = raw.get("parameters") or {}
    if not isinstance(params, dict):
        raise BadRequest("runtime_config.parameters must be an object")
    if len(json.dumps(params, default=str)) > MAX_PARAMETERS_BYTES:
        raise BadRequest("runtime_config.parameters is larger than 1 MiB")
    out: dict = {"parameters": params}
    root = raw.get("pipeline_root")
    if root:
        out["pipeline_root"] = str(root)
    return out


def check_parameters(ir: dict, params: dict) -> dict:
    """The pipeline's arguments, checked against its inputs: unknown names and missing
    required inputs are 400s, as the run could never start."""
    inputs = ((ir.get("root") or {}).get("inputDefinitions") or {}).get("parameters") or {}
    artifacts = ((ir.get("root") or {}).get("inputDefinitions") or {}).get("artifacts") or {}
    unknown = sorted(set(params) - set(inputs))
    if unknown:
        raise BadRequest(
            f"Unknown pipeline parameter(s) {unknown}; "
            f"the pipeline takes {sorted(inputs) or 'none'}"
        )
    missing = sorted(
        name
        for name, spec in inputs.items()
        if name not in params and "defaultValue" not in spec and not spec.get("isOptional")
    )
    if missing:
        raise BadRequest(f"Missing value(s) for pipeline parameter(s) {missing}")
    if artifacts:
        raise BadRequest(
            f"The pipeline takes input artifacts {sorted(artifacts)}, which a run cannot supply"
        )
    return params


def _source(
    session: Session, principal: Principal, body: dict
) -> tuple[dict, dict | None, str | None, str | None, bool]:
    """(IR, platform spec, pipeline_id, pipeline_version_id, inline?) from a run or recurring
    run body."""
    spec = body.get("pipeline_spec")
    ref = body.get("pipeline_version_reference") or {}
    if ref and not isinstance(ref, dict):
        raise BadRequest("pipeline_version_reference must be an object")
    version_id = ref.get("pipeline_version_id") or body.get("pipeline_version_id") or None
    pipeline_id = ref.get("pipeline_id") or None
    if spec and (version_id or pipeline_id):
        raise BadRequest("Give either pipeline_spec or pipeline_version_reference, not both")
    if spec:
        ir, platform = kfp_pipelines.check_ir_shape(spec)
        _parse_check(ir)
        return ir, platform, None, None, True
    if not (version_id or pipeline_id):
        raise BadRequest("A run needs a pipeline_spec or a pipeline_version_reference")
    version, ir = kfp_pipelines.version_spec(session, principal, pipeline_id, version_id)
    _parse_check(ir)
    return ir, kfp_pipelines.platform_of(version), version.pipeline_id, version.id, False


def _parse_check(ir: dict) -> None:
    problem = why_unrunnable(ir)
    if problem:
        raise BadRequest(problem)


def _name(body: dict, what: str) -> str:
    name = body.get("display_name")
    if not isinstance(name, str) or not name.strip():
        raise BadRequest(f"A {what} needs a display_name")
    if len(name) > 200:
        raise BadRequest(f"The {what}'s display_name is longer than 200 characters")
    return name.strip()


SOURCE_COLUMNS = (
    "org_id",
    "project_id",
    "experiment_id",
    "display_name",
    "description",
    "pipeline_id",
    "pipeline_version_id",
    "pipeline_spec",
    "platform_spec",
    "inline_spec",
    "runtime_config",
    "service_account",
)


def source_fields(session: Session, principal: Principal, body: dict, what: str) -> dict:
    """The KfpRunSource columns of a new run or recurring run, from its request body: its
    name, pipeline, checked arguments and experiment (not an archived one)."""
    name = _name(body, what)
    ir, platform, pipeline_id, version_id, inline = _source(session, principal, body)
    config = _runtime_config(body.get("runtime_config"))
    check_parameters(ir, config.get("parameters") or {})
    exp = _experiment_for(
        session, principal, body.get("experiment_id") or None, body.get("namespace")
    )
    check_not_archived(exp)
    return {
        "org_id": principal.org_id,
        "project_id": exp.project_id,
        "experiment_id": exp.id,
        "display_name": name,
        "description": body.get("description") or "",
        "pipeline_id": pipeline_id,
        "pipeline_version_id": version_id,
        "pipeline_spec": json.dumps(ir),
        "platform_spec": json.dumps(platform) if platform else None,
        "inline_spec": 1 if inline else 0,
        "runtime_config": config,
        "service_account": body.get("service_account") or "",
    }


# -- runs ---------------------------------------------------------------------------------


def with_state(history: list | None, state: str, when: datetime | None = None) -> list:
    """A run's state_history with one more entry (upstream's RuntimeStatus)."""
    return [*(history or []), {"update_time": ts_micros(when or utcnow()), "state": state}]


def add_history(run: KfpRun, state: str, when: datetime | None = None) -> None:
    run.state_history = with_state(run.state_history, state, when)


def create_run(
    session: Session,
    principal: Principal,
    body: dict,
    *,
    recurring: KfpRecurringRun | None = None,
    scheduled_at: datetime | None = None,
) -> KfpRun:
    if recurring is not None:
        source = {column: getattr(recurring, column) for column in SOURCE_COLUMNS}
        source["runtime_config"] = dict(recurring.runtime_config or {})
        source["display_name"] = (
            f"{recurring.display_name}-{(scheduled_at or utcnow()).strftime('%Y%m%d%H%M%S')}"
        )
    else:
        source = source_fields(session, principal, body, "run")
    now = utcnow()
    run = KfpRun(
        id=str(uuid.uuid4()),
        **source,
        state=PENDING,
        storage_state=experiments.AVAILABLE,
        created_at=now,
        scheduled_at=scheduled_at or now,
        state_history=[],
        task_details=[],
        outputs={},
        recurring_run_id=recurring.id if recurring is not None else None,
        attempt=0,
    )
    add_history(run, PENDING, now)
    session.add(run)
    session.execute(
        update(KfpExperiment)
        .where(KfpExperiment.id == run.experiment_id)
        .values(last_run_created_at=now)
    )
    session.flush()
    return run


def get_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    return in_org(session, principal, KfpRun, run_id, "Run")


def list_scoped(
    session: Session,
    principal: Principal,
    model,
    fields: dict,
    *,
    experiment_id: str | None,
    **query,
):
    """A page of the organization's runs or recurring runs, optionally of one experiment
    (which must exist); `query` is list_in_org's other keywords."""
    where = []
    if experiment_id:
        experiments.get_experiment(session, principal, experiment_id)
        where.append(model.experiment_id == experiment_id)
    return list_in_org(
        session, principal, model, fields, where=tuple(where), scope=experiment_id or "", **query
    )


def list_runs(session: Session, principal: Principal, **query):
    """Runs; `query` is list_scoped's keywords."""
    return list_scoped(session, principal, KfpRun, RUN_FIELDS, **query)


def set_run_storage(session: Session, principal: Principal, run_id: str, state: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    if state == experiments.AVAILABLE and run.experiment_id:
        exp = session.get(KfpExperiment, run.experiment_id)
        if exp is not None and exp.storage_state == experiments.ARCHIVED:
            raise BadRequest(
                f"Run {run_id!r} belongs to archived experiment {exp.id!r}; "
                "unarchive the experiment first"
            )
    run.storage_state = state
    return run


def delete_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    """Deletes the run's record; a run still going is told to stop first (its runner notices
    the row is gone and kills its processes)."""
    run = get_run(session, principal, run_id)
    session.delete(run)
    session.execute(delete(KfpCacheEntry).where(KfpCacheEntry.key.like(f"run:{run.id}:%")))
    return run


def _move(session: Session, run: KfpRun, seen: str, state: str, **values) -> bool:
    """Moves a run from the state read to another, only if no one moved it meanwhile (the
    runner claims and ends runs concurrently): a conditional UPDATE."""
    moved = session.execute(
        update(KfpRun)
        .where(KfpRun.id == run.id, KfpRun.state == seen)
        .values(state=state, state_history=with_state(run.state_history, state), **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(run)
    return moved == 1


def terminate_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    for _ in range(5):
        if run.state == PENDING:
            done = _move(
                session,
                run,
                PENDING,
                CANCELED,
                finished_at=utcnow(),
                error="The run was terminated before it started",
            )
        elif run.state == RUNNING:
            done = _move(session, run, RUNNING, CANCELING)
        elif run.state == CANCELING:
            return run
        else:
            raise kfp_pipelines.FailedPrecondition(
                f"Run {run_id!r} has already finished ({run.state}); "
                "only a pending or running run can be terminated"
            )
        if done:
            return run
    raise Conflict(f"Run {run_id!r} keeps changing state; try again")


def retry_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    if run.state not in (FAILED, CANCELED) or not _move(
        session,
        run,
        run.state,
        PENDING,
        error=None,
        finished_at=None,
        claim_token=None,
        lease_until=None,
    ):
        raise kfp_pipelines.FailedPrecondition(
            f"Run {run_id!r} is {run.state}; only a failed or canceled run can be retried"
        )
    return run
