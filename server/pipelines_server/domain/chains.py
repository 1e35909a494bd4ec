"""Workflow chains: when a task of the source workflow finishes, a task is created in the
target workflow with fields taken from the finished task.

`field_mapping` maps each target field name to a path in the finished source task:

- `output` / `output.<path>`: the finished task's output (the end node's value), or a value
  inside it;
- `fields` / `fields.<name>[.<path>]`: the task's input record, or one of its fields (the
  name must be a field of the source workflow);
- `task_id`: the finished task's id.

A `<path>` is dotted: object members by name, array elements by index (`output.items.0.id`,
the syntax of gates and evaluations, engine/value_paths.py). A path that leads nowhere in a
given task leaves the target field unset: the target's schema then decides (a required field
fails that run, with the reason on the source task's timeline).

The engine (engine/chain_triggers.py) queues one `workflow_chain` job per enabled chain each
time a source task finishes, in the transaction that finishes it; the job (below) creates the
target task as the chain's creator and records `task.chained` on the source task.

Corrections (revert, admin edits) reopen a finished task: status in_progress, output NULL. A
job that runs while its source task is reopened creates nothing (it would map a NULL
output): it records `task.chained` with `skipped` and completes, neither a task created nor a
failure; when the task finishes again a new job runs with the corrected output. Likewise a
job whose task has finished again since (a later finish's job exists) leaves the creating to
that job.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..engine import value_paths
from ..engine.chain_triggers import KIND, finishes
from ..shared.errors import DomainError, FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal, require_admin
from ..store.models import Organization, Task, TaskEvent, Workflow, WorkflowChain, utcnow
from . import fields as fieldschema
from . import jobs
from . import tasks as taskrows
from .projects import get_project
from .workflows import get_workflow

ROOTS = ("output", "fields", "task_id")
REOPENED = "the source task was reopened before the chain ran; it runs again when the task finishes"
SUPERSEDED = (
    "the source task was corrected and finished again before the chain ran; the run of its "
    "latest finish creates the target task"
)
MAX_NAME = 200
WHAT = "workflow chains"


# --- rules --------------------------------------------------------------------------------


def path_problem(path, source: Workflow | None) -> str | None:
    """Why `path` is not a valid source path (None: it is)."""
    if not isinstance(path, str) or not path.strip():
        return "must be a path such as 'output.answer' or 'fields.text'"
    parts = path.split(".")
    root = parts[0]
    if root not in ROOTS:
        return f"{path!r} must start with one of: " + ", ".join(ROOTS)
    if any(not p for p in parts):
        return f"{path!r} has an empty segment"
    if root == "task_id" and len(parts) > 1:
        return f"{path!r}: task_id has no members"
    if root == "fields" and len(parts) > 1 and source is not None:
        names = {f["name"] for f in source.fields or []}
        if parts[1] not in names:
            return f"{path!r}: the source workflow has no field {parts[1]!r}"
    return None


def mapping_errors(mapping, source: Workflow | None, target: Workflow | None) -> list[FieldError]:
    """Every problem of a field mapping against the target's schema (unknown target fields,
    required ones left unmapped, file fields) and the source (paths)."""
    if not isinstance(mapping, dict):
        return [FieldError("field_mapping must be an object", loc=("field_mapping",))]
    errors: list[FieldError] = []
    for name, path in mapping.items():
        problem = path_problem(path, source)
        if problem:
            errors.append(FieldError(problem, field_name=name, loc=("field_mapping", name)))
    if target is None:
        return errors
    schema = {f["name"]: f for f in target.fields or []}
    for name in mapping:
        if name not in schema:
            errors.append(
                FieldError(
                    f"The target workflow has no field {name!r}",
                    field_name=name,
                    loc=("field_mapping", name),
                )
            )
    for f in fieldschema.file_fields(target.fields or []):
        errors.append(
            FieldError(
                f"The target workflow has a file field ({f['name']!r}): its tasks are created "
                "by ZIP upload only, never by a chain",
                field_name=f["name"],
                loc=("target_workflow_id",),
            )
        )
    for f in target.fields or []:
        if f.get("required") and f["name"] not in mapping:
            errors.append(
                FieldError(
                    f"The target's required field {f['name']!r} is not mapped",
                    field_name=f["name"],
                    loc=("field_mapping", f["name"]),
                )
            )
    return errors


def closes_cycle(edges: list[tuple[int, int]], source_id: int, target_id: int) -> bool:
    """Whether a chain source -> target would close a loop with the existing `edges`
    (source, target): a task would then start tasks forever."""
    if source_id == target_id:
        return True
    following: dict[int, list[int]] = {}
    for a, b in edges:
        following.setdefault(a, []).append(b)
    seen, todo = set(), [target_id]
    while todo:
        at = todo.pop()
        if at == source_id:
            return True
        if at in seen:
            continue
        seen.add(at)
        todo.extend(following.get(at, ()))
    return False


def map_fields(mapping: dict, task_id: int, fields: dict | None, output) -> dict:
    """The target task's fields from a finished source task (paths that lead nowhere are left
    out)."""
    variables = {"output": output, "fields": fields or {}, "task_id": task_id}
    values = {}
    for name, path in mapping.items():
        try:
            value = value_paths.resolve(path, variables)
        except value_paths.PathError:
            continue
        if value is not None:
            values[name] = value
    return values


# --- reading ------------------------------------------------------------------------------


def get_chain(session: Session, principal: Principal, project_id: int, chain_id: int):
    get_project(session, principal, project_id)
    chain = session.get(WorkflowChain, chain_id)
    if chain is None or chain.org_id != principal.org_id or chain.project_id != project_id:
        raise NotFound("Workflow chain not found")
    return chain


def list_chains(
    session: Session,
    principal: Principal,
    project_id: int,
    offset: int,
    limit: int,
    source_workflow_id: int | None = None,
    target_workflow_id: int | None = None,
    enabled: bool | None = None,
) -> tuple[list[WorkflowChain], int]:
    get_project(session, principal, project_id)
    where = [WorkflowChain.org_id == principal.org_id, WorkflowChain.project_id == project_id]
    if source_workflow_id is not None:
        where.append(WorkflowChain.source_workflow_id == source_workflow_id)
    if target_workflow_id is not None:
        where.append(WorkflowChain.target_workflow_id == target_workflow_id)
    if enabled is not None:
        where.append(WorkflowChain.enabled.is_(enabled))
    total = session.scalar(select(func.count()).select_from(WorkflowChain).where(*where))
    rows = session.scalars(
        select(WorkflowChain)
        .where(*where)
        .order_by(WorkflowChain.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


# --- writing ------------------------------------------------------------------------------


def _name(name, default: str) -> str:
    if name is None:
        return default[:MAX_NAME]
    if not isinstance(name, str) or not name.strip():
        raise ValidationFailed(
            "name must not be empty", [FieldError("name must not be empty", loc=("name",))]
        )
    return name.strip()


def _workflow_in_project(session, principal, workflow_id, project_id, what: str):
    try:
        return get_workflow(session, principal, workflow_id, project_id)
    except DomainError:
        raise ValidationFailed(
            f"{what}: no such workflow in this project",
            [FieldError("No such workflow in this project", loc=(what,))],
        ) from None


def lock_chains(session: Session, org_id: int) -> None:
    """Serialises the creation of chains in one organization until the transaction ends, so
    that two chains created at once (A -> B and B -> A) cannot each pass the cycle check
    without seeing the other. PostgreSQL: the organization's row, FOR UPDATE. SQLite: a write
    that changes nothing takes the database's write lock (its driver begins the transaction
    at the first write, so the chains read after it are the latest committed ones)."""
    orgs = Organization.__table__
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(orgs.c.id).where(orgs.c.id == org_id).with_for_update())
    else:
        session.execute(update(orgs).where(orgs.c.id == org_id).values(id=orgs.c.id))


def create_chain(session: Session, principal: Principal, project_id: int, body: dict):
    get_project(session, principal, project_id)
    require_admin(principal, principal.org_id, WHAT)
    source = _workflow_in_project(
        session, principal, body.get("source_workflow_id"), project_id, "source_workflow_id"
    )
    target = _workflow_in_project(
        session, principal, body.get("target_workflow_id"), project_id, "target_workflow_id"
    )
    mapping = body.get("field_mapping") or {}
    errors = mapping_errors(mapping, source, target)
    lock_chains(session, principal.org_id)
    edges = [
        (a, b)
        for a, b in session.execute(
            select(WorkflowChain.source_workflow_id, WorkflowChain.target_workflow_id).where(
                WorkflowChain.org_id == principal.org_id
            )
        )
    ]
    if closes_cycle(edges, source.id, target.id):
        errors.append(
            FieldError(
                "This chain would close a cycle (the target workflow already leads back to "
                "the source through chains, or is the source)",
                loc=("target_workflow_id",),
            )
        )
    if errors:
        raise ValidationFailed("The workflow chain is not valid", errors)
    now = utcnow()
    chain = WorkflowChain(
        org_id=principal.org_id,
        project_id=project_id,
        name=_name(body.get("name"), f"{source.name} -> {target.name}"),
        source_workflow_id=source.id,
        target_workflow_id=target.id,
        field_mapping=dict(mapping),
        enabled=bool(body.get("enabled", True)),
        created_by_id=principal.user_id,
        created_at=now,
        updated_at=now,
        tasks_created=0,
        failures=0,
    )
    session.add(chain)
    session.flush()
    return chain


def update_chain(
    session: Session, principal: Principal, project_id: int, chain_id: int, body: dict
):
    chain = get_chain(session, principal, project_id, chain_id)
    require_admin(principal, principal.org_id, WHAT)
    if "name" in body and body["name"] is not None:
        chain.name = _name(body["name"], chain.name)
    if body.get("enabled") is not None:
        chain.enabled = bool(body["enabled"])
    if body.get("field_mapping") is not None:
        source = session.get(Workflow, chain.source_workflow_id)
        target = session.get(Workflow, chain.target_workflow_id)
        errors = mapping_errors(body["field_mapping"], source, target)
        if errors:
            raise ValidationFailed("The field mapping is not valid", errors)
        chain.field_mapping = dict(body["field_mapping"])
    chain.updated_at = utcnow()
    session.flush()
    return chain


def delete_chain(session: Session, principal: Principal, project_id: int, chain_id: int) -> None:
    chain = get_chain(session, principal, project_id, chain_id)
    require_admin(principal, principal.org_id, WHAT)
    session.delete(chain)


# --- the job that runs a chain ------------------------------------------------------------


def _record(
    session: Session, chain_id: int, task: Task | None, ok: bool | None, data: dict
) -> None:
    """The outcome on the source task's timeline and in the chain's counters (a chain deleted
    meanwhile has none: the update finds no row; a skipped run, `ok` None, counts nothing)."""
    now = utcnow()
    if task is not None:
        session.add(
            TaskEvent(
                org_id=task.org_id,
                task_id=task.id,
                workflow_id=task.workflow_id,
                type="task.chained",
                data={"chain_id": chain_id, **data},
                created_at=now,
            )
        )
    if ok is None:
        return
    counter = WorkflowChain.tasks_created if ok else WorkflowChain.failures
    session.execute(
        update(WorkflowChain)
        .where(WorkflowChain.id == chain_id)
        .values({counter.key: counter + 1, "last_run_at": now})
    )


def _skip_reason(session: Session, source: Task, finish) -> str | None:
    """Why a chain's run for the `finish`-th finish of `source` must create nothing now."""
    if source.status != "finished":
        return REOPENED
    if isinstance(finish, int) and finishes(session.connection(), source.id) > finish:
        return SUPERSEDED
    return None


