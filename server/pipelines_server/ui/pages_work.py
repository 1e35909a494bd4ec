"""People's work: my work (the subtasks and reviews the viewer can take or holds, paged and
filtered), my submissions (with each one's review outcome), a subtask's form and a review's
verdict form, with claim, submit and release.

Every action calls the domain function the native API's `work` handlers call
(domain/human_work.py, domain/work_list.py) with the viewer's principal: a subtask's values
are validated by the same function as `POST .../submit-subtask`, and its reasons are shown
next to their fields with the user's input kept. Opening a page never claims the node (it is
the API's `/view`); the Claim button does (the API's GET `.../subtask` or `.../review`).
A file chosen in a subtask's form becomes a project file of the task's project (as if
uploaded through the project-files API) and is submitted as its reference; submitted files
are links to /ui/files/... (pages_files.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, redirect, request, url_for
from werkzeug.datastructures import FileStorage

from ..domain import fields as fieldschema
from ..domain import human_work, instructions, project_files, work_list
from ..runtime import current
from ..shared.errors import DomainError, ValidationFailed
from ..web.errors import to_http_error
from . import params, work_form
from .core import body_limit, bp, db, nav, principal, render, signed_in, viewer
from .core import field_errors as errors_by_field

PAGE_SIZE = 25
KINDS = ("subtask", "review")
WORK_STATUSES = ("available", "claimed")
# The node statuses a submission's node can be in (the my-submissions status filter).
SUBMISSION_STATUSES = ("submitted", "finished", "available", "claimed", "quarantined", "escalated")
INSTRUCTIONS_SHOWN = 20
QUEUE_REFRESH_SECONDS = 10
NOTICES = {
    "submitted": "Submitted {node} of task {task}. It is no longer in your queue.",
    "passed": "You passed the review {node} of task {task}.",
    "failed": "You failed the review {node} of task {task}; the work was sent back.",
    "failed-quarantined": "You failed the review {node} of task {task}; it is now quarantined.",
    "failed-escalated": "You failed the review {node} of task {task}; it is now escalated.",
    "released": "Released {node} of task {task}: it is back in the pool.",
}

nav("ui.my_work", "My work", order=20)


def _choice(value: str | None, allowed) -> str | None:
    return value if value in allowed else None


def _notice() -> str | None:
    """The notice after an action: its node's name and task looked up by the node's id (never
    text taken from the query string, which anyone can write into a link)."""
    template = NOTICES.get(request.args.get("done", ""))
    if template is None:
        return None
    node_db_id = params.parse_int(request.args.get("node"))
    label = None
    if node_db_id is not None:
        with db() as session:
            label = human_work.node_label(session, principal(), node_db_id)
    name, task = label or ("?", "?")
    return template.format(node=name, task=task)


def _listing(template: str, lister, allowed, workflows_of=None, **extra):
    """A paged list of the viewer's items (`lister`: work_list.my_work or my_submissions),
    filtered by kind, workflow and one of the `allowed` statuses; with `workflows_of`, the
    workflows the filter offers."""
    filters = {
        "kind": _choice(request.args.get("kind"), KINDS),
        "status": _choice(request.args.get("status"), allowed),
        "workflow": params.parse_int(request.args.get("workflow")),
    }
    page = params.page_arg()
    with db() as session:
        items, total = lister(
            session,
            principal(),
            None,
            (page - 1) * PAGE_SIZE,
            PAGE_SIZE,
            kind=filters["kind"],
            workflow_id=filters["workflow"],
            status=filters["status"],
        )
        if workflows_of is not None:
            extra["workflows"] = workflows_of(session, principal(), None)
    return render(
        template,
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters={k: v for k, v in filters.items() if v is not None},
        **extra,
    )


@bp.get("/work")
@signed_in
def my_work():
    return _listing(
        "work/queue.html",
        work_list.my_work,
        WORK_STATUSES,
        work_list.workflows_with_work,
        kinds=KINDS,
        statuses=WORK_STATUSES,
        notice=_notice(),
        refresh_seconds=QUEUE_REFRESH_SECONDS,
    )


@bp.get("/work/rows")
@signed_in
def my_work_rows():
    """The queue's table alone (the page reloads it every QUEUE_REFRESH_SECONDS)."""
    return _listing(
        "work/_queue_rows.html",
        work_list.my_work,
        WORK_STATUSES,
        refresh_seconds=QUEUE_REFRESH_SECONDS,
    )


