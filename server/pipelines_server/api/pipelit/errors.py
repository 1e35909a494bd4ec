"""The Pipelit error body: {"detail": "..."} with Pipelit's exact strings, FastAPI's 422 list
for a request that does not match its schema."""

from __future__ import annotations

from ...web.errors import HttpError


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    headers: dict[str, str] = {}
    status = err.status
    if err.body_validation or err.parameter_validation:
        status = 422
    if status == 422 and err.errors:
        detail: object = [
            {"type": "value_error", "loc": list(e.loc), "msg": e.message} for e in err.errors
        ]
    else:
        detail = err.message
    if status == 429 and err.retry_after is not None:
        headers["Retry-After"] = str(err.retry_after)
    return status, {"detail": detail}, headers
