"""GET /orgs/{org_id}/models: the model slugs configured on the organization's credentials."""

from __future__ import annotations

from tests.api.engine.helpers import user_key
from tests.api.helpers import native
from tests.api.native.conftest import PAGE_KEYS, as_org


def test_models_come_from_credentials(server, org):
    srv = as_org(server, org)
    base = f"/organizations/{org.org_id}/credentials"
    with native(srv) as api:
        assert api.get(f"/orgs/{org.org_id}/models").json()["items"] == []
        r = api.post(
            base,
            json={
                "name": "openai",
                "base_url": "http://127.0.0.1:9/v1",
                "api_key": "sk-one-1111",
                "models": ["gpt-4o-mini", "gpt-4o", "gpt-4o"],
            },
        )
        assert r.status_code == 201 and r.json()["models"] == ["gpt-4o-mini", "gpt-4o"]
        cred = r.json()
        r = api.post(
            base,
            json={"name": "local", "base_url": "http://127.0.0.1:9/v1", "api_key": "sk-2222"},
        )
        assert r.status_code == 201 and r.json()["models"] == []
        local = r.json()
        r = api.patch(f"{base}/{local['id']}", json={"models": ["llama3"]})
        assert r.status_code == 200 and r.json()["models"] == ["llama3"]
        assert api.get(base).json()["items"][0]["models"] in (["llama3"], ["gpt-4o-mini", "gpt-4o"])
        body = api.get(f"/orgs/{org.org_id}/models").json()
        assert set(body) == PAGE_KEYS and body["total"] == 3
        assert [(m["slug"], m["credential"]) for m in body["items"]] == [
            ("gpt-4o", "openai"),
            ("gpt-4o-mini", "openai"),
            ("llama3", "local"),
        ]
        first = body["items"][0]
        assert first["credential_id"] == cred["id"] and first["provider"] == "openai_compatible"
        assert "sk-" not in api.get(f"/orgs/{org.org_id}/models").text
        paged = api.get(f"/orgs/{org.org_id}/models", params={"page_size": 2, "page": 2}).json()
        assert [m["slug"] for m in paged["items"]] == ["llama3"] and not paged["has_more"]
        r = api.patch(f"{base}/{local['id']}", json={"models": [""]})
        assert r.status_code in (400, 422)
        # another organization: not found
        assert api.get(f"/orgs/{server.seed.org_id}/models").status_code == 404


def test_members_may_list_models_but_not_the_credentials_endpoints(server):
    """Members see which models they can use, not where they are served from: the
    credentials list is for admins, and a base URL may carry user info or a key."""
    _, member = user_key(server)
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/credentials",
            json={
                "name": "hosted",
                "base_url": "https://user:pw@llm.example.com/v1?api-key=abc",
                "api_key": "sk-hosted-1",
                "models": ["hosted-model"],
            },
        )
        assert r.status_code == 201, r.text
    with native(server, member) as api:
        r = api.get(f"/orgs/{server.seed.org_id}/models")
    assert r.status_code == 200
    assert "hosted-model" in [m["slug"] for m in r.json()["items"]]
    assert "llm.example.com" not in r.text and "api-key" not in r.text
