"""Project files: a signed, expiring, single-use upload URL (raw PUT), confirm, a signed
download URL, and collection after a grace period by one sweeper across processes.

States: pending (upload URL issued) -> uploading (the one PUT that took the URL is streaming)
-> uploaded (bytes arrived) -> ready (confirmed) -> gc_pending (collection requested; no
longer downloadable) -> deleted (bytes removed). A failed PUT puts the file back to pending.
Bytes live under the data directory by file id (a UUID we chose), never by the user's name.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import threading
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from ..shared.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    ValidationFailed,
)
from ..shared.ids import canonical_uuid
from ..shared.principal import Principal, acting_user
from ..store.db import Database
from ..store.models import ProjectFile, ProjectFileRef, utcnow
from ..store.process_leases import Duty
from .projects import get_project
from .uploads import signature

PENDING, UPLOADING, UPLOADED, READY, GC_PENDING, DELETED = (
    "pending",
    "uploading",
    "uploaded",
    "ready",
    "gc_pending",
    "deleted",
)
STATUSES = (PENDING, UPLOADING, UPLOADED, READY, GC_PENDING, DELETED)
log = logging.getLogger(__name__)


class Gone(DomainError):
    status, code = 410, "gone"


@dataclass(frozen=True)
class ProjectFileConfig:
    files_dir: Path
    secret_key: str
    max_bytes: int = 100 * 1024**2
    url_seconds: int = 3600
    gc_grace_seconds: float = 3600.0
    sweep_seconds: float = 30.0

    @classmethod
    def from_settings(cls, settings, secret_key: str) -> ProjectFileConfig:
        return cls(
            files_dir=settings.project_files_dir,
            secret_key=secret_key,
            max_bytes=settings.project_file_max_bytes,
            url_seconds=settings.project_file_url_seconds,
            gc_grace_seconds=settings.project_file_gc_grace_seconds,
            sweep_seconds=settings.project_file_gc_sweep_seconds,
        )

    def path(self, file_id: str) -> Path:
        return self.files_dir / canonical_id(file_id)


# -- hostile input -----------------------------------------------------------------------------

_CONTENT_TYPE = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$"
)
# Served as claimed: types a browser does not render as a document with scripts.
_SAFE_PREFIXES = ("image/", "audio/", "video/")
_UNSAFE_IMAGES = {"image/svg+xml"}
_SAFE_TYPES = {
    "application/pdf",
    "application/zip",
    "application/gzip",
    "application/json",
    "application/octet-stream",
    "text/plain",
    "text/csv",
    "text/markdown",
    "text/tab-separated-values",
}
_TEXT_TYPES = {"text/plain", "text/csv", "text/markdown", "text/tab-separated-values"}


def canonical_id(file_id: str) -> str:
    """The id as we issued it (a lowercase UUID); anything else is not a file of ours."""
    canonical = canonical_uuid(file_id)
    if canonical is None:
        raise NotFound("File not found")
    return canonical


def sanitize_filename(name: str) -> str:
    """The last path segment, without control or format characters, at most 255 bytes of
    UTF-8; 422 when nothing usable is left."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.strip().lstrip(".").strip()
    while len(name.encode()) > 255:
        name = name[:-1]
    if not name:
        raise ValidationFailed("filename must name a file (after removing any path)")
    return name


def clean_content_type(value: str | None) -> str:
    value = (value or "").split(";")[0].strip().lower()
    if not value:
        return "application/octet-stream"
    if not _CONTENT_TYPE.match(value):
        raise ValidationFailed("content_type must be a media type such as text/csv")
    return value


def served_content_type(claimed: str) -> str:
    """What a download is served as: the uploader's claim only when it is a type browsers do
    not run as a page (never text/html, SVG, XML or scripts); otherwise octet-stream."""
    ct = (claimed or "").lower()
    if ct in _SAFE_TYPES or (ct.startswith(_SAFE_PREFIXES) and ct not in _UNSAFE_IMAGES):
        return ct + ("; charset=utf-8" if ct in _TEXT_TYPES else "")
    return "application/octet-stream"


def content_disposition(filename: str) -> str:
    from urllib.parse import quote

    ascii_name = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\;' else "_" for ch in filename)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


# -- signing -----------------------------------------------------------------------------------


def _message(op: str, file_id: str, expires: int) -> str:
    return f"project-file:{op}:{file_id}:{expires}"


def signed_path(cfg: ProjectFileConfig, op: str, file_id: str, expires_at: datetime) -> str:
    expires = int(expires_at.timestamp())
    sig = signature(cfg.secret_key, _message(op, file_id, expires))
    return f"/storage/project-files/{file_id}?op={op}&expires={expires}&signature={sig}"


