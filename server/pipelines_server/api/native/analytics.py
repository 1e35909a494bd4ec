"""The `analytics` tag: LLM analytics of a workflow (calls, tokens, errors, latency)."""

from datetime import UTC, datetime

from ...domain import llm_analytics
from ...shared.errors import FieldError, ValidationFailed
from ...web.auth import caller_session
from . import shapes


def _invalid(name: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, [FieldError(message, loc=("query", name))])


def _when(value: str | None, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, AttributeError):
        message = f"{name} must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z"
        raise _invalid(name, message) from None
    try:
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except OverflowError:
        raise _invalid(name, f"{name} is out of range") from None


def get_workflow_llm_analytics(
    project_id: int, workflow_id: int, since: str | None = None, until: str | None = None
):
    start, end = _when(since, "since"), _when(until, "until")
    with caller_session() as (session, me):
        reply = llm_analytics.workflow_analytics(session, me, project_id, workflow_id, start, end)
        return shapes.jsonable(reply), 200
