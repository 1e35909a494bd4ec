"""Organization administration in the browser: an API key shown once and then only by its last
four characters, working on the API until it is revoked in the UI; an admin adds a member and
sets their password, the member signs in with it and is refused the admin pages; credentials
added (their key never shown again) and deleted."""

from __future__ import annotations

import re
import secrets

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account


def me(server, key: str) -> httpx.Response:
    return httpx.get(server.base_url + "/api/auth/me", headers={"X-API-Key": key}, timeout=30)


def test_api_key_is_shown_once_works_and_is_revoked(server, page, shot):
    account = new_account(server)
    sign_in(page, account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Admin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API keys")
    page.get_by_label("Key name").fill("deploy bot")
    page.get_by_label("Expires").select_option(label="In 90 days")
    page.get_by_role("button", name="Create key").click()
    shown = page.locator("#new-key")
    expect(shown).to_have_text(re.compile(r"^pk_live_[0-9a-f]{40}$"))
    expect(page.get_by_role("alert")).to_contain_text("shown only this once")
    key = shown.inner_text()
    shot(page, "created")

    answer = me(server, key)
    assert answer.status_code == 200, answer.text
    assert answer.json()["user_id"] == account.user_id

    # Opened again: the key is listed by its last four characters only.
    page.goto(server.base_url + "/ui/admin/keys")
    row = page.get_by_role("row").filter(has_text="deploy bot")
    expect(row).to_contain_text("…" + key[-4:])
    expect(row).to_contain_text("active")
    expect(row).to_contain_text("Admin")  # its creator (the bootstrap admin's name)
    assert key not in page.content() and key[:-4] not in page.content()
    shot(page, "listed")

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Revoke deploy bot").click()
    expect(page.get_by_role("status")).to_have_text("The API key was revoked.")
    expect(page.get_by_role("row").filter(has_text="deploy bot")).to_contain_text("revoked")
    shot(page, "revoked")
    assert me(server, key).status_code == 401


def test_admin_sets_a_members_password_and_the_member_cannot_administer(
    server, page, browser, shot
):
    admin = new_account(server)
    email = f"member-{secrets.token_hex(4)}@example.test"
    password = f"pw-{secrets.token_hex(8)}"
    sign_in(page, admin)
    page.goto(server.base_url + "/ui/admin/users")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Name", exact=True).fill("Mia Member")
    page.get_by_label("Role", exact=True).select_option(label="Member")
    page.get_by_role("button", name="Add user").click()
    expect(page.get_by_role("status")).to_have_text("The user was created.")
    row = page.get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("no password")
    page.get_by_label(f"New password for {email}").fill(password)
    page.get_by_role("button", name=f"Set the password of {email}").click()
    expect(page.get_by_role("status")).to_have_text("The password was set.")
    expect(page.get_by_role("row").filter(has_text=email)).to_contain_text("password")
    expect(page.get_by_role("row").filter(has_text=email)).not_to_contain_text("no password")
    shot(page, "users")

    # The member signs in with that password, elsewhere.
    other = browser.new_context(viewport={"width": 1366, "height": 860})
    other.set_default_timeout(60_000)
    try:
        member = other.new_page()
        member.goto(server.base_url + "/ui/sign-in")
        member.get_by_label("Username or email").fill(email)
        member.get_by_label("Password", exact=True).fill(password)
        member.get_by_role("button", name="Sign in", exact=True).click()
        expect(member.get_by_role("heading", level=1)).to_have_text("Welcome, Mia Member")
        expect(member.get_by_role("link", name="Admin")).to_have_count(0)
        answer = member.goto(server.base_url + "/ui/admin/users")
        assert answer.status == 403
        expect(member.get_by_role("alert")).to_have_text(
            "Only organization admins can open this page."
        )
        shot(member, "member-refused")
    finally:
        other.close()

    # The admin makes them an admin; the API says so.
    row = page.get_by_role("row").filter(has_text=email)
    row.get_by_label(f"Role of {email}", exact=True).select_option(label="Admin")
    row.get_by_role("button", name=f"Change the role of {email}").click()
    expect(page.get_by_role("status")).to_have_text("The role was changed.")
    with admin.api() as api:
        users = api.get("/api/users", params={"page_size": 100}).json()["items"]
    assert next(u for u in users if u["email"] == email)["role"] == "org_admin"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Remove {email}").click()
    expect(page.get_by_role("status")).to_have_text("The user was removed.")
    expect(page.get_by_role("row").filter(has_text=email)).to_have_count(0)


def test_credentials_are_added_without_showing_their_key_and_deleted(server, page, shot):
    account = new_account(server)
    secret = f"sk-{secrets.token_hex(12)}"
    sign_in(page, account)
    page.goto(server.base_url + "/ui/admin/credentials")
    page.get_by_label("Credential name").fill("openai-main")
    page.get_by_label("Base URL").fill("https://llm.example.test/v1")
    page.get_by_label("API key of the endpoint").fill(secret)
    page.get_by_label(re.compile("^Models")).fill("gpt-small, gpt-large")
    page.get_by_role("button", name="Add credential").click()
    expect(page.get_by_role("status")).to_have_text("The credential was created.")
    row = page.get_by_role("row").filter(has_text="openai-main")
    expect(row).to_contain_text("…" + secret[-4:])
    expect(row).to_contain_text("gpt-small, gpt-large")
    assert secret not in page.content()
    shot(page, "credentials")

    # A name the domain refuses: its reason on the page, the typed key not sent back.
    page.get_by_label("Credential name").fill("openai-main")
    page.get_by_label("Base URL").fill("https://llm.example.test/v1")
    page.get_by_label("API key of the endpoint").fill(secret)
    page.get_by_role("button", name="Add credential").click()
    expect(page.get_by_role("alert")).to_contain_text("already exists")
    assert secret not in page.content()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete openai-main").click()
    expect(page.get_by_role("status")).to_have_text("The credential was deleted.")
    with account.api() as api:
        listed = api.get(f"/api/organizations/{account.org_id}/credentials").json()["items"]
    assert listed == []
