"""Organization API keys on the native API: every rule, checked over HTTP and in the store;
a removed creator; parallel revocations.

Tests that depend on what else an organization holds (ordering, counts) work in an
organization of their own (the `org` fixture)."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from pipelines_api.api.api_keys import (
    create_api_key,
    get_api_key,
    list_api_keys,
    revoke_api_key,
    update_api_key,
)
from pipelines_api.models import ApiKeyCreate, ApiKeyUpdate
from sqlalchemy import select, update

from pipelines_server.domain import keys
from pipelines_server.store.models import ApiKey, utcnow
from tests.api.helpers import database, native, wait_for
from tests.api.native.conftest import as_org, client

FULL_KEY = re.compile(r"^pk_live_[0-9a-f]{40}$")


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def close_to(value: str, expected: datetime, seconds: float = 60) -> bool:
    return abs((when(value) - expected).total_seconds()) < seconds


def keys_url(org_id: int, key_id: int | None = None) -> str:
    base = f"/organizations/{org_id}/api-keys"
    return f"{base}/{key_id}" if key_id is not None else base


def create(srv, key: str | None = None, org_id: int | None = None, **body) -> httpx.Response:
    with native(srv, key) as api:
        return api.post(keys_url(org_id or srv.seed.org_id), json=body)


def authenticates(srv, raw: str) -> int:
    with native(srv, raw) as api:
        return api.get("/auth/me").status_code


def add_user(srv, role: str) -> dict:
    with native(srv) as api:
        r = api.post(
            f"/organizations/{srv.seed.org_id}/users",
            json={"email": f"{role}-{uuid.uuid4().hex[:10]}@example.com", "role": role},
        )
    assert r.status_code == 201, r.text
    return r.json()


def issue(server, org_id: int, user_id: int, name: str) -> str:
    with database(server) as s:
        return keys.issue_key(s, org_id, user_id, name)


# -- name --------------------------------------------------------------------------------------


def test_missing_name_is_422_from_the_schema(server):
    r = create(server, expires_in_days=30)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, list) and len(detail) == 1
    assert detail[0]["loc"][0] == "body" and "name" in detail[0]["msg"]


def test_blank_name_is_400_from_the_domain(server, org):
    srv = as_org(server, org)
    r = create(srv, name="   ")
    assert r.status_code == 400
    assert r.json() == {"detail": "Key name is required"}
    with native(srv) as api:
        assert len(api.get(keys_url(org.org_id)).json()) == 1  # only the bootstrap key


def test_name_is_trimmed(server):
    r = create(server, name="  trimmed name  ")
    assert r.status_code == 201 and r.json()["name"] == "trimmed name"


def test_overlong_name_is_422(server):
    assert create(server, name="x" * 201).status_code == 422


# -- expiry on creation ------------------------------------------------------------------------


@pytest.mark.parametrize("body", [{}, {"expires_in_days": None}], ids=["absent", "null"])
def test_key_without_expiry_never_expires(server, body):
    r = create(server, name="forever", **body)
    assert r.status_code == 201
    assert r.json()["expires_at"] is None and r.json()["status"] == "active"


@pytest.mark.parametrize("days", [30, 90, 365])
def test_expiry_is_n_days_from_now(server, days):
    r = create_api_key.sync_detailed(
        server.seed.org_id,
        client=client(server),
        body=ApiKeyCreate.from_dict({"name": f"in-{days}", "expires_in_days": days}),
    )
    assert r.status_code == 201, r.content
    expected = datetime.now(UTC) + timedelta(days=days)
    assert abs((r.parsed.expires_at - expected).total_seconds()) < 60
    assert r.parsed.status.value == "active"


@pytest.mark.parametrize("days", [45, 0, 1, -30, 366])
def test_unsupported_expiry_is_422(server, days):
    r = create(server, name=f"odd-{days}", expires_in_days=days)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "expires_in_days"]


# -- the secret --------------------------------------------------------------------------------


def test_full_key_appears_only_in_the_create_response(server):
    r = create_api_key.sync_detailed(
        server.seed.org_id, client=client(server), body=ApiKeyCreate(name="shown-once")
    )
    assert r.status_code == 201
    full = r.parsed.key
    assert FULL_KEY.match(full), full
    assert r.parsed.last4 == full[-4:]
    assert r.parsed.created_by.id == server.seed.user_id

    listed = list_api_keys.sync_detailed(server.seed.org_id, client=client(server))
    assert listed.status_code == 200
    assert full not in listed.content.decode()
    row = next(k for k in listed.parsed if k.id == r.parsed.id)
    assert row.last4 == full[-4:]
    assert "key" not in row.to_dict() and "key" not in row.additional_properties

    one = get_api_key.sync_detailed(server.seed.org_id, r.parsed.id, client=client(server))
    assert one.status_code == 200
    assert full not in one.content.decode() and "key" not in one.parsed.additional_properties
    assert one.parsed.last4 == full[-4:]

    updated = update_api_key.sync_detailed(
        server.seed.org_id,
        r.parsed.id,
        client=client(server),
        body=ApiKeyUpdate.from_dict({"expires_in_days": 90}),
    )
    revoked = revoke_api_key.sync_detailed(server.seed.org_id, r.parsed.id, client=client(server))
    for later in (updated, revoked):
        assert later.status_code == 200 and full not in later.content.decode()
        assert "key" not in later.parsed.additional_properties


def test_the_store_keeps_only_a_digest(server):
    full = create(server, name="digest-only").json()["key"]
    with database(server) as s:
        row = s.scalars(select(ApiKey).where(ApiKey.key_hash == keys.hash_key(full))).one()
        assert row.last4 == full[-4:]
        assert full not in repr({c.name: getattr(row, c.name) for c in ApiKey.__table__.c})


def test_a_new_key_authenticates_as_its_creator(server):
    created = create(server, name="works").json()
    with native(server, created["key"]) as api:
        r = api.get("/auth/me")
    assert r.status_code == 200
    assert r.json()["api_key"]["id"] == created["id"]
    assert r.json()["user"]["id"] == server.seed.user_id
    assert created["created_by"] == {
        "id": server.seed.user_id,
        "name": "Admin",
        "email": "admin@localhost",
    }


# -- updating expiry ---------------------------------------------------------------------------


def test_update_expiry_is_computed_from_now_not_from_creation(server):
    key = create(server, name="long-lived", expires_in_days=365).json()
    # Pretend the key is 100 days old: 30 days "from creation" would already have passed.
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == key["id"])
            .values(created_at=utcnow() - timedelta(days=100))
        )
    r = update_api_key.sync_detailed(
        server.seed.org_id,
        key["id"],
        client=client(server),
        body=ApiKeyUpdate.from_dict({"expires_in_days": 30}),
    )
    assert r.status_code == 200, r.content
    assert (
        abs((r.parsed.expires_at - (datetime.now(UTC) + timedelta(days=30))).total_seconds()) < 60
    )
    assert r.parsed.status.value == "active"
    assert authenticates(server, key["key"]) == 200
    with native(server) as api:
        again = api.get(keys_url(server.seed.org_id, key["id"])).json()
    assert again["expires_at"] == json.loads(r.content)["expires_at"]
    assert close_to(again["expires_at"], datetime.now(UTC) + timedelta(days=30))


def test_update_with_null_removes_the_expiry(server):
    key = create(server, name="to-forever", expires_in_days=30).json()
    with native(server) as api:
        r = api.patch(keys_url(server.seed.org_id, key["id"]), json={"expires_in_days": None})
        assert r.status_code == 200 and r.json()["expires_at"] is None
        assert api.get(keys_url(server.seed.org_id, key["id"])).json()["expires_at"] is None


def test_update_needs_expires_in_days(server):
    key = create(server, name="patch-empty", expires_in_days=30).json()
    with native(server) as api:
        r = api.patch(keys_url(server.seed.org_id, key["id"]), json={})
        assert r.status_code == 422
        bad = api.patch(keys_url(server.seed.org_id, key["id"]), json={"expires_in_days": 45})
        assert bad.status_code == 422
        unchanged = api.get(keys_url(server.seed.org_id, key["id"])).json()
    assert unchanged["expires_at"] == key["expires_at"]


def test_update_of_a_revoked_key_is_400(server):
    key = create(server, name="revoked-then-patched", expires_in_days=30).json()
    with native(server) as api:
        revoked = api.post(keys_url(server.seed.org_id, key["id"]) + "/revoke").json()
        r = api.patch(keys_url(server.seed.org_id, key["id"]), json={"expires_in_days": 365})
        assert r.status_code == 400
        assert r.json() == {"detail": "Cannot update the expiry of a revoked key"}
        after = api.get(keys_url(server.seed.org_id, key["id"])).json()
    assert after["expires_at"] == key["expires_at"]
    assert after["status"] == "revoked" and after["revoked_at"] == revoked["revoked_at"]
    assert authenticates(server, key["key"]) == 401


def test_an_expired_key_can_be_renewed(server):
    key = create(server, name="renew-me", expires_in_days=30).json()
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == key["id"])
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    assert authenticates(server, key["key"]) == 401
    with native(server) as api:
        r = api.patch(keys_url(server.seed.org_id, key["id"]), json={"expires_in_days": 90})
    assert r.status_code == 200 and r.json()["status"] == "active"
    assert authenticates(server, key["key"]) == 200


# -- revocation --------------------------------------------------------------------------------


def test_revoke_is_immediate(server):
    key = create(server, name="revoke-immediately").json()
    assert authenticates(server, key["key"]) == 200
    r = revoke_api_key.sync_detailed(server.seed.org_id, key["id"], client=client(server))
    assert r.status_code == 200
    assert r.parsed.status.value == "revoked" and r.parsed.revoked_at is not None
    assert abs((r.parsed.revoked_at - datetime.now(UTC)).total_seconds()) < 60
    assert authenticates(server, key["key"]) == 401


def test_revoke_is_idempotent(server):
    key = create(server, name="revoke-twice").json()
    with native(server) as api:
        first = api.post(keys_url(server.seed.org_id, key["id"]) + "/revoke")
        time.sleep(0.05)
        second = api.post(keys_url(server.seed.org_id, key["id"]) + "/revoke")
    assert first.status_code == 200 and second.status_code == 200
    assert second.json()["status"] == "revoked"
    assert second.json()["revoked_at"] == first.json()["revoked_at"]
    assert authenticates(server, key["key"]) == 401


def test_revoked_keys_are_listed_below_active_ones_even_when_newer(server, org):
    srv = as_org(server, org)
    older = create(srv, name="older-active").json()
    revoked_first = create(srv, name="revoked-a").json()
    newest = create(srv, name="newest-active").json()
    revoked_last = create(srv, name="revoked-b").json()
    with native(srv) as api:
        api.post(keys_url(org.org_id, revoked_last["id"]) + "/revoke")
        api.post(keys_url(org.org_id, revoked_first["id"]) + "/revoke")
        listed = api.get(keys_url(org.org_id)).json()
    names = [k["name"] for k in listed]
    statuses = [k["status"] for k in listed]
    assert statuses == ["active"] * 3 + ["revoked"] * 2, listed
    # Newest first within each group.
    assert names[:3] == ["newest-active", "older-active", "bootstrap"]
    assert names[3:] == ["revoked-b", "revoked-a"]
    assert {older["id"], newest["id"]} < {k["id"] for k in listed}


def test_status_is_active_expired_or_revoked(server, org):
    srv = as_org(server, org)
    active = create(srv, name="s-active", expires_in_days=30).json()
    expired = create(srv, name="s-expired", expires_in_days=30).json()
    revoked = create(srv, name="s-revoked").json()
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == expired["id"])
            .values(expires_at=utcnow() - timedelta(seconds=5))
        )
    with native(srv) as api:
        api.post(keys_url(org.org_id, revoked["id"]) + "/revoke")
        listed = {k["id"]: k["status"] for k in api.get(keys_url(org.org_id)).json()}
        single = {
            k["id"]: api.get(keys_url(org.org_id, k["id"])).json()["status"]
            for k in (active, expired, revoked)
        }
    expected = {active["id"]: "active", expired["id"]: "expired", revoked["id"]: "revoked"}
    assert {k: listed[k] for k in expected} == expected
    assert single == expected


# -- created_by --------------------------------------------------------------------------------


def test_created_by_names_the_creating_user(server, org):
    srv = as_org(server, org)
    second = add_user(srv, "org_admin")
    second_key = issue(server, org.org_id, second["id"], "second admin's key")
    made = create(srv, key=second_key, name="made-by-second")
    assert made.status_code == 201
    assert made.json()["created_by"] == {
        "id": second["id"],
        "name": second["name"],
        "email": second["email"],
    }
    with native(srv) as api:
        listed = {k["name"]: k for k in api.get(keys_url(org.org_id)).json()}
    assert listed["made-by-second"]["created_by"]["id"] == second["id"]
    assert listed["bootstrap"]["created_by"]["id"] == org.user_id


# -- last used ---------------------------------------------------------------------------------


def test_last_used_at_is_set_on_first_use(server):
    key = create(server, name="first-use").json()
    assert key["last_used_at"] is None
    before = datetime.now(UTC) - timedelta(seconds=1)
    assert authenticates(server, key["key"]) == 200

    def last_used():
        with native(server) as api:
            return api.get(keys_url(server.seed.org_id, key["id"])).json()["last_used_at"]

    stamp = wait_for(last_used, timeout=10)  # recorded right after the request
    assert before <= when(stamp) <= datetime.now(UTC) + timedelta(seconds=1)


def test_last_used_at_is_debounced_then_refreshed(server):
    key = create(server, name="debounced").json()
    org_id = server.seed.org_id

    def last_used():
        with native(server) as api:
            return api.get(keys_url(org_id, key["id"])).json()["last_used_at"]

    assert authenticates(server, key["key"]) == 200
    first = wait_for(last_used, timeout=10)
    time.sleep(1.2)
    for _ in range(3):
        assert authenticates(server, key["key"]) == 200
    time.sleep(0.5)  # let any (wrongly) scheduled write land before looking
    assert last_used() == first

    two_minutes_ago = utcnow() - timedelta(minutes=2)
    with database(server) as s:
        s.execute(update(ApiKey).where(ApiKey.id == key["id"]).values(last_used_at=two_minutes_ago))
    assert close_to(last_used(), two_minutes_ago, seconds=1)
    assert authenticates(server, key["key"]) == 200
    refreshed = wait_for(
        lambda: (v := last_used()) and when(v) > two_minutes_ago + timedelta(minutes=1) and v,
        timeout=10,
    )
    assert close_to(refreshed, datetime.now(UTC), seconds=30)


# -- who may manage keys -----------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["list", "create", "get", "update", "revoke"])
def test_members_get_403_on_key_management(server, org, operation):
    srv = as_org(server, org)
    member = add_user(srv, "member")
    member_key = issue(server, org.org_id, member["id"], "member's key")
    target = create(srv, name="target", expires_in_days=30).json()
    base = keys_url(org.org_id)
    with native(srv, member_key) as api:
        r = {
            "list": lambda: api.get(base),
            "create": lambda: api.post(base, json={"name": "by-member"}),
            "get": lambda: api.get(f"{base}/{target['id']}"),
            "update": lambda: api.patch(f"{base}/{target['id']}", json={"expires_in_days": 90}),
            "revoke": lambda: api.post(f"{base}/{target['id']}/revoke"),
        }[operation]()
        assert r.status_code == 403, r.text
        assert r.json() == {"detail": "Only organization admins can manage API keys"}
        # The member's key itself is fine: it just may not do this.
        assert api.get("/auth/me").json()["user"]["role"] == "member"
    with native(srv) as api:
        after = {k["name"]: k for k in api.get(base).json()}
    assert "by-member" not in after
    assert after["target"]["status"] == "active"
    assert after["target"]["expires_at"] == target["expires_at"]


@pytest.mark.parametrize("operation", ["list", "create", "get", "update", "revoke"])
def test_another_organizations_keys_are_404(server, org, operation):
    theirs = create(as_org(server, org), name="theirs").json()
    other = org.org_id
    with native(server) as api:
        r = {
            "list": lambda: api.get(keys_url(other)),
            "create": lambda: api.post(keys_url(other), json={"name": "intruder"}),
            "get": lambda: api.get(keys_url(other, theirs["id"])),
            "update": lambda: api.patch(
                keys_url(other, theirs["id"]), json={"expires_in_days": 30}
            ),
            "revoke": lambda: api.post(keys_url(other, theirs["id"]) + "/revoke"),
        }[operation]()
        assert r.status_code == 404, r.text
        assert isinstance(r.json()["detail"], str)
        # Their key id under my own organization is not found either.
        mine = {
            "list": None,
            "create": None,
            "get": lambda: api.get(keys_url(server.seed.org_id, theirs["id"])),
            "update": lambda: api.patch(
                keys_url(server.seed.org_id, theirs["id"]), json={"expires_in_days": 30}
            ),
            "revoke": lambda: api.post(keys_url(server.seed.org_id, theirs["id"]) + "/revoke"),
        }[operation]
        if mine is not None:
            assert mine().status_code == 404
    assert authenticates(server, theirs["key"]) == 200
    with native(as_org(server, org)) as api:
        names = [k["name"] for k in api.get(keys_url(other)).json()]
    assert "intruder" not in names


# -- a removed creator -------------------------------------------------------------------------
# A key whose creating user was removed keeps authenticating; the native API says so.


def test_me_and_key_list_show_a_removed_creator_as_null(server):
    org = server.seed.org_id
    with native(server) as api:
        second = api.post(
            f"/organizations/{org}/users",
            json={"email": "leaving@example.com", "role": "org_admin"},
        ).json()
    with database(server) as s:
        key = keys.issue_key(s, org, second["id"], "leaving admin's key")
    with native(server) as api:
        assert api.delete(f"/organizations/{org}/users/{second['id']}").status_code == 204
        listed = {k["name"]: k for k in api.get(f"/organizations/{org}/api-keys").json()}
    assert listed["leaving admin's key"]["created_by"] is None
    with native(server, key) as api:
        me = api.get("/auth/me")
        assert me.status_code == 200
        assert me.json()["user"] is None
        assert me.json()["organization"]["id"] == org
        # Without a user there is no role: admin operations are forbidden.
        forbidden = api.get(f"/organizations/{org}/api-keys")
        assert forbidden.status_code == 403
        assert "removed" in forbidden.json()["detail"]


# -- parallel revocations ----------------------------------------------------------------------
# Revoking one key from many requests at once records one revocation time: the spec makes
# revoking again a no-op (200 with the key as it is), so every request answers the first
# revocation's revoked_at, and that is the one stored. A race shows only when requests
# interleave; on SQLite one round of twenty does not always interleave, so several keys are
# raced, one after the other.

PARALLEL = 20
ROUNDS = 8


def test_twenty_parallel_revocations_record_one_revoked_at(server):
    for _ in range(ROUNDS):
        _race_one_key(server)


def _race_one_key(server) -> None:
    org = server.seed.org_id
    with native(server) as api:
        created = api.post(f"/organizations/{org}/api-keys", json={"name": "raced"})
        assert created.status_code == 201, created.text
        key_id = created.json()["id"]

    url = f"{server.base_url}/api/organizations/{org}/api-keys/{key_id}/revoke"
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    barrier = threading.Barrier(PARALLEL)
    answers: list[httpx.Response | BaseException] = [None] * PARALLEL  # type: ignore[list-item]

    def revoke(i: int) -> None:
        # One connection per thread, opened before the barrier, so the POSTs leave together.
        with httpx.Client(timeout=60) as c:
            c.get(server.base_url + "/api/health")
            barrier.wait()
            try:
                answers[i] = c.post(url, headers=headers)
            except BaseException as exc:  # noqa: BLE001 - reported below
                answers[i] = exc

    threads = [threading.Thread(target=revoke, args=(i,)) for i in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)

    for r in answers:
        assert isinstance(r, httpx.Response), r
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "revoked"
    stamps = {r.json()["revoked_at"] for r in answers}
    assert len(stamps) == 1, f"{len(stamps)} different revoked_at values: {sorted(stamps)}"

    with native(server) as api:
        listed = {k["id"]: k for k in api.get(f"/organizations/{org}/api-keys").json()}
        again = api.post(f"/organizations/{org}/api-keys/{key_id}/revoke")
    assert listed[key_id]["revoked_at"] == stamps.pop()
    assert again.status_code == 200 and again.json()["revoked_at"] == listed[key_id]["revoked_at"]
