"""Sign in (password, then TOTP when the user turned it on; or a pasted API key), sign out,
the home page (a summary of one's work, running tasks and KFP runs: ui/dashboard.py). Failed
sign-ins count toward the address's failed-authentication limit (`ui/limits.py`, in front of
these views)."""

from __future__ import annotations

from flask import redirect, request, url_for

from ..domain import mfa, web_sessions
from ..runtime import current
from ..shared.errors import Unauthorized
from . import dashboard
from .core import (
    COOKIE,
    PENDING_COOKIE,
    bp,
    db,
    render,
    safe_next,
    session_ttl,
    set_cookie,
    signed_in,
    viewer,
)


def _signed_in_reply(token: str, target: str):
    resp = redirect(safe_next(target), code=303)
    set_cookie(resp, COOKIE, token, int(session_ttl().total_seconds()))
    resp.delete_cookie(PENDING_COOKIE, path="/")
    return resp


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    target = request.values.get("next", "")
    if request.method == "GET":
        if viewer() is not None:
            return redirect(safe_next(target))
        return render("sign_in.html", next=target)
    method = request.form.get("method", "password")
    try:
        with db() as session:
            if method == "key":
                token = web_sessions.sign_in_key(
                    session, request.form.get("api_key", ""), session_ttl()
                )
                mfa_due = False
            else:
                token, mfa_due = web_sessions.sign_in_password(
                    session,
                    request.form.get("username", ""),
                    request.form.get("password", ""),
                    session_ttl(),
                )
    except Unauthorized as exc:
        return render(
            "sign_in.html",
            status=401,
            next=target,
            error=exc.message,
            username=request.form.get("username", ""),
            method=method,
        )
    if mfa_due:
        resp = redirect(url_for("ui.sign_in_code", next=target), code=303)
        set_cookie(resp, PENDING_COOKIE, token, int(web_sessions.MFA_WINDOW.total_seconds()))
        return resp
    return _signed_in_reply(token, target)


@bp.route("/sign-in/code", methods=["GET", "POST"])
def sign_in_code():
    target = request.values.get("next", "")
    pending = request.cookies.get(PENDING_COOKIE)
    if not pending:
        return redirect(url_for("ui.sign_in", next=target))
    if request.method == "GET":
        return render("sign_in_code.html", next=target)
    rt = current()
    try:
        with db() as session:
            token = web_sessions.sign_in_code(
                session,
                pending,
                request.form.get("code", ""),
                rt.credential_key,
                mfa.guard(rt.settings.redis_url),
                session_ttl(),
            )
    except Unauthorized as exc:
        if exc.message == web_sessions.MFA_EXPIRED:
            resp = redirect(url_for("ui.sign_in", next=target), code=303)
            resp.delete_cookie(PENDING_COOKIE, path="/")
            return resp
        return render("sign_in_code.html", status=401, next=target, error=exc.message)
    return _signed_in_reply(token, target)


@bp.post("/sign-out")
def sign_out():
    """Always clears the cookies and goes to the sign-in page (a session that already ended
    included: the CSRF check lets a form without a live session through here)."""
    with db() as session:
        web_sessions.sign_out(session, request.cookies.get(COOKIE))
    resp = redirect(url_for("ui.sign_in"), code=303)
    resp.delete_cookie(COOKIE, path="/")
    resp.delete_cookie(PENDING_COOKIE, path="/")
    return resp


@bp.get("/")
@signed_in
def home():
    with db() as session:
        summary = dashboard.summary(session, viewer().principal)
    return render(
        "home.html",
        s=summary,
        running_status=dashboard.RUNNING,
        workflows_counted=dashboard.WORKFLOWS,
    )
