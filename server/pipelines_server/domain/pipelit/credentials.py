"""Pipelit credentials (llm, git, tool, gateway): `detail` as Pipelit shows it, secrets
encrypted at rest and never shown again (masked or omitted).

A row keeps the public part of `detail` in clear and the secret part (llm `api_key`, git
`ssh_private_key`, `access_token` and `webhook_secret`, gateway `token`) as one encrypted
JSON object. An llm credential of provider `openai_compatible` is also a native credential
of the organization (`credential_id`), so this server's llm nodes can call its endpoint.

A normal user sees their own credentials only (anything else is 404 as if missing); an admin
sees all of the organization's. This server has no message gateway: gateway credentials are
kept here, and what would talk to the gateway (activate, deactivate) answers 502."""

from __future__ import annotations

import json

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ...engine.executors.http import Fetched, fetch
from ...engine.secrets import decrypt, encrypt
from ...shared.errors import DomainError, NotFound
from ...shared.principal import Principal
from ...shared.timestamps import utcnow
from ...store.models import Credential, PipelitCredential
from .access import iso, page

TYPES = ("git", "llm", "gateway", "tool")
NOT_FOUND = "Credential not found."
LLM_NOT_FOUND = "LLM credential not found."
GATEWAY_NOT_FOUND = "Gateway credential not found."
NO_GATEWAY = "No message gateway is available on this server (msg-gateway is not supported)."
OPENAI_BASE = "https://api.openai.com/v1"
GLM_BASE = "https://api.z.ai/api/paas/v4"
ANTHROPIC_MODELS = [
    "claude-opus-4-6",
    "claude-sonnet-4-6",
    "claude-sonnet-4-20250514",
    "claude-opus-4-0-20250514",
    "claude-haiku-4-5-20251001",
    "claude-3-5-sonnet-20241022",
]
MINIMAX_MODELS = [
    "MiniMax-M2.5",
    "MiniMax-M2.5-highspeed",
    "MiniMax-M2.1",
    "MiniMax-M2.1-highspeed",
    "MiniMax-M2",
]
PROBE_TIMEOUT = 15.0
MAX_REPLY = 4 * 1024 * 1024

# Per type: (public fields and their defaults, secret fields). The secrets default to "".
FIELDS: dict[str, tuple[dict, tuple[str, ...]]] = {
    "llm": (
        {"provider_type": "openai_compatible", "base_url": "", "organization_id": "",
         "custom_headers": {}},
        ("api_key",),
    ),
    "git": (
        {"provider": "github", "credential_type": "token", "username": ""},
        ("ssh_private_key", "access_token", "webhook_secret"),
    ),
    "tool": ({"tool_type": "api", "config": {}, "is_preferred": False}, ()),
    "gateway": ({"adapter_type": ""}, ("token",)),
}  # fmt: skip


class GatewayUnavailable(DomainError):
    status, code = 502, "bad_gateway"


MASK_FULL_FROM = 16  # a shorter secret shows no more than its last four characters


def mask(value: str | None) -> str:
    """Pipelit's mask, the first and last four characters around `****`, only for a value of
    16 characters or more; below that `****` and the last four (upstream's mask would return
    an 8-character secret whole); `****` alone below eight characters."""
    if not value or len(value) < 8:
        return "****"
    if len(value) < MASK_FULL_FROM:
        return "****" + value[-4:]
    return value[:4] + "****" + value[-4:]


def _secrets(row: PipelitCredential, key: str) -> dict:
    if not row.secret:
        return {}
    try:
        return json.loads(decrypt(row.secret, key))
    except Exception:  # a damaged value or another server key: no secrets to show or use
        return {}


def shown_detail(row: PipelitCredential, key: str) -> dict:
    """`detail` as Pipelit returns it: secrets masked or left out."""
    detail = dict(row.detail or {})
    kind = row.credential_type
    if kind == "gateway":
        return {
            "gateway_credential_id": detail.get("gateway_credential_id", row.name),
            "adapter_type": detail.get("adapter_type", ""),
        }
    if kind == "tool":
        return detail
    secrets = _secrets(row, key)
    if kind == "llm":
        return {
            "provider_type": detail.get("provider_type", "openai_compatible"),
            "api_key": mask(secrets.get("api_key", "")),
            "base_url": detail.get("base_url", ""),
            "organization_id": detail.get("organization_id", ""),
            "custom_headers": detail.get("custom_headers", {}),
        }
    token = secrets.get("access_token", "")
    return {
        "provider": detail.get("provider", "github"),
        "credential_type": detail.get("credential_type", "token"),
        "username": detail.get("username", ""),
        "ssh_private_key": "****" if secrets.get("ssh_private_key") else "",
        "access_token": mask(token) if token else "",
    }


