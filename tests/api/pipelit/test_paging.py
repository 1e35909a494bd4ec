"""Pipelit's paging rules over real HTTP (access.page, shared by every `{items, total}` list):
defaults, a negative limit meaning no limit, a negative offset counting as 0, and numbers past
what a database holds answering like their nearest meaning instead of a 500."""

from __future__ import annotations

import pytest

from tests.api.pipelit.helpers import as_org, fresh_org, pipelit


@pytest.fixture
def org(server):
    return as_org(server, fresh_org(server))


def test_limit_and_offset_rules(org):
    with pipelit(org) as api:
        ids = [api.post("/epics/", json={"title": f"E{i}"}).json()["id"] for i in range(3)]

        def listed(**params) -> tuple[list[str], int]:
            r = api.get("/epics/", params=params)
            assert r.status_code == 200, r.text
            return [e["id"] for e in r.json()["items"]], r.json()["total"]

        everything, total = listed()
        assert total == 3 and sorted(everything) == sorted(ids)
        assert listed(limit=1) == (everything[:1], 3)
        assert listed(limit=-1) == (everything, 3)
        assert listed(offset=-5) == (everything, 3)
        assert listed(limit=1, offset=2) == (everything[2:], 3)
        # past a 64-bit integer: no limit, and an offset beyond every row
        assert listed(limit=10**20) == (everything, 3)
        assert listed(offset=10**20) == ([], 3)
        r = api.get("/epics/", params={"limit": "ten"})
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["query", "limit"]
