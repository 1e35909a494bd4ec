"""What every page of the web UI shares: the blueprint, who is signed in, CSRF, the database
session, rendering, errors as pages.

A page is a Flask view on `bp` that reads its input, calls the domain (the same functions the
API handlers call, with the viewer's `Principal`), and renders a Jinja template:

    @bp.get("/things")
    @signed_in
    def things():
        with db() as session:
            rows = things_domain.list(session, viewer().principal)
        return render("things.html", rows=rows)

Forms POST with the session's CSRF token (`{{ csrf_field() }}` in a template; htmx requests
send it as the X-CSRF-Token header, set once in base.html). A POST without the right token
is refused with 403 before the view runs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup
from sqlalchemy.orm import Session

from ..domain import web_sessions
from ..domain.web_sessions import SignedIn
from ..runtime import current
from ..shared.errors import DomainError
from ..web import session_cookie
from ..web.errors import to_http_error

COOKIE = session_cookie.COOKIE
PENDING_COOKIE = "pipelines_mfa"  # a password accepted, its TOTP step due
PRE_CSRF_COOKIE = "pipelines_csrf"  # the sign-in forms' CSRF token (no session yet)
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# The UI's own pages are strict: only this server's scripts, styles and images, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
        "object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

bp = Blueprint(
    "ui",
    __name__,
    url_prefix="/ui",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)

# Pages outside /ui (the CLI login page at /cli-login); they share the hooks below.
root_bp = Blueprint("ui_root", __name__, template_folder="templates")


# -- navigation: each page module adds its entry (nav("ui.workflows", "Workflows")) ----------

_NAV: list[tuple[str, str, bool, int]] = []


def nav(endpoint: str, label: str, admin: bool = False, order: int = 50) -> None:
    """An entry of the top navigation (admin: shown to organization admins only)."""
    if all(e[0] != endpoint for e in _NAV):
        _NAV.append((endpoint, label, admin, order))
        _NAV.sort(key=lambda e: e[3])


@bp.app_template_global("ui_nav")
def ui_nav() -> list[tuple[str, str]]:
    v = viewer()
    return [(e, label) for e, label, admin, _o in _NAV if not admin or (v and v.is_admin)]


# -- the viewer ------------------------------------------------------------------------------


def viewer() -> SignedIn | None:
    return g.get("viewer")


def principal():
    v = viewer()
    if v is None:
        abort(401)
    return v.principal


@contextmanager
def db() -> Iterator[Session]:
    """A unit of work (committed when the block ends without an error)."""
    with current().db.session() as session:
        yield session


def session_ttl() -> timedelta:
    return timedelta(hours=current().settings.ui_session_hours)


def _load_viewer() -> None:
    token = request.cookies.get(COOKIE)
    g.viewer = None
    if token:
        with db() as session:
            g.viewer = web_sessions.resolve(session, token)
    # A cookie that no longer signs anyone in (expired, signed out elsewhere, its key revoked,
    # its password changed): cleared in the reply (`_after`).
    g.stale_session = bool(token) and g.viewer is None


def signed_in(view):
    """Pages for signed-in users: others are sent to the sign-in page, and come back after."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if viewer() is None:
            if request.headers.get("HX-Request"):
                return Response(status=401, headers={"HX-Redirect": url_for("ui.sign_in")})
            return redirect(url_for("ui.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapper


def body_limit(limit):
    """A view whose POST may carry up to `limit()` bytes (a file form): 413 past it, checked
    as the body is read (the CSRF check reads the form first). Apply it below `signed_in`."""

    def mark(view):
        view.body_limit = limit
        return view

    return mark


def admin_only(view):
    """Pages for organization admins (others get a 403 page)."""

    @functools.wraps(view)
    @signed_in
    def wrapper(*args, **kwargs):
        if not viewer().is_admin:
            return error_page(403, "Only organization admins can open this page.")
        return view(*args, **kwargs)

    return wrapper


# Pages of root_bp a sign-in may return to (with their query strings).
ROOT_PAGES = frozenset({"/cli-login"})


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path of this UI only (never another site)."""
    if target and not target.startswith("//") and "\\" not in target:
        if target.startswith("/ui/") or target.split("?", 1)[0] in ROOT_PAGES:
            return target
    return url_for("ui.home")


# -- CSRF ------------------------------------------------------------------------------------


def _own_hosts() -> set[str]:
    """The host names this server is reached by: the request's Host and, behind a proxy that
    rewrites Host, PIPELINES_PUBLIC_URL's."""
    from urllib.parse import urlsplit

    hosts = {request.host}
    public = current().settings.public_url
    if public:
        hosts.add(urlsplit(public).netloc)
    return hosts


def _origin_ok() -> bool:
    """A browser's Origin (or Referer) must be this server: a second guard beside the token."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin or origin == "null":
        return origin is None
    from urllib.parse import urlsplit

    return urlsplit(origin).netloc in _own_hosts()


def csrf_token() -> str:
    v = viewer()
    if v is not None:
        return v.csrf_token
    return g.get("pre_csrf") or request.cookies.get(PRE_CSRF_COOKIE) or _new_pre_csrf()


def _new_pre_csrf() -> str:
    import secrets

    g.pre_csrf = secrets.token_urlsafe(32)
    return g.pre_csrf


# Forms a browser without a session posts (their token is the pre-session cookie's).
SIGN_IN_ENDPOINTS = frozenset({"ui.sign_in", "ui.sign_in_code"})


def _page_behind() -> str | None:
    """The page a form was posted from (for htmx, the page it is on), when it is this UI's."""
    from urllib.parse import urlsplit

    url = request.headers.get("HX-Current-URL") or request.headers.get("Referer")
    if not url or not _origin_ok():
        return None
    parts = urlsplit(url)
    if parts.netloc and parts.netloc not in _own_hosts():
        return None
    page = parts.path + (f"?{parts.query}" if parts.query else "")
    return page if safe_next(page) == page else None


def _sign_in_again() -> Response:
    """A stale session's form: not a CSRF error (the form was this server's, the session just
    ended) but a trip to the sign-in page, coming back to the page afterwards."""
    target = url_for("ui.sign_in", next=_page_behind()) if _page_behind() else url_for("ui.sign_in")
    if request.headers.get("HX-Request"):
        resp = Response(status=401, headers={"HX-Redirect": target})
    else:
        resp = redirect(target, code=303)
    resp.delete_cookie(COOKIE, path="/")
    return resp


def _check_csrf() -> Response | None:
    if request.method not in UNSAFE:
        return None
    if viewer() is None and request.endpoint == "ui.sign_out":
        return None  # no session to protect: signing out just clears the cookies
    if g.get("stale_session") and request.endpoint not in SIGN_IN_ENDPOINTS:
        return _sign_in_again()
    presented = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD)
    v = viewer()
    expected = v.csrf_token if v is not None else request.cookies.get(PRE_CSRF_COOKIE)
    if not expected or not web_sessions.csrf_ok(expected, presented) or not _origin_ok():
        return error_page(
            403,
            "This form was refused: its security token is missing or does not match your "
            "session (CSRF protection). Reload the page and try again.",
        )
    return None


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, csrf_token())