def out(row: PipelitCredential, key: str) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "credential_type": row.credential_type,
        "detail": shown_detail(row, key),
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def visible(principal: Principal) -> Select:
    stmt = select(PipelitCredential).where(PipelitCredential.org_id == principal.org_id)
    if not principal.is_admin:
        stmt = stmt.where(PipelitCredential.user_id == principal.user_id)
    return stmt


def get(session: Session, principal: Principal, credential_id: int, message: str = NOT_FOUND):
    row = session.scalar(visible(principal).where(PipelitCredential.id == credential_id))
    if row is None:
        raise NotFound(message)
    return row


def list_credentials(session: Session, principal: Principal, limit, offset):
    return page(session, visible(principal).order_by(PipelitCredential.id), limit, offset)


def _apply(row: PipelitCredential, given: dict, key: str, creating: bool) -> None:
    """Merges `given` into the row's public detail and secrets (the type's fields only)."""
    public_defaults, secret_fields = FIELDS[row.credential_type]
    detail = dict(public_defaults) if creating else dict(row.detail or {})
    secrets = {f: "" for f in secret_fields} if creating else _secrets(row, key)
    for field in public_defaults:
        if field in given:
            detail[field] = given[field]
    for field in secret_fields:
        if field not in given:
            continue
        value = given[field]
        value = "" if value is None else str(value)
        # A client sending back the masked value it was shown keeps the secret unchanged.
        if not creating and value and value == mask(secrets.get(field, "")) and "****" in value:
            continue
        secrets[field] = value
    if row.credential_type == "gateway" and creating:
        detail["gateway_credential_id"] = row.name
    row.detail = detail
    row.secret = encrypt(json.dumps(secrets), key) if secret_fields else None


def _sync_native(session: Session, row: PipelitCredential, key: str) -> None:
    """The native credential an openai_compatible llm credential is: created, updated, or
    removed when the credential is no longer one."""
    native = session.get(Credential, row.credential_id) if row.credential_id else None
    detail = row.detail or {}
    if row.credential_type != "llm" or detail.get("provider_type") != "openai_compatible":
        if native is not None:
            row.credential_id = None
            session.delete(native)
        return
    api_key = _secrets(row, key).get("api_key", "")
    base_url = (str(detail.get("base_url") or "") or OPENAI_BASE).rstrip("/")
    if native is None:
        native = Credential(
            org_id=row.org_id,
            name=f"pipelit-{row.id}",
            models=[],
            created_by_id=row.user_id,
        )
        session.add(native)
    native.base_url = base_url
    native.secret = encrypt(api_key, key)
    native.last4 = api_key[-4:]
    native.updated_at = utcnow()
    session.flush()
    row.credential_id = native.id


def create(session: Session, principal: Principal, body: dict, key: str) -> PipelitCredential:
    now = utcnow()
    row = PipelitCredential(
        org_id=principal.org_id,
        user_id=principal.user_id,
        name=body["name"],
        credential_type=body["credential_type"],
        created_at=now,
        updated_at=now,
    )
    _apply(row, body.get("detail") or {}, key, creating=True)
    session.add(row)
    session.flush()
    _sync_native(session, row, key)
    return row


def update(session: Session, principal: Principal, credential_id: int, body: dict, key: str):
    row = get(session, principal, credential_id)
    if body.get("name") is not None:
        row.name = body["name"]
    if body.get("detail"):
        _apply(row, body["detail"], key, creating=False)
        _sync_native(session, row, key)
    row.updated_at = utcnow()
    return row


def _remove(session: Session, row: PipelitCredential) -> None:
    native = session.get(Credential, row.credential_id) if row.credential_id else None
    session.delete(row)
    if native is not None:
        session.flush()
        session.delete(native)


def delete(session: Session, principal: Principal, credential_id: int) -> None:
    _remove(session, get(session, principal, credential_id))


def batch_delete(session: Session, principal: Principal, ids: list[int]) -> None:
    if not ids:
        return
    for row in session.scalars(visible(principal).where(PipelitCredential.id.in_(ids))):
        _remove(session, row)


def gateway_action(session: Session, principal: Principal, credential_id: int) -> None:
    """activate / deactivate: a gateway credential of the caller, then 502 (no gateway)."""
    row = session.scalar(visible(principal).where(PipelitCredential.id == credential_id))
    if row is None or row.credential_type != "gateway":
        raise NotFound(GATEWAY_NOT_FOUND)
    raise GatewayUnavailable(NO_GATEWAY)


