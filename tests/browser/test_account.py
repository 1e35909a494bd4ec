"""One's own account in the browser: a new password (only with the current one); TOTP turned
on from the secret the page shows (the code computed with pyotp, as an authenticator app
would), then a sign-in that asks for a code, and TOTP turned off; and the CLI's device login
approved on /cli-login, after which the CLI's poll gets a working key."""

from __future__ import annotations

import re
import time
from types import SimpleNamespace

import httpx
import pyotp
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account


def password_step(page, base_url: str, login: str, password: str) -> None:
    page.goto(base_url + "/ui/sign-in")
    page.get_by_label("Username or email").fill(login)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_change_own_password(server, page, shot):
    account = new_account(server)
    sign_in(page, account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    page.get_by_label("Current password").fill(account.password)
    page.get_by_label("New password", exact=True).fill("a-new-password-1")
    page.get_by_label("New password again").fill("not-the-same-one")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("alert")).to_have_text("The two passwords are not the same")
    # Someone at an open session does not know the current password: refused, nothing changes.
    page.get_by_label("Current password").fill("not-my-password")
    page.get_by_label("New password", exact=True).fill("a-new-password-1")
    page.get_by_label("New password again").fill("a-new-password-1")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("alert")).to_have_text("Your current password is not correct")
    shot(page, "wrong-current")
    page.get_by_label("Current password").fill(account.password)
    page.get_by_label("New password", exact=True).fill("a-new-password-1")
    page.get_by_label("New password again").fill("a-new-password-1")
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("status")).to_have_text("Your password was changed.")
    shot(page, "changed")
    page.get_by_role("button", name="Sign out").click()
    password_step(page, server.base_url, account.username, account.password)
    expect(page.get_by_role("alert")).to_have_text("Invalid username or password")
    sign_in(page, SimpleNamespace(**{**vars(account), "password": "a-new-password-1"}))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")


def test_turn_on_totp_then_sign_in_with_a_code(server, page, shot):
    account = new_account(server)
    sign_in(page, account)
    page.goto(server.base_url + "/ui/account")
    page.get_by_label("Your password", exact=True).fill(account.password)
    page.get_by_role("button", name="Set up two-step sign-in").click()
    secret = page.locator("#totp-secret").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    uri = page.locator("#totp-uri").inner_text().strip()
    assert uri.startswith("otpauth://totp/") and f"secret={secret}" in uri
    shot(page, "setup")
    totp = pyotp.TOTP(secret)
    page.get_by_label("The 6-digit code your app shows").fill(
        "000000" if totp.now() != "000000" else "111111"
    )
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("alert")).to_have_text("Invalid TOTP code.")
    # The same secret is offered again; a right code turns TOTP on.
    expect(page.locator("#totp-secret")).to_have_text(secret)
    page.get_by_label("The 6-digit code your app shows").fill(totp.now())
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("status")).to_contain_text("Two-step sign-in is on")
    shot(page, "on")

    page.get_by_role("button", name="Sign out").click()
    password_step(page, server.base_url, account.username, account.password)
    expect(page).to_have_url(re.compile(r"/ui/sign-in/code"))
    # The next time step's code: the current one was just used, and is never accepted twice.
    page.get_by_label(re.compile("6-digit code")).fill(totp.at(time.time() + totp.interval))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
    shot(page, "signed-in-with-code")


def test_turn_totp_off_with_a_code(server, page, shot):
    account = new_account(server, mfa=True)
    totp = pyotp.TOTP(account.mfa_secret)
    password_step(page, server.base_url, account.username, account.password)
    page.get_by_label(re.compile("6-digit code")).fill(totp.now())
    page.get_by_role("button", name="Verify").click()
    page.goto(server.base_url + "/ui/account")
    expect(page.get_by_role("definition").filter(has_text=re.compile("^on$"))).to_have_count(1)
    # The code just used is refused (replay); the next step's is accepted.
    page.get_by_label("A current code of your authenticator app").fill(totp.now())
    page.get_by_role("button", name="Turn off two-step sign-in").click()
    expect(page.get_by_role("alert")).to_have_text("Invalid TOTP code.")
    page.get_by_label("A current code of your authenticator app").fill(
        totp.at(time.time() + totp.interval)
    )
    page.get_by_role("button", name="Turn off two-step sign-in").click()
    expect(page.get_by_role("status")).to_have_text("Two-step sign-in is off.")
    shot(page, "off")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, account)  # the password alone is enough again
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")


def test_approve_a_cli_login(server, page, shot):
    account = new_account(server)
    anonymous = httpx.Client(base_url=server.base_url + "/api", timeout=30)
    started = anonymous.post(
        "/cli-login", json={"hostname": "build-box-7", "client_name": "pipectl"}
    ).json()
    assert started["verification_url"].endswith("/cli-login")

    # The person opens the URL the CLI printed: sign in first, then back to the page.
    page.goto(started["verification_url"])
    expect(page).to_have_url(re.compile(r"/ui/sign-in\?next=/cli-login"))
    page.get_by_label("Username or email").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Command-line login")
    page.get_by_label("The code your terminal shows").fill(started["user_code"].lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("definition").filter(has_text="build-box-7")).to_have_count(1)
    expect(page.get_by_role("definition").filter(has_text="pipectl")).to_have_count(1)
    expect(page.get_by_role("definition").filter(has_text="pending")).to_have_count(1)
    shot(page, "request")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status")).to_contain_text("Approved")
    shot(page, "approved")

    # The CLI's first poll after the approval (no poll before it: no interval to wait out).
    answer = anonymous.get(
        f"/cli-login/{started['session_id']}", headers={"X-Device-Code": started["device_code"]}
    ).json()
    anonymous.close()
    assert answer["state"] == "authorized"
    me = httpx.get(
        server.base_url + "/api/auth/me", headers={"X-API-Key": answer["api_key"]}, timeout=30
    )
    assert me.status_code == 200 and me.json()["user_id"] == account.user_id

    # Approved once: the code cannot be used again.
    page.goto(f"{server.base_url}/cli-login?code={started['user_code']}")
    expect(page.get_by_role("definition").filter(has_text="consumed")).to_have_count(1)
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
