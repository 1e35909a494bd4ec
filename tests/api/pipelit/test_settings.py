"""The settings page over real HTTP: the server's real configuration without secrets, the
probed environment, PATCH for admins only (recorded, reported restart_required), 422 for
unknown keys and pipelit_dir."""

from __future__ import annotations

import uuid

import pytest

from pipelines_server.domain import keys
from pipelines_server.domain.pipelit.settings_view import redact_url
from tests.api.helpers import database, native
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

CONFIG = {
    "pipelit_dir", "sandbox_mode", "database_url", "redis_url", "log_level", "log_file",
    "platform_base_url", "cors_allow_all_origins", "zombie_execution_threshold_seconds",
}  # fmt: skip
ENVIRONMENT = {
    "os", "arch", "container", "bwrap_available", "rootfs_ready", "sandbox_mode",
    "capabilities", "tier1_met", "tier2_warnings", "gate",
}  # fmt: skip


@pytest.fixture
def org(server):
    return as_org(server, fresh_org(server))


def member(org) -> str:
    with native(org, org.seed.api_key) as api:
        r = api.post(
            f"/organizations/{org.seed.org_id}/users",
            json={"email": f"{uuid.uuid4().hex[:10]}@example.com", "role": "member", "name": "M"},
        )
    assert r.status_code == 201, r.text
    with database(org) as s:
        return keys.issue_key(s, org.seed.org_id, r.json()["id"], "m")


def test_any_user_reads_the_real_configuration_without_secrets(server, org):
    with pipelit(org, member(org)) as api:
        r = api.get("/settings/")
    assert r.status_code == 200, r.text
    body = r.json()
    config, env = body["config"], body["environment"]
    assert set(config) == CONFIG
    assert config["database_url"] == redact_url(server.database_url)
    assert config["pipelit_dir"] == str(server.data_dir)
    assert config["sandbox_mode"] in ("auto", "bwrap", "none")
    assert config["log_level"] == config["log_level"].upper()
    assert isinstance(config["zombie_execution_threshold_seconds"], int)
    assert set(env) == ENVIRONMENT
    assert env["sandbox_mode"] in ("bwrap", "none")
    assert set(env["capabilities"]) == {"runtimes", "shell_tools", "network"}
    assert env["capabilities"]["runtimes"]["python3"]["available"] is True
    assert env["capabilities"]["shell_tools"]["bash"] == {"available": True, "tier": 1}
    assert set(env["gate"]) == {"passed", "blocked_reason"}
    assert env["rootfs_ready"] == (env["sandbox_mode"] == "bwrap")
    if env["sandbox_mode"] == "bwrap":
        assert env["bwrap_available"] is True
    assert body["requested"] == {}


def test_recheck_environment(org):
    with pipelit(org) as api:
        r = api.post("/settings/recheck-environment/")
    assert r.status_code == 200, r.text
    assert set(r.json()) == {"environment"}
    assert set(r.json()["environment"]) == ENVIRONMENT


def test_admins_patch_and_every_key_needs_a_restart(server, org):
    with pipelit(org) as api:
        before = api.get("/settings/").json()["config"]
        r = api.patch(
            "/settings/",
            json={
                "log_level": "DEBUG",
                "zombie_execution_threshold_seconds": 60,
                "database_url": "postgresql://u:hunter2@db:5432/x",
            },
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["hot_reloaded"] == []
        assert body["restart_required"] == [
            "database_url",
            "log_level",
            "zombie_execution_threshold_seconds",
        ]
        # The server's configuration is unchanged (it is the server's environment) ...
        assert body["config"] == before
        # ... and what was asked for is recorded, without the password.
        assert body["requested"] == {
            "database_url": "postgresql://u:***@db:5432/x",
            "log_level": "DEBUG",
            "zombie_execution_threshold_seconds": 60,
        }
        assert "hunter2" not in r.text
        got = api.get("/settings/").json()
        assert got["requested"] == body["requested"]
        assert "hunter2" not in str(got)
        r = api.patch("/settings/", json={"log_level": "INFO"})
        assert r.json()["requested"]["log_level"] == "INFO"
        assert api.patch("/settings/", json={}).json()["restart_required"] == []
    # Requests are the organization's own.
    other = as_org(server, fresh_org(server))
    with pipelit(other) as api:
        assert api.get("/settings/").json()["requested"] == {}


def test_patch_validation_and_roles(org):
    with pipelit(org) as api:
        for body in (
            {"pipelit_dir": "/tmp/x"},
            {"unknown": 1},
            {"log_level": "LOUD"},
            {"zombie_execution_threshold_seconds": -1},
            {"cors_allow_all_origins": "yes"},
        ):
            r = api.patch("/settings/", json=body)
            assert r.status_code == 422, body
            assert isinstance(r.json()["detail"], list)
    with pipelit(org, member(org)) as api:
        r = api.patch("/settings/", json={"log_level": "DEBUG"})
        assert (r.status_code, r.json()) == (403, {"detail": "Admin access required."})


def test_needs_a_key(server):
    with pipelit(server, key="") as api:
        assert api.get("/settings/").status_code == 401
        assert api.patch("/settings/", json={}).status_code == 401
        assert api.post("/settings/recheck-environment/").status_code == 401


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql://u@db/x?sslmode=require&password=hunter2",
            "postgresql://u@db/x?sslmode=require&password=***",
        ),
        (
            "postgresql://u:pw@db/x?sslpassword=hunter2&sslkey=/k/client.key",
            "postgresql://u:***@db/x?sslpassword=***&sslkey=***",
        ),
        (
            "rediss://db:6379/0?ssl_keyfile=/k&socket_timeout=5",
            "rediss://db:6379/0?ssl_keyfile=***&socket_timeout=5",
        ),
        ("redis://db:6379/0?socket_timeout=5", "redis://db:6379/0?socket_timeout=5"),
    ],
)
def test_redact_url_hides_secret_query_parameters(url, expected):
    assert redact_url(url) == expected


def test_a_password_in_the_query_is_not_recorded(server):
    with pipelit(as_org(server, fresh_org(server))) as api:
        r = api.patch(
            "/settings/", json={"database_url": "postgresql://u@db/x?password=hunter2&sslmode=a"}
        )
        assert r.status_code == 200, r.text
        assert r.json()["requested"]["database_url"] == "postgresql://u@db/x?password=***&sslmode=a"
        assert "hunter2" not in r.text and "hunter2" not in api.get("/settings/").text
