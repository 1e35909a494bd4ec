"""Users and roles of an organization on the native API.

Rules about "the last admin" and about list contents need an organization whose users the
test controls: those work in a fresh organization (the `org` fixture)."""

from __future__ import annotations

import uuid

import pytest
from pipelines_api.api.users import create_user, get_user, list_users, remove_user, update_user
from pipelines_api.models import UserCreate, UserUpdate

from pipelines_server.domain import keys
from tests.api.helpers import database, native
from tests.api.native.conftest import PAGE_KEYS, client


def email(tag: str = "user") -> str:
    return f"{tag}-{uuid.uuid4().hex[:12]}@example.com"


def users_url(org_id: int, user_id: int | None = None) -> str:
    base = f"/organizations/{org_id}/users"
    return f"{base}/{user_id}" if user_id is not None else base


def add(server, org_id: int, key: str, role: str = "member", **extra) -> dict:
    with native(server, key) as api:
        r = api.post(users_url(org_id), json={"email": email(role), "role": role, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def key_for(server, org_id: int, user_id: int) -> str:
    with database(server) as s:
        return keys.issue_key(s, org_id, user_id, f"key of {user_id}")


def all_user_ids(server, org_id: int, key: str) -> list[int]:
    with native(server, key) as api:
        body = api.get(users_url(org_id), params={"page_size": 200}).json()
    return [u["id"] for u in body["items"]]


# -- create ------------------------------------------------------------------------------------


def test_admin_creates_a_member(server):
    address = email("Member").replace("member", "MeMbEr")
    r = create_user.sync_detailed(
        server.seed.org_id,
        client=client(server),
        body=UserCreate.from_dict({"email": address, "name": "Mia Member", "role": "member"}),
    )
    assert r.status_code == 201, r.content
    user = r.parsed
    assert user.org_id == server.seed.org_id
    assert user.email == address.lower()  # addresses are kept lower-case
    assert user.name == "Mia Member" and user.role.value == "member"
    fetched = get_user.sync_detailed(user.id, client=client(server))
    assert fetched.status_code == 200 and fetched.parsed.to_dict() == user.to_dict()
    assert user.id in all_user_ids(server, server.seed.org_id, server.seed.api_key)


def test_name_defaults_to_the_local_part_of_the_email(server):
    address = email("nameless")
    with native(server) as api:
        r = api.post(users_url(server.seed.org_id), json={"email": address, "role": "member"})
    assert r.status_code == 201 and r.json()["name"] == address.split("@")[0]


def test_duplicate_email_is_409_whatever_its_case(server):
    address = email("dup")
    add(server, server.seed.org_id, server.seed.api_key, email=address)
    with native(server) as api:
        for again in (address, address.upper()):
            r = api.post(users_url(server.seed.org_id), json={"email": again, "role": "member"})
            assert r.status_code == 409, r.text
            assert address in r.json()["detail"]
        listed = api.get(users_url(server.seed.org_id), params={"page_size": 200}).json()
    assert [u["email"] for u in listed["items"]].count(address) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not-an-address", "role": "member"},
        {"email": "x@example.com", "role": "owner"},
        {"role": "member"},
        {"email": "x@example.com"},
    ],
    ids=["bad-email", "bad-role", "no-email", "no-role"],
)
def test_invalid_user_body_is_422(server, body):
    with native(server) as api:
        r = api.post(users_url(server.seed.org_id), json=body)
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], list) and r.json()["detail"][0]["loc"][0] == "body"


# -- list --------------------------------------------------------------------------------------


def test_list_users_uses_the_page_envelope(server, org):
    made = [add(server, org.org_id, org.api_key) for _ in range(4)]
    expected = [org.user_id] + [u["id"] for u in made]  # oldest first (by id)
    r = list_users.sync_detailed(org.org_id, client=client(server, org.api_key), page_size=2)
    assert r.status_code == 200
    pages = []
    with native(server, org.api_key) as api:
        for n in (1, 2, 3, 4):
            body = api.get(users_url(org.org_id), params={"page": n, "page_size": 2}).json()
            assert set(body) == PAGE_KEYS
            pages.append(body)
    assert [p["total"] for p in pages] == [5, 5, 5, 5]
    assert [p["page"] for p in pages] == [1, 2, 3, 4]
    assert [p["page_size"] for p in pages] == [2, 2, 2, 2]
    assert [p["has_more"] for p in pages] == [True, True, False, False]
    assert [len(p["items"]) for p in pages] == [2, 2, 1, 0]
    assert [u["id"] for p in pages for u in p["items"]] == expected
    assert [u.id for u in r.parsed.items] == expected[:2] and r.parsed.has_more is True


