"""Gateway inbound (POST /inbound): authenticated by the gateway token
(PIPELINES_PIPELIT_GATEWAY_TOKEN), not by a key; it serves PIPELINES_PIPELIT_ORG."""

from __future__ import annotations

import hmac

from connexion import request

from ...domain.pipelit import access, inbound
from ...runtime import current


def receive_inbound(body: dict):
    settings = current().settings
    expected = settings.pipelit_gateway_token
    if not expected:
        return {"detail": "Gateway token not configured"}, 500
    header = request.headers.get("authorization") or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), expected.encode()
    ):
        return {"detail": "Invalid gateway token"}, 401
    with current().db.session() as session:
        org_id = access.organization_id(session, settings.pipelit_org)
        return inbound.receive(session, org_id, body)
