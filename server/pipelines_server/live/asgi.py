"""The event streams' ASGI endpoints: `GET /api/events` (Server-Sent Events) and
`/api/events/ws` (WebSocket). Neither holds a thread: a stream is a coroutine waiting on the
shared reader (`hub.py`).

`EventStreams` sits in connexion's stack just before its context middleware, so for the SSE
operation connexion has already routed the request, authenticated the key (the same security
hooks as every operation), and validated the query against `openapi/pipelines.yaml`; the edge
middleware has applied the rate limits. It answers there instead of handing the request to
Flask. The WebSocket endpoint is not in the spec (OpenAPI 3.0 cannot describe one): it checks
the same key, limits and parameters itself.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import signal
import time
from urllib.parse import parse_qsl

import anyio
from sqlalchemy import select

from ..domain import keys
from ..runtime import current
from ..shared.errors import (
    DomainError,
    Forbidden,
    NotFound,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)
from ..shared.principal import USER_REMOVED, Principal
from ..store.models import Task
from ..web import auth
from ..web.replies import send_json
from .hub import SHUTDOWN, TOO_SLOW, EventHub, Subscription

log = logging.getLogger(__name__)

SSE_PATH = "/api/events"
WS_PATH = "/api/events/ws"
GONE = "client disconnected"
BROKEN = "Internal server error; reconnect with Last-Event-ID to resume"
WS_AUTH_SECONDS = 10.0  # how long a WebSocket without a key in its request may take to send one
INT64 = 9223372036854775807
# WebSocket close codes: 4000 + the HTTP status the SSE endpoint would answer.
WS_NORMAL, WS_GOING_AWAY, WS_TRY_LATER = 1000, 1001, 1013


def _principal_of(scope) -> Principal | None:
    info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
    return info.get("principal") if isinstance(info, dict) else None


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def query_params(scope) -> dict[str, str]:
    # The last value of a repeated parameter, as connexion's validation reads it.
    return dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))


def _int_param(query: dict, name: str, minimum: int) -> int | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not minimum <= value <= INT64:
        raise _bad_param(name, f"an integer from {minimum}")
    return value


def _float_param(query: dict, name: str) -> float | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not 0 <= value <= 86400:
        raise _bad_param(name, "a number from 0 to 86400")
    return value


def _bad_param(name: str, wanted: str) -> ValidationFailed:
    from ..shared.errors import FieldError

    message = f"Invalid query parameter {name!r}: expected {wanted}"
    return ValidationFailed(message, [FieldError(message, loc=("query", name))])


def stream_params(
    scope, header_first: bool = False
) -> tuple[int | None, int | None, int | None, float | None]:
    """task_id, workflow_id, after (or the Last-Event-ID header) and max_seconds.

    /api/events keeps `after` over the header (what it has always done). The web UI's
    /ui/events prefers the header (`header_first`): its page bakes `after=` into the stream's
    URL, and a reconnecting EventSource sends both, so `after` would replay everything since
    the page loaded."""
    query = query_params(scope)
    task_id = _int_param(query, "task_id", 1)
    workflow_id = _int_param(query, "workflow_id", 1)
    after = _int_param(query, "after", 0)
    max_seconds = _float_param(query, "max_seconds")
    if after is None or header_first:
        header = (_header(scope, b"last-event-id") or "").strip()
        if header.isdigit() and int(header) <= INT64:
            after = int(header)
    return task_id, workflow_id, after, max_seconds


def _api_frame(event) -> bytes:
    return event.sse()


def _api_tail(why: str | None) -> bytes:
    if why is None:
        return b""
    # Not part of the timeline (no id: Last-Event-ID stays on the last event).
    return f"event: stream.closed\ndata: {json.dumps({'detail': why})}\n\n".encode()


def key_bucket(raw: str) -> str:
    """The per-key rate-limit bucket, the same the edge middleware counts HTTP requests in."""
    return "key:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


class _ScopeOnly:
    def __init__(self, scope):
        self.scope = scope


class EventStreams:
    def __init__(self, app, hub: EventHub):
        self.app = app
        self.hub = hub

    async def __call__(self, scope, receive, send):
        kind, path = scope["type"], scope.get("path")
        if kind == "websocket" and path == WS_PATH:
            return await self.websocket(scope, receive, send)
        if kind == "http" and path == SSE_PATH and scope["method"] == "GET":
            principal = _principal_of(scope)
            if principal is not None:  # connexion authenticated it; otherwise let it answer
                return await self.sse(scope, receive, send, principal)
        if kind == "http" and path == WS_PATH:
            return await self._plain_request_to_ws(send)
        return await self.app(scope, receive, send)

    # -- shared ------------------------------------------------------------------------

    async def _open(self, principal: Principal, task_id, workflow_id, after) -> Subscription:
        """Checks what the key lookup does not (its user still there, the task in its
        organization), then joins the shared reader."""
        rt = current()

        def check(conn):
            reason = keys.invalid_keys(conn, [principal.api_key_id]).get(principal.api_key_id)
            if reason == USER_REMOVED:
                raise Forbidden(reason)
            if reason is not None:
                raise Unauthorized(reason)
            if task_id is not None:
                org = conn.execute(select(Task.org_id).where(Task.id == task_id)).scalar()
                if org != principal.org_id:
                    raise NotFound("Task not found")

        await anyio.to_thread.run_sync(lambda: rt.db.read(check))
        return await self.hub.subscribe(principal, task_id, workflow_id, after)

    async def _pump(self, sub: Subscription, max_seconds: float | None, write, heartbeat_write):
        """Writes the stream until it ends; returns why it ended (None: max_seconds)."""
        heartbeat = current().settings.events_heartbeat_seconds
        started = last_write = time.monotonic()
        deadline = None if max_seconds is None else started + max_seconds
        while True:
            if sub.replaying:
                events = await sub.replay()
            else:
                now = time.monotonic()
                wait = heartbeat - (now - last_write)
                if deadline is not None:
                    wait = min(wait, deadline - now)
                events = await sub.next(wait)
            if sub.closed == GONE:
                return GONE
            now = time.monotonic()
            if events:
                await write(events)
                last_write = now
            elif heartbeat_write is not None and now - last_write >= heartbeat:
                await heartbeat_write()
                last_write = now
            if sub.closed is not None:
                return sub.closed
            if deadline is not None and now >= deadline:
                return None

    # -- Server-Sent Events ---------------------------------------------------------------

    async def sse(self, scope, receive, send, principal: Principal) -> None:
        task_id, workflow_id, after, max_seconds = stream_params(scope)
        sub = await self._open(principal, task_id, workflow_id, after)  # errors: JSON replies
        await self.stream_sse(sub, receive, send, max_seconds, _api_frame, _api_tail)

    async def stream_sse(self, sub, receive, send, max_seconds, frame, tail) -> None:
        """An open subscription written as Server-Sent Events until it ends: `frame(event)`
        is one event's bytes, `tail(why)` what ends the stream (b"" for nothing) when it ends
        for a reason other than the client leaving. /api/events and the web UI's /ui/events
        both stream through here."""
        watcher = None
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"text/event-stream; charset=utf-8"),
                        (b"cache-control", b"no-cache"),
                        (b"x-accel-buffering", b"no"),
                    ],
                }
            )
            await send(
                {"type": "http.response.body", "body": b"retry: 2000\n\n", "more_body": True}
            )

            async def watch():
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        sub.close(GONE)
                        return

            watcher = asyncio.get_running_loop().create_task(watch())

            async def write(events):
                await send(
                    {
                        "type": "http.response.body",
                        "body": b"".join(frame(e) for e in events),
                        "more_body": True,
                    }
                )

            async def keep_alive():
                await send(
                    {"type": "http.response.body", "body": b": keep-alive\n\n", "more_body": True}
                )

            try:
                why = await self._pump(sub, max_seconds, write, keep_alive)
            except OSError:
                raise
            except Exception:  # headers are sent: end the stream properly, with a reason
                log.error("event stream failed", exc_info=True)
                why = BROKEN
            if why == GONE:
                return
            await send({"type": "http.response.body", "body": tail(why), "more_body": False})
        except OSError:
            pass  # the client went away while we wrote
        finally:
            if watcher is not None:
                watcher.cancel()
            self.hub.unsubscribe(sub)

    async def _plain_request_to_ws(self, send) -> None:
        await send_json(
            send,
            426,
            {"detail": f"{WS_PATH} is a WebSocket endpoint: connect with Upgrade: websocket"},
            {"upgrade": "websocket", "connection": "Upgrade"},
        )

    # -- WebSocket ---------------------------------------------------------------------

    async def websocket(self, scope, receive, send) -> None:
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        await send({"type": "websocket.accept"})
        rt = current()
        inbox: asyncio.Queue = asyncio.Queue()
        closed_by_client = asyncio.Event()

        async def read_client():
            first = True
            while True:
                msg = await receive()
                if msg["type"] == "websocket.disconnect":
                    closed_by_client.set()
                    inbox.put_nowait(None)
                    return
                if msg["type"] == "websocket.receive" and first:
                    # Only a first message means something (the key); later ones are dropped.
                    first = False
                    text = msg.get("text") or (msg.get("bytes") or b"").decode("utf-8", "replace")
                    inbox.put_nowait(text)

        reader = asyncio.get_running_loop().create_task(read_client())
        sub = None
        try:
            try:
                task_id, workflow_id, after, max_seconds = stream_params(scope)
                raw = self._ws_token(scope)
                if raw is None:
                    # No key in the request: it counts against the address, as HTTP requests
                    # without a key do, before it may wait for a first message.
                    await self._rate_limit(rt.limits.per_ip, "ip", auth.client_ip(scope))
                    raw = await self._ws_first_message_token(inbox)
                    if raw is None:
                        return  # the client left
                await self._rate_limit(rt.limits.per_key, key_bucket(raw))
                info = await auth.authenticate(raw, _ScopeOnly(scope))
                sub = await self._open(info["principal"], task_id, workflow_id, after)
            except DomainError as exc:
                return await self._ws_close(send, 4000 + exc.status, exc.message)
            except Exception:
                log.error("could not open an event WebSocket", exc_info=True)
                return await self._ws_close(send, 1011, "Internal server error")

            async def watch():
                await closed_by_client.wait()
                sub.close(GONE)

            watcher = asyncio.get_running_loop().create_task(watch())

            async def write(events):
                for event in events:
                    await send({"type": "websocket.send", "text": event.payload})

            try:
                why = await self._pump(sub, max_seconds, write, None)
            except OSError:
                raise
            except Exception:
                log.error("event WebSocket failed", exc_info=True)
                why = BROKEN
            finally:
                watcher.cancel()
            if why == GONE:
                return
            if why is None:
                code, reason = WS_NORMAL, "max_seconds reached"
            elif why == BROKEN:
                code, reason = 1011, why
            elif why == SHUTDOWN:
                code, reason = WS_GOING_AWAY, why
            elif why == TOO_SLOW:
                code, reason = WS_TRY_LATER, why
            elif why == USER_REMOVED:
                code, reason = 4403, why
            else:
                code, reason = 4401, why
            await self._ws_close(send, code, reason)
        except OSError:
            pass
        finally:
            reader.cancel()
            if sub is not None:
                self.hub.unsubscribe(sub)

    @staticmethod
    async def _rate_limit(item, *ids: str) -> None:
        retry = await current().limits.hit(item, *ids)
        if retry is not None:
            raise RateLimited(f"Rate limit exceeded; retry after {retry} seconds", retry)

    @staticmethod
    def _ws_token(scope) -> str | None:
        raw = _header(scope, b"x-api-key")
        auth = _header(scope, b"authorization")
        if not raw and auth and auth[:7].lower() == "bearer ":
            raw = auth[7:].strip()
        if not raw:
            raw = query_params(scope).get("token")
        return raw or None

    @staticmethod
    async def _ws_first_message_token(inbox: asyncio.Queue) -> str | None:
        """A key sent as the first message: `{"token": "pk_live_..."}` (or the bare key)."""
        try:
            with anyio.fail_after(WS_AUTH_SECONDS):
                text = await inbox.get()
        except TimeoutError:
            raise Unauthorized(
                "No API key was provided (send it in the Authorization or X-API-Key header, "
                'the token query parameter, or a first message {"token": ...})',
                code="missing_api_key",
            ) from None
        if text is None:
            return None
        text = text.strip()
        if text.startswith("{"):
            try:
                message = json.loads(text)
            except json.JSONDecodeError:
                message = None
            token = message.get("token") if isinstance(message, dict) else None
            if not isinstance(token, str) or not token:
                raise Unauthorized(
                    'The first message must be {"token": "<API key>"}', code="missing_api_key"
                )
            return token
        return text

    @staticmethod
    async def _ws_close(send, code: int, reason: str) -> None:
        encoded = reason.encode()[:123].decode("utf-8", "ignore")  # a close reason's limit
        await send({"type": "websocket.close", "code": code, "reason": encoded})


def end_streams_on_signals(hub: EventHub) -> None:
    """Ends every stream as soon as the server is asked to stop (SIGTERM, SIGINT).

    uvicorn waits for open responses to finish before it stops, and an event stream never
    finishes by itself: without this, a graceful stop would wait for every client's
    max_seconds. Clients reconnect (to another process) and resume with Last-Event-ID.
    Chained in front of uvicorn's own handlers, which it restores when it exits."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)
        if not callable(previous):
            continue

        def handler(signum, frame, previous=previous):
            loop.call_soon_threadsafe(hub.shutdown)
            previous(signum, frame)

        try:
            signal.signal(sig, handler)
        except ValueError:  # not the main thread (an embedded test server): nothing to chain
            return
