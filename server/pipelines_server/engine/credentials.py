"""Organization credentials as executors see them: looked up by name, decrypted per use."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from ..store.db import Database
from ..store.models import Credential as CredentialRow
from .executors.base import Credential, NodeFailed

CredentialLookup = Callable[[int, str], Credential]
_C = CredentialRow.__table__


class CredentialStore:
    """Reads a credential of an organization and decrypts its key with the server's key."""

    def __init__(self, db: Database, fernet_key: str):
        self.db = db
        self.fernet_key = fernet_key

    def __call__(self, org_id: int, name: str) -> Credential:
        from .secrets import decrypt

        with self.db.engine.connect() as conn:
            row = conn.execute(
                select(_C.c.name, _C.c.base_url, _C.c.secret).where(
                    _C.c.org_id == org_id, _C.c.name == name
                )
            ).first()
        if row is None:
            raise NodeFailed(f"credential {name!r} does not exist in this organization")
        try:
            api_key = decrypt(row.secret, self.fernet_key)
        except Exception as exc:
            raise NodeFailed(
                f"credential {name!r} cannot be decrypted with this server's key "
                "(was PIPELINES_SECRET_KEY changed?)"
            ) from exc
        return Credential(name=row.name, base_url=row.base_url, api_key=api_key)
