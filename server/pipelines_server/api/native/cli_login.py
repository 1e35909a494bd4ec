"""The `cli_login` tag: the device-style login of the `pipelines` CLI (start and poll need no
key; looking a request up, approving and denying it are a signed-in user's calls)."""

from connexion import request

from ...domain import cli_login
from ...runtime import current
from ...shared.timestamps import ts
from ...web.auth import caller_session, client_ip
from ...web.public_url import base_url

# The web UI's page where a signed-in person types the user code and approves the request.
VERIFICATION_PATH = "/cli-login"


def _policy() -> cli_login.Policy:
    s = current().settings
    return cli_login.Policy(
        s.cli_login_ttl_seconds, s.cli_login_interval_seconds, s.cli_login_starts_per_minute
    )


def _shape(view: dict) -> dict:
    return {
        k: ts(v) if k in ("created_at", "expires_at", "decided_at") else v for k, v in view.items()
    }


def start_cli_login(body: dict):
    policy = _policy()
    with current().db.session() as session:
        row, device_code = cli_login.start(
            session,
            body.get("hostname"),
            body.get("client_name"),
            client_ip(request.scope),
            policy,
        )
        reply = {
            "session_id": row.id,
            "device_code": device_code,
            "user_code": cli_login.format_user_code(row.user_code),
            "verification_url": base_url() + VERIFICATION_PATH,
            "expires_in": policy.ttl_seconds,
            "interval": policy.interval_seconds,
            "expires_at": ts(row.expires_at),
        }
    return reply, 201


def poll_cli_login(session_id: str):
    device_code = request.headers.get("x-device-code")
    with current().db.session() as session:
        reply = cli_login.poll(session, session_id, device_code, _policy())
    return reply, 200


def get_cli_login_request(user_code: str):
    with caller_session() as (session, me):
        return _shape(cli_login.get_request(session, me, user_code)), 200


def approve_cli_login(body: dict):
    with caller_session() as (session, me):
        return _shape(cli_login.decide(session, me, body.get("user_code"), True)), 200


def deny_cli_login(body: dict):
    with caller_session() as (session, me):
        return _shape(cli_login.decide(session, me, body.get("user_code"), False)), 200
