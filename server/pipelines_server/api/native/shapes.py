"""Reply shapes of the native API."""

from __future__ import annotations

from datetime import datetime

from ...shared.timestamps import ts
from ...store.models import ApiKey, Credential, Organization, Project, User, Workflow, utcnow


def jsonable(value):
    """Datetimes inside a domain reply, as the API writes them."""
    if isinstance(value, datetime):
        return ts(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def page(items: list, total: int, page_no: int, page_size: int) -> dict:
    return {
        "items": items,
        "total": total,
        "page": page_no,
        "page_size": page_size,
        "has_more": page_no * page_size < total,
    }


def offset(page_no: int, page_size: int) -> int:
    return (page_no - 1) * page_size


def organization(org: Organization) -> dict:
    return {"id": org.id, "name": org.name, "created_at": ts(org.created_at)}


def user(u: User) -> dict:
    return {
        "id": u.id,
        "org_id": u.org_id,
        "email": u.email,
        "name": u.name,
        "role": u.role,
        "created_at": ts(u.created_at),
    }


def api_key(k: ApiKey, owners: dict[int, User]) -> dict:
    owner = owners.get(k.created_by_id) if k.created_by_id else None
    if k.revoked_at is not None:
        status = "revoked"
    elif k.expires_at is not None and k.expires_at <= utcnow():
        status = "expired"
    else:
        status = "active"
    return {
        "id": k.id,
        "name": k.name,
        "last4": k.last4,
        "status": status,
        "created_at": ts(k.created_at),
        "expires_at": ts(k.expires_at),
        "revoked_at": ts(k.revoked_at),
        "last_used_at": ts(k.last_used_at),
        "created_by": (
            {"id": owner.id, "name": owner.name, "email": owner.email} if owner else None
        ),
    }


def project(p: Project) -> dict:
    return {
        "id": p.id,
        "org_id": p.org_id,
        "name": p.name,
        "description": p.description,
        "archived": p.archived_at is not None,
        "created_at": ts(p.created_at),
        "updated_at": ts(p.updated_at),
    }


def workflow(w: Workflow) -> dict:
    return {
        "id": w.id,
        "project_id": w.project_id,
        "org_id": w.org_id,
        "name": w.name,
        "description": w.description,
        "status": w.status,
        "version": w.version,
        "fields": w.fields,
        "graph": w.graph,
        "activate_at": ts(w.activate_at),
        "created_at": ts(w.created_at),
        "updated_at": ts(w.updated_at),
    }


def credential(c: Credential) -> dict:
    """A credential without its key: only the key's last four characters are ever shown."""
    return {
        "id": c.id,
        "org_id": c.org_id,
        "name": c.name,
        "base_url": c.base_url,
        "last4": c.last4,
        "models": list(c.models or []),
        "created_by_id": c.created_by_id,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.updated_at),
    }
