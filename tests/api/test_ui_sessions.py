"""The web UI's sessions over plain HTTP: a session that ended elsewhere sends its forms to
the sign-in page (not a CSRF error), a password change ends the other sessions, the Origin
check knows PIPELINES_PUBLIC_URL, and an anonymous form gets the default body cap."""

from __future__ import annotations

import re
from contextlib import closing

import httpx

from tests.browser.support import new_account

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _signed_in(server, account) -> tuple[httpx.Client, str]:
    """A client signed in with the account's password, and its session's CSRF token."""
    http = httpx.Client(base_url=server.base_url, timeout=30)
    page = http.get("/ui/sign-in")
    reply = http.post(
        "/ui/sign-in",
        data={
            "csrf_token": page.cookies["pipelines_csrf"],
            "username": account.username,
            "password": account.password,
        },
    )
    assert reply.status_code == 303, reply.text
    return http, TOKEN.search(http.get("/ui/account").text).group(1)


def test_a_password_change_ends_other_sessions_and_their_forms_go_to_sign_in(server):
    account = new_account(server)
    mine, my_token = _signed_in(server, account)
    other, other_token = _signed_in(server, account)
    with closing(mine), closing(other):
        changed = mine.post(
            "/ui/account/password",
            data={
                "csrf_token": my_token,
                "current": account.password,
                "password": "a brand new password",
                "confirm": "a brand new password",
            },
        )
        assert changed.status_code == 303
        assert mine.get("/ui/account").status_code == 200  # this session stays
        # The other browser's session ended: its form is not a CSRF error but a trip to the
        # sign-in page, back to the page afterwards, and its cookie is cleared.
        stale = other.post(
            "/ui/account/password",
            data={"csrf_token": other_token, "current": "x", "password": "y", "confirm": "y"},
            headers={"Referer": f"{server.base_url}/ui/account?tab=1"},
        )
        assert stale.status_code == 303
        assert stale.headers["location"] == "/ui/sign-in?next=/ui/account?tab%3D1"
        assert stale.headers["set-cookie"].startswith("pipelines_session=;")
        assert "pipelines_session" not in other.cookies


def test_a_stale_session_signs_out_and_htmx_is_sent_to_sign_in(server):
    account = new_account(server)
    http, token = _signed_in(server, account)
    with closing(http), account.api() as api:
        session_cookie = http.cookies["pipelines_session"]
        # Revoking the session's key (Admin → API keys) ends it.
        keys = f"/api/organizations/{account.org_id}/api-keys"
        for key in api.get(keys).json():
            if key["name"] == "web session":
                assert api.post(f"{keys}/{key['id']}/revoke").status_code == 200
        htmx = http.post(
            "/ui/account/password",
            headers={"HX-Request": "true", "X-CSRF-Token": token},
        )
        assert htmx.status_code == 401
        assert htmx.headers["hx-redirect"].startswith("/ui/sign-in")
        http.cookies.set("pipelines_session", session_cookie, domain="127.0.0.1")
        out = http.post("/ui/sign-out", data={"csrf_token": token})
        assert out.status_code == 303 and out.headers["location"] == "/ui/sign-in"
        assert "pipelines_session" not in http.cookies
        # Signing out without any session clears and redirects too.
        again = http.post("/ui/sign-out")
        assert again.status_code == 303 and again.headers["location"] == "/ui/sign-in"


def test_public_url_origin_and_anonymous_body_cap(make_server):
    srv = make_server(
        env={
            "PIPELINES_PUBLIC_URL": "https://pipelines.example.test/",
            "PIPELINES_MAX_BODY_BYTES": "2000",
        }
    )
    with httpx.Client(base_url=srv.base_url, timeout=30) as http:
        token = http.get("/ui/sign-in").cookies["pipelines_csrf"]
        form = {"csrf_token": token, "username": "nobody", "password": "wrong"}
        # Behind a proxy that rewrites Host, the browser's Origin is the public URL's.
        behind = http.post(
            "/ui/sign-in", data=form, headers={"Origin": "https://pipelines.example.test"}
        )
        assert behind.status_code == 401
        elsewhere = http.post(
            "/ui/sign-in", data=form, headers={"Origin": "https://evil.example.test"}
        )
        assert elsewhere.status_code == 403
        # The subtask form's large limit is for signed-in viewers: anonymous gets the default.
        big = http.post(
            "/ui/work/subtask/1/1/1/submit", data={"csrf_token": token, "x": "y" * 5000}
        )
        assert big.status_code == 413