@bp.get("/work/submissions")
@signed_in
def my_submissions():
    return _listing(
        "work/submissions.html",
        work_list.my_submissions,
        SUBMISSION_STATUSES,
        work_list.workflows_submitted_to,
        kinds=KINDS,
        statuses=SUBMISSION_STATUSES,
    )


# ---- one node ------------------------------------------------------------------------------


def _held(view: dict) -> bool:
    """Whether the viewer holds the node now (claimed by them, the lease not over)."""
    until = view.get("lease_expires_at")
    if until is not None and until.tzinfo is None:
        until = until.replace(tzinfo=UTC)
    return (
        view["status"] == "claimed"
        and view.get("assignee_id") == viewer().user_id
        and (until is None or until > datetime.now(UTC))
    )


def _node_page(
    kind: str,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    status: int = 200,
    errors: list[str] | None = None,
    field_errors: dict[str, list[str]] | None = None,
    texts: dict[str, str] | None = None,
    comment: str | None = None,
    kept: dict[str, dict] | None = None,
):
    lease = current().settings.claim_lease_seconds
    with db() as session:
        me = principal()
        view = human_work.open_node(
            session, me, project_id, workflow_id, node_db_id, kind, lease, claim=False
        )
        guidance, guidance_total = instructions.list_instructions(
            session, me, project_id, 0, INSTRUCTIONS_SHOWN
        )
        reviewed = None
        if kind == "review" and view.get("subtask"):
            reviewed = human_work.open_node(
                session,
                me,
                project_id,
                workflow_id,
                view["subtask"]["node_db_id"],
                "subtask",
                lease,
                claim=False,
            )
    if kind == "subtask" and texts is None:
        prefill = view["values"]
        texts = {f["name"]: work_form.shown(f, prefill.get(f["name"])) for f in view["fields"]}
        kept = work_form.kept_files(view["fields"], prefill, texts)
    shown_fields = (reviewed or view).get("fields", [])
    return render(
        f"work/{kind}.html",
        status=status,
        view=view,
        held=_held(view),
        guidance=guidance,
        guidance_total=guidance_total,
        titles={f["name"]: f["title"] for f in shown_fields},
        file_fields={f["name"] for f in shown_fields if f["type"] == "file_upload"},
        kept=kept or {},
        kept_id=work_form.KEPT_ID,
        kept_name=work_form.KEPT_NAME,
        short_text_max=fieldschema.SHORT_TEXT_MAX,
        errors=errors or [],
        field_errors=field_errors or {},
        texts=texts or {},
        comment=comment or "",
        prefix=work_form.PREFIX,
        comment_max=human_work.REVIEW_COMMENT_MAX,
    )


def _refused(kind: str, ids: tuple[int, int, int], exc: DomainError, **kwargs):
    return _node_page(kind, *ids, status=to_http_error(exc).status, errors=[exc.message], **kwargs)


def _done(what: str, view: dict):
    return redirect(url_for("ui.my_work", done=what, node=view["node_db_id"]), code=303)


def _kind(kind: str) -> str:
    if kind not in KINDS:
        abort(404)
    return kind


@bp.get("/work/<kind>/<id64:project_id>/<id64:workflow_id>/<id64:node_db_id>")
@signed_in
def work_node(kind: str, project_id: int, workflow_id: int, node_db_id: int):
    return _node_page(_kind(kind), project_id, workflow_id, node_db_id)


@bp.post("/work/<kind>/<id64:project_id>/<id64:workflow_id>/<id64:node_db_id>/claim")
@signed_in
def claim_node(kind: str, project_id: int, workflow_id: int, node_db_id: int):
    ids = (project_id, workflow_id, node_db_id)
    lease = current().settings.claim_lease_seconds
    try:
        with db() as session:
            human_work.open_node(session, principal(), *ids, _kind(kind), lease, claim=True)
    except DomainError as exc:
        return _refused(kind, ids, exc)
    return redirect(url_for("ui.work_node", kind=kind, **_id_args(ids)), code=303)


@bp.post("/work/<kind>/<id64:project_id>/<id64:workflow_id>/<id64:node_db_id>/release")
@signed_in
def release_node(kind: str, project_id: int, workflow_id: int, node_db_id: int):
    ids = (project_id, workflow_id, node_db_id)
    _kind(kind)
    try:
        with db() as session:
            view = human_work.release(session, principal(), *ids)
    except DomainError as exc:
        return _refused(kind, ids, exc)
    return _done("released", view)


