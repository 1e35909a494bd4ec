"""Gateway inbound (POST /inbound): authenticated by the gateway token
(PIPELINES_PIPELIT_GATEWAY_TOKEN), not by a key; it serves PIPELINES_PIPELIT_ORG. A thin
handler over domain/pipelit/inbound.py."""

from __future__ import annotations

from connexion import request

from ...domain.pipelit import access, inbound
from ...runtime import current


def receive_inbound(body: dict):
    settings = current().settings
    authorization = request.headers.get("authorization") or ""
    refused = inbound.gateway_refusal(settings.pipelit_gateway_token, authorization)
    if refused is not None:
        return refused
    with current().db.session() as session:
        org_id = access.organization_id(session, settings.pipelit_org)
        return inbound.receive(session, org_id, body)
