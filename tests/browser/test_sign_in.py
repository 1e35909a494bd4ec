"""Sign in with a password, with a password and TOTP, with an API key; wrong input refused;
sign out; a cross-site form refused by the CSRF check."""

from __future__ import annotations

import http.server
import re
import threading

import pyotp
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account


def test_password_sign_in_and_out(server, page, shot):
    account = new_account(server)
    page.goto(server.base_url + "/ui/")
    expect(page).to_have_url(re.compile(r"/ui/sign-in\?next=/ui/"))
    page.get_by_label("Username or email").fill(account.username)
    page.get_by_label("Password", exact=True).fill("wrong password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text("Invalid username or password")
    shot(page, "refused")
    sign_in(page, account)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
    cookie = next(c for c in page.context.cookies() if c["name"] == "pipelines_session")
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    shot(page, "home")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/ui/sign-in"))
    page.goto(server.base_url + "/ui/")
    expect(page).to_have_url(re.compile(r"/ui/sign-in"))


def test_totp_sign_in(server, page, shot):
    account = new_account(server, mfa=True)
    page.goto(server.base_url + "/ui/sign-in")
    page.get_by_label("Username or email").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/ui/sign-in/code"))
    page.get_by_label(re.compile("6-digit code")).fill("000000")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("alert")).to_have_text("Invalid authentication code")
    page.get_by_label(re.compile("6-digit code")).fill(pyotp.TOTP(account.mfa_secret).now())
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
    shot(page, "signed-in")


def test_api_key_sign_in(server, page):
    account = new_account(server)
    page.goto(server.base_url + "/ui/sign-in")
    page.get_by_text("Sign in with an API key").click()
    page.get_by_label("API key").fill(account.api_key)
    page.get_by_role("button", name="Sign in with key").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
    # Signing out ends the session, not the pasted key.
    page.get_by_role("button", name="Sign out").click()
    with account.api() as api:
        assert api.get("/api/organizations").status_code == 200


@pytest.fixture
def attacker():
    """Another origin (another port: same site, so SameSite alone would not stop it) serving
    a page that auto-submits a form to the UI's sign-out, without the CSRF token."""
    pages: dict[str, str] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = pages.get("page", "").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield pages, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_cross_site_form_refused(server, page, shot, attacker):
    pages, origin = attacker
    account = new_account(server)
    sign_in(page, account)
    pages["page"] = (
        "<html><body><form id=f method=post action='"
        + server.base_url
        + "/ui/sign-out'><input name=csrf_token value=guess></form>"
        "<script>document.getElementById('f').submit()</script></body></html>"
    )
    page.goto(origin + "/")
    expect(page.get_by_role("alert")).to_contain_text("CSRF")
    shot(page, "refused")
    # Still signed in: the forged sign-out did nothing.
    page.goto(server.base_url + "/ui/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
