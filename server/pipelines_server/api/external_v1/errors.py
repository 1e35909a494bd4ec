"""The External API v1 error body: {error, message, retry_after?}."""

from __future__ import annotations

from ...web.errors import HttpError

SUCCESSOR = "/api"
HEADERS = {"Deprecation": "true", "Link": f'<{SUCCESSOR}>; rel="successor-version"'}


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    code = err.code
    if err.status == 400:
        code = "invalid_request"
    body: dict = {"error": code, "message": err.message}
    headers: dict[str, str] = {}
    if err.status == 429 and err.retry_after is not None:
        body["retry_after"] = err.retry_after
        headers["Retry-After"] = str(err.retry_after)
    rows = [e for e in err.errors if e.index is not None]  # per-row errors only
    if rows and err.status == 422:
        body["errors"] = [
            {"index": e.index, "field_name": e.field_name, "message": e.message} for e in rows
        ]
    return err.status, body, headers
