"""The live event stream (Server-Sent Events), scoped to the caller's organization.

The database is the bus: events are the task timeline rows, read in id order, so a stream
sees what every server process and every Celery worker recorded, and a client that
reconnects with Last-Event-ID (or `after`) misses nothing.
"""

import time

from flask import Response, request

from ...domain import jsonsafe, work
from ...domain.errors import NotFound
from ...runtime import current
from ...store.models import Task
from ..common import principal
from .work import jsonable

POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 15.0


def stream_events(
    task_id: int | None = None,
    workflow_id: int | None = None,
    after: int | None = None,
    max_seconds: float | None = None,
):
    rt = current()
    caller = principal()
    if task_id is not None:
        with rt.db.session() as session:
            task = session.get(Task, task_id)
            if task is None or task.org_id != caller.org_id:
                raise NotFound("Task not found")
    if after is None:
        header = request.headers.get("Last-Event-ID", "")
        if header.isdigit():
            after = int(header)
        else:
            after = rt.db.read(lambda conn: work.last_event_id(conn, caller.org_id))

    def generate():
        cursor = after
        started = last_write = time.monotonic()
        yield "retry: 2000\n\n"
        while True:
            events = rt.db.read(
                lambda conn, after=cursor: work.events_after(
                    conn, caller.org_id, after, task_id, workflow_id
                )
            )
            for event in events:
                cursor = event["id"]
                payload = jsonsafe.dumps(jsonable(event), separators=(",", ":"))
                yield f"id: {cursor}\nevent: {event['type']}\ndata: {payload}\n\n"
            now = time.monotonic()
            if events:
                last_write = now
            elif now - last_write >= HEARTBEAT_SECONDS:
                last_write = now
                yield ": keep-alive\n\n"
            if max_seconds is not None and now - started >= max_seconds:
                return
            if not events:
                time.sleep(POLL_SECONDS)

    return Response(
        generate(),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
