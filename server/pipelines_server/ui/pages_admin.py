"""Organization administration (org admins only): API keys, users and their roles and
passwords, credentials. Each action calls the domain function the native API's handler calls
(api/native/api_keys.py, users.py, credentials.py), as the signed-in admin.

A new API key's secret is on the page that answers the creation, once: it is not stored, and
the keys list shows only its last four characters. A credential's secret is never shown (the
list shows its last four, as the API does)."""

from __future__ import annotations

from flask import redirect, request, url_for

from ..domain import credentials, keys, orgs, web_sessions
from ..runtime import current
from ..shared.errors import DomainError
from ..shared.principal import ROLES
from ..store.models import utcnow
from . import paged
from .core import admin_only, bp, db, field_errors, nav, render, viewer

nav("ui.admin_keys", "Admin", admin=True, order=90)

PAGE_SIZE = 25
EXPIRY_CHOICES = (("", "Never"), *((str(d), f"In {d} days") for d in keys.EXPIRY_DAYS))
ROLE_LABELS = {"org_admin": "Admin", "member": "Member"}


def _org() -> int:
    return viewer().principal.org_id


# What a change says once back on its list: fixed texts by code (a query string never puts
# words of its own on the page).
NOTICES = {
    "key-revoked": "The API key was revoked.",
    "sessions-ended": "Every other browser was signed out.",
    "user-created": "The user was created.",
    "role-changed": "The role was changed.",
    "password-set": "The password was set.",
    "user-removed": "The user was removed.",
    "credential-created": "The credential was created.",
    "credential-deleted": "The credential was deleted.",
}


def _done(endpoint: str, notice: str):
    """After a change: back to the list (303, so a reload does not post again)."""
    return redirect(url_for(endpoint, done=notice), code=303)


def _notice() -> str | None:
    return NOTICES.get(request.args.get("done", ""))


def _key_status(k) -> str:
    if k.revoked_at is not None:
        return "revoked"
    if k.expires_at is not None and k.expires_at <= utcnow():
        return "expired"
    return "active"


# -- API keys --------------------------------------------------------------------------------


def _keys_page(status: int = 200, **extra):
    me = viewer().principal
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        # The web sessions' own keys are not listed (one per password sign-in): a line counts
        # the signed-in browsers instead, with a button that signs them all out.
        total = keys.count_keys(session, me, _org(), hide_session_keys=True)
        rows = keys.list_keys(session, me, _org(), page.offset, page.size, hide_session_keys=True)
        browsers = web_sessions.count_org_sessions(session, me, _org())
        owners = keys.creator_names(session, rows)
        items = [
            {
                "id": k.id,
                "name": k.name,
                "last4": k.last4,
                "status": _key_status(k),
                "created_at": k.created_at,
                "last_used_at": k.last_used_at,
                "expires_at": k.expires_at,
                "revoked_at": k.revoked_at,
                "creator": (
                    owners[k.created_by_id].name or owners[k.created_by_id].email
                    if k.created_by_id in owners
                    else None
                ),
            }
            for k in rows
        ]
    return render(
        "admin/keys.html",
        status=status,
        keys=items,
        browsers=browsers,
        paged=page.with_total(total),
        expiry_choices=EXPIRY_CHOICES,
        notice=_notice(),
        **extra,
    )


@bp.get("/admin/keys")
@admin_only
def admin_keys():
    return _keys_page()


@bp.post("/admin/keys")
@admin_only
def admin_key_create():
    name = request.form.get("name", "")
    days = request.form.get("expires_in_days", "")
    try:
        expires = int(days) if days else None
    except ValueError:
        expires = -1  # refused by the domain with its own message
    try:
        with db() as session:
            key, raw = keys.create_key(session, viewer().principal, _org(), name, expires)
            created = {"name": key.name, "secret": raw}
    except DomainError as exc:
        return _keys_page(status=exc.status, errors=field_errors(exc), form=request.form)
    # The secret is in this answer only (never stored, never shown again).
    return _keys_page(status=201, created=created)


@bp.post("/admin/keys/<id64:key_id>/revoke")
@admin_only
def admin_key_revoke(key_id: int):
    with db() as session:
        keys.revoke(session, viewer().principal, _org(), key_id)
    return _done("ui.admin_keys", "key-revoked")


