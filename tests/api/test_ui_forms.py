"""The web UI's forms over plain HTTP: body cap, CSRF without a browser, security headers,
and `/` answering browsers with the UI and API clients with the JSON index."""

from __future__ import annotations

import httpx


def test_form_bodies_are_capped_before_anything_reads_them(make_server):
    srv = make_server(env={"PIPELINES_MAX_BODY_BYTES": "2000"})
    with httpx.Client(base_url=srv.base_url, timeout=30) as http:
        page = http.get("/ui/sign-in")
        token = page.cookies["pipelines_csrf"]
        small = http.post(
            "/ui/sign-in",
            data={"csrf_token": token, "username": "nobody", "password": "wrong"},
        )
        assert small.status_code == 401  # read and refused: a wrong password
        big = http.post(
            "/ui/sign-in",
            data={"csrf_token": token, "username": "x" * 5000, "password": "wrong"},
        )
        assert big.status_code == 413
        assert "larger than this server accepts" in big.text


def test_a_form_without_its_token_is_refused_and_pages_are_locked_down(server):
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        page = http.get("/ui/sign-in")
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY"
        refused = http.post("/ui/sign-in", data={"username": "a", "password": "b"})
        assert refused.status_code == 403
        assert "CSRF" in refused.text
        # API clients keep the JSON index at /; a browser gets the UI.
        assert http.get("/").json()["name"] == "pipelines-server"
        html = http.get("/", headers={"Accept": "text/html,*/*;q=0.8"})
        assert html.headers["content-type"].startswith("text/html")
        assert "landing.js" in html.text