def test_totp_setup_takes_the_current_password(server):
    account = new_account(server)
    http, token = _signed_in(server, account)
    with closing(http):
        for wrong in ({}, {"current": "not my password"}):
            refused = http.post("/ui/account/totp/setup", data={"csrf_token": token, **wrong})
            assert refused.status_code == 401
            assert "current password is not correct" in refused.text
            assert 'id="totp-secret"' not in refused.text
        shown = http.post(
            "/ui/account/totp/setup", data={"csrf_token": token, "current": account.password}
        )
        assert shown.status_code == 200 and 'id="totp-secret"' in shown.text


def test_ui_requests_count_per_session_key_and_per_address(make_server):
    srv = make_server(
        env={"PIPELINES_RATE_LIMIT_PER_IP": "6/minute", "PIPELINES_RATE_LIMIT_PER_KEY": "8/minute"}
    )
    account = new_account(srv)
    http, _token = _signed_in(srv, account)  # 2 anonymous requests (the sign-in page, its form)
    with closing(http):
        # Signed in: the session's key's budget, not the address's.
        assert [http.get("/ui/account").status_code for _ in range(7)] == [200] * 7
        limited = http.get("/ui/account")  # the form's GET was the first of the key's 8
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert "Too many requests" in limited.text
        assert http.get("/ui/static/app.css").status_code == 200  # not counted
        with httpx.Client(base_url=srv.base_url, timeout=30) as anonymous:
            codes = [anonymous.get("/ui/sign-in").status_code for _ in range(6)]
        # The address's budget (shared with its API requests: the server's start polled
        # /api/health from it too) runs out.
        assert codes[0] == 200 and codes[-1] == 429
        assert codes == sorted(codes)


def test_sign_in_attempts_are_counted_before_the_password_is_checked(make_server):
    import concurrent.futures

    srv = make_server(env={"PIPELINES_RATE_LIMIT_FAILED_AUTH": "3/minute"})
    account = new_account(srv)
    with httpx.Client(base_url=srv.base_url, timeout=60) as http:
        token = http.get("/ui/sign-in").cookies["pipelines_csrf"]

        def attempt(_):
            form = {"csrf_token": token, "username": account.username, "password": "wrong!"}
            return http.post("/ui/sign-in", data=form).status_code

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(attempt, range(8)))
        # However concurrent, no more attempts are checked than the limit allows.
        assert codes.count(401) == 3 and codes.count(429) == 5
        right = {"csrf_token": token, "username": account.username, "password": account.password}
        assert http.post("/ui/sign-in", data=right).status_code == 429


def test_admin_keys_page_counts_browsers_instead_of_listing_their_keys(server):
    account = new_account(server)
    mine, token = _signed_in(server, account)
    other, _ = _signed_in(server, account)
    with closing(mine), closing(other), account.api() as api:
        page = mine.get("/ui/admin/keys")
        assert "2 signed-in browser sessions" in page.text
        assert "<td>web session</td>" not in page.text
        # The API still lists every key.
        listed = api.get(f"/api/organizations/{account.org_id}/api-keys").json()
        assert sum(k["name"] == "web session" for k in listed) == 2
        ended = mine.post("/ui/admin/sessions/end", data={"csrf_token": token})
        assert ended.status_code == 303
        assert "1 signed-in browser session " in mine.get("/ui/admin/keys").text
        assert other.get("/ui/account").status_code == 302  # signed out
