"""Pipelit's login and TOTP MFA over real HTTP (ported from Pipelit's test_api auth parts and
test_mfa): session key rotation, the MFA flow, replay, the per-user attempt limit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pyotp
from sqlalchemy import create_engine, text

from tests.api.pipelit.helpers import as_org, fresh_org, pipelit


def _user(server, role="normal") -> tuple[str, int]:
    org = fresh_org(server)
    name = f"u-{uuid.uuid4().hex[:10]}"
    with pipelit(as_org(server, org)) as admin:
        r = admin.post("/users/", json={"username": name, "password": "password1", "role": role})
    assert r.status_code == 201, r.text
    return name, r.json()["id"]


def _token(server, name, password="password1"):
    with pipelit(server, "") as c:
        return c.post("/auth/token/", json={"username": name, "password": password})


def _forget_last_step(server, user_id):
    """Let the next code of the current step through the replay guard (a test cannot wait
    for the next 30-second step)."""
    engine = create_engine(server.database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET mfa_last_step = NULL WHERE id = :i"), {"i": user_id})
    engine.dispose()


def test_token_rotates_the_session_key(server):
    name, _ = _user(server)
    first = _token(server, name)
    assert first.status_code == 200
    body = first.json()
    assert set(body) == {"key", "requires_mfa"} and body["requires_mfa"] is False
    with pipelit(server, body["key"]) as c:
        assert c.get("/auth/me/").json() == {"username": name, "mfa_enabled": False}
        c.post("/users/me/keys", json={"name": "named"})
    second = _token(server, name).json()["key"]
    assert second != body["key"]
    with pipelit(server, body["key"]) as c:
        r = c.get("/auth/me/")
        assert r.status_code == 401
        assert r.json() == {"detail": "API key has been revoked."}
    with pipelit(server, second) as c:
        keys = c.get("/users/me/keys").json()
        active = sorted(k["name"] for k in keys if k["is_active"])
        assert active == ["named", "session"]  # other named keys survive a login


def test_bad_credentials(server):
    name, _ = _user(server)
    for username, password in ((name, "wrong-pass"), ("nobody-" + name, "password1")):
        r = _token(server, username, password)
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}


def test_key_works_on_the_native_surface(server):
    import httpx

    name, _ = _user(server)
    key = _token(server, name).json()["key"]
    r = httpx.get(server.base_url + "/api/projects", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 200


def test_mfa_flow(server):
    name, user_id = _user(server)
    key = _token(server, name).json()["key"]
    with pipelit(server, key) as c:
        assert c.get("/auth/mfa/status/").json() == {"mfa_enabled": False}
        r = c.post("/auth/mfa/verify/", json={"code": "123456"})
        assert r.status_code == 400
        assert r.json() == {"detail": "Call /mfa/setup/ first."}
        r = c.post("/auth/mfa/disable/", json={"code": "123456"})
        assert r.status_code == 400
        assert r.json() == {"detail": "MFA is not enabled."}

        setup = c.post("/auth/mfa/setup/")
        assert setup.status_code == 200
        secret = setup.json()["secret"]
        assert setup.json()["provisioning_uri"] == pyotp.TOTP(secret).provisioning_uri(
            name=name, issuer_name="Pipelit"
        )
        assert setup.json()["provisioning_uri"].startswith(f"otpauth://totp/Pipelit:{name}?")
        totp = pyotp.TOTP(secret)
        wrong = str((int(totp.now()) + 500000) % 1000000).zfill(6)
        r = c.post("/auth/mfa/verify/", json={"code": wrong})
        assert r.status_code == 400
        assert r.json() == {"detail": "Invalid TOTP code."}
        used = totp.now()  # recorded once: the replay below sends this exact code
        r = c.post("/auth/mfa/verify/", json={"code": used})
        assert r.status_code == 200
        assert r.json() == {"mfa_enabled": True}
        assert c.get("/auth/me/").json() == {"username": name, "mfa_enabled": True}
        r = c.post("/auth/mfa/setup/")
        assert r.status_code == 400
        assert r.json() == {"detail": "MFA is already enabled."}
        r = c.post("/auth/mfa/verify/", json={"code": totp.now()})
        assert r.json() == {"detail": "MFA is already enabled."}

    # Login now asks for the second factor.
    r = _token(server, name)
    assert r.status_code == 200
    assert r.json() == {"key": "", "requires_mfa": True}
    with pipelit(server, "") as anon:
        # The code just used cannot be used again (replay guard), even a step later.
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": used})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid TOTP code."}
        _forget_last_step(server, user_id)
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 200
        assert set(r.json()) == {"key", "requires_mfa"} and r.json()["requires_mfa"] is False
        new_key = r.json()["key"]
        # The password step's window is consumed: another code needs another password step.
        _forget_last_step(server, user_id)
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}
        r = anon.post("/auth/mfa/login-verify/", json={"username": "nobody", "code": "123456"})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}

    with pipelit(server, new_key) as c:
        _forget_last_step(server, user_id)
        r = c.post("/auth/mfa/disable/", json={"code": totp.now()})
        assert r.status_code == 200
        assert r.json() == {"mfa_enabled": False}
        assert c.get("/auth/mfa/status/").json() == {"mfa_enabled": False}
    with pipelit(server, "") as anon:
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.json() == {"detail": "Invalid credentials."}  # MFA is off
    assert _token(server, name).json()["requires_mfa"] is False


def test_secret_is_encrypted_at_rest(server):
    name, user_id = _user(server)
    key = _token(server, name).json()["key"]
    with pipelit(server, key) as c:
        secret = c.post("/auth/mfa/setup/").json()["secret"]
    engine = create_engine(server.database_url)
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT mfa_secret FROM users WHERE id = :i"), {"i": user_id}
        ).scalar()
    engine.dispose()
    assert stored and secret not in stored


def test_attempt_limit_refuses_even_a_good_code(server):
    name, _ = _user(server)
    key = _token(server, name).json()["key"]
    with pipelit(server, key) as c:
        totp = pyotp.TOTP(c.post("/auth/mfa/setup/").json()["secret"])
        wrong = str((int(totp.now()) + 500000) % 1000000).zfill(6)
        for _ in range(5):
            assert c.post("/auth/mfa/verify/", json={"code": wrong}).status_code == 400
        r = c.post("/auth/mfa/verify/", json={"code": totp.now()})
        assert r.status_code == 400
        assert r.json() == {"detail": "Invalid TOTP code."}
        assert c.get("/auth/mfa/status/").json() == {"mfa_enabled": False}


def test_mfa_reset_from_loopback(server):
    name, _ = _user(server)
    key = _token(server, name).json()["key"]
    with pipelit(server, key) as c:
        totp = pyotp.TOTP(c.post("/auth/mfa/setup/").json()["secret"])
        assert c.post("/auth/mfa/verify/", json={"code": totp.now()}).status_code == 200
        r = c.post("/auth/mfa/reset/")
        assert r.status_code == 200
        assert r.json() == {"mfa_enabled": False}
        assert c.get("/auth/mfa/status/").json() == {"mfa_enabled": False}


def _enable_mfa(server, name) -> pyotp.TOTP:
    key = _token(server, name).json()["key"]
    with pipelit(server, key) as c:
        totp = pyotp.TOTP(c.post("/auth/mfa/setup/").json()["secret"])
        assert c.post("/auth/mfa/verify/", json={"code": totp.now()}).status_code == 200
    return totp


def test_login_verify_needs_the_password_step_first(server):
    """A username and a TOTP code alone issue no key: /auth/token/ must have accepted the
    password shortly before (a deliberate difference from upstream)."""
    name, user_id = _user(server)
    totp = _enable_mfa(server, name)
    with pipelit(server, "") as anon:
        _forget_last_step(server, user_id)
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}
        assert _token(server, name, "wrong-pass").status_code == 401  # a wrong password: none
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}
        assert _token(server, name).json() == {"key": "", "requires_mfa": True}
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 200
        assert r.json()["key"].startswith("pk_live_")


def test_login_verify_window_expires(server):
    name, user_id = _user(server)
    totp = _enable_mfa(server, name)
    assert _token(server, name).json()["requires_mfa"] is True
    engine = create_engine(server.database_url)
    with engine.begin() as conn:  # the window ended (no waiting on the clock)
        conn.execute(
            text(
                "UPDATE users SET mfa_login_pending_until = :t, mfa_last_step = NULL WHERE id = :i"
            ),
            {"t": datetime(2000, 1, 1, tzinfo=UTC), "i": user_id},
        )
    engine.dispose()
    with pipelit(server, "") as anon:
        r = anon.post("/auth/mfa/login-verify/", json={"username": name, "code": totp.now()})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}


def test_password_failures_count_toward_the_address_limit(make_server):
    """Wrong passwords at /auth/token/ use up the address's failed-authentication bucket, as
    wrong keys do: then 429 with Retry-After, even for the right password."""
    server = make_server(env={"PIPELINES_RATE_LIMIT_FAILED_AUTH": "3/minute"})
    with pipelit(server, "") as c:
        key = c.post("/auth/setup/", json={"username": "root", "password": "secret1"}).json()["key"]
        assert key
        for _ in range(3):
            r = c.post("/auth/token/", json={"username": "root", "password": "wrong-pass"})
            assert r.status_code == 401
            assert r.json() == {"detail": "Invalid credentials."}
        r = c.post("/auth/token/", json={"username": "root", "password": "secret1"})
        assert r.status_code == 429
        assert int(r.headers["Retry-After"]) >= 1
        assert r.json() == {"detail": "Too many failed authentication attempts from this address"}