@jobs.handler(KIND)
def run_chain(ctx: jobs.JobContext) -> str:
    """Creates the target task of one chain for one finish of a source task, once; creates
    nothing (a skipped run) when the task is no longer in that finished state."""
    if ctx.checkpoint.get("done"):
        if ctx.result.get("error"):
            raise jobs.JobFailed(ctx.result["error"])
        return jobs.COMPLETED
    chain_id = int(ctx.params["chain_id"])
    task_id = int(ctx.params["source_task_id"])
    try:
        with ctx.step() as session:
            chain = session.get(WorkflowChain, chain_id)
            source = session.get(Task, task_id)
            if chain is None or chain.org_id != ctx.org_id:
                raise jobs.JobFailed("The workflow chain was deleted before it ran")
            if source is None or source.org_id != ctx.org_id:
                raise jobs.JobFailed("The source task no longer exists")
            skipped = _skip_reason(session, source, ctx.params.get("finish"))
            if skipped:
                _record(session, chain_id, source, None, {"skipped": skipped})
                ctx.result = {"chain_id": chain_id, "source_task_id": task_id, "skipped": skipped}
                ctx.done = 1
                ctx.checkpoint = {"done": True}
                return jobs.COMPLETED
            if not chain.enabled:
                raise jobs.JobFailed("The workflow chain was disabled before it ran")
            target = get_workflow(session, ctx.principal(session), chain.target_workflow_id)
            try:
                taskrows.check_creatable(target)
            except DomainError as exc:
                raise jobs.JobFailed(f"Target workflow {target.id}: {exc.message}") from None
            values = map_fields(chain.field_mapping or {}, source.id, source.fields, source.output)
            problems = fieldschema.validate_row(target.fields or [], values, 0)
            if problems:
                raise jobs.JobFailed(
                    "The mapped fields do not fit the target workflow: "
                    + "; ".join(
                        f"{p.field_name}: {p.message}" if p.field_name else p.message
                        for p in problems
                    )
                )
            (new_id,) = taskrows.insert_tasks(
                session, target, [values], created_by=ctx.created_by_id
            )
            _record(session, chain_id, source, True, {"target_task_id": new_id})
            ctx.result = {"chain_id": chain_id, "source_task_id": task_id, "target_task_id": new_id}
            ctx.done = 1
            ctx.checkpoint = {"done": True}
    except (jobs.JobFailed, DomainError) as exc:
        message = str(exc) if isinstance(exc, jobs.JobFailed) else exc.message
        with ctx.step() as session:
            source = session.get(Task, task_id)
            if source is not None and source.org_id != ctx.org_id:
                source = None
            _record(session, chain_id, source, False, {"error": message})
            ctx.result = {"chain_id": chain_id, "source_task_id": task_id, "error": message}
            ctx.done = 1
            ctx.checkpoint = {"done": True}
        raise jobs.JobFailed(message) from None
    return jobs.COMPLETED
