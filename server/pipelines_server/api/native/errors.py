"""The native API error body: {"detail": "..."} or, for validation, {"detail": [{loc, msg}]}."""

from __future__ import annotations

from ...web.errors import HttpError


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    headers: dict[str, str] = {}
    status = err.status
    if err.body_validation or err.parameter_validation:
        status = 422  # FastAPI's convention, which the native API's clients expect
    if status == 422 and err.errors:
        detail: object = [
            {
                "loc": list(e.loc)
                if e.loc
                else (
                    ["body", "tasks", e.index, "fields", e.field_name]
                    if e.index is not None
                    else ["body"]
                ),
                "msg": e.message,
                "type": "value_error",
            }
            for e in err.errors
        ]
    else:
        detail = err.message
    if status == 429 and err.retry_after is not None:
        headers["Retry-After"] = str(err.retry_after)
    return status, {"detail": detail}, headers
