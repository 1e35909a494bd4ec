"""Passwords: argon2id hashes (argon2-cffi's defaults), for every sign-in by name and password
(the Pipelit surface, later the web UI)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
# Verified when the user is missing or has no password, so that a wrong name costs as long
# as a wrong password (no user enumeration by timing). Hashed once, written here: hashing it at
# import was a sixth of a second of every start; made again when the hasher's parameters
# differ from its own (an argon2-cffi upgrade), so that it still costs what a real hash does.
_DUMMY = (
    "$argon2id$v=19$m=65536,t=3,p=4$/KSYUIRmKjQCAq5/L2SIJA$"
    "tktjMMvovk68mtzXRBZU8ZU+F1rUmUu3ve0KE/se6PM"
)
if _HASHER.check_needs_rehash(_DUMMY):
    _DUMMY = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return False