def test_members_may_list_users(server, org):
    member = add(server, org.org_id, org.api_key)
    member_key = key_for(server, org.org_id, member["id"])
    assert set(all_user_ids(server, org.org_id, member_key)) == {org.user_id, member["id"]}


# -- update ------------------------------------------------------------------------------------


def test_admin_changes_a_users_role_and_name(server):
    user = add(server, server.seed.org_id, server.seed.api_key)
    r = update_user.sync_detailed(
        server.seed.org_id,
        user["id"],
        client=client(server),
        body=UserUpdate.from_dict({"role": "org_admin"}),
    )
    assert r.status_code == 200 and r.parsed.role.value == "org_admin"
    with native(server) as api:
        assert api.get(f"/users/{user['id']}").json()["role"] == "org_admin"
        renamed = api.patch(users_url(server.seed.org_id, user["id"]), json={"name": "Renamed"})
        assert renamed.status_code == 200
        assert renamed.json()["name"] == "Renamed" and renamed.json()["role"] == "org_admin"
        back = api.patch(users_url(server.seed.org_id, user["id"]), json={"role": "member"})
        assert back.status_code == 200 and back.json()["role"] == "member"
        assert api.get(f"/users/{user['id']}").json()["role"] == "member"


def test_invalid_role_on_update_is_422(server):
    user = add(server, server.seed.org_id, server.seed.api_key)
    with native(server) as api:
        r = api.patch(users_url(server.seed.org_id, user["id"]), json={"role": "owner"})
        assert r.status_code == 422
        assert api.get(f"/users/{user['id']}").json()["role"] == "member"


def test_the_last_admin_cannot_be_demoted(server, org):
    add(server, org.org_id, org.api_key, role="member")  # members do not count
    with native(server, org.api_key) as api:
        r = api.patch(users_url(org.org_id, org.user_id), json={"role": "member"})
        assert r.status_code == 409
        assert r.json() == {"detail": "An organization must keep at least one admin"}
        assert api.get(f"/users/{org.user_id}").json()["role"] == "org_admin"
        # Still an admin: admin-only operations keep working.
        assert api.get(f"/organizations/{org.org_id}/api-keys").status_code == 200


def test_the_last_admin_cannot_be_removed(server, org):
    with native(server, org.api_key) as api:
        r = api.delete(users_url(org.org_id, org.user_id))
        assert r.status_code == 409
        assert "at least one admin" in r.json()["detail"]
        assert api.get(f"/users/{org.user_id}").status_code == 200
    assert org.user_id in all_user_ids(server, org.org_id, org.api_key)


def test_an_admin_can_be_demoted_while_another_admin_remains(server, org):
    second = add(server, org.org_id, org.api_key, role="org_admin")
    with native(server, org.api_key) as api:
        demoted = api.patch(users_url(org.org_id, second["id"]), json={"role": "member"})
        assert demoted.status_code == 200 and demoted.json()["role"] == "member"
        # Now the caller is the only admin again.
        again = api.patch(users_url(org.org_id, org.user_id), json={"role": "member"})
        assert again.status_code == 409


def test_removed_admins_do_not_count_as_remaining_admins(server, org):
    second = add(server, org.org_id, org.api_key, role="org_admin")
    with native(server, org.api_key) as api:
        assert api.delete(users_url(org.org_id, second["id"])).status_code == 204
        r = api.patch(users_url(org.org_id, org.user_id), json={"role": "member"})
        assert r.status_code == 409


