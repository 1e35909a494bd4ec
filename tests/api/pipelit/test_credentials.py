"""Pipelit credentials over HTTP: the four types' `detail` in and out (secrets masked or left
out, encrypted at rest), who sees what, batch delete, the provider test and models through the
outbound policy, and the gateway routes of a server without a message gateway."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from pipelines_server.domain import keys
from pipelines_server.store.models import Credential, PipelitCredential
from tests.api.helpers import database, native
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit
from tests.support._server import Reply
from tests.support.fake_openai import FakeOpenAI

KEY = "sk-abcdefghijklmnop1234"
NO_GATEWAY = "No message gateway is available on this server (msg-gateway is not supported)."


def member_key(server, org) -> str:
    """A key of a new `normal` (member) user of `org`."""
    with native(server, org.api_key) as api:
        r = api.post(
            f"/organizations/{org.org_id}/users",
            json={"email": f"m-{uuid.uuid4().hex[:10]}@example.com", "role": "member"},
        )
    assert r.status_code == 201, r.text
    with database(server) as s:
        return keys.issue_key(s, org.org_id, r.json()["id"], "pipelit member")


def create(api, name="c", kind="llm", detail=None):
    body = {"name": name, "credential_type": kind}
    if detail is not None:
        body["detail"] = detail
    r = api.post("/credentials/", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_llm_credential_masks_its_key_and_is_a_native_credential(server):
    with pipelit(server) as api:
        made = create(
            api,
            "my llm",
            "llm",
            {"provider_type": "openai_compatible", "api_key": KEY, "base_url": "http://x/v1"},
        )
        assert set(made) == {"id", "name", "credential_type", "detail", "created_at", "updated_at"}
        assert made["name"] == "my llm" and made["credential_type"] == "llm"
        assert made["detail"] == {
            "provider_type": "openai_compatible",
            "api_key": "sk-a****1234",
            "base_url": "http://x/v1",
            "organization_id": "",
            "custom_headers": {},
        }
        assert "+" not in made["created_at"] and not made["created_at"].endswith("Z")
        assert api.get(f"/credentials/{made['id']}/").json() == made
    with database(server) as s:
        row = s.get(PipelitCredential, made["id"])
        assert KEY not in (row.secret or "") and KEY not in str(row.detail)
        native_row = s.get(Credential, row.credential_id)
        assert native_row.base_url == "http://x/v1" and native_row.last4 == "1234"
        assert KEY not in native_row.secret


def test_short_keys_are_all_stars_and_defaults_fill_detail(server):
    with pipelit(server) as api:
        made = create(api, "short", "llm", {"api_key": "abc"})
        assert made["detail"]["api_key"] == "****"
        assert made["detail"]["provider_type"] == "openai_compatible"
        empty = create(api, "none", "llm")
        assert empty["detail"]["api_key"] == "****"


def test_a_secret_shorter_than_16_shows_only_its_last_four(server):
    """Upstream's first4****last4 would return an 8-character secret whole."""
    with pipelit(server) as api:
        for secret, shown in (
            ("abcdefgh", "****efgh"),
            ("abcdefghijklmno", "****lmno"),
            ("abcdefghijklmnop", "abcd****mnop"),
        ):
            made = create(api, f"len {len(secret)}", "llm", {"api_key": secret})
            assert made["detail"]["api_key"] == shown


def test_git_credential_hides_its_secrets(server):
    with pipelit(server) as api:
        made = create(
            api,
            "repo",
            "git",
            {
                "ssh_private_key": "-----BEGIN KEY-----",
                "access_token": "ghp_0123456789",
                "username": "bob",
                "webhook_secret": "hush",
            },
        )
        assert made["detail"] == {
            "provider": "github",
            "credential_type": "token",
            "username": "bob",
            "ssh_private_key": "****",
            "access_token": "****6789",  # 14 characters: no more than the last four shown
        }
        bare = create(api, "bare", "git", {})
        assert bare["detail"]["ssh_private_key"] == "" and bare["detail"]["access_token"] == ""


