"""The signed-in person's own account: their password, and TOTP (turned on by adding the
secret to an authenticator app — shown as text and as an otpauth:// URI — and confirming with
a code; turned off with a code). The rules are the domain's (`web_sessions.set_password`,
`user_mfa`), shared with the Pipelit surface's /mfa routes.

Also the CLI's device login page, /cli-login (the `verification_url` the CLI prints): the
person signs in, types the code their terminal shows (or follows a link with ?code=), sees the
request's machine and client, and approves or denies it (`domain/cli_login.py`)."""

from __future__ import annotations

from flask import redirect, request, url_for

from ..domain import cli_login, mfa, user_mfa, web_sessions
from ..runtime import current
from ..shared.errors import BadRequest, DomainError
from .core import bp, db, field_errors, nav, render, root_bp, signed_in, viewer

nav("ui.account", "Account", order=95)

ISSUER = "Pipelines"
NOTICES = {
    "password-set": "Your password was changed.",
    "totp-on": "Two-step sign-in is on: from now on, signing in with your password asks for a "
    "code of your authenticator app.",
    "totp-off": "Two-step sign-in is off.",
}


def _page(status: int = 200, **extra):
    me = viewer()
    with db() as session:
        user = user_mfa.caller(session, me.principal)
        facts = {
            "name": user.name,
            "email": user.email,
            "username": user.username,
            "role": user.role,
            "has_password": user.password_hash is not None,
            "mfa": bool(user.mfa_enabled),
        }
    return render(
        "account/account.html",
        status=status,
        me=facts,
        notice=NOTICES.get(request.args.get("done", "")),
        min_password=web_sessions.MIN_PASSWORD,
        **extra,
    )


def _done(code: str):
    return redirect(url_for("ui.account", done=code), code=303)


def _guard() -> mfa.Guard:
    return mfa.guard(current().settings.redis_url)


@bp.get("/account")
@signed_in
def account():
    return _page()


@bp.post("/account/password")
@signed_in
def account_password():
    password = request.form.get("password", "")
    try:
        if password != request.form.get("confirm", ""):
            raise BadRequest("The two passwords are not the same")
        with db() as session:
            web_sessions.set_password(
                session,
                viewer().principal,
                viewer().user_id,
                password,
                current_password=request.form.get("current", ""),
                keep_session_id=viewer().session_id,
            )
    except DomainError as exc:
        return _page(status=exc.status, password_errors=field_errors(exc))
    return _done("password-set")


@bp.post("/account/totp/setup")
@signed_in
def account_totp_setup():
    """Takes the current password (a session left open is not enough to add a second factor
    of someone else's; a wrong one is a failed authentication: ui/limits.py)."""
    try:
        with db() as session:
            user = user_mfa.caller(session, viewer().principal)
            web_sessions.check_current_password(user, request.form.get("current", ""))
            setup = user_mfa.setup(user, current().credential_key, ISSUER)
    except DomainError as exc:
        return _page(status=exc.status, totp_errors=field_errors(exc))
    return _page(setup=setup)


@bp.post("/account/totp/confirm")
@signed_in
def account_totp_confirm():
    key = current().credential_key
    try:
        with db() as session:
            user = user_mfa.caller(session, viewer().principal)
            user_mfa.verify(
                user,
                request.form.get("code", "").strip(),
                key,
                _guard(),
                keep_session_id=viewer().session_id,
            )
    except DomainError as exc:
        with db() as session:  # the same secret again, to retry with another code
            setup = user_mfa.pending(user_mfa.caller(session, viewer().principal), key, ISSUER)
        return _page(status=exc.status, setup=setup, totp_errors=field_errors(exc))
    return _done("totp-on")


@bp.post("/account/totp/disable")
@signed_in
def account_totp_disable():
    try:
        with db() as session:
            user = user_mfa.caller(session, viewer().principal)
            user_mfa.disable(
                user, request.form.get("code", "").strip(), current().credential_key, _guard()
            )
    except DomainError as exc:
        return _page(status=exc.status, totp_errors=field_errors(exc))
    return _done("totp-off")


# -- the CLI's device login ------------------------------------------------------------------


def _cli_page(code: str, status: int = 200, **extra):
    return render("account/cli_login.html", status=status, code=code, **extra)


@root_bp.get("/cli-login")
@signed_in
def cli_login_page():
    code = (request.args.get("code") or request.args.get("user_code") or "").strip()
    if not code:
        return _cli_page("")
    try:
        with db() as session:
            found = cli_login.get_request(session, viewer().principal, code)
    except DomainError as exc:
        return _cli_page(code, status=exc.status, error=exc.message)
    return _cli_page(found["user_code"], request_=found)


def _decide(approve: bool):
    code = request.form.get("user_code", "").strip()
    try:
        with db() as session:
            decided = cli_login.decide(session, viewer().principal, code, approve)
    except DomainError as exc:
        found = None
        try:
            with db() as session:
                found = cli_login.get_request(session, viewer().principal, code)
        except DomainError:
            pass
        return _cli_page(code, status=exc.status, error=exc.message, request_=found)
    return _cli_page(decided["user_code"], request_=decided, decided=True)


@root_bp.post("/cli-login/approve")
@signed_in
def cli_login_approve():
    return _decide(True)


@root_bp.post("/cli-login/deny")
@signed_in
def cli_login_deny():
    return _decide(False)
