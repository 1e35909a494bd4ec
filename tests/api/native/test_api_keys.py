"""Organization API keys on the native API: every rule of the reference."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import httpx
import pytest
from pipelines_api import AuthenticatedClient
from pipelines_api.api.api_keys import create_api_key, list_api_keys, revoke_api_key
from pipelines_api.models import ApiKeyCreate
from sqlalchemy import update

from pipelines_server.domain import keys
from pipelines_server.store.models import ApiKey, utcnow
from tests.api.helpers import database, native, wait_for
from tests.server import seed_database

KEY_RE = re.compile(r"^pk_live_[0-9a-f]{40}$")


def client(server, key=None) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url + "/api", token=key or server.seed.api_key)


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def create(server, key=None, **body) -> httpx.Response:
    with native(server, key) as api:
        return api.post(f"/organizations/{server.seed.org_id}/api-keys", json=body)


def test_full_key_is_shown_once_then_only_last_four(server):
    r = create_api_key.sync_detailed(
        server.seed.org_id, client=client(server), body=ApiKeyCreate(name="integration")
    )
    assert r.status_code == 201
    full = r.parsed.key
    assert KEY_RE.match(full) and len(full) == 48
    assert r.parsed.last4 == full[-4:]
    listed = list_api_keys.sync_detailed(server.seed.org_id, client=client(server))
    raw = listed.content.decode()
    assert full not in raw
    mine = [k for k in listed.parsed if k.id == r.parsed.id][0]
    assert mine.last4 == full[-4:]
    assert "key" not in mine.to_dict()
    with native(server) as api:
        one = api.get(f"/organizations/{server.seed.org_id}/api-keys/{r.parsed.id}").json()
    assert "key" not in one and full not in str(one)
    # ... and the new key works.
    with native(server, full) as api:
        assert api.get("/auth/me").json()["api_key"]["id"] == r.parsed.id


def test_only_a_digest_is_stored(server):
    full = create(server, name="digest").json()["key"]
    with database(server) as s:
        row = s.query(ApiKey).filter(ApiKey.last4 == full[-4:], ApiKey.name == "digest").one()
        assert row.key_hash == keys.hash_key(full) and full not in str(row.__dict__)


def test_name_is_required(server):
    missing = create(server)
    assert missing.status_code == 422 and isinstance(missing.json()["detail"], list)
    blank = create(server, name="   ")
    assert blank.status_code == 400 and "name" in blank.json()["detail"]


@pytest.mark.parametrize("days", [30, 90, 365])
def test_expiry_is_measured_from_creation(server, days):
    r = create(server, name=f"exp{days}", expires_in_days=days)
    assert r.status_code == 201
    expected = datetime.now().astimezone() + timedelta(days=days)
    assert abs((when(r.json()["expires_at"]) - expected).total_seconds()) < 60


def test_no_expiry_and_invalid_durations(server):
    assert create(server, name="forever").json()["expires_at"] is None
    assert create(server, name="null", expires_in_days=None).json()["expires_at"] is None
    assert create(server, name="odd", expires_in_days=45).status_code == 422


def test_update_expiry_is_computed_from_now(server):
    key = create(server, name="long", expires_in_days=365).json()
    org = server.seed.org_id
    with native(server) as api:
        shorter = api.patch(
            f"/organizations/{org}/api-keys/{key['id']}", json={"expires_in_days": 30}
        )
        assert shorter.status_code == 200
        expected = datetime.now().astimezone() + timedelta(days=30)
        assert abs((when(shorter.json()["expires_at"]) - expected).total_seconds()) < 60
        cleared = api.patch(
            f"/organizations/{org}/api-keys/{key['id']}", json={"expires_in_days": None}
        )
        assert cleared.json()["expires_at"] is None


def test_update_expiry_of_revoked_key_is_400(server):
    key = create(server, name="gone").json()
    org = server.seed.org_id
    with native(server) as api:
        api.post(f"/organizations/{org}/api-keys/{key['id']}/revoke")
        r = api.patch(f"/organizations/{org}/api-keys/{key['id']}", json={"expires_in_days": 30})
    assert r.status_code == 400 and "revoked" in r.json()["detail"]


def test_revoke_is_immediate_permanent_and_idempotent(server):
    key = create(server, name="revoke-me").json()
    with native(server, key["key"]) as api:
        assert api.get("/auth/me").status_code == 200
    first = revoke_api_key.sync_detailed(server.seed.org_id, key["id"], client=client(server))
    assert first.status_code == 200 and first.parsed.status.value == "revoked"
    with native(server, key["key"]) as api:
        assert api.get("/auth/me").status_code == 401
    again = revoke_api_key.sync_detailed(server.seed.org_id, key["id"], client=client(server))
    assert again.status_code == 200
    assert again.parsed.revoked_at == first.parsed.revoked_at


def test_revoked_keys_sort_below_active_ones(server):
    old = create(server, name="older-active").json()
    revoked = create(server, name="newer-revoked").json()
    newest = create(server, name="newest-active").json()
    org = server.seed.org_id
    with native(server) as api:
        api.post(f"/organizations/{org}/api-keys/{revoked['id']}/revoke")
        listed = api.get(f"/organizations/{org}/api-keys").json()
    ids = [k["id"] for k in listed]
    statuses = [k["status"] for k in listed]
    first_revoked = statuses.index("revoked")
    assert all(s == "revoked" for s in statuses[first_revoked:])
    assert ids.index(newest["id"]) < ids.index(old["id"]) < ids.index(revoked["id"])


def test_expired_key_is_listed_as_expired_and_rejected(server):
    key = create(server, name="expiring", expires_in_days=30).json()
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == key["id"])
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    with native(server) as api:
        listed = {
            k["id"]: k for k in api.get(f"/organizations/{server.seed.org_id}/api-keys").json()
        }
    assert listed[key["id"]]["status"] == "expired"
    with native(server, key["key"]) as api:
        assert api.get("/auth/me").status_code == 401


def test_created_by_names_the_creating_user(server):
    key = create(server, name="who").json()
    assert key["created_by"] == {
        "id": server.seed.user_id,
        "name": "Admin",
        "email": "admin@localhost",
    }


def test_last_used_is_set_and_debounced(server):
    key = create(server, name="used").json()
    org = server.seed.org_id
    assert key["last_used_at"] is None

    def last_used():
        with native(server) as api:
            return api.get(f"/organizations/{org}/api-keys/{key['id']}").json()["last_used_at"]

    with native(server, key["key"]) as api:
        api.get("/auth/me")
    first = wait_for(last_used)  # recorded off the request path, right after it
    time.sleep(1.1)
    with native(server, key["key"]) as api:
        api.get("/auth/me")
    assert last_used() == first  # debounced: within a minute nothing changes
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == key["id"])
            .values(last_used_at=utcnow() - timedelta(minutes=2))
        )
    with native(server, key["key"]) as api:
        api.get("/auth/me")
    refreshed = wait_for(
        lambda: last_used() if when(last_used()) > utcnow() - timedelta(seconds=30) else None
    )
    assert abs((when(refreshed) - datetime.now().astimezone()).total_seconds()) < 30


def test_only_org_admins_manage_keys(server):
    org = server.seed.org_id
    with native(server) as api:
        member = api.post(
            f"/organizations/{org}/users",
            json={"email": "member-keys@example.com", "role": "member"},
        ).json()
        target = api.post(f"/organizations/{org}/api-keys", json={"name": "target"}).json()
    with database(server) as s:
        member_key = keys.issue_key(s, org, member["id"], "member's key")
    with native(server, member_key) as api:
        base = f"/organizations/{org}/api-keys"
        for r in (
            api.get(base),
            api.post(base, json={"name": "x"}),
            api.get(f"{base}/{target['id']}"),
            api.patch(f"{base}/{target['id']}", json={"expires_in_days": 30}),
            api.post(f"{base}/{target['id']}/revoke"),
        ):
            assert r.status_code == 403, r.text
            assert "admin" in r.json()["detail"]
        assert api.get("/auth/me").json()["user"]["role"] == "member"


def test_other_organizations_keys_are_404(server):
    other = seed_database(server.database_url)
    with native(server) as api:
        assert api.get(f"/organizations/{other.org_id}/api-keys").status_code == 404
        assert (
            api.post(f"/organizations/{other.org_id}/api-keys", json={"name": "x"}).status_code
            == 404
        )
    with native(server, other.api_key) as api:
        mine = create(server, name="mine").json()
        r = api.post(f"/organizations/{other.org_id}/api-keys/{mine['id']}/revoke")
        assert r.status_code == 404
