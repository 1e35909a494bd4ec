"""A NUL in a path or query value of this surface (access.unmatchable, one place): an id or
slug with one is missing (404), a filter with one matches nothing (an empty list), never a
500 from the database (PostgreSQL refuses a NUL in text)."""

from __future__ import annotations

from tests.api.pipelit.helpers import pipelit, slug

EMPTY = {"items": [], "total": 0}


def test_nul_ids_are_404_and_nul_filters_empty(server):
    with pipelit(server) as api:
        s = slug()
        assert api.post("/workflows/", json={"name": "n", "slug": s}).status_code == 201
        missing_workflow = (404, {"detail": "Workflow not found."})
        for method, path in (
            ("get", "/workflows/a%00b/"),
            ("get", "/workflows/a%00b/nodes/"),
            ("post", "/workflows/a%00b/nodes/tick/schedule/start/"),
            ("post", "/workflows/a%00b/nodes/tick/schedule/pause/"),
            ("post", "/workflows/a%00b/nodes/tick/schedule/stop/"),
        ):
            r = api.request(method, path)
            assert (r.status_code, r.json()) == missing_workflow, path
        r = api.patch(f"/workflows/{s}/nodes/x%00/", json={"label": "l"})
        assert (r.status_code, r.json()) == (404, {"detail": "Node not found."})
        r = api.post(f"/workflows/{s}/nodes/x%00/schedule/start/")
        assert r.status_code == 404
        assert api.get("/schedules/a%00/").status_code == 404
        assert api.get("/schedules/", params={"status": "a\x00"}).json() == EMPTY
        assert api.get("/memories/facts/", params={"scope": "a\x00"}).json() == EMPTY
