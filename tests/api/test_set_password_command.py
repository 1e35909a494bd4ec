"""`pipelines-server set-password LOGIN`: the operator sets a user's password on the server's
machine (the password read from stdin or a prompt, never from argv), so that a fresh install's
admin — who has only the bootstrap key — can sign in to the web UI with a password."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys

import httpx

from tests.server import ROOT


def set_password(server, tmp, login: str, stdin: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PIPELINES_DATA_DIR": str(tmp),
        "PIPELINES_DATABASE_URL": server.database_url,
        "PIPELINES_LOG_LEVEL": "warning",
    }
    return subprocess.run(
        [sys.executable, "-m", "pipelines_server", "set-password", login],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ui_sign_in(server, login: str, password: str) -> httpx.Response:
    """The web UI's password form, as a browser posts it (CSRF cookie, token and Origin)."""
    with httpx.Client(base_url=server.base_url, timeout=30) as browser:
        form = browser.get("/ui/sign-in")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return browser.post(
            "/ui/sign-in",
            data={
                "csrf_token": token,
                "method": "password",
                "username": login,
                "password": password,
            },
            headers={"Origin": server.base_url},
        )


def test_set_password_lets_a_key_only_user_sign_in(server, tmp_path):
    email = f"ops-{secrets.token_hex(4)}@example.com"
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": server.seed.api_key}) as api:
        r = api.post(
            f"/api/organizations/{server.seed.org_id}/users",
            json={"email": email, "name": "Ops", "role": "org_admin"},
        )
        assert r.status_code == 201, r.text
    password = f"pw-{secrets.token_hex(8)}"
    assert ui_sign_in(server, email, password).status_code == 401

    done = set_password(server, tmp_path, email.upper(), password + "\n")
    assert done.returncode == 0, done.stderr
    assert email in done.stdout and password not in done.stdout + done.stderr
    signed = ui_sign_in(server, email, password)
    assert signed.status_code == 303 and "pipelines_session" in signed.cookies


def test_set_password_refuses_short_passwords_and_unknown_users(server, tmp_path):
    done = set_password(server, tmp_path, "nobody@example.com", "long-enough-password\n")
    assert done.returncode == 1
    assert "No active user with username or email 'nobody@example.com'" in done.stderr

    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": server.seed.api_key}) as api:
        me = api.get("/api/auth/me").json()
    done = set_password(server, tmp_path, me["email"], "short\n")
    assert done.returncode == 1 and "at least 8 characters" in done.stderr
