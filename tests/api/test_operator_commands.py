"""The operator's commands beside `serve`: `pipelines-server --version`, and `create-key`, which
gives an organization whose keys were all lost a working key again (run on the server's machine,
against its database), acting as its admin or as a named member."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx

from tests.server import ROOT, Seed, seed_database


def run(tmp, *args: str, database_url: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PIPELINES_DATA_DIR": str(tmp),
        "PIPELINES_DATABASE_URL": database_url or f"sqlite:///{tmp / 'pipelines.db'}",
        "PIPELINES_LOG_LEVEL": "warning",
    }
    return subprocess.run(
        [sys.executable, "-m", "pipelines_server", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version_is_the_installed_distributions():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    installed = Path(sys.executable).with_name("pipelines-server")  # the entry point
    done = subprocess.run([str(installed), "--version"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"pipelines-server {version}"


def test_create_key_on_an_empty_database_says_to_bootstrap(tmp_path):
    done = run(tmp_path, "create-key")
    assert done.returncode == 1
    assert "no organization yet" in done.stderr and "bootstrap" in done.stderr


def test_a_lost_key_is_replaced_with_one_that_works(make_server, tmp_path):
    server = make_server()  # its only key is revoked below
    # The organization's key is revoked: nobody can call the API any more.
    key = server.seed.api_key
    org = server.seed.org_id
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": key}) as api:
        keys = api.get(f"/api/organizations/{org}/api-keys").json()
        assert api.post(f"/api/organizations/{org}/api-keys/{keys[0]['id']}/revoke").is_success
        assert api.get("/api/auth/me").status_code == 401

    # A second organization on the same database: the operator must choose.
    other: Seed = seed_database(server.database_url)
    done = run(tmp_path, "create-key", database_url=server.database_url)
    assert done.returncode == 1
    assert (
        "--org" in done.stderr and f"{org} (" in done.stderr and f"{other.org_id} (" in done.stderr
    )

    done = run(tmp_path, "create-key", "--org", str(org), database_url=server.database_url)
    assert done.returncode == 0, done.stderr
    new_key = done.stdout.strip()
    assert new_key.startswith("pk_") and new_key not in done.stderr
    me = httpx.get(server.base_url + "/api/auth/me", headers={"X-API-Key": new_key})
    assert me.status_code == 200, me.text
    assert me.json()["org_id"] == org and me.json()["role"] == "org_admin"

    # Written to a file instead: mode 0600, nothing on stdout but where it is.
    path = tmp_path / "recovered-key"
    done = run(
        tmp_path,
        "create-key",
        "--org",
        str(other.org_id),
        "--file",
        str(path),
        "--name",
        "ops",
        database_url=server.database_url,
    )
    assert done.returncode == 0, done.stderr
    file_key = path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert file_key not in done.stdout and str(path) in done.stdout
    me = httpx.get(server.base_url + "/api/auth/me", headers={"X-API-Key": file_key})
    assert me.json()["org_id"] == other.org_id


def test_create_key_names_a_member_and_refuses_strangers(server, tmp_path):
    org = server.seed.org_id
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": server.seed.api_key}) as api:
        r = api.post(
            f"/api/organizations/{org}/users",
            json={"email": "worker@example.com", "name": "Worker", "role": "member"},
        )
        assert r.status_code == 201, r.text
    done = run(
        tmp_path,
        "create-key",
        "--org",
        str(org),
        "--email",
        "Worker@Example.com",
        database_url=server.database_url,
    )
    assert done.returncode == 0, done.stderr
    me = httpx.get(server.base_url + "/api/auth/me", headers={"X-API-Key": done.stdout.strip()})
    assert me.json()["email"] == "worker@example.com" and me.json()["role"] == "member"

    done = run(
        tmp_path,
        "create-key",
        "--org",
        str(org),
        "--email",
        "nobody@example.com",
        database_url=server.database_url,
    )
    assert done.returncode == 1 and "No active member nobody@example.com" in done.stderr
