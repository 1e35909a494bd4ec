"""The ZIP flow: init, confirm, status. The archive itself goes to the signed URL."""

from connexion import request

from ...domain import uploads
from ...runtime import current
from ...shared.errors import Unavailable
from ...shared.timestamps import ts
from ...web import idempotency
from ...web.auth import caller_session


def _base_url() -> str:
    """Where the signed upload URL points: PIPELINES_PUBLIC_URL when set; otherwise the
    address this connection was accepted on (the listening socket's, as the server sees it),
    never the request's Host header, which the caller (or anything between it and us)
    chooses. The scheme is the connection's own, or a trusted proxy's X-Forwarded-Proto."""
    settings = current().settings
    if settings.public_url:
        return settings.public_url.rstrip("/")
    scope = request.scope
    scheme = scope.get("scheme") or "http"
    server = scope.get("server")
    if server and server[1] is not None:
        host, port = str(server[0]), int(server[1])
    else:  # a Unix socket: the configured address
        host, port = settings.host, settings.port
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port == default_port else f":{port}")


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