# -- probing the provider ------------------------------------------------------------------


def _call(method: str, url: str, headers: dict, json_body=None) -> Fetched:
    """One request as http and llm nodes make them (the http executor's `fetch`: through the
    outbound address policy, pinned to the checked addresses, the reply size capped)."""
    return fetch(
        method,
        url,
        headers=headers,
        json_body=json_body,
        timeout=PROBE_TIMEOUT,
        max_bytes=MAX_REPLY,
    )


def _text(reply: Fetched) -> str:
    return reply.raw.decode(reply.charset or "utf-8", errors="replace")


def _llm(session: Session, principal: Principal, credential_id: int, key: str):
    row = session.scalar(visible(principal).where(PipelitCredential.id == credential_id))
    if row is None or row.credential_type != "llm":
        raise NotFound(LLM_NOT_FOUND)
    detail = row.detail or {}
    provider = detail.get("provider_type", "openai_compatible")
    base = str(detail.get("base_url") or "").rstrip("/")
    api_key = _secrets(row, key).get("api_key", "")
    return provider, base, api_key, detail.get("custom_headers") or {}


def _headers(custom: dict, **given: str) -> dict:
    headers = {str(k): str(v) for k, v in custom.items()} if isinstance(custom, dict) else {}
    headers.update(given)
    return headers


def test_target(session: Session, principal: Principal, credential_id: int, key: str):
    """What `test` probes (read in the session; the probe runs after it): None for a
    gateway credential."""
    row = get(session, principal, credential_id)
    if row.credential_type == "gateway":
        return None
    return _llm(session, principal, credential_id, key)


def models_target(session: Session, principal: Principal, credential_id: int, key: str):
    return _llm(session, principal, credential_id, key)


def test(target) -> dict:
    """`{ok, error, detail}` (Pipelit's reply model: `detail` null unless a gateway says
    more): an llm credential's provider answers with its key; a gateway credential has no
    gateway to ask."""
    return {**_test(target), "detail": None}


def _test(target) -> dict:
    if target is None:
        return {"ok": False, "error": NO_GATEWAY}
    provider, base, api_key, custom = target
    try:
        if provider == "anthropic" and (not base or "anthropic.com" in base):
            response = _call(
                "POST",
                "https://api.anthropic.com/v1/messages",
                _headers(custom, **{"x-api-key": api_key, "anthropic-version": "2023-06-01"}),
                {
                    "model": "claude-haiku-4-5-20251001",
                    "max_tokens": 1,
                    "messages": [{"role": "user", "content": "hi"}],
                },
            )
            if response.status >= 400:
                return {"ok": False, "error": _text(response)[:500]}
            return {"ok": True, "error": ""}
        default = GLM_BASE if provider == "glm" else OPENAI_BASE
        response = _call(
            "GET", f"{base or default}/models", _headers(custom, Authorization=f"Bearer {api_key}")
        )
        if response.status in (401, 403):
            return {"ok": False, "error": "Authentication failed - invalid API key"}
        if response.status >= 400:
            return {"ok": False, "error": _text(response)[:500]}
        return {"ok": True, "error": ""}
    except Exception as exc:
        return {"ok": False, "error": str(exc)[:500]}


def models(target) -> list[dict]:
    """`[{id, name}]` of the provider's models, sorted by id; Pipelit's built-in lists (or
    none) when the provider cannot be asked."""
    provider, base, api_key, custom = target
    if provider == "anthropic" and (not base or "anthropic.com" in base):
        url = "https://api.anthropic.com/v1/models?limit=100"
        headers = _headers(custom, **{"x-api-key": api_key, "anthropic-version": "2023-06-01"})
        fallback = ANTHROPIC_MODELS
    else:
        default = GLM_BASE if provider == "glm" else OPENAI_BASE
        url = f"{base or default}/models"
        headers = _headers(custom, Authorization=f"Bearer {api_key}")
        fallback = MINIMAX_MODELS if "minimax" in url.lower() else []
    try:
        response = _call("GET", url, headers)
        if response.status >= 400:
            raise ValueError(f"GET {url} -> {response.status}")
        body = json.loads(response.raw)
        data = body.get("data", []) if isinstance(body, dict) else body
        if not isinstance(data, list):
            data = []
        ids = sorted(
            str(m["id"]) for m in data if isinstance(m, dict) and isinstance(m.get("id"), str)
        )
        return [{"id": i, "name": i} for i in ids]
    except Exception:
        return [{"id": m, "name": m} for m in fallback]
