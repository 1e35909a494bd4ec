"""`GET /ui/events?task_id=N` (or `workflow_id=N`): the web UI's live events, as Server-Sent
Events, for a browser signed in with the `pipelines_session` cookie (an EventSource cannot
send an API key).

It is the same stream as `GET /api/events` (`asgi.py`): the viewer's organization's events
from the process's one shared reader (`hub.py`), filtered by task or workflow, resumable with
Last-Event-ID or `after`, ended when the session's key is revoked (sign-out) or its user
removed. Like it, it holds no thread: the cookie is resolved in one read on a worker thread,
then the stream is a coroutine. The same visibility rule applies: a task or workflow of
another organization is "not found", and no event of it is ever sent.

What differs is the message shape: each event is a plain SSE message (no `event:` name, its
type is in the JSON), which is what the UI's live regions (`static/app.js`) listen to; a
stream that ends sends `event: end`, which closes the page's EventSource instead of letting it
reconnect (a session that ended would only be refused again). A reconnect resumes from its
Last-Event-ID even though the page's URL carries `after=` (the header wins here, unlike
/api/events). A user has at most PIPELINES_UI_STREAMS_PER_USER streams open in a process
(429 with Retry-After past it: each open stream holds a subscription of the shared reader)."""

from __future__ import annotations

import logging

import anyio
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import web_sessions
from ..runtime import current
from ..shared.errors import DomainError, NotFound, ValidationFailed
from ..store.models import Task, Workflow
from ..web import session_cookie
from .asgi import BROKEN, EventStreams, stream_params
from .hub import SHUTDOWN, TOO_SLOW, EventHub

log = logging.getLogger(__name__)

PATH = "/ui/events"
# Ends after which the page's EventSource reconnects (and resumes) by itself.
RECONNECT = frozenset({SHUTDOWN, TOO_SLOW, BROKEN})
STREAMS_RETRY_AFTER = 10  # seconds, on a 429 for too many open streams


def _plain(status: int, message: str) -> tuple[list, bytes]:
    body = message.encode()
    return [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ], body


def _ui_frame(event) -> bytes:
    # Unnamed messages: static/app.js refreshes the live region on each.
    return f"id: {event.id}\ndata: {event.payload}\n\n".encode()


def _ui_tail(why: str | None) -> bytes:
    if why in RECONNECT:
        return b""  # the browser reconnects (EventSource) and resumes from its last id
    # The session ended (signed out, key revoked, user removed): the page stops.
    return f"event: end\ndata: {why or ''}\n\n".encode()


class UiEvents:
    def __init__(self, app, hub: EventHub):
        self.app = app
        self.hub = hub
        self.streams = EventStreams(app, hub)  # its opening and pumping, shared
        # Open streams by user id, in this process (PIPELINES_UI_STREAMS_PER_USER each).
        self.open_by_user: dict[int, int] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path") == PATH:
            return await self.serve(scope, receive, send)
        return await self.app(scope, receive, send)

    @staticmethod
    async def _reply(send, status: int, message: str, extra: list | None = None) -> None:
        headers, body = _plain(status, message)
        headers += extra or []
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def serve(self, scope, receive, send) -> None:
        if scope["method"] != "GET":
            headers, body = _plain(405, "Method not allowed")
            await send(
                {
                    "type": "http.response.start",
                    "status": 405,
                    "headers": [*headers, (b"allow", b"GET")],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        try:
            task_id, workflow_id, after, _max = stream_params(scope, header_first=True)
            if task_id is None and workflow_id is None:
                raise ValidationFailed("Give task_id or workflow_id")
            principal = await anyio.to_thread.run_sync(
                self._visible, session_cookie.token(scope), task_id, workflow_id
            )
            if principal is None:
                return await self._reply(send, 401, "Sign in to follow live events")
        except DomainError as exc:
            return await self._reply(send, exc.status, exc.message)
        user = principal.user_id
        # Counted and checked with no await between: concurrent opens cannot pass the cap.
        if self.open_by_user.get(user, 0) >= current().settings.ui_streams_per_user:
            return await self._reply(
                send,
                429,
                "Too many live pages open; close some tabs and reload",
                [(b"retry-after", str(STREAMS_RETRY_AFTER).encode())],
            )
        self.open_by_user[user] = self.open_by_user.get(user, 0) + 1
        try:
            try:
                sub = await self.streams._open(principal, task_id, workflow_id, after)
            except DomainError as exc:
                return await self._reply(send, exc.status, exc.message)
            await self._stream(sub, receive, send)
        finally:
            left = self.open_by_user.get(user, 1) - 1
            if left > 0:
                self.open_by_user[user] = left
            else:
                self.open_by_user.pop(user, None)

    @staticmethod
    def _visible(token: str | None, task_id: int | None, workflow_id: int | None):
        """The viewer's Principal (None: not signed in); not found for a task or workflow of
        another organization."""
        rt = current()

        def check(conn):
            with Session(bind=conn) as session:
                viewer = web_sessions.resolve(session, token)
            if viewer is None:
                return None
            org = viewer.principal.org_id
            if task_id is not None:
                row = conn.execute(
                    select(Task.org_id, Task.workflow_id).where(Task.id == task_id)
                ).first()
                if row is None or row.org_id != org:
                    raise NotFound("Task not found")
                if workflow_id is not None and row.workflow_id != workflow_id:
                    raise NotFound("Task not found")
            if workflow_id is not None:
                wf_org = conn.execute(
                    select(Workflow.org_id).where(Workflow.id == workflow_id)
                ).scalar()
                if wf_org != org:
                    raise NotFound("Workflow not found")
            return viewer.principal

        return rt.db.read(check)

    async def _stream(self, sub, receive, send) -> None:
        await self.streams.stream_sse(sub, receive, send, None, _ui_frame, _ui_tail)