def test_tool_detail_is_kept_as_is(server):
    with pipelit(server) as api:
        made = create(api, "t", "tool", {"tool_type": "search", "config": {"k": [1, 2]}})
        assert made["detail"] == {
            "tool_type": "search",
            "config": {"k": [1, 2]},
            "is_preferred": False,
        }


def test_gateway_credential_without_a_gateway(server):
    with pipelit(server) as api:
        made = create(api, "tg-bot", "gateway", {"adapter_type": "telegram", "token": "123:abc"})
        assert made["detail"] == {"gateway_credential_id": "tg-bot", "adapter_type": "telegram"}
        for action in ("activate", "deactivate"):
            r = api.post(f"/credentials/{made['id']}/{action}/")
            assert r.status_code == 502 and r.json() == {"detail": NO_GATEWAY}
        assert api.post(f"/credentials/{made['id']}/test/").json() == {
            "ok": False,
            "error": NO_GATEWAY,
            "detail": None,
        }
        llm = create(api, "l", "llm", {"api_key": KEY})
        r = api.post(f"/credentials/{llm['id']}/activate/")
        assert r.status_code == 404 and r.json() == {"detail": "Gateway credential not found."}


def test_patch_merges_detail_per_type(server):
    with pipelit(server) as api:
        made = create(api, "p", "llm", {"api_key": KEY, "base_url": "http://a/v1"})
        r = api.patch(
            f"/credentials/{made['id']}/",
            json={"name": "renamed", "detail": {"base_url": "http://b/v1", "unknown": 1}},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["name"] == "renamed" and body["detail"]["base_url"] == "http://b/v1"
        assert body["detail"]["api_key"] == "sk-a****1234" and "unknown" not in body["detail"]
        # Sending back the masked key keeps the key.
        r = api.patch(f"/credentials/{made['id']}/", json={"detail": {"api_key": "sk-a****1234"}})
        assert r.json()["detail"]["api_key"] == "sk-a****1234"
        r = api.patch(
            f"/credentials/{made['id']}/", json={"detail": {"api_key": "zzzz-new-key-9876"}}
        )
        assert r.json()["detail"]["api_key"] == "zzzz****9876"
    with database(server) as s:
        native_row = s.get(Credential, s.get(PipelitCredential, made["id"]).credential_id)
        assert native_row.base_url == "http://b/v1" and native_row.last4 == "9876"
    with pipelit(server) as api:
        r = api.patch(
            f"/credentials/{made['id']}/", json={"detail": {"provider_type": "anthropic"}}
        )
        assert r.json()["detail"]["provider_type"] == "anthropic"
    with database(server) as s:
        assert s.get(PipelitCredential, made["id"]).credential_id is None


def test_not_found_and_validation(server):
    with pipelit(server) as api:
        for r in (
            api.get("/credentials/999999999/"),
            api.patch("/credentials/999999999/", json={"name": "x"}),
            api.delete("/credentials/999999999/"),
            api.post("/credentials/999999999/test/"),
        ):
            assert r.status_code == 404 and r.json() == {"detail": "Credential not found."}
        r = api.get("/credentials/999999999/models/")
        assert r.status_code == 404 and r.json() == {"detail": "LLM credential not found."}
        r = api.post("/credentials/", json={"name": "x", "credential_type": "ssh"})
        assert r.status_code == 422
        r = api.post("/credentials/", json={"credential_type": "llm"})
        assert r.status_code == 422
        assert isinstance(r.json()["detail"], list)  # the 422 form is the auth area's
        tool = create(api, "t", "tool")
        for r in (
            api.post(f"/credentials/{tool['id']}/test/"),
            api.get(f"/credentials/{tool['id']}/models/"),
        ):
            assert r.status_code == 404 and r.json() == {"detail": "LLM credential not found."}


@pytest.fixture
def org(server):
    return fresh_org(server)


def test_a_normal_user_sees_only_their_own(server, org):
    srv = as_org(server, org)
    member = member_key(server, org)
    with pipelit(srv) as admin, pipelit(srv, member) as mine:
        theirs = create(admin, "admin's", "tool")
        own = create(mine, "mine", "tool")
        assert mine.get("/credentials/").json() == {"items": [own], "total": 1}
        listed = admin.get("/credentials/").json()
        assert listed["total"] == 2 and [c["id"] for c in listed["items"]] == [
            theirs["id"],
            own["id"],
        ]
        r = mine.get(f"/credentials/{theirs['id']}/")
        assert r.status_code == 404 and r.json() == {"detail": "Credential not found."}
        assert mine.delete(f"/credentials/{theirs['id']}/").status_code == 404
        page = admin.get("/credentials/", params={"limit": 1, "offset": 1}).json()
        assert page == {"items": [own], "total": 2}
        # Batch delete skips what the caller does not see.
        r = mine.post("/credentials/batch-delete/", json={"ids": [theirs["id"], own["id"], 424242]})
        assert r.status_code == 204
        assert admin.get("/credentials/").json() == {"items": [theirs], "total": 1}
        assert admin.post("/credentials/batch-delete/", json={"ids": []}).status_code == 204
        assert admin.delete(f"/credentials/{theirs['id']}/").status_code == 204
        assert admin.get("/credentials/").json() == {"items": [], "total": 0}


def test_another_organization_sees_nothing(server, org):
    with pipelit(server) as api:
        made = create(api, "mine", "tool")
    with pipelit(as_org(server, org)) as other:
        assert other.get(f"/credentials/{made['id']}/").status_code == 404


def test_delete_removes_the_native_credential(server):
    with pipelit(server) as api:
        made = create(api, "gone", "llm", {"api_key": KEY})
        with database(server) as s:
            native_id = s.get(PipelitCredential, made["id"]).credential_id
        assert native_id is not None
        assert api.delete(f"/credentials/{made['id']}/").status_code == 204
    with database(server) as s:
        assert s.get(Credential, native_id) is None
        assert s.scalar(select(PipelitCredential).where(PipelitCredential.id == made["id"])) is None


class ModelsServer(FakeOpenAI):
    """The fake endpoint with `GET /v1/models` too."""

    def respond(self, request: dict, index: int) -> Reply:
        if request["path"] == "/v1/models" and request["method"] == "GET":
            if request["headers"].get("authorization") != f"Bearer {self.api_key}":
                return Reply(401, {"error": {"message": "invalid api key"}})
            return Reply(200, {"object": "list", "data": [{"id": "zeta"}, {"id": "alpha"}]})
        return super().respond(request, index)


def test_probe_and_models(server):
    with ModelsServer(api_key=KEY) as llm, pipelit(server) as api:
        good = create(api, "good", "llm", {"api_key": KEY, "base_url": llm.base_url})
        bad = create(api, "bad", "llm", {"api_key": "sk-wrong-key-0000", "base_url": llm.base_url})
        assert api.post(f"/credentials/{good['id']}/test/").json() == {
            "ok": True,
            "error": "",
            "detail": None,
        }
        assert api.post(f"/credentials/{bad['id']}/test/").json() == {
            "ok": False,
            "error": "Authentication failed - invalid API key",
            "detail": None,
        }
        assert api.get(f"/credentials/{good['id']}/models/").json() == [
            {"id": "alpha", "name": "alpha"},
            {"id": "zeta", "name": "zeta"},
        ]
        assert api.get(f"/credentials/{bad['id']}/models/").json() == []
        seen = [r for r in llm.requests if r["path"] == "/v1/models"]
        assert seen and all(KEY not in str(r.get("json")) for r in seen)


def test_probe_obeys_the_outbound_policy(make_server):
    strict = make_server(env={"PIPELINES_OUTBOUND_ALLOW": ""})
    with ModelsServer(api_key=KEY) as llm, pipelit(strict) as api:
        made = create(api, "local", "llm", {"api_key": KEY, "base_url": llm.base_url})
        body = api.post(f"/credentials/{made['id']}/test/").json()
        assert body["ok"] is False and "refused" in body["error"]
        assert api.get(f"/credentials/{made['id']}/models/").json() == []
        assert not llm.requests
