"""ZIP task creation: init, the signed upload URL, confirm, background processing, status."""

from __future__ import annotations

import hashlib
import hmac
import logging
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..shared.errors import Conflict, FieldError, Forbidden, NotFound, Unavailable, ValidationFailed
from ..shared.principal import Principal
from ..store.models import Upload, User, Workflow, utcnow
from . import archives
from . import fields as fieldschema
from .tasks import MAX_BATCH, insert_tasks
from .workflows import get_workflow, require_accepts_tasks

PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED = (
    "pending",
    "processing",
    "completed",
    "failed",
    "cancelled",
)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadConfig:
    uploads_dir: Path
    secret_key: str
    min_seconds: int = 3600
    max_seconds: int = 12 * 3600
    bytes_per_second: int = 256 * 1024
    max_upload_bytes: int = 5 * 1024**3
    limits: archives.ArchiveLimits = archives.ArchiveLimits()

    def archive_path(self, upload_id: str) -> Path:
        return self.uploads_dir / f"{upload_id}.zip"

    def files_dir(self, upload_id: str) -> Path:
        return self.uploads_dir / upload_id


def expiry_seconds(file_size_bytes: int | None, cfg: UploadConfig) -> int:
    """60 minutes by default; longer for big archives at a conservative upload speed;
    never more than 12 hours."""
    if not file_size_bytes:
        return cfg.min_seconds
    wanted = file_size_bytes // max(cfg.bytes_per_second, 1)
    return int(min(max(wanted, cfg.min_seconds), cfg.max_seconds))


def signature(secret_key: str, message: str) -> str:
    """The HMAC-SHA256 of a signed URL's message (shared with project files' URLs, whose
    messages carry a prefix of their own so that one kind of URL never passes for another)."""
    return hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).hexdigest()


def sign(cfg: UploadConfig, upload_id: str, expires: int) -> str:
    return signature(cfg.secret_key, f"{upload_id}:{expires}")


def signed_path(cfg: UploadConfig, upload: Upload) -> str:
    expires = int(upload.expires_at.timestamp())
    return (
        f"/storage/uploads/{upload.id}?expires={expires}&signature={sign(cfg, upload.id, expires)}"
    )


def _require_uploader(session: Session, principal: Principal) -> int:
    """The three upload endpoints need the identity of the key's creator."""
    user = session.get(User, principal.user_id) if principal.user_id else None
    if user is None or user.removed_at is not None:
        raise ValidationFailed(
            "The user who created this API key has been removed, so uploads cannot be "
            "attributed; revoke this key and have an active Org Admin create a new one"
        )
    return user.id


def _upload_workflow(session: Session, principal: Principal, workflow_id: int) -> Workflow:
    wf = get_workflow(session, principal, workflow_id)
    require_accepts_tasks(wf)
    if not fieldschema.file_fields(wf.fields):
        raise ValidationFailed(
            "This workflow has no file upload fields; create its tasks with "
            f"POST /workflows/{wf.id}/tasks"
        )
    return wf


def init_upload(
    session: Session,
    principal: Principal,
    workflow_id: int,
    tasks: list | None,
    file_size_bytes: int | None,
    cfg: UploadConfig,
) -> Upload:
    uploader = _require_uploader(session, principal)
    wf = _upload_workflow(session, principal, workflow_id)
    only_files = all(f["type"] == "file_upload" for f in wf.fields)
    if tasks is None and not only_files:
        raise ValidationFailed(
            "tasks is required: this workflow has fields other than file "
            "uploads (has_only_file_upload_fields is false)"
        )
    if tasks is not None and not 1 <= len(tasks) <= MAX_BATCH:
        raise ValidationFailed(f"tasks: send between 1 and {MAX_BATCH} tasks")
    if file_size_bytes is not None and file_size_bytes > cfg.max_upload_bytes:
        raise ValidationFailed(
            f"file_size_bytes exceeds the upload limit of {cfg.max_upload_bytes} bytes"
        )
    now = utcnow()
    upload = Upload(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        workflow_id=wf.id,
        api_key_id=principal.api_key_id,
        uploader_id=uploader,
        status=PENDING,
        tasks=tasks,
        file_size_bytes=file_size_bytes,
        expires_at=(now + timedelta(seconds=expiry_seconds(file_size_bytes, cfg))).replace(
            microsecond=0
        ),
        created_at=now,
        updated_at=now,
    )
    session.add(upload)
    session.flush()
    return upload


