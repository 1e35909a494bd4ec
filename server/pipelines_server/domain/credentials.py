"""Organization credentials (base URL + API key of an OpenAI-compatible endpoint).

The key is shown only when it is sent; it is stored encrypted with the server's key
(Fernet, derived from PIPELINES_SECRET_KEY) and only its last four characters are listed.
Only organization admins manage credentials; nodes use them by name.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..engine.secrets import encrypt
from ..shared.errors import BadRequest, Conflict
from ..shared.principal import Principal, require_admin
from ..store.models import Credential, utcnow
from . import text_fields
from .admin_rows import admin_row

NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")


BASE_URL_MAX, API_KEY_MAX = 2000, 4000  # as openapi/pipelines.yaml's CredentialCreate


def _check_text(base_url: str | None, api_key: str | None) -> None:
    text_fields.check(("base_url", base_url, BASE_URL_MAX), ("api_key", api_key, API_KEY_MAX))


def _check(name: str, base_url: str) -> None:
    if not NAME_RE.fullmatch(name or ""):
        raise BadRequest("Credential name: 1 to 100 letters, digits, '_', '.' or '-'")
    parts = urlsplit(base_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequest("base_url must be an absolute http(s) URL")


MAX_MODELS = 200
MAX_SLUG = 200


def _models(models: list | None) -> list[str] | None:
    """The model slugs a credential serves: distinct non-empty strings, order kept."""
    if models is None:
        return None
    if not isinstance(models, list) or len(models) > MAX_MODELS:
        raise BadRequest(f"models: a list of at most {MAX_MODELS} model slugs")
    out: list[str] = []
    for slug in models:
        if not isinstance(slug, str) or not slug.strip() or len(slug) > MAX_SLUG or "\x00" in slug:
            raise BadRequest(f"models: each slug is 1 to {MAX_SLUG} characters")
        if slug not in out:
            out.append(slug)
    return out


def list_credentials(
    session: Session, principal: Principal, org_id: int, offset: int, limit: int
) -> tuple[list[Credential], int]:
    require_admin(principal, org_id, "credentials")
    where = Credential.org_id == org_id
    total = session.scalar(select(func.count()).select_from(Credential).where(where))
    rows = session.scalars(
        select(Credential).where(where).order_by(Credential.name).offset(offset).limit(limit)
    )
    return list(rows), total


def create_credential(
    session: Session,
    principal: Principal,
    org_id: int,
    name: str,
    base_url: str,
    api_key: str,
    fernet_key: str,
    models: list | None = None,
) -> Credential:
    require_admin(principal, org_id, "credentials")
    _check_text(base_url, api_key)
    _check(name, base_url)
    slugs = _models(models) or []
    if not api_key:
        raise BadRequest("api_key is required")
    exists = session.scalar(
        select(func.count())
        .select_from(Credential)
        .where(Credential.org_id == org_id, Credential.name == name)
    )
    if exists:
        raise Conflict(f"A credential named {name!r} already exists")
    cred = Credential(
        org_id=org_id,
        name=name,
        base_url=base_url.rstrip("/"),
        secret=encrypt(api_key, fernet_key),
        last4=api_key[-4:],
        models=slugs,
        created_by_id=principal.user_id,
    )
    session.add(cred)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent create of the same name
        raise Conflict(f"A credential named {name!r} already exists") from exc
    return cred


def _get(session: Session, principal: Principal, org_id: int, credential_id: int) -> Credential:
    return admin_row(
        session, principal, org_id, Credential, credential_id, ("credentials", "Credential")
    )


def update_credential(
    session: Session,
    principal: Principal,
    org_id: int,
    credential_id: int,
    base_url: str | None,
    api_key: str | None,
    fernet_key: str,
    models: list | None = None,
) -> Credential:
    cred = _get(session, principal, org_id, credential_id)
    _check_text(base_url, api_key)
    slugs = _models(models)
    if slugs is not None:
        cred.models = slugs
    if base_url is not None:
        _check(cred.name, base_url)
        cred.base_url = base_url.rstrip("/")
    if api_key:
        cred.secret, cred.last4 = encrypt(api_key, fernet_key), api_key[-4:]
    cred.updated_at = utcnow()
    return cred


def delete_credential(
    session: Session, principal: Principal, org_id: int, credential_id: int
) -> None:
    session.delete(_get(session, principal, org_id, credential_id))
