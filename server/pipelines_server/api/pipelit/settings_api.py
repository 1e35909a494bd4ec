"""Pipelit's settings page (`/settings/`): any user reads the server's configuration (no
secrets) and environment; only admins may PATCH (upstream lets any user; a deliberate
difference, since the configuration is the server's). Thin handlers over
domain/pipelit/settings_view.py."""

from __future__ import annotations

from ...domain.pipelit import settings_view
from ...domain.pipelit.access import require_admin
from ...runtime import current
from ...web.auth import caller_session


def get_settings():
    settings = current().settings
    with caller_session() as (session, me):
        wanted = settings_view.requested(session, me)
    return {
        "config": settings_view.config(settings),
        "environment": settings_view.environment(settings),
        "requested": wanted,
    }, 200


def update_settings(body: dict):
    with caller_session() as (session, me):
        require_admin(me)
        return settings_view.record(session, me, current().settings, body), 200


def recheck_environment():
    return {"environment": settings_view.environment(current().settings, refresh=True)}, 200
