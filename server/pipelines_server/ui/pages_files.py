"""Downloading a project file from a page (a subtask's submitted file): the viewer's access
to the file's project is checked as the API's GET .../files/{file_id}/url checks it, then the
browser is sent to the same short-lived signed download URL, which answers the bytes as an
attachment with X-Content-Type-Options: nosniff and a sandboxing CSP
(edge/storage_files.py)."""

from __future__ import annotations

from flask import redirect

from ..domain import project_files
from ..runtime import current
from .core import bp, db, principal, signed_in


@bp.get("/files/<id64:project_id>/<file_id>")
@signed_in
def project_file(project_id: int, file_id: str):
    cfg = current().project_files
    with db() as session:
        f = project_files.get_file(session, principal(), project_id, file_id)
        expires_at = project_files.download_expiry(f, cfg)
        url = project_files.signed_path(cfg, "get", f.id, expires_at)
    return redirect(url, code=303)
