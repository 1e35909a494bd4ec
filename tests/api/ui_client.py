"""A signed-in web UI session over plain HTTP (httpx): a fresh organization's admin signed in
with username and password, and the session's CSRF token for its forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from tests.browser.support import Account, new_account


@dataclass
class UiSession:
    http: httpx.Client
    csrf: str
    account: Account

    def post(self, path: str, data: dict | None = None, **kwargs) -> httpx.Response:
        return self.http.post(path, data={"csrf_token": self.csrf, **(data or {})}, **kwargs)


def sign_in(server, account: Account | None = None) -> UiSession:
    account = account or new_account(server)
    http = httpx.Client(base_url=server.base_url, timeout=30)
    http.get("/ui/sign-in")
    signed = http.post(
        "/ui/sign-in",
        data={
            "csrf_token": http.cookies["pipelines_csrf"],
            "username": account.username,
            "password": account.password,
        },
    )
    assert signed.status_code in (302, 303), signed.text
    page = http.get("/ui/workflows")
    csrf = re.search(r'data-csrf="([^"]+)"', page.text).group(1)
    return UiSession(http, csrf, account)
