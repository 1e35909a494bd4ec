"""Accounts for browser tests: a fresh organization per test (its admin has a username and a
password; optionally TOTP), made through the domain against the test server's database, as
tests/server.py seeds the shared one."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import httpx


@dataclass
class Account:
    base_url: str
    org_id: int
    user_id: int
    project_id: int
    username: str
    password: str
    api_key: str
    mfa_secret: str | None = None

    def api(self) -> httpx.Client:
        """The native API as this account (Authorization: Bearer its key)."""
        return httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=30,
        )


def new_account(
    server,
    *,
    mfa: bool = False,
    role: str = "org_admin",
    org_id: int | None = None,
    password: str | None = None,
) -> Account:
    """A new organization and its admin (or, with org_id, a new user of that organization with
    `role`), signed-in-able by username and password; with mfa, TOTP is on."""
    from pipelines_server.domain import keys, orgs, passwords
    from pipelines_server.domain import mfa as mfa_domain
    from pipelines_server.engine.secrets import encrypt
    from pipelines_server.store.db import Database
    from pipelines_server.store.models import Project, User

    tag = secrets.token_hex(4)
    username = f"user-{tag}"
    password = password or f"pw-{secrets.token_hex(8)}"
    db = Database(server.database_url)
    try:
        with db.session() as session:
            if org_id is None:
                b = orgs.bootstrap(session, org_name=f"Org {tag}", email=f"{username}@example.test")
                user, project_id, raw, org = b.user, b.project.id, b.api_key, b.org.id
            else:
                user = User(
                    org_id=org_id, email=f"{username}@example.test", name=username, role=role
                )
                session.add(user)
                session.flush()
                raw = keys.issue_key(session, org_id, user.id, "browser test")
                project_id = session.query(Project.id).filter(Project.org_id == org_id).first()[0]
                org = org_id
            user.username = username
            user.password_hash = passwords.hash_password(password)
            secret = None
            if mfa:
                secret = mfa_domain.new_secret()
                user.mfa_secret = encrypt(secret, _secret_key(server))
                user.mfa_enabled = True
            session.flush()
            return Account(
                server.base_url, org, user.id, project_id, username, password, raw, secret
            )
    finally:
        db.dispose()


def _secret_key(server) -> str:
    """The key the test server encrypts TOTP secrets with (derived from PIPELINES_SECRET_KEY,
    else from the secret key file it keeps in its data directory)."""
    import os

    from pipelines_server.engine.secrets import derive_key
    from pipelines_server.settings import Settings

    env_key = server.env.get("PIPELINES_SECRET_KEY")
    if env_key:
        return derive_key(env_key)
    old = os.environ.get("PIPELINES_DATA_DIR")
    os.environ["PIPELINES_DATA_DIR"] = str(server.data_dir)
    try:
        return derive_key(Settings.from_env().ensure_secret_key())
    finally:
        if old is None:
            os.environ.pop("PIPELINES_DATA_DIR", None)
        else:
            os.environ["PIPELINES_DATA_DIR"] = old