# -- rendering -------------------------------------------------------------------------------


def render(template: str, status: int = 200, **context) -> Response:
    html = render_template(template, viewer=viewer(), **context)
    return Response(html, status=status, mimetype="text/html")


def error_page(status: int, message: str) -> Response:
    if request.headers.get("HX-Request"):
        # A fragment for htmx to show in place (base.html swaps error replies in too).
        return Response(
            Markup('<p class="error" role="alert">{}</p>').format(message),
            status=status,
            mimetype="text/html",
        )
    return render("error.html", status=status, status_code=status, message=message)


def field_errors(exc: DomainError) -> dict[str, list[str]]:
    """A domain error's reasons by field (the last part of each location), for inline display;
    reasons without a location are under ""."""
    out: dict[str, list[str]] = {}
    for err in getattr(exc, "errors", None) or []:
        loc = getattr(err, "loc", None) or ()
        key = ".".join(str(p) for p in loc) if loc else ""
        out.setdefault(key, []).append(getattr(err, "message", str(err)))
    if not out:
        out[""] = [exc.message]
    return out


def cookie_secure() -> bool:
    mode = current().settings.ui_cookie_secure
    if mode in ("on", "true", "1", "yes"):
        return True
    if mode in ("off", "false", "0", "no"):
        return False
    return request.scheme == "https"


def set_cookie(resp: Response, name: str, value: str, max_age: int | None) -> None:
    resp.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        secure=cookie_secure(),
        httponly=True,
        samesite="Lax",
    )


# -- request hooks ---------------------------------------------------------------------------


@root_bp.before_request
@bp.before_request
def _before():
    _load_viewer()
    # Every form's body is capped (413 past it) before anything reads it: PIPELINES_MAX_BODY_BYTES
    # like the APIs' JSON bodies, or the view's own limit (a file form) for a signed-in viewer
    # only: an anonymous request gets the default cap (its view would only redirect it).
    limit = getattr(current_app.view_functions.get(request.endpoint), "body_limit", None)
    if viewer() is None:
        limit = None
    request.max_content_length = limit() if limit is not None else current().settings.max_body_bytes
    return _check_csrf()


@root_bp.after_request
@bp.after_request
def _after(resp: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        if request.endpoint == "ui.static" and name == "Cache-Control":
            continue
        resp.headers.setdefault(name, value)
    if g.get("pre_csrf") and viewer() is None:
        set_cookie(resp, PRE_CSRF_COOKIE, g.pre_csrf, None)
    if g.get("stale_session") and not any(
        c.startswith(COOKIE + "=") for c in resp.headers.getlist("Set-Cookie")
    ):
        resp.delete_cookie(COOKIE, path="/")
    return resp


@root_bp.errorhandler(DomainError)
@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError):
    err = to_http_error(exc)
    return error_page(err.status, err.message)


@bp.errorhandler(413)
def _too_large(_exc):
    return error_page(413, "The form is larger than this server accepts; choose a smaller file.")


@bp.errorhandler(404)
def _not_found(_exc):
    return error_page(404, "Not found.")


@root_bp.errorhandler(401)
@bp.errorhandler(401)
def _unauthorized(_exc):
    return redirect(url_for("ui.sign_in"))


@bp.app_template_global("csrf_field")
def _csrf_field_global() -> Markup:
    return csrf_field()


@bp.app_template_filter("when")
def _when(value) -> str:
    """A timestamp as `YYYY-MM-DD HH:MM:SS UTC` (the <time> element carries the ISO form)."""
    if value is None:
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(value)