def get_upload(session: Session, principal: Principal, workflow_id: int, upload_id: str) -> Upload:
    _require_uploader(session, principal)
    upload = session.get(Upload, upload_id)
    if upload is None or upload.org_id != principal.org_id or upload.workflow_id != workflow_id:
        raise NotFound("Upload not found")
    return upload


# -- the signed PUT ----------------------------------------------------------------------------


def check_signature(
    session: Session,
    cfg: UploadConfig,
    upload_id: str,
    expires: str | None,
    signature: str | None,
    now: datetime | None = None,
) -> Upload:
    try:
        expires_at = int(expires or "")
    except ValueError:
        raise Forbidden("The upload URL is not valid") from None
    good = sign(cfg, upload_id, expires_at)
    if not signature or not hmac.compare_digest(good, signature):
        raise Forbidden("The upload URL signature does not match")
    if (now or utcnow()).timestamp() > expires_at:
        raise Forbidden("The upload URL has expired; start a new upload")
    upload = session.get(Upload, upload_id)
    if upload is None:
        raise NotFound("Upload not found")
    if upload.status != PENDING:
        raise Conflict("Upload has already been confirmed or is no longer pending")
    return upload


def record_received(session: Session, upload_id: str, size: int) -> None:
    session.execute(
        update(Upload)
        .where(Upload.id == upload_id)
        .values(received_at=utcnow(), received_bytes=size, updated_at=utcnow())
    )


# -- confirm and processing --------------------------------------------------------------------


def confirm(
    session: Session,
    principal: Principal,
    workflow_id: int,
    upload_id: str,
    cfg: UploadConfig,
    can_dispatch: Callable[[], bool],
) -> Upload:
    """Moves a received upload to processing. The caller commits, then dispatches it; if
    dispatching fails it calls `release` so the upload is pending again."""
    upload = get_upload(session, principal, workflow_id, upload_id)
    if upload.status != PENDING:
        raise Conflict("Upload has already been confirmed or is no longer pending")
    if upload.received_at is None or not cfg.archive_path(upload.id).exists():
        raise ValidationFailed("ZIP archive has not been uploaded yet")
    if not can_dispatch():
        raise Unavailable(
            "No upload worker is available; the upload stays pending, retry with backoff"
        )
    claimed = session.execute(
        update(Upload)
        .where(Upload.id == upload.id, Upload.status == PENDING)
        .values(status=PROCESSING, confirmed_at=utcnow(), updated_at=utcnow())
    ).rowcount
    if claimed != 1:
        raise Conflict("Upload has already been confirmed or is no longer pending")
    session.refresh(upload)
    return upload


def release(session: Session, upload_id: str) -> None:
    session.execute(
        update(Upload)
        .where(Upload.id == upload_id, Upload.status == PROCESSING)
        .values(status=PENDING, confirmed_at=None, updated_at=utcnow())
    )


def processing_ids(session: Session) -> list[str]:
    """Uploads a crash left half-way: processing starts over for them."""
    return list(session.scalars(select(Upload.id).where(Upload.status == PROCESSING)))


def _file_value(upload_id: str, f: archives.ArchiveFile) -> dict:
    return {"file_name": f.path, "size": f.size, "sha256": f.sha256, "upload_id": upload_id}


