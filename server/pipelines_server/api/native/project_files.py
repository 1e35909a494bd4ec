"""The `files` tag: a project's files through signed upload and download URLs."""

from ...domain import project_files
from ...runtime import current
from ...shared.timestamps import ts
from ...store.models import ProjectFile
from ...web import idempotency
from ...web.auth import caller_session
from ...web.public_url import base_url
from . import shapes


def _shape(f: ProjectFile) -> dict:
    return {
        "id": f.id,
        "file_id": f.id,
        "project_id": f.project_id,
        "org_id": f.org_id,
        "filename": f.filename,
        "content_type": f.content_type,
        "status": f.status,
        "size_bytes": f.size_bytes,
        "declared_size_bytes": f.declared_size,
        "sha256": f.sha256,
        "uploader_id": f.uploader_id,
        "created_at": ts(f.created_at),
        "updated_at": ts(f.updated_at),
        "confirmed_at": ts(f.confirmed_at) if f.confirmed_at else None,
        "gc_after": ts(f.gc_after) if f.gc_after else None,
    }


def list_project_files(
    project_id: int, page: int = 1, page_size: int = 50, status: str | None = None
):
    with caller_session() as (session, me):
        rows, total = project_files.list_files(
            session, me, project_id, shapes.offset(page, page_size), page_size, status
        )
        return shapes.page([_shape(f) for f in rows], total, page, page_size), 200


def request_project_file_upload_url(project_id: int, body: dict):
    cfg = current().project_files
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        f = project_files.request_upload(
            session,
            me,
            project_id,
            body["filename"],
            body.get("content_type"),
            body.get("size_bytes"),
            cfg,
        )
        url = base_url() + project_files.signed_path(cfg, "put", f.id, f.expires_at)
        reply = {
            "file_id": f.id,
            "upload_url": url,
            "method": "PUT",
            "headers": {"Content-Type": f.content_type},
            "expires_at": ts(f.expires_at),
            "max_bytes": f.declared_size if f.declared_size is not None else cfg.max_bytes,
            "file": _shape(f),
        }
        return once.answer(reply, 201)


def confirm_project_file_upload(project_id: int, file_id: str, body: dict | None = None):
    cfg = current().project_files
    with caller_session() as (session, me):
        f = project_files.confirm(
            session, me, project_id, file_id, (body or {}).get("size_bytes"), cfg
        )
        return _shape(f), 200


def get_project_file_url(project_id: int, file_id: str):
    cfg = current().project_files
    with caller_session() as (session, me):
        f = project_files.get_file(session, me, project_id, file_id)
        expires_at = project_files.download_expiry(f, cfg)
        return {
            "file_id": f.id,
            "url": base_url() + project_files.signed_path(cfg, "get", f.id, expires_at),
            "expires_at": ts(expires_at),
            "filename": f.filename,
            "content_type": f.content_type,
            "size_bytes": f.size_bytes,
            "sha256": f.sha256,
        }, 200


def enqueue_project_file_gc(project_id: int, file_id: str):
    cfg = current().project_files
    with caller_session() as (session, me):
        f = project_files.enqueue_gc(session, me, project_id, file_id, cfg)
        return {"file_id": f.id, "status": f.status, "gc_after": ts(f.gc_after)}, 200
