"""The ZIP flow: init, confirm, status. The archive itself goes to the signed URL."""

from connexion import request

from ...domain import uploads
from ...domain.errors import Unavailable
from ...runtime import current
from ..common import principal
from ..serialize import ts


def _base_url() -> str:
    configured = current().settings.public_url
    if configured:
        return configured.rstrip("/")
    return str(request.base_url).rstrip("/")


def init_upload(workflow_id: int, body: dict):
    rt = current()
    with rt.db.session() as session:
        upload = uploads.init_upload(
            session,
            principal(),
            workflow_id,
            body.get("tasks"),
            body.get("file_size_bytes"),
            rt.uploads,
        )
        url = _base_url() + uploads.signed_path(rt.uploads, upload)
        return {
            "upload_id": upload.id,
            "upload_url": url,
            "expires_at": ts(upload.expires_at),
            "status": upload.status,
        }, 202


def confirm_upload(workflow_id: int, upload_id: str):
    rt = current()
    with rt.db.session() as session:
        uploads.confirm(
            session, principal(), workflow_id, str(upload_id), rt.uploads, rt.workers.available
        )
    try:
        rt.workers.submit(str(upload_id))
    except RuntimeError:
        with rt.db.session() as session:
            uploads.release(session, str(upload_id))
        raise Unavailable(
            "No upload worker is available; the upload stays pending, retry with backoff"
        ) from None
    return {"upload_id": str(upload_id), "status": uploads.PROCESSING}, 202


def get_upload(workflow_id: int, upload_id: str):
    with current().db.session() as session:
        u = uploads.get_upload(session, principal(), workflow_id, str(upload_id))
        return {
            "upload_id": u.id,
            "status": u.status,
            "success_count": u.success_count,
            "error_count": u.error_count,
            "errors": u.errors,
            "task_ids": u.task_ids,
            "message": u.message,
            "expires_at": ts(u.expires_at),
            "created_at": ts(u.created_at),
            "updated_at": ts(u.updated_at),
        }, 200
