"""The native API error body: {"detail": "..."} or, for validation, {"detail": [{loc, msg,
type}]} with `loc` naming the parameter or the body path."""

from __future__ import annotations

from ...shared.errors import FieldError
from ...web.errors import HttpError

_REQUEST_PARTS = ("body", "query", "path", "header", "cookie")


def _loc(e: FieldError, err: HttpError) -> list:
    """Where the problem is: the parameter (["query", "status"]) or the path in the body
    (["body", "fields", 0, "name"]). Validation errors of the web layer come located already;
    the domain's are relative to the request body."""
    if err.body_validation or err.parameter_validation:
        return list(e.loc)
    return body_loc(e)


def body_loc(e: FieldError) -> list:
    """A domain problem's place in the request body."""
    if e.loc:
        # (a rule that already located itself in the request stays as it is)
        return list(e.loc) if e.loc[0] in _REQUEST_PARTS else ["body", *e.loc]
    if e.index is not None:
        return ["body", "tasks", e.index, "fields", e.field_name]
    return ["body"]


def issue(e: FieldError, loc: list) -> dict:
    return {"loc": loc, "msg": e.message, "type": "value_error"}


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    headers: dict[str, str] = {}
    status = err.status
    if err.body_validation or err.parameter_validation:
        status = 422  # FastAPI's convention, which the native API's clients expect
    if status == 422 and err.errors:
        detail: object = [issue(e, _loc(e, err)) for e in err.errors]
    else:
        detail = err.message
    if status == 429 and err.retry_after is not None:
        headers["Retry-After"] = str(err.retry_after)
    return status, {"detail": detail}, headers
