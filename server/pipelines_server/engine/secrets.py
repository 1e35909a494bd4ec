"""Encryption at rest of organization credentials (Fernet, from `cryptography`).

The Fernet key is derived from the server's secret (PIPELINES_SECRET_KEY, any long random
string) with HKDF-SHA256, so operators never handle a base64 key of a particular length, and
the same secret always yields the same key. Fernet authenticates what it decrypts: a wrong
key or a damaged value is an error, never garbage.
"""

from __future__ import annotations

import base64
import secrets as _secrets

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Changing either constant makes every stored credential undecryptable.
_SALT = b"pipelines-credentials"
_INFO = b"fernet-v1"


class SecretsError(ValueError):
    """Base of the errors below."""


class DecryptionError(SecretsError):
    """The value cannot be decrypted with this key (a wrong key or a damaged value)."""


class InvalidKeyError(SecretsError):
    """The key is not a Fernet key (urlsafe base64 of 32 bytes)."""


def derive_key(secret: str) -> str:
    """A Fernet key (urlsafe base64 of 32 bytes) derived from any non-empty secret string."""
    if not secret:
        raise ValueError("the server secret is empty")
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO).derive(
        secret.encode("utf-8")
    )
    return base64.urlsafe_b64encode(raw).decode("ascii")


def generate_secret() -> str:
    """A fresh server secret: 256 random bits as 64 hex characters."""
    return _secrets.token_hex(32)


def encrypt(plaintext: str, key: str) -> str:
    """A Fernet token (ASCII) of `plaintext`; a different token on every call."""
    return _fernet(key).encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str, key: str) -> str:
    """The plaintext of a token made by `encrypt` with the same key; DecryptionError else."""
    fernet = _fernet(key)
    try:
        return fernet.decrypt(token.encode("utf-8")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError("cannot decrypt the credential: wrong key or damaged value") from exc


def _fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode("ascii") if isinstance(key, str) else key)
    except (ValueError, TypeError, UnicodeError) as exc:  # not urlsafe base64 of 32 bytes
        raise InvalidKeyError("not a Fernet key (use derive_key() on the server secret)") from exc
