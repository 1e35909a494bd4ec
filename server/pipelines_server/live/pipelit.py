"""Pipelit's WebSockets: `<prefix>/ws/?token=<key>` (subscribe to channels) and
`<prefix>/ws/executions/{id}/?token=<key>` (one execution's events, closed after its end).

One shared reader per process (`PipelitHub`), like the native stream's (`hub.py`): while
Pipelit sockets are open it reads, every `events_poll_seconds`, the new native task events and
the new `pipelit_broadcasts` rows in one pass for all of them, translates the task events of
Pipelit executions (`domain/pipelit/events.py`) and hands each message to the sockets of its
organization subscribed to its channel and allowed to see it. Every
`events_key_check_seconds` it re-reads the keys of the open sockets and closes those whose key
was revoked or expired, or whose user was removed, and re-reads their users' roles (a demoted
admin stops receiving other users' workflow events). It also prunes old broadcasts.

A subscription socket holds at most MAX_CHANNELS channels: a subscribe beyond that is ignored
(no `subscribed` answer; an unsubscribe makes room).

Differences from upstream: both sockets need a valid key (upstream's per-execution socket
has none), and a subscriber only receives the events of objects its key's user may see (same
organization; a normal user only their own workflows'). Delivery is, as upstream's,
fire-and-forget: no replay of what happened before the subscription.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field, replace
from datetime import timedelta

import anyio

from ..domain import event_feed as feed
from ..domain import keys
from ..domain.pipelit import events as pe
from ..runtime import Runtime, current
from ..shared import jsonsafe
from ..shared.errors import DomainError
from ..shared.principal import USER_REMOVED, Principal
from ..store.models import utcnow
from ..web import auth
from .asgi import key_bucket, query_params
from .hub import Cursor

log = logging.getLogger(__name__)

BATCH = 1000
MAX_CHANNELS = 1_000  # channels one socket may subscribe to (more are ignored)
MAX_BACKLOG = 10_000  # messages queued for one socket before it is closed as too slow
KNOWN_TASKS = 20_000  # task ids remembered as Pipelit executions or not
NODE_TYPES_SECONDS = 5.0  # how long a workflow's node types are trusted
BROADCAST_KEEP = timedelta(minutes=10)  # broadcasts older than this are pruned
PRUNE_SECONDS = 60.0
INVALID_TOKEN = "Invalid or missing token"
TOO_SLOW = "The socket fell too far behind"
GOING_AWAY = "The server is shutting down"
WS_NORMAL, WS_POLICY, WS_GOING_AWAY, WS_TRY_LATER = 1000, 1008, 1001, 1013


@dataclass(eq=False)
class Socket:
    """One open Pipelit socket: its channels and the texts queued for it."""

    principal: Principal
    channels: set[str] = field(default_factory=set)
    queue: deque = field(default_factory=deque)
    closed: tuple[int, str] | None = None  # (code, reason) once it is to be closed
    terminal: bool = False  # the per-execution socket saw its execution end
    close_after_terminal: bool = False
    _wake: asyncio.Event = field(default_factory=asyncio.Event)

    def push(self, message: pe.Message) -> None:
        if self.closed is not None or self.terminal:
            return
        if len(self.queue) >= MAX_BACKLOG:
            self.close(WS_TRY_LATER, TOO_SLOW)
            return
        self.queue.append(jsonsafe.dumps(message.payload, separators=(",", ":")))
        if self.close_after_terminal and message.terminal:
            self.terminal = True
        self._wake.set()

    def send_text(self, payload: dict) -> None:
        self.queue.append(json.dumps(payload, separators=(",", ":")))
        self._wake.set()

    def close(self, code: int, reason: str) -> None:
        if self.closed is None:
            self.closed = (code, reason)
            self._wake.set()

    async def wait(self, timeout: float) -> None:
        if self.queue or self.closed is not None or timeout <= 0:
            return
        self._wake.clear()
        with anyio.move_on_after(timeout):
            await self._wake.wait()


class PipelitHub:
    def __init__(self, rt: Runtime):
        self.rt = rt
        s = rt.settings
        self.poll_seconds = s.events_poll_seconds
        self.key_check_seconds = s.events_key_check_seconds
        self.max_sockets = s.events_max_streams
        self.by_org: dict[int, set[Socket]] = {}
        self.count = 0
        self.events = Cursor()
        self.broadcasts = Cursor()
        self._executions: OrderedDict[int, pe.Execution | None] = OrderedDict()
        self._node_types: dict[int, tuple[float, dict[str, str]]] = {}
        self._task: asyncio.Task | None = None
        self._pruner: asyncio.Task | None = None
        self._start_lock: asyncio.Lock | None = None
        self._wake: asyncio.Event | None = None
        self.closing = False
        self.reads = 0

    # -- sockets -------------------------------------------------------------------------

    async def join(self, sock: Socket) -> None:
        await self._ensure_running()
        self.by_org.setdefault(sock.principal.org_id, set()).add(sock)
        self.count += 1

    def leave(self, sock: Socket) -> None:
        subs = self.by_org.get(sock.principal.org_id)
        if subs is not None and sock in subs:
            subs.discard(sock)
            self.count -= 1
            if not subs:
                del self.by_org[sock.principal.org_id]

    def sockets(self) -> list[Socket]:
        return [s for subs in self.by_org.values() for s in subs]

    def full(self) -> bool:
        return self.closing or self.count >= self.max_sockets

    def shutdown(self) -> None:
        self.closing = True
        for sock in self.sockets():
            sock.close(WS_GOING_AWAY, GOING_AWAY)

    async def stop(self) -> None:
        self.shutdown()
        for task in (self._task, self._pruner):
            if task is not None:
                task.cancel()
                with anyio.CancelScope(shield=True):
                    try:
                        await task
                    except (asyncio.CancelledError, Exception):
                        pass

    # -- pruning (runs in every process, sockets open or not) ------------------------------

    def start_pruner(self) -> None:
        if self._pruner is None:
            self._pruner = asyncio.get_running_loop().create_task(
                self._prune_loop(), name="pipelit-broadcast-pruner"
            )

    async def prune(self) -> int:
        def work():
            with self.rt.db.session() as session:
                return pe.prune_broadcasts(session.connection(), BROADCAST_KEEP)

        return await anyio.to_thread.run_sync(work)

    async def _prune_loop(self) -> None:
        while True:
            try:
                await self.prune()
            except Exception:
                log.warning("pipelit broadcasts: pruning failed", exc_info=True)
            await asyncio.sleep(PRUNE_SECONDS)

    # -- the shared reader -----------------------------------------------------------------

    async def _ensure_running(self) -> None:
        if self._task is not None and not self._task.done():
            return
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if self._task is not None and not self._task.done():
                return

            def positions(conn):
                return feed.max_event_id(conn), pe.max_broadcast_id(conn)

            high_events, high_broadcasts = await anyio.to_thread.run_sync(
                lambda: self.rt.db.read(positions)
            )
            self.events = Cursor(high_events)
            self.broadcasts = Cursor(high_broadcasts)
            self._wake = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="pipelit-hub")

    async def _run(self) -> None:
        last_check = time.monotonic()
        while True:
            try:
                more = await self.poll()
                now = time.monotonic()
                if now - last_check >= self.key_check_seconds:
                    last_check = now
                    await self.check_keys()
            except Exception:
                log.warning("pipelit socket reader: read failed", exc_info=True)
                more = False
                await asyncio.sleep(min(1.0, self.poll_seconds * 5))
            if not more:
                self._wake.clear()
                with anyio.move_on_after(self.poll_seconds):
                    await self._wake.wait()
            if self.count == 0 or self.closing:
                return

    async def poll(self) -> bool:
        """One shared read of both feeds; True when a feed had more than a batch."""
        ev_high, ev_missing = self.events.high, self.events.missing()
        bc_high, bc_missing = self.broadcasts.high, self.broadcasts.missing()
        known = dict(self._executions)
        cached_types = {
            wf: types
            for wf, (at, types) in self._node_types.items()
            if time.monotonic() - at < NODE_TYPES_SECONDS
        }

        def read(conn):
            ev_rows = feed.events_since(conn, ev_high, ev_missing, BATCH)
            bc_rows = pe.broadcasts_since(conn, bc_high, bc_missing, BATCH)
            unknown = list({r.task_id for r in ev_rows if r.task_id not in known})
            found = pe.executions_of_tasks(conn, unknown)
            execs = {**known, **{t: found.get(t) for t in unknown}}
            mine = [r for r in ev_rows if execs.get(r.task_id) is not None]
            wf_ids = {execs[r.task_id].workflow_id for r in mine}
            need = [wf for wf in wf_ids if wf not in cached_types]
            types = dict(cached_types)
            fresh: dict[int, dict[str, str]] = {wf: {} for wf in need}
            for (wf, node_id), ctype in pe.node_types(conn, need).items():
                fresh[wf][node_id] = ctype
            types.update(fresh)
            ends = pe.node_ends(
                conn,
                [
                    r.node_instance_id
                    for r in mine
                    if r.type == "node.finished" and r.node_instance_id is not None
                ],
            )
            done = list({r.task_id for r in mine if r.type in ("task.finished", "task.failed")})
            task_ends = pe.task_ends(conn, done, {t: execs[t] for t in done})
            broadcasts = pe.broadcast_messages(conn, bc_rows)
            return ev_rows, bc_rows, found, unknown, fresh, types, ends, task_ends, broadcasts

        (
            ev_rows,
            bc_rows,
            found,
            unknown,
            fresh,
            types,
            ends,
            task_ends,
            broadcasts,
        ) = await anyio.to_thread.run_sync(lambda: self.rt.db.read(read))
        self.reads += 1
        now = time.monotonic()
        for task_id in unknown:
            self._executions[task_id] = found.get(task_id)
            while len(self._executions) > KNOWN_TASKS:
                self._executions.popitem(last=False)
        for wf, node_map in fresh.items():
            self._node_types[wf] = (now, node_map)
        if len(self._node_types) > 1000:
            self._node_types.clear()
        # Engine events and broadcasts are delivered in id order of each feed; both feeds
        # are read at the same moment.
        for row in ev_rows:
            if not self.events.accept(row.id, now):
                continue
            execution = self._executions.get(row.task_id) or found.get(row.task_id)
            if execution is None or not self.by_org.get(execution.org_id):
                continue
            ctype = types.get(execution.workflow_id, {}).get(row.node_id) if row.node_id else None
            translated = pe.translate(
                row.type,
                row.node_id,
                row.data,
                execution,
                ctype,
                ends.get(row.node_instance_id),
                task_ends.get(row.task_id),
            )
            if translated:
                stamp = pe.epoch(row.created_at)
                for message in pe.engine_messages(execution, translated, stamp):
                    self._fan_out(message)
            if row.type in ("task.finished", "task.failed", "task.cancelled"):
                self._executions.pop(row.task_id, None)  # read again if it is reopened
        for row, message in zip(bc_rows, broadcasts, strict=True):
            if self.broadcasts.accept(row.id, now):
                self._fan_out(message)
        self.events.expire(now)
        self.broadcasts.expire(now)
        return len(ev_rows) >= BATCH or len(bc_rows) >= BATCH

    def _fan_out(self, message: pe.Message) -> None:
        for sock in self.by_org.get(message.org_id, ()):
            if message.channel in sock.channels and pe.may_see(sock.principal, message):
                sock.push(message)

    async def check_keys(self) -> int:
        socks = self.sockets()
        if not socks:
            return 0
        ids = list({s.principal.api_key_id for s in socks})
        user_ids = list({s.principal.user_id for s in socks if s.principal.user_id is not None})
        now = utcnow()

        def read(conn):
            return keys.invalid_keys(conn, ids, now), pe.user_roles(conn, user_ids)

        invalid, roles = await anyio.to_thread.run_sync(lambda: self.rt.db.read(read))
        ended = 0
        for sock in socks:
            reason = invalid.get(sock.principal.api_key_id)
            if reason is not None:
                sock.close(4401, reason)
                ended += 1
                continue
            uid = sock.principal.user_id
            if uid is None:
                continue
            role = roles.get(uid)
            if role is None:  # removed meanwhile (the key check did not see it yet)
                sock.close(4401, USER_REMOVED)
                ended += 1
            elif role != sock.principal.role:
                sock.principal = replace(sock.principal, role=role)
        return ended


# -- the ASGI endpoints ----------------------------------------------------------------------


class _ScopeOnly:
    def __init__(self, scope):
        self.scope = {**scope, "headers": []}  # the key is the token parameter only


class PipelitSockets:
    """ASGI middleware answering the Pipelit socket paths; everything else passes through."""

    def __init__(self, app, hub: PipelitHub, prefix: str):
        self.app = app
        self.hub = hub
        self.ws_path = prefix.rstrip("/") + "/ws/"
        self.exec_prefix = self.ws_path + "executions/"

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            path = scope.get("path", "")
            if path in (self.ws_path, self.ws_path.rstrip("/")):
                return await self.serve(scope, receive, send, None)
            if path.startswith(self.exec_prefix):
                execution_id = path[len(self.exec_prefix) :].strip("/")
                if execution_id and "/" not in execution_id:
                    return await self.serve(scope, receive, send, execution_id)
        return await self.app(scope, receive, send)

    async def _principal(self, scope) -> Principal | None:
        """The token's principal, or None (a bad, missing, revoked or expired key, a removed
        user, or too many attempts)."""
        raw = query_params(scope).get("token") or ""
        if not raw:
            return None
        rt = current()
        try:
            retry = await rt.limits.hit(rt.limits.per_key, key_bucket(raw))
            if retry is not None:
                return None
            info = await auth.authenticate(raw, _ScopeOnly(scope))
        except DomainError:
            return None
        principal = info["principal"]
        reason = await anyio.to_thread.run_sync(
            lambda: rt.db.read(
                lambda conn: keys.invalid_keys(conn, [principal.api_key_id]).get(
                    principal.api_key_id
                )
            )
        )
        return principal if reason is None else None

    async def serve(self, scope, receive, send, execution_id: str | None) -> None:
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        try:
            principal = await self._principal(scope)
        except Exception:
            log.error("could not authenticate a Pipelit socket", exc_info=True)
            principal = None
        if principal is None or self.hub.full():
            # Refused before the handshake completes: the client sees HTTP 403.
            await send({"type": "websocket.close", "code": WS_POLICY, "reason": INVALID_TOKEN})
            return
        await send({"type": "websocket.accept"})
        sock = Socket(principal)
        if execution_id is not None:
            sock.channels.add(f"execution:{execution_id}")
            sock.close_after_terminal = True
        await self.hub.join(sock)
        settings = current().settings
        ping_after, pong_within = settings.pipelit_ws_ping_seconds, settings.pipelit_ws_pong_seconds
        state = {"last": time.monotonic(), "pong_due": None}

        async def read_client():
            while True:
                msg = await receive()
                if msg["type"] == "websocket.disconnect":
                    sock.close(0, "gone")
                    return
                if msg["type"] != "websocket.receive":
                    continue
                state["last"] = time.monotonic()
                if execution_id is not None:
                    continue  # the per-execution socket only sends
                if self._client_message(sock, msg.get("text")) == "pong":
                    state["pong_due"] = None

        reader = asyncio.get_running_loop().create_task(read_client())
        try:
            while True:
                if sock.queue:
                    while sock.queue:
                        await send({"type": "websocket.send", "text": sock.queue.popleft()})
                    state["last"] = time.monotonic()
                if sock.closed is not None:
                    code, reason = sock.closed
                    if code:
                        await send({"type": "websocket.close", "code": code, "reason": reason})
                    return
                if sock.terminal:
                    await send({"type": "websocket.close", "code": WS_NORMAL, "reason": ""})
                    return
                now = time.monotonic()
                if execution_id is None:
                    # Heartbeat (the subscription socket): ping after a quiet spell, close when
                    # no message follows within the pong time.
                    if state["pong_due"] is not None and now >= state["pong_due"]:
                        await send({"type": "websocket.close", "code": WS_NORMAL, "reason": ""})
                        return
                    if state["pong_due"] is None and now - state["last"] >= ping_after:
                        await send({"type": "websocket.send", "text": '{"type":"ping"}'})
                        state["last"] = time.monotonic()
                        state["pong_due"] = state["last"] + pong_within
                        continue
                    if state["pong_due"] is not None:
                        wait = state["pong_due"] - now
                    else:
                        wait = ping_after - (now - state["last"])
                else:
                    wait = 5.0
                await sock.wait(max(0.0, min(wait, 5.0)))
        except OSError:
            pass
        finally:
            reader.cancel()
            self.hub.leave(sock)

    @staticmethod
    def _client_message(sock: Socket, text: str | None) -> str | None:
        """subscribe / unsubscribe (each answered, idempotent) and pong (returned: it ends
        the wait for one); anything else (bad JSON, an unknown type, no channel) is ignored."""
        if not text:
            return None
        try:
            msg = json.loads(text)
        except ValueError:
            return None
        if not isinstance(msg, dict):
            return None
        kind, channel = msg.get("type"), msg.get("channel")
        if kind == "pong":
            return kind
        if kind not in ("subscribe", "unsubscribe") or not isinstance(channel, str) or not channel:
            return None
        if kind == "subscribe":
            if channel not in sock.channels and len(sock.channels) >= MAX_CHANNELS:
                return None  # over the cap: ignored (see the module)
            sock.channels.add(channel)
            sock.send_text({"type": "subscribed", "channel": channel})
        else:
            sock.channels.discard(channel)
            sock.send_text({"type": "unsubscribed", "channel": channel})
        return kind