def _rows_from_tasks(
    wf: Workflow, upload: Upload, contents: archives.ArchiveContents
) -> tuple[list[tuple[int, dict]], list[FieldError]]:
    rows, errors = [], []
    file_names = {f["name"] for f in fieldschema.file_fields(wf.fields)}
    for i, task in enumerate(upload.tasks or []):
        values = task.get("fields") if isinstance(task, dict) else None
        values = values if values is not None else {}
        row_errors = fieldschema.validate_row(
            wf.fields, values, i, skip_types=frozenset({"file_upload"})
        )
        resolved = dict(values) if isinstance(values, dict) else {}
        for f in fieldschema.file_fields(wf.fields):
            ref = resolved.get(f["name"])
            if ref is None:
                if f["required"]:
                    row_errors.append(fieldschema.missing_required(f, i))
                continue
            if not isinstance(ref, str):
                row_errors.append(
                    FieldError(
                        f"Field '{f['name']}' must name a file in the archive",
                        field_name=f["name"],
                        index=i,
                    )
                )
                continue
            if ref in contents.oversized:
                row_errors.append(
                    FieldError(contents.oversized[ref], field_name=f["name"], index=i)
                )
                continue
            found = archives.resolve_file_reference(contents, ref)
            if found is None:
                row_errors.append(
                    FieldError(
                        f"File '{ref}' not found in the archive", field_name=f["name"], index=i
                    )
                )
                continue
            resolved[f["name"]] = _file_value(upload.id, found)
        if row_errors:
            errors.extend(row_errors)
        elif isinstance(values, dict):
            assert file_names  # a file workflow always has file fields
            rows.append((i, resolved))
    return rows, errors


def _rows_from_archive(
    wf: Workflow, upload: Upload, contents: archives.ArchiveContents
) -> tuple[list[tuple[int, dict]], list[FieldError]]:
    ffields = fieldschema.file_fields(wf.fields)
    if len(ffields) == 1:
        derived, row_errors = archives.rows_from_single_field(contents, ffields[0]["name"])
    else:
        required = {f["name"] for f in ffields if f["required"]}
        derived, row_errors = archives.rows_from_folders(
            contents, [f["name"] for f in ffields], required
        )
    errors = [FieldError(e.message, field_name=e.field_name, index=e.index) for e in row_errors]
    rows = [
        (d.index, {name: _file_value(upload.id, f) for name, f in d.files.items()}) for d in derived
    ]
    return rows, errors


def process(session: Session, upload_id: str, cfg: UploadConfig) -> None:
    """Turns a confirmed archive into tasks, in one transaction with the final status, so a
    crash half-way leaves the upload `processing` and it is simply processed again."""
    # The row lock (PostgreSQL) makes a second worker that resumed the same upload wait, then
    # see it completed; SQLite serialises writers anyway.
    upload = session.get(Upload, upload_id, with_for_update=True)
    if upload is None or upload.status != PROCESSING:
        return
    wf = session.get(Workflow, upload.workflow_id)
    dest = cfg.files_dir(upload.id)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    try:
        contents = archives.extract_archive(cfg.archive_path(upload.id), dest, cfg.limits)
        if upload.tasks is not None:
            rows, errors = _rows_from_tasks(wf, upload, contents)
        else:
            rows, errors = _rows_from_archive(wf, upload, contents)
    except archives.ArchiveError as exc:
        shutil.rmtree(dest, ignore_errors=True)
        _finish(upload, FAILED, message=str(exc))
        return
    task_ids = insert_tasks(
        session, wf, [r for _, r in rows], upload_id=upload.id, created_by=upload.uploader_id
    )
    _finish(
        upload,
        COMPLETED if task_ids else FAILED,
        message=None if task_ids else "No task could be created from the archive",
        errors=errors,
        task_ids=task_ids,
    )


def fail(session: Session, upload_id: str, message: str) -> None:
    upload = session.get(Upload, upload_id)
    if upload is not None and upload.status == PROCESSING:
        _finish(upload, FAILED, message=message)


def _finish(
    upload: Upload,
    status: str,
    message: str | None = None,
    errors: list[FieldError] | None = None,
    task_ids: list[int] | None = None,
) -> None:
    errors = errors or []
    task_ids = task_ids or []
    upload.status = status
    upload.message = message
    upload.errors = [
        {"index": e.index, "field_name": e.field_name, "message": e.message}
        for e in sorted(errors, key=lambda e: e.index or 0)
    ]
    upload.task_ids = task_ids
    upload.success_count = len(task_ids)
    upload.error_count = len({e.index for e in errors})
    upload.finished_at = upload.updated_at = utcnow()
