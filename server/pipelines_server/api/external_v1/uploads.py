"""The ZIP flow: init, confirm, status. The archive itself goes to the signed URL."""

from ...domain import uploads
from ...runtime import current
from ...shared.errors import Unavailable
from ...shared.timestamps import ts
from ...web import idempotency
from ...web.auth import caller_session
from ...web.public_url import base_url as _base_url


def init_upload(workflow_id: int, body: dict):
    rt = current()
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        upload = uploads.init_upload(
            session,
            me,
            workflow_id,
            body.get("tasks"),
            body.get("file_size_bytes"),
            rt.uploads,
        )
        url = _base_url() + uploads.signed_path(rt.uploads, upload)
        reply = {
            "upload_id": upload.id,
            "upload_url": url,
            "expires_at": ts(upload.expires_at),
            "status": upload.status,
        }
        return once.answer(reply, 202)


def confirm_upload(workflow_id: int, upload_id: str):
    rt = current()
    with caller_session() as (session, me):
        uploads.confirm(session, me, workflow_id, str(upload_id), rt.uploads, rt.workers.available)
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
    with caller_session() as (session, me):
        u = uploads.get_upload(session, me, workflow_id, str(upload_id))
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
