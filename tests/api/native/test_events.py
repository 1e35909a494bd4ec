"""GET /api/events refuses bad query parameters before it opens a stream, in the native
validation body with `loc` naming the parameter (the stream itself: tests/api/engine)."""

from __future__ import annotations

import pytest

from tests.api.helpers import native


@pytest.mark.parametrize(
    "params, name",
    [({"task_id": 0}, "task_id"), ({"after": "x"}, "after"), ({"max_seconds": -1}, "max_seconds")],
)
def test_a_bad_stream_parameter_is_a_422_naming_it(server, params, name):
    with native(server) as api:
        r = api.get("/events", params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", name]
