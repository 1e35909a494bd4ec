"""Authentication of the Pipelit surface: the server's API keys, as `Authorization: Bearer`."""

from __future__ import annotations

from ...web import auth


async def bearer_info(token: str, request) -> dict:
    return await auth.authenticate(token, request)