def check_url(
    cfg: ProjectFileConfig,
    op: str,
    file_id: str,
    expires: str | None,
    sig: str | None,
    now: datetime | None = None,
) -> str:
    """The file id a signed URL is for; 403 for a bad signature, another file's URL, or an
    expired URL."""
    try:
        file_id = canonical_id(file_id)
        expires_at = int(expires or "")
    except (ValueError, NotFound):
        raise Forbidden("The file URL is not valid") from None
    good = signature(cfg.secret_key, _message(op, file_id, expires_at))
    if not sig or not hmac.compare_digest(good, sig):
        raise Forbidden("The file URL signature does not match")
    if (now or utcnow()).timestamp() > expires_at:
        raise Forbidden("The file URL has expired; ask for a new one")
    return file_id


# -- the API's operations ----------------------------------------------------------------------


def _expiry(cfg: ProjectFileConfig) -> datetime:
    return (utcnow() + timedelta(seconds=cfg.url_seconds)).replace(microsecond=0)


def request_upload(
    session: Session,
    principal: Principal,
    project_id: int,
    filename: str,
    content_type: str | None,
    size_bytes: int | None,
    cfg: ProjectFileConfig,
) -> ProjectFile:
    uploader = acting_user(principal)
    project = get_project(session, principal, project_id)
    if project.archived_at is not None:
        raise Conflict("Project is archived; unarchive it before adding files")
    name = sanitize_filename(filename)
    ctype = clean_content_type(content_type)
    if size_bytes is not None and not 0 <= size_bytes <= cfg.max_bytes:
        raise ValidationFailed(
            f"size_bytes must be between 0 and the project file limit of {cfg.max_bytes} bytes"
        )
    now = utcnow()
    f = ProjectFile(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        project_id=project.id,
        filename=name,
        content_type=ctype,
        status=PENDING,
        declared_size=size_bytes,
        uploader_id=uploader,
        expires_at=_expiry(cfg),
        created_at=now,
        updated_at=now,
    )
    session.add(f)
    session.flush()
    return f


def get_file(session: Session, principal: Principal, project_id: int, file_id: str) -> ProjectFile:
    project = get_project(session, principal, project_id)
    try:
        fid = canonical_id(file_id)
    except NotFound:
        raise NotFound("File not found") from None
    f = session.get(ProjectFile, fid)
    if f is None or f.org_id != principal.org_id or f.project_id != project.id:
        raise NotFound("File not found")
    if f.status == DELETED:
        raise NotFound("File not found")
    return f