FORM_OVERHEAD = 1024 * 1024  # what a subtask form may carry beside its files


def _form_limit() -> int:
    """A subtask form's whole body: its files together within one project file's limit
    (PIPELINES_PROJECT_FILE_MAX_BYTES), and the other fields."""
    return current().project_files.max_bytes + FORM_OVERHEAD


def _store_files(project_id: int, values: dict) -> tuple[dict[str, list[str]], int]:
    """Each chosen file of the form stored as a confirmed project file (in a unit of work of
    its own, so it stays whatever the submission's fate) and replaced in `values` by its
    reference; the reasons a file was refused (too large, archived project), by field, and
    the status to answer them with."""
    refused: dict[str, list[str]] = {}
    status = 200
    for name, value in list(values.items()):
        if not isinstance(value, FileStorage):
            continue
        try:
            with db() as session:
                f = project_files.store_bytes(
                    session,
                    principal(),
                    project_id,
                    value.filename or name,
                    value.mimetype,
                    value.stream,
                    current().project_files,
                )
                values[name] = {"file_id": f.id, "filename": f.filename}
        except DomainError as exc:
            del values[name]
            refused[name] = [exc.message]
            status = to_http_error(exc).status
    return refused, status


@bp.post("/work/subtask/<id64:project_id>/<id64:workflow_id>/<id64:node_db_id>/submit")
@signed_in
@body_limit(_form_limit)
def submit_subtask(project_id: int, workflow_id: int, node_db_id: int):
    ids = (project_id, workflow_id, node_db_id)
    lease = current().settings.claim_lease_seconds
    with db() as session:
        shown = human_work.open_node(session, principal(), *ids, "subtask", lease, claim=False)
    fields = shown["fields"]
    values, texts = work_form.read_values(fields, request.form, request.files, shown["values"])
    try:  # before any file is stored: a submission refused here leaves no file behind
        with db() as session:
            human_work.check_may_submit(session, principal(), *ids)
    except DomainError as exc:
        return _refused(
            "subtask", ids, exc, texts=texts, kept=work_form.kept_files(fields, values, texts)
        )
    refused, status = _store_files(project_id, values)
    kept = work_form.kept_files(fields, values, texts)
    if refused:
        return _node_page(
            "subtask", *ids, status=status, field_errors=refused, texts=texts, kept=kept
        )
    try:
        with db() as session:
            view, queued = human_work.submit_subtask(session, principal(), *ids, values)
    except ValidationFailed as exc:
        by_field, general = work_form.split_errors(exc, [f["name"] for f in fields])
        return _node_page(
            "subtask",
            *ids,
            status=to_http_error(exc).status,
            errors=general,
            field_errors=by_field,
            texts=texts,
            kept=kept,
        )
    except DomainError as exc:
        return _refused("subtask", ids, exc, texts=texts, kept=kept)
    current().engine.queued(queued)
    return _done("submitted", view)


@bp.post("/work/review/<id64:project_id>/<id64:workflow_id>/<id64:node_db_id>/submit")
@signed_in
def submit_review(project_id: int, workflow_id: int, node_db_id: int):
    ids = (project_id, workflow_id, node_db_id)
    decision = request.form.get("decision", "")
    comment = request.form.get("comment", "").replace("\r\n", "\n")
    try:
        with db() as session:
            view, queued = human_work.submit_review(
                session, principal(), *ids, decision, comment or None
            )
    except ValidationFailed as exc:
        by_field = errors_by_field(exc)
        return _node_page(
            "review",
            *ids,
            status=422,
            errors=by_field.pop("decision", []) + by_field.pop("", []),
            field_errors=by_field,
            comment=comment,
        )
    except DomainError as exc:
        return _refused("review", ids, exc, comment=comment)
    current().engine.queued(queued)
    if decision == "pass":
        return _done("passed", view)
    final = view["status"] in ("quarantined", "escalated")
    return _done(f"failed-{view['status']}" if final else "failed", view)


def _id_args(ids: tuple[int, int, int]) -> dict:
    return dict(zip(("project_id", "workflow_id", "node_db_id"), ids, strict=True))
