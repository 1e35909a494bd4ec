"""The `models` tag: the models an organization can use (its credentials' model slugs)."""

from ...domain import models
from ...web.auth import caller_session
from . import shapes


def list_models(org_id: int, page: int = 1, page_size: int = 100):
    with caller_session() as (session, me):
        items = models.list_models(session, me, org_id)
        start = shapes.offset(page, page_size)
        return shapes.page(items[start : start + page_size], len(items), page, page_size), 200
