"""The `notifications` tag: the caller's notifications, their unread count, marking read."""

from ...domain import notifications
from ...web.auth import caller_session
from . import shapes


def list_notifications(
    page: int = 1,
    page_size: int = 50,
    unread_only: bool = False,
    read: bool | None = None,
    type: str | None = None,  # noqa: A002 (the query parameter's name)
):
    with caller_session() as (session, me):
        items, total = notifications.list_notifications(
            session,
            me,
            shapes.offset(page, page_size),
            page_size,
            unread_only=unread_only,
            read=read,
            type_=type,
        )
    return shapes.page(items, total, page, page_size), 200


def get_notification(notification_id: int):
    with caller_session() as (session, me):
        return notifications.get_notification(session, me, notification_id), 200


def get_unread_notification_count():
    with caller_session() as (session, me):
        return {"count": notifications.unread_count(session, me)}, 200


def mark_notifications_read(body: dict):
    with caller_session() as (session, me):
        result = notifications.mark_read(
            session, me, body.get("notification_ids"), bool(body.get("all"))
        )
    return result, 200
