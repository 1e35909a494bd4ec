"""Memory lists and batch deletes over real HTTP (admins only). Nothing on the server writes
memories yet, so the rows are put in the database the way a writer would (see
domain/pipelit/memories.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from pipelines_server.domain import keys
from pipelines_server.store.models import PipelitMemory
from tests.api.helpers import database, native
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

T0 = datetime(2026, 3, 1, 8, 0, 0, tzinfo=UTC)


@pytest.fixture
def org(server):
    return as_org(server, fresh_org(server))


def put(org, kind: str, minutes: int = 0, id: str | None = None, **columns) -> str:
    row_id = id or str(uuid.uuid4())
    data = columns.pop("data", {})
    with database(org) as s:
        s.add(
            PipelitMemory(
                id=row_id,
                org_id=org.seed.org_id,
                kind=kind,
                data=data,
                sort_at=T0 + timedelta(minutes=minutes),
                created_at=T0 + timedelta(minutes=minutes),
                **columns,
            )
        )
    return row_id


def ids(api, path: str, **params) -> tuple[list[str], int]:
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    key = "checkpoint_id" if "checkpoints" in path else "id"
    return [i[key] for i in body["items"]], body["total"]


def test_facts_shape_order_filters_and_delete(org):
    a = put(org, "facts", 1, scope="user", fact_type="preference", agent_id="ag",
            data={"key": "color", "value": {"v": "blue"}, "user_id": "u1", "confidence": 0.9,
                  "times_confirmed": 3, "access_count": 2})  # fmt: skip
    b = put(org, "facts", 5, scope="agent", fact_type="world_knowledge")
    c = put(org, "facts", 3, scope="user", fact_type="world_knowledge")
    with pipelit(org) as api:
        assert ids(api, "/memories/facts/") == ([b, c, a], 3)
        assert ids(api, "/memories/facts/", scope="user") == ([c, a], 2)
        assert ids(api, "/memories/facts/", scope="user", fact_type="preference") == ([a], 1)
        assert ids(api, "/memories/facts/", limit=1, offset=1) == ([c], 3)
        fact = api.get("/memories/facts/", params={"fact_type": "preference"}).json()["items"][0]
        assert fact == {
            "id": a, "scope": "user", "agent_id": "ag", "user_id": "u1", "key": "color",
            "value": {"v": "blue"}, "fact_type": "preference", "confidence": 0.9,
            "times_confirmed": 3, "access_count": 2, "created_at": "2026-03-01T08:01:00",
            "updated_at": "2026-03-01T08:01:00",
        }  # fmt: skip
        r = api.post("/memories/facts/batch-delete/", json={"ids": [a, "nope"]})
        assert r.status_code == 204
        assert ids(api, "/memories/facts/") == ([b, c], 2)
        assert api.post("/memories/facts/batch-delete/", json={"ids": []}).status_code == 204
        assert api.post("/memories/facts/batch-delete/", json={}).status_code == 422


def test_episodes_and_procedures(org):
    e1 = put(
        org,
        "episodes",
        1,
        agent_id="a1",
        data={"trigger_type": "chat", "success": True, "summary": "s", "duration_ms": 5},
    )
    e2 = put(org, "episodes", 2, agent_id="a2")
    p1 = put(
        org,
        "procedures",
        1,
        agent_id="a1",
        data={"name": "p", "times_used": 4, "times_succeeded": 3, "times_failed": 1},
    )
    p2 = put(org, "procedures", 2, agent_id="a2", data={"name": "q"})
    with pipelit(org) as api:
        assert ids(api, "/memories/episodes/") == ([e2, e1], 2)
        assert ids(api, "/memories/episodes/", agent_id="a1") == ([e1], 1)
        ep = api.get("/memories/episodes/", params={"agent_id": "a1"}).json()["items"][0]
        assert ep == {
            "id": e1, "agent_id": "a1", "user_id": None, "trigger_type": "chat",
            "success": True, "error_code": None, "summary": "s",
            "started_at": "2026-03-01T08:01:00", "ended_at": None, "duration_ms": 5,
            "created_at": "2026-03-01T08:01:00",
        }  # fmt: skip
        assert ids(api, "/memories/procedures/") == ([p2, p1], 2)
        items = api.get("/memories/procedures/").json()["items"]
        assert [p["success_rate"] for p in items] == [0.5, 0.75]
        assert set(items[0]) == {
            "id", "agent_id", "name", "description", "procedure_type", "times_used",
            "times_succeeded", "times_failed", "success_rate", "is_active", "created_at",
        }  # fmt: skip
        assert items[0]["is_active"] is True
        api.post("/memories/episodes/batch-delete/", json={"ids": [e1]})
        api.post("/memories/procedures/batch-delete/", json={"ids": [p2]})
        assert ids(api, "/memories/episodes/") == ([e2], 1)
        assert ids(api, "/memories/procedures/") == ([p1], 1)


def test_memory_users(org):
    u1 = put(org, "users", 10, data={"canonical_id": "tg:1", "telegram_id": "1",
                                     "total_conversations": 3})  # fmt: skip
    u2 = put(org, "users", 20, data={"canonical_id": "mail:x", "email": "x@example.com"})
    with pipelit(org) as api:
        assert ids(api, "/memories/users/") == ([u2, u1], 2)
        first = api.get("/memories/users/").json()["items"][1]
        assert first == {
            "id": u1, "canonical_id": "tg:1", "display_name": None, "telegram_id": "1",
            "email": None, "total_conversations": 3, "last_seen_at": "2026-03-01T08:10:00",
            "created_at": "2026-03-01T08:10:00",
        }  # fmt: skip
        api.post("/memories/users/batch-delete/", json={"ids": [u2]})
        assert ids(api, "/memories/users/") == ([u1], 1)


def test_checkpoints_by_thread_and_id(org):
    tag = uuid.uuid4().hex[:6]
    c = [f"1ef-{tag}-{n}" for n in range(4)]
    put(org, "checkpoints", id=c[0], thread_id="t1",
        data={"checkpoint_ns": "", "step": 1, "source": "loop", "blob_size": 42})  # fmt: skip
    put(org, "checkpoints", id=c[1], thread_id="t1", data={"parent_checkpoint_id": c[0]})
    put(org, "checkpoints", id=c[2], thread_id="t2")
    put(org, "checkpoints", id=c[3], thread_id="t3")
    with pipelit(org) as api:
        assert ids(api, "/memories/checkpoints/") == ([c[3], c[2], c[1], c[0]], 4)
        assert ids(api, "/memories/checkpoints/", thread_id="t1") == ([c[1], c[0]], 2)
        item = api.get("/memories/checkpoints/", params={"thread_id": "t1"}).json()["items"][1]
        assert item == {
            "thread_id": "t1", "checkpoint_ns": "", "checkpoint_id": c[0],
            "parent_checkpoint_id": None, "step": 1, "source": "loop", "blob_size": 42,
        }  # fmt: skip
        r = api.post("/memories/checkpoints/batch-delete/", json={"thread_ids": ["t1"]})
        assert r.status_code == 204
        assert ids(api, "/memories/checkpoints/") == ([c[3], c[2]], 2)
        r = api.post("/memories/checkpoints/batch-delete/", json={"checkpoint_ids": [c[2]]})
        assert ids(api, "/memories/checkpoints/") == ([c[3]], 1)
        assert api.post("/memories/checkpoints/batch-delete/", json={}).status_code == 204
        assert ids(api, "/memories/checkpoints/") == ([c[3]], 1)


def test_admins_only_and_organization_bound(server, org):
    put(org, "facts", 1)
    with native(org, org.seed.api_key) as api:
        r = api.post(
            f"/organizations/{org.seed.org_id}/users",
            json={"email": f"{uuid.uuid4().hex[:10]}@example.com", "role": "member", "name": "M"},
        )
    member_id = r.json()["id"]
    with database(org) as s:
        member = keys.issue_key(s, org.seed.org_id, member_id, "m")
    with pipelit(org, member) as api:
        for kind in ("facts", "episodes", "procedures", "users", "checkpoints"):
            r = api.get(f"/memories/{kind}/")
            assert (r.status_code, r.json()) == (403, {"detail": "Admin access required."})
            r = api.post(f"/memories/{kind}/batch-delete/", json={"ids": []})
            assert r.status_code == 403
    other = as_org(server, fresh_org(server))
    with pipelit(other) as api:
        assert api.get("/memories/facts/").json() == {"items": [], "total": 0}
    with pipelit(server, key="") as api:
        assert api.get("/memories/facts/").status_code == 401
    with pipelit(org) as api:
        assert api.get("/memories/facts/", params={"limit": "x"}).status_code == 422


def test_a_filter_with_a_nul_matches_nothing(org):
    put(org, "checkpoints", id=f"nul-{uuid.uuid4().hex}", thread_id="t")
    with pipelit(org) as api:
        for path, name in (
            ("/memories/checkpoints/", "thread_id"),
            ("/memories/facts/", "scope"),
            ("/memories/episodes/", "agent_id"),
        ):
            r = api.get(path, params={name: "t\u0000"})
            assert (r.status_code, r.json()) == (200, {"items": [], "total": 0})
