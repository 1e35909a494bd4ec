"""The models an organization can use: the model slugs configured on its OpenAI-compatible
credentials (`models` of a credential). llm nodes may name a `model_slug` instead of a
credential and a model; it resolves to the first credential (by name) that serves it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..shared.errors import Forbidden, NotFound
from ..shared.principal import Principal
from ..store.models import Credential

PROVIDER = "openai_compatible"


def list_models(session: Session, principal: Principal, org_id: int) -> list[dict]:
    """Every (slug, credential) pair of the organization, by slug then credential name.
    Any member may list them (the keys are never shown); another organization is 404."""
    if principal.org_id != org_id:
        raise NotFound("Organization not found")
    rows = session.scalars(
        select(Credential).where(Credential.org_id == org_id).order_by(Credential.name)
    )
    out = []
    for cred in rows:
        for slug in cred.models or []:
            out.append(
                {
                    "slug": slug,
                    "name": slug,
                    "model": slug,
                    "provider": PROVIDER,
                    "credential": cred.name,
                    "credential_id": cred.id,
                }
            )
    out.sort(key=lambda m: (m["slug"], m["credential"]))
    return out


def model_for(session: Session, org_id: int, slug: str) -> tuple[str, str]:
    """(credential name, model) serving `slug` in the organization; Forbidden if none."""
    if isinstance(slug, str) and slug:
        rows = session.execute(
            select(Credential.name, Credential.models)
            .where(Credential.org_id == org_id)
            .order_by(Credential.name)
        ).all()
        for name, slugs in rows:
            if slug in (slugs or []):
                return name, slug
    raise Forbidden(
        f"Model {slug!r} is not available to this organization: no credential serves it "
        "(add it to a credential's models)"
    )


def require_model(session: Session, principal: Principal, slug: str) -> tuple[str, str]:
    """(credential name, model) for a model slug the caller's organization can use;
    Forbidden otherwise."""
    return model_for(session, principal.org_id, slug)
