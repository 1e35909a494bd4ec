"""Workspaces over real HTTP: owner-only (admins included), the `default` workspace, the
path root, folders made and emptied, env_vars with credential references, batch deletes."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from pipelines_server.domain import keys
from pipelines_server.store.models import PipelitCredential
from tests.api.helpers import database, native
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

KEYS = {"id", "name", "path", "allow_network", "env_vars", "created_at"}


@pytest.fixture
def org(server):
    return as_org(server, fresh_org(server))


def member_key(org, role: str = "member") -> tuple[int, str]:
    with native(org, org.seed.api_key) as api:
        r = api.post(
            f"/organizations/{org.seed.org_id}/users",
            json={"email": f"{uuid.uuid4().hex[:10]}@example.com", "role": role, "name": "W"},
        )
    assert r.status_code == 201, r.text
    user_id = r.json()["id"]
    with database(org) as s:
        return user_id, keys.issue_key(s, org.seed.org_id, user_id, f"key of {user_id}")


def root(server, user_id: int) -> Path:
    return (Path(server.data_dir) / "pipelit-workspaces" / str(user_id)).resolve()


def test_the_default_workspace_appears_on_first_list(server, org):
    with pipelit(org) as api:
        body = api.get("/workspaces/").json()
        assert body["total"] == 1
        (ws,) = body["items"]
        assert set(ws) == KEYS
        assert (ws["name"], ws["allow_network"], ws["env_vars"]) == ("default", True, [])
        assert ws["path"] == str(root(server, org.seed.user_id) / "default")
        assert Path(ws["path"], ".tmp").is_dir()
        assert api.get("/workspaces/").json()["total"] == 1
        r = api.delete(f"/workspaces/{ws['id']}/")
        assert (r.status_code, r.json()) == (
            403,
            {"detail": "Cannot delete the default workspace."},
        )
        assert api.post("/workspaces/batch-delete/", json={"ids": [ws["id"]]}).status_code == 204
        assert api.get(f"/workspaces/{ws['id']}/").status_code == 200


def test_create_read_patch_delete(server, org):
    with pipelit(org) as api:
        r = api.post("/workspaces/", json={"name": "proj"})
        assert r.status_code == 201, r.text
        ws = r.json()
        assert set(ws) == KEYS
        assert (ws["name"], ws["allow_network"], ws["env_vars"]) == ("proj", False, [])
        assert ws["path"] == str(root(server, org.seed.user_id) / "proj")
        assert Path(ws["path"], ".tmp").is_dir()
        assert "+" not in ws["created_at"]
        assert api.get(f"/workspaces/{ws['id']}/").json() == ws
        r = api.post("/workspaces/", json={"name": "proj"})
        assert (r.status_code, r.json()) == (
            409,
            {"detail": "Workspace with this name already exists."},
        )
        env = [{"key": "A", "value": "1", "source": "raw"}]
        r = api.patch(f"/workspaces/{ws['id']}/", json={"allow_network": True, "env_vars": env})
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["allow_network"] is True
        assert out["env_vars"] == [
            {
                "key": "A",
                "value": "1",
                "credential_id": None,
                "credential_field": None,
                "source": "raw",
            }
        ]
        r = api.patch(f"/workspaces/{ws['id']}/", json={})
        assert r.json()["allow_network"] is True
        assert api.delete(f"/workspaces/{ws['id']}/").status_code == 204
        r = api.get(f"/workspaces/{ws['id']}/")
        assert (r.status_code, r.json()) == (404, {"detail": "Workspace not found."})
        assert api.get("/workspaces/").json()["total"] == 1


def test_paths_must_stay_under_the_root(server, org):
    base = root(server, org.seed.user_id)
    with pipelit(org) as api:
        r = api.post("/workspaces/", json={"name": "inside", "path": str(base / "x" / "y")})
        assert r.status_code == 201, r.text
        assert r.json()["path"] == str(base / "x" / "y")
        for path in ("/tmp/elsewhere", str(base / ".." / "9999" / "x"), str(base) + "-x"):
            r = api.post("/workspaces/", json={"name": f"n{uuid.uuid4().hex[:6]}", "path": path})
            assert (r.status_code, r.json()) == (
                400,
                {"detail": f"Workspace path must be under {base}/"},
            ), path
        r = api.post("/workspaces/", json={"name": "../escape"})
        assert r.status_code == 400
        r = api.post("/workspaces/", json={})
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"] == ["body", "name"] or r.json()["detail"]


def test_reset_empties_the_folder_and_reset_rootfs_removes_rootfs(org):
    with pipelit(org) as api:
        ws = api.post("/workspaces/", json={"name": "r"}).json()
        folder = Path(ws["path"])
        (folder / "file.txt").write_text("x")
        (folder / ".rootfs").mkdir()
        (folder / ".rootfs" / "bin").write_text("x")
        r = api.post(f"/workspaces/{ws['id']}/reset-rootfs/")
        assert r.status_code == 200
        assert r.json() == {
            "ok": True,
            "message": "Rootfs cleared for workspace 'r'. Will be re-created on next execution.",
        }
        assert not (folder / ".rootfs").exists() and (folder / "file.txt").exists()
        r = api.post(f"/workspaces/{ws['id']}/reset/")
        assert r.json() == {"ok": True, "message": "Workspace 'r' has been reset."}
        assert sorted(p.name for p in folder.iterdir()) == [".tmp"]
        r = api.post("/workspaces/999999999/reset/")
        assert (r.status_code, r.json()) == (404, {"detail": "Workspace not found."})


def test_workspaces_are_owner_only_even_for_admins(org):
    member_id, member = member_key(org)
    with pipelit(org, member) as api:
        mine = api.post("/workspaces/", json={"name": "m"}).json()
        assert {w["name"] for w in api.get("/workspaces/").json()["items"]} == {"default", "m"}
    with pipelit(org) as admin:
        assert {w["name"] for w in admin.get("/workspaces/").json()["items"]} == {"default"}
        for call in (admin.get, admin.delete):
            r = call(f"/workspaces/{mine['id']}/")
            assert (r.status_code, r.json()) == (404, {"detail": "Workspace not found."})
        r = admin.patch(f"/workspaces/{mine['id']}/", json={"allow_network": True})
        assert r.status_code == 404
        assert admin.post(f"/workspaces/{mine['id']}/reset/").status_code == 404
        admin.post("/workspaces/batch-delete/", json={"ids": [mine["id"]]})
        # The same name is free for another user.
        assert admin.post("/workspaces/", json={"name": "m"}).status_code == 201
    with pipelit(org, member) as api:
        assert api.get(f"/workspaces/{mine['id']}/").json()["allow_network"] is False


def test_batch_delete_skips_default_and_unknown(org):
    with pipelit(org) as api:
        default = api.get("/workspaces/").json()["items"][0]
        a = api.post("/workspaces/", json={"name": "a"}).json()
        b = api.post("/workspaces/", json={"name": "b"}).json()
        r = api.post("/workspaces/batch-delete/", json={"ids": [a["id"], default["id"], 99999999]})
        assert r.status_code == 204
        assert [w["id"] for w in api.get("/workspaces/").json()["items"]] == [
            default["id"],
            b["id"],
        ]
        assert api.post("/workspaces/batch-delete/", json={"ids": []}).status_code == 204
        assert api.post("/workspaces/batch-delete/", json={"ids": ["x"]}).status_code == 422


def test_env_vars_may_reference_a_credential_of_the_caller(org):
    with database(org) as s:
        cred = PipelitCredential(
            org_id=org.seed.org_id, user_id=org.seed.user_id, name="c", credential_type="llm"
        )
        s.add(cred)
        s.flush()
        cred_id = cred.id
    env = [
        {
            "key": "K",
            "credential_id": cred_id,
            "credential_field": "api_key",
            "source": "credential",
        }
    ]
    with pipelit(org) as api:
        r = api.post("/workspaces/", json={"name": "c", "env_vars": env})
        assert r.status_code == 201, r.text
        assert r.json()["env_vars"] == [
            {"key": "K", "value": None, "credential_id": cred_id, "credential_field": "api_key",
             "source": "credential"}
        ]  # fmt: skip
        bad = [{"key": "K", "credential_id": 987654321, "source": "credential"}]
        r = api.post("/workspaces/", json={"name": "d", "env_vars": bad})
        assert r.status_code == 422
        (item,) = r.json()["detail"]
        assert (item["loc"], item["msg"]) == (
            ["body", "env_vars", 0, "credential_id"],
            "Value error, credential_id must name one of your credentials",
        )
        r = api.post("/workspaces/", json={"name": "e", "env_vars": [{"key": "K", "source": "x"}]})
        assert r.status_code == 422
    _, member = member_key(org)
    with pipelit(org, member) as api:
        r = api.post("/workspaces/", json={"name": "c", "env_vars": env})
        assert r.status_code == 422


def test_list_pages_and_needs_a_key(server, org):
    with pipelit(org) as api:
        for n in ("p1", "p2"):
            api.post("/workspaces/", json={"name": n})
        body = api.get("/workspaces/", params={"limit": 1, "offset": 1}).json()
        assert (body["total"], [w["name"] for w in body["items"]]) == (3, ["p1"])
        assert api.get("/workspaces/", params={"offset": "x"}).status_code == 422
        # Upstream answers 422 int_parsing; connexion's int route converter answers 404.
        assert api.get("/workspaces/abc/").status_code in (404, 422)
    with pipelit(server, key="") as api:
        assert api.get("/workspaces/").status_code == 401


def test_names_and_paths_the_database_or_file_system_refuse_are_4xx(server, org):
    """Over 255 characters is the schema's 422; a component over 255 bytes (fewer
    characters) is the file system's refusal, a 400 that names no path."""
    with pipelit(org) as api:
        r = api.post("/workspaces/", json={"name": "n" * 256})
        assert r.status_code == 422, r.text
        assert r.json()["detail"][0]["type"] == "string_too_long"
        r = api.post("/workspaces/", json={"name": "p", "path": "p" * 256})
        assert r.status_code == 422, r.text
        assert api.post("/workspaces/", json={"name": "n" * 255}).status_code == 201
        wide = "\u00e9" * 128  # 128 characters, 256 bytes in UTF-8
        for body in (
            {"name": wide},
            {"name": "q", "path": wide},
            {"name": "r", "path": f"a/{wide}"},
        ):
            r = api.post("/workspaces/", json=body)
            assert (r.status_code, r.json()) == (
                400,
                {"detail": "Workspace path cannot be used: File name too long"},
            ), body
        names = [w["name"] for w in api.get("/workspaces/").json()["items"]]
        assert names == ["default", "n" * 255]


def test_workspace_ids_past_64_bits_are_422_like_every_integer_path_id(org):
    with pipelit(org) as api:
        for method in ("get", "patch", "delete"):
            kw = {"json": {}} if method == "patch" else {}
            r = getattr(api, method)(f"/workspaces/{2**63}/", **kw)
            assert r.status_code == 422, (method, r.text)
            assert r.json()["detail"][0]["loc"] == ["path", "workspace_id"]
            r = getattr(api, method)(f"/workspaces/{2**63 - 1}/", **kw)
            assert r.status_code == 404, (method, r.text)
        assert api.post(f"/workspaces/{2**63}/reset/").status_code == 422
        assert api.get("/workspaces/-1/").status_code == 404
