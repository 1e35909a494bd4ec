from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from pipelines_server.engine.secrets import (
    DecryptionError,
    InvalidKeyError,
    SecretsError,
    decrypt,
    derive_key,
    encrypt,
    generate_secret,
)


def test_round_trip():
    key = derive_key(generate_secret())
    token = encrypt("sk-live-ünïcode-key", key)
    assert "sk-live" not in token
    assert decrypt(token, key) == "sk-live-ünïcode-key"
    assert encrypt("same", key) != encrypt("same", key)  # random IV every time


def test_derived_key_is_a_stable_fernet_key():
    assert derive_key("any operator string") == derive_key("any operator string")
    assert derive_key("any operator string") != derive_key("another string")
    Fernet(derive_key("x").encode())  # a valid Fernet key


def test_generated_secrets_are_long_and_fresh():
    a, b = generate_secret(), generate_secret()
    assert a != b and len(a) >= 64


def test_wrong_key_fails_clearly():
    token = encrypt("secret", derive_key("one"))
    with pytest.raises(DecryptionError, match="wrong key"):
        decrypt(token, derive_key("two"))


def test_damaged_token_fails_clearly():
    key = derive_key("one")
    token = encrypt("secret", key)
    damaged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(DecryptionError):
        decrypt(damaged, key)
    with pytest.raises(DecryptionError):
        decrypt("not a token", key)


def test_a_key_that_is_not_a_fernet_key_fails_clearly():
    with pytest.raises(InvalidKeyError, match="derive_key"):
        encrypt("x", "the raw server secret")
    with pytest.raises(SecretsError):
        decrypt("x", "short")


def test_empty_secret_is_refused():
    with pytest.raises(ValueError):
        derive_key("")
