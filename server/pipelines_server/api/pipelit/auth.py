"""Authentication of the Pipelit surface: the server's API keys, as `Authorization: Bearer`,
refused with Pipelit's words (the native lookup's own messages are mapped here)."""

from __future__ import annotations

from ...domain import keys
from ...shared.errors import Unauthorized
from ...web import auth

INVALID_KEY = "Invalid or missing API key."
REVOKED = "API key has been revoked."
EXPIRED = "API key has expired."
USER_NOT_FOUND = "User not found."

_MESSAGES = {keys.REVOKED: REVOKED, keys.EXPIRED: EXPIRED}


async def bearer_info(token: str, request) -> dict:
    try:
        info = await auth.authenticate(token, request)
    except Unauthorized as exc:
        raise Unauthorized(_MESSAGES.get(exc.message, INVALID_KEY)) from None
    if info["principal"].user_id is None:  # its owner was removed (a deleted Pipelit user)
        raise Unauthorized(USER_NOT_FOUND)
    return info
