"""The signed upload URL never comes from the request's Host header (or X-Forwarded-Proto
from an untrusted peer): it is built from PIPELINES_PUBLIC_URL when set, else from the
address the server accepted the connection on."""

from __future__ import annotations

import httpx

from tests.api.external_v1.test_uploads import ONE_FILE, make_zip, put
from tests.api.helpers import make_workflow

FORGED = {"Host": "attacker.example:8443", "X-Forwarded-Proto": "https"}


def _init(server, wf_id: int) -> dict:
    r = httpx.post(
        server.base_url + f"/api/v1/workflows/{wf_id}/tasks/upload",
        json={},
        headers={"X-API-Key": server.seed.api_key, **FORGED},
        timeout=60,
    )
    assert r.status_code == 202, r.text
    return r.json()


def test_upload_url_ignores_a_forged_host(server, make_server):
    wf = make_workflow(server, ONE_FILE)
    upload = _init(server, wf["id"])
    assert "attacker" not in upload["upload_url"]
    assert upload["upload_url"].startswith(
        server.base_url + f"/storage/uploads/{upload['upload_id']}?"
    )
    assert put(upload["upload_url"], make_zip({"a.txt": b"a"})).status_code == 200

    public = make_server(env={"PIPELINES_PUBLIC_URL": "https://pipelines.example.com/base/"})
    wf = make_workflow(public, ONE_FILE)
    upload = _init(public, wf["id"])
    assert upload["upload_url"].startswith(
        f"https://pipelines.example.com/base/storage/uploads/{upload['upload_id']}?"
    )