@bp.post("/admin/sessions/end")
@admin_only
def admin_sessions_end():
    """Signs every other browser of the organization out (the admin's own stays)."""
    with db() as session:
        web_sessions.end_org_sessions(
            session, viewer().principal, _org(), keep_session_id=viewer().session_id
        )
    return _done("ui.admin_keys", "sessions-ended")


# -- users -----------------------------------------------------------------------------------


def _users_page(status: int = 200, **extra):
    me = viewer().principal
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        rows, total = orgs.list_users(session, me, _org(), page.offset, page.size)
        items = [
            {
                "id": u.id,
                "email": u.email,
                "name": u.name,
                "username": u.username,
                "role": u.role,
                "has_password": u.password_hash is not None,
                "mfa": bool(u.mfa_enabled),
                "created_at": u.created_at,
                "is_me": u.id == me.user_id,
            }
            for u in rows
        ]
    return render(
        "admin/users.html",
        status=status,
        users=items,
        paged=page.with_total(total),
        roles=[(r, ROLE_LABELS.get(r, r)) for r in ROLES],
        role_labels=ROLE_LABELS,
        notice=_notice(),
        min_password=web_sessions.MIN_PASSWORD,
        **extra,
    )


@bp.get("/admin/users")
@admin_only
def admin_users():
    return _users_page()


@bp.post("/admin/users")
@admin_only
def admin_user_create():
    form = request.form
    try:
        with db() as session:
            orgs.create_user(
                session,
                viewer().principal,
                _org(),
                form.get("email", ""),
                form.get("name", ""),
                form.get("role", ""),
            )
    except DomainError as exc:
        return _users_page(status=exc.status, errors=field_errors(exc), form=form)
    return _done("ui.admin_users", "user-created")


@bp.post("/admin/users/<id64:user_id>/role")
@admin_only
def admin_user_role(user_id: int):
    with db() as session:
        orgs.update_user(
            session, viewer().principal, _org(), user_id, None, request.form.get("role", "")
        )
    return _done("ui.admin_users", "role-changed")


@bp.post("/admin/users/<id64:user_id>/password")
@admin_only
def admin_user_password(user_id: int):
    with db() as session:
        web_sessions.set_password(
            session, viewer().principal, user_id, request.form.get("password", "")
        )
    return _done("ui.admin_users", "password-set")


@bp.post("/admin/users/<id64:user_id>/remove")
@admin_only
def admin_user_remove(user_id: int):
    with db() as session:
        orgs.remove_user(session, viewer().principal, _org(), user_id)
    return _done("ui.admin_users", "user-removed")


# -- credentials -----------------------------------------------------------------------------


def _models(text: str) -> list[str]:
    """Model slugs typed one a line or separated by commas."""
    return [s.strip() for line in text.splitlines() for s in line.split(",") if s.strip()]


def _credentials_page(status: int = 200, **extra):
    me = viewer().principal
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        rows, total = credentials.list_credentials(session, me, _org(), page.offset, page.size)
        items = [
            {
                "id": c.id,
                "name": c.name,
                "base_url": c.base_url,
                "last4": c.last4,
                "models": list(c.models or []),
                "created_at": c.created_at,
                "updated_at": c.updated_at,
            }
            for c in rows
        ]
    return render(
        "admin/credentials.html",
        status=status,
        credentials=items,
        paged=page.with_total(total),
        notice=_notice(),
        **extra,
    )


@bp.get("/admin/credentials")
@admin_only
def admin_credentials():
    return _credentials_page()


@bp.post("/admin/credentials")
@admin_only
def admin_credential_create():
    form = request.form
    try:
        with db() as session:
            credentials.create_credential(
                session,
                viewer().principal,
                _org(),
                form.get("name", "").strip(),
                form.get("base_url", "").strip(),
                form.get("api_key", ""),
                current().credential_key,
                _models(form.get("models", "")),
            )
    except DomainError as exc:
        # The secret typed is not sent back into the form.
        kept = {k: v for k, v in form.items() if k != "api_key"}
        return _credentials_page(status=exc.status, errors=field_errors(exc), form=kept)
    return _done("ui.admin_credentials", "credential-created")


@bp.post("/admin/credentials/<id64:credential_id>/delete")
@admin_only
def admin_credential_delete(credential_id: int):
    with db() as session:
        credentials.delete_credential(session, viewer().principal, _org(), credential_id)
    return _done("ui.admin_credentials", "credential-deleted")
