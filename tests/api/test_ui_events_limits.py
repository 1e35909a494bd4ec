"""/ui/events over plain HTTP: a reconnect resumes from Last-Event-ID even though the page's
URL carries `after=`, and a user has at most PIPELINES_UI_STREAMS_PER_USER streams open."""

from __future__ import annotations

import time
from contextlib import ExitStack, closing

import httpx

from tests.api.test_ui_sessions import _signed_in
from tests.api.test_ui_work_submit import _subtask
from tests.browser.support import new_account


def _ids(http: httpx.Client, url: str, count: int, headers: dict | None = None) -> list[int]:
    """The first `count` event ids of a stream (then it is closed)."""
    ids: list[int] = []
    with http.stream("GET", url, headers=headers or {}) as reply:
        assert reply.status_code == 200, reply.read()
        for line in reply.iter_lines():
            if line.startswith("id: "):
                ids.append(int(line[4:]))
                if len(ids) == count:
                    break
    return ids


def _status(http: httpx.Client, url: str) -> int:
    with http.stream("GET", url) as reply:
        return reply.status_code


def test_ui_events_resume_from_last_event_id_and_are_capped_per_user(make_server):
    srv = make_server(env={"PIPELINES_UI_STREAMS_PER_USER": "2"})
    account = new_account(srv)
    item = _subtask(account)
    http, _token = _signed_in(srv, account)
    url = f"/ui/events?task_id={item['task_id']}&after=0"
    with closing(http):
        first, second = _ids(http, url, 2)
        # The reconnect of a page whose URL says after=0: from the last event it saw.
        (resumed,) = _ids(http, url, 1, headers={"Last-Event-ID": str(first)})
        assert resumed == second
        with ExitStack() as open_streams:
            for _ in range(2):
                reply = open_streams.enter_context(http.stream("GET", url))
                assert reply.status_code == 200
            with http.stream("GET", url) as third:
                assert third.status_code == 429 and third.headers["retry-after"]
        # Closed, they no longer count (once the server has seen them go).
        deadline = time.monotonic() + 30
        while _status(http, url) == 429:
            assert time.monotonic() < deadline, "closed streams still counted"
            time.sleep(0.05)