def list_files(
    session: Session,
    principal: Principal,
    project_id: int,
    offset: int,
    limit: int,
    status: str | None = None,
) -> tuple[list[ProjectFile], int]:
    project = get_project(session, principal, project_id)
    where = [ProjectFile.project_id == project.id, ProjectFile.org_id == principal.org_id]
    where.append(ProjectFile.status == status if status else ProjectFile.status != DELETED)
    total = session.scalar(select(func.count()).select_from(ProjectFile).where(*where))
    rows = session.scalars(
        select(ProjectFile)
        .where(*where)
        .order_by(ProjectFile.created_at.desc(), ProjectFile.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total or 0


def confirm(
    session: Session,
    principal: Principal,
    project_id: int,
    file_id: str,
    size_bytes: int | None,
    cfg: ProjectFileConfig,
) -> ProjectFile:
    """Uploaded -> ready. Confirming a ready file again answers it again (idempotent)."""
    f = get_file(session, principal, project_id, file_id)
    if f.status == READY:
        if size_bytes is not None and size_bytes != f.size_bytes:
            raise Conflict(f"size_bytes {size_bytes} does not match the {f.size_bytes} received")
        return f
    if f.status in (PENDING, UPLOADING):
        raise Conflict("The file's bytes have not arrived yet; PUT them to the upload URL first")
    if f.status != UPLOADED:
        raise Conflict(f"The file is {f.status} and can no longer be confirmed")
    if not cfg.path(f.id).exists():
        raise Conflict("The file's bytes are missing; request a new upload URL")
    if size_bytes is not None and size_bytes != f.size_bytes:
        raise Conflict(f"size_bytes {size_bytes} does not match the {f.size_bytes} received")
    now = utcnow()
    done = session.execute(
        update(ProjectFile)
        .where(ProjectFile.id == f.id, ProjectFile.status == UPLOADED)
        .values(status=READY, confirmed_at=now, updated_at=now)
    ).rowcount
    session.refresh(f)
    if done != 1 and f.status != READY:
        raise Conflict(f"The file is {f.status} and can no longer be confirmed")
    return f


def download_expiry(f: ProjectFile, cfg: ProjectFileConfig) -> datetime:
    if f.status == GC_PENDING:
        raise NotFound("File not found (it has been deleted)")
    if f.status != READY:
        raise Conflict("The file is not ready; confirm its upload first")
    return _expiry(cfg)


def enqueue_gc(
    session: Session, principal: Principal, project_id: int, file_id: str, cfg: ProjectFileConfig
) -> ProjectFile:
    """Stops downloads at once; the bytes go after the grace. Org admins and the uploader may
    ask; asking again keeps the first `gc_after`. A file that a subtask submission refers to
    is kept (409) while the submission exists."""
    f = get_file(session, principal, project_id, file_id)
    me = acting_user(principal)
    if not principal.is_admin and f.uploader_id != me:
        raise Forbidden("Only organization admins and the file's uploader can delete a file")
    if f.status == GC_PENDING:
        return f
    # The row locked first (PostgreSQL), so that a submission referring to the file either
    # committed before this reads its references or finds the file no longer ready.
    session.refresh(f, with_for_update=True)
    if referenced(session.connection(), f.id):
        raise Conflict(
            "A subtask submission refers to this file; it is kept while that task exists"
        )
    now = utcnow()
    f.status = GC_PENDING
    f.gc_after = now + timedelta(seconds=cfg.gc_grace_seconds)
    f.updated_at = now
    session.flush()
    return f


# -- files the server already has (the web UI's subtask form) ----------------------------------


def store_bytes(
    session: Session,
    principal: Principal,
    project_id: int,
    filename: str,
    content_type: str | None,
    stream: BinaryIO,
    cfg: ProjectFileConfig,
) -> ProjectFile:
    """A ready project file made of bytes this server received itself (not through the signed
    PUT): the same checks as `request_upload` (membership, archived project, name and type)
    and the same cap (PIPELINES_PROJECT_FILE_MAX_BYTES, 413 past it), stored the same way (by
    file id, SHA-256 recorded). Commit it on its own: if the caller's transaction rolls back
    after the bytes are written, they are left on disk with no row naming them."""
    f = request_upload(session, principal, project_id, filename, content_type, None, cfg)
    size, sha = _write(cfg, f.id, stream)
    now = utcnow()
    f.status, f.size_bytes, f.sha256 = READY, size, sha
    f.received_at = f.confirmed_at = f.updated_at = now
    session.flush()
    return f


_CHUNK = 256 * 1024


def _write(cfg: ProjectFileConfig, file_id: str, stream: BinaryIO) -> tuple[int, str]:
    final = cfg.path(file_id)
    final.parent.mkdir(parents=True, exist_ok=True)
    part = final.with_name(f"{final.name}.part-{os.getpid()}-{threading.get_ident()}")
    size, digest = 0, hashlib.sha256()
    try:
        with part.open("wb") as out:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cfg.max_bytes:
                    raise PayloadTooLarge(
                        f"The file exceeds the project file limit of {cfg.max_bytes} bytes"
                    )
                digest.update(chunk)
                out.write(chunk)
        os.replace(part, final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return size, digest.hexdigest()


# -- files that subtask submissions refer to ---------------------------------------------------


def file_value(f) -> dict:
    """What a submission stores for a file field: the file as it was when submitted."""
    return {
        "file_id": f.id,
        "filename": f.filename,
        "content_type": f.content_type,
        "size": f.size_bytes,
        "sha256": f.sha256,
    }


def ready_files(conn: Connection, org_id: int, project_id: int, file_ids: Iterable[str]) -> dict:
    """The ready files of this project among `file_ids` (by the id as given), their rows
    locked until the caller commits (PostgreSQL), so that a concurrent enqueue-gc waits and
    then sees the submission's reference. Ids that are not UUIDs, another project's or
    organization's files, unconfirmed, deleted or gc-requested files are left out."""
    wanted = {}
    for given in file_ids:
        canonical = canonical_uuid(given) if isinstance(given, str) else None
        if canonical is not None:
            wanted[given] = canonical
    if not wanted:
        return {}
    t = ProjectFile.__table__
    rows = conn.execute(
        select(t)
        .where(
            t.c.id.in_(set(wanted.values())),
            t.c.org_id == org_id,
            t.c.project_id == project_id,
            t.c.status == READY,
        )
        .with_for_update()
    ).all()
    by_id = {r.id: r for r in rows}
    return {given: by_id[c] for given, c in wanted.items() if c in by_id}


def add_refs(conn: Connection, submission_id: int, file_ids: Iterable[str]) -> None:
    """Records that a submission refers to these files (those of them that exist)."""
    ids = sorted(set(file_ids))
    if ids:
        t = ProjectFile.__table__
        conn.execute(
            insert(ProjectFileRef.__table__).from_select(
                ["file_id", "submission_id"],
                select(t.c.id, literal(submission_id)).where(t.c.id.in_(ids)),
            )
        )


def referenced(conn: Connection, file_id: str) -> bool:
    t = ProjectFileRef.__table__
    return conn.execute(select(t.c.id).where(t.c.file_id == file_id).limit(1)).first() is not None


# -- the raw PUT and GET of the signed URLs ----------------------------------------------------


def begin_put(session: Session, file_id: str) -> int | None:
    """Takes the single-use upload URL: pending -> uploading. The size declared, if any."""
    f = session.get(ProjectFile, file_id)
    if f is None or f.status == DELETED:
        raise NotFound("File not found")
    if f.status != PENDING:
        raise Gone("This upload URL has already been used")
    taken = session.execute(
        update(ProjectFile)
        .where(ProjectFile.id == file_id, ProjectFile.status == PENDING)
        .values(status=UPLOADING, updated_at=utcnow())
    ).rowcount
    if taken != 1:
        raise Gone("This upload URL has already been used")
    return f.declared_size


def end_put(session: Session, file_id: str, size: int | None, sha256: str | None) -> None:
    """uploading -> uploaded with what arrived, or back to pending when the PUT failed."""
    now = utcnow()
    values = (
        {"status": UPLOADED, "size_bytes": size, "sha256": sha256, "received_at": now}
        if size is not None
        else {"status": PENDING}
    )
    session.execute(
        update(ProjectFile)
        .where(ProjectFile.id == file_id, ProjectFile.status == UPLOADING)
        .values(updated_at=now, **values)
    )


def downloadable(session: Session, file_id: str) -> ProjectFile:
    f = session.get(ProjectFile, file_id)
    if f is None:
        raise NotFound("File not found")
    if f.status in (GC_PENDING, DELETED):
        raise Gone("This file has been deleted")
    if f.status != READY:
        raise Conflict("The file is not ready")
    return f


# -- collection --------------------------------------------------------------------------------


# An upload whose PUT is still streaming is never collected: only one left half-way (its
# process died) for this long past the grace.
ABANDONED_UPLOAD = timedelta(hours=24)


def collect(session: Session, cfg: ProjectFileConfig, now: datetime | None = None) -> list[str]:
    """Marks deleted the files whose grace is over, and the uploads never confirmed whose URL
    expired more than a grace ago; returns their ids, whose bytes the caller removes once this
    is committed (bytes are never removed for a row that could still roll back)."""
    now = now or utcnow()
    stale = now - timedelta(seconds=cfg.gc_grace_seconds)
    due = or_(
        (ProjectFile.status == GC_PENDING) & (ProjectFile.gc_after <= now),
        ProjectFile.status.in_((PENDING, UPLOADED)) & (ProjectFile.expires_at <= stale),
        (ProjectFile.status == UPLOADING)
        & (ProjectFile.expires_at <= stale)
        & (ProjectFile.updated_at <= stale - ABANDONED_UPLOAD),
    )
    ids = list(session.scalars(select(ProjectFile.id).where(due).limit(500)))
    if ids:
        # The same condition again: a file that changed state meanwhile is left alone.
        session.execute(
            update(ProjectFile)
            .where(ProjectFile.id.in_(ids), due)
            .values(status=DELETED, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        ids = list(
            session.scalars(
                select(ProjectFile.id).where(ProjectFile.id.in_(ids), ProjectFile.status == DELETED)
            )
        )
    return ids


class FileSweeper:
    """The "project-file-gc" duty: one process across all of them collects; the others wait."""

    def __init__(self, db: Database, cfg: ProjectFileConfig):
        self.db, self.cfg = db, cfg
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        duty = Duty(self.db, "project-file-gc", max(self.cfg.sweep_seconds * 4, 5.0))
        self._thread = threading.Thread(
            target=duty.perform, args=(self._wait, self._round), name="project-file-gc", daemon=True
        )
        self._thread.start()

    def _wait(self) -> bool:
        return not self._stop.wait(self.cfg.sweep_seconds)

    def _round(self) -> None:
        with self.db.session() as session:
            ids = collect(session, self.cfg)
        for file_id in ids:  # committed: the rows say deleted, the bytes go
            self.cfg.path(file_id).unlink(missing_ok=True)
        if ids:
            log.info("project files: collected %d", len(ids))

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