def test_demotion_takes_effect_on_the_users_keys_at_once(server, org):
    second = add(server, org.org_id, org.api_key, role="org_admin")
    second_key = key_for(server, org.org_id, second["id"])
    with native(server, second_key) as api:
        assert api.get(f"/organizations/{org.org_id}/api-keys").status_code == 200
    with native(server, org.api_key) as api:
        assert (
            api.patch(users_url(org.org_id, second["id"]), json={"role": "member"}).status_code
            == 200
        )
    with native(server, second_key) as api:
        assert api.get(f"/organizations/{org.org_id}/api-keys").status_code == 403
        r = api.post(users_url(org.org_id), json={"email": email(), "role": "member"})
        assert r.status_code == 403


# -- remove ------------------------------------------------------------------------------------


def test_removed_user_disappears(server):
    user = add(server, server.seed.org_id, server.seed.api_key)
    r = remove_user.sync_detailed(server.seed.org_id, user["id"], client=client(server))
    assert r.status_code == 204 and r.content == b""
    assert user["id"] not in all_user_ids(server, server.seed.org_id, server.seed.api_key)
    with native(server) as api:
        gone = api.get(f"/users/{user['id']}")
        assert gone.status_code == 404 and isinstance(gone.json()["detail"], str)
        assert api.delete(users_url(server.seed.org_id, user["id"])).status_code == 404
        assert (
            api.patch(users_url(server.seed.org_id, user["id"]), json={"name": "x"}).status_code
            == 404
        )


def test_removed_users_email_can_be_used_again(server):
    user = add(server, server.seed.org_id, server.seed.api_key)
    with native(server) as api:
        assert api.delete(users_url(server.seed.org_id, user["id"])).status_code == 204
        again = api.post(
            users_url(server.seed.org_id), json={"email": user["email"], "role": "member"}
        )
    assert again.status_code == 201 and again.json()["id"] != user["id"]


def test_the_total_counts_only_present_users(server, org):
    users = [add(server, org.org_id, org.api_key) for _ in range(3)]
    with native(server, org.api_key) as api:
        api.delete(users_url(org.org_id, users[1]["id"]))
        body = api.get(users_url(org.org_id)).json()
    assert body["total"] == 3
    assert [u["id"] for u in body["items"]] == [org.user_id, users[0]["id"], users[2]["id"]]


# -- permissions -------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["create", "update", "remove"])
def test_members_get_403_when_managing_users(server, org, operation):
    member = add(server, org.org_id, org.api_key)
    target = add(server, org.org_id, org.api_key)
    member_key = key_for(server, org.org_id, member["id"])
    new_email = email("by-member")
    with native(server, member_key) as api:
        r = {
            "create": lambda: api.post(
                users_url(org.org_id), json={"email": new_email, "role": "org_admin"}
            ),
            "update": lambda: api.patch(
                users_url(org.org_id, target["id"]), json={"role": "org_admin"}
            ),
            "remove": lambda: api.delete(users_url(org.org_id, target["id"])),
        }[operation]()
    assert r.status_code == 403, r.text
    assert r.json() == {"detail": "Only organization admins can manage users"}
    with native(server, org.api_key) as api:
        listed = api.get(users_url(org.org_id), params={"page_size": 200}).json()["items"]
    by_id = {u["id"]: u for u in listed}
    assert new_email not in [u["email"] for u in listed]
    assert by_id[target["id"]]["role"] == "member"


def test_another_organizations_users_are_404(server, org):
    theirs = add(server, org.org_id, org.api_key)
    with native(server) as api:
        assert api.get(f"/users/{theirs['id']}").status_code == 404
        assert api.get(users_url(org.org_id)).status_code == 404
        r = api.post(users_url(org.org_id), json={"email": email(), "role": "member"})
        assert r.status_code == 404
        assert (
            api.patch(users_url(org.org_id, theirs["id"]), json={"role": "org_admin"}).status_code
            == 404
        )
        assert api.delete(users_url(org.org_id, theirs["id"])).status_code == 404
        # Their user under my organization's path is not found either.
        mine = users_url(server.seed.org_id, theirs["id"])
        assert api.patch(mine, json={"role": "org_admin"}).status_code == 404
        assert api.delete(mine).status_code == 404
    with native(server, org.api_key) as api:
        assert api.get(f"/users/{theirs['id']}").json()["role"] == "member"
