"""Project files on the native API: the signed upload URL (raw PUT, single use, size caps),
confirm, the signed download URL and its safe headers, hostile names and types, deferred
deletion with the sweeper, who may do what, and isolation between organizations."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx

from pipelines_server.domain import project_files as pf
from pipelines_server.store.models import ProjectFile, utcnow
from tests.api.engine.helpers import user_key
from tests.api.helpers import database, native, wait_for
from tests.api.native.conftest import PAGE_KEYS, as_org


def _files(project_id: int, file_id: str | None = None, tail: str = "") -> str:
    base = f"/projects/{project_id}/files"
    return base if file_id is None else f"{base}/{file_id}{tail}"


def _upload(api, project_id: int, data: bytes, filename="notes.txt", **extra) -> dict:
    r = api.post(_files(project_id) + "/upload-url", json={"filename": filename, **extra})
    assert r.status_code == 201, r.text
    ticket = r.json()
    put = httpx.put(ticket["upload_url"], content=data, headers=ticket["headers"], timeout=60)
    assert put.status_code == 200, put.text
    return ticket


def _record(api, project_id: int, file_id: str, status: str | None = None) -> dict | None:
    params = {"page_size": 200, **({"status": status} if status else {})}
    items = api.get(_files(project_id), params=params).json()["items"]
    return next((f for f in items if f["id"] == file_id), None)


def _ready(api, project_id: int, data: bytes, **kwargs) -> dict:
    ticket = _upload(api, project_id, data, **kwargs)
    r = api.post(_files(project_id, ticket["file_id"], "/confirm"), json={})
    assert r.status_code == 200, r.text
    return r.json()


def test_upload_confirm_and_download_a_file(server):
    pid = server.seed.project_id
    data = b"hello, project\n" * 100
    with native(server) as api:
        r = api.post(
            _files(pid) + "/upload-url",
            json={"filename": "glossary.csv", "content_type": "text/csv", "size_bytes": len(data)},
        )
        assert r.status_code == 201, r.text
        ticket = r.json()
        assert ticket["method"] == "PUT" and ticket["expires_at"].endswith("Z")
        assert ticket["upload_url"].startswith(server.base_url + "/storage/project-files/")
        assert ticket["file"]["status"] == "pending"
        fid = ticket["file_id"]
        # Not there yet: confirm is refused.
        assert api.post(_files(pid, fid, "/confirm"), json={}).status_code == 409
        assert api.get(_files(pid, fid, "/url")).status_code == 409
        # The PUT needs no API key: the signature is the permission.
        put = httpx.put(ticket["upload_url"], content=data, headers=ticket["headers"])
        assert put.status_code == 200, put.text
        assert put.json()["sha256"] == hashlib.sha256(data).hexdigest()
        # Single use.
        again = httpx.put(ticket["upload_url"], content=b"other")
        assert again.status_code == 410, again.text
        assert api.post(_files(pid, fid, "/confirm"), json={"size_bytes": 3}).status_code == 409
        r = api.post(_files(pid, fid, "/confirm"), json={"size_bytes": len(data)})
        assert r.status_code == 200, r.text
        f = r.json()
        assert f["status"] == "ready" and f["size_bytes"] == len(data)
        assert f["sha256"] == hashlib.sha256(data).hexdigest() and f["confirmed_at"]
        # Confirming again answers the same ready file.
        assert api.post(_files(pid, fid, "/confirm"), json={}).json()["status"] == "ready"
        r = api.get(_files(pid, fid, "/url"))
        assert r.status_code == 200, r.text
        link = r.json()
        assert link["filename"] == "glossary.csv" and link["size_bytes"] == len(data)
        assert link["content_type"] == "text/csv"
        got = httpx.get(link["url"])
        assert got.status_code == 200 and got.content == data
        assert got.headers["content-type"].startswith("text/csv")
        assert got.headers["x-content-type-options"] == "nosniff"
        assert got.headers["content-disposition"].startswith('attachment; filename="glossary.csv"')
        # Listed, newest first, with the page envelope.
        page = api.get(_files(pid), params={"page_size": 200}).json()
        assert set(page) == PAGE_KEYS
        assert page["items"][0]["id"] == fid
        assert _record(api, pid, fid)["status"] == "ready"


def test_hostile_names_and_types_are_neutralised(server):
    pid = server.seed.project_id
    page = b"<html><script>alert(1)</script></html>"
    with native(server) as api:
        f = _ready(
            api, pid, page, filename="../../etc/pass\nwd\u202e\x07.html", content_type="text/html"
        )
        assert f["filename"] == "pass" + "wd.html"
        link = api.get(_files(pid, f["id"], "/url")).json()
        got = httpx.get(link["url"])
        assert got.content == page
        assert got.headers["content-type"] == "application/octet-stream"
        assert got.headers["x-content-type-options"] == "nosniff"
        assert got.headers["content-disposition"].startswith("attachment;")
        svg = _ready(api, pid, b"<svg/>", filename="a.svg", content_type="image/svg+xml")
        got = httpx.get(api.get(_files(pid, svg["id"], "/url")).json()["url"])
        assert got.headers["content-type"] == "application/octet-stream"
        # Windows separators count too; a name that is only a path is refused.
        f = _ready(
            api, pid, b"x", filename="C:\\Users\\me\\report.pdf", content_type="application/pdf"
        )
        assert f["filename"] == "report.pdf"
        for bad in ("../", "/", "..", "\x01\x02", "a\x00b"):
            r = api.post(_files(pid) + "/upload-url", json={"filename": bad})
            assert r.status_code == 422, (bad, r.text)
        r = api.post(
            _files(pid) + "/upload-url", json={"filename": "a", "content_type": "not a type"}
        )
        assert r.status_code == 422
        # Ids that are not ours are simply not found.
        assert api.get(_files(pid, "..%2F..%2Fsecret_key", "/url")).status_code == 404
        assert api.get(_files(pid, "not-a-uuid", "/url")).status_code == 404


def test_the_declared_size_caps_the_put(server):
    pid = server.seed.project_id
    with native(server) as api:
        r = api.post(_files(pid) + "/upload-url", json={"filename": "a.bin", "size_bytes": 4})
        ticket = r.json()
        put = httpx.put(ticket["upload_url"], content=b"0123456789")
        assert put.status_code == 413, put.text
        # A failed PUT leaves the URL usable.
        put = httpx.put(ticket["upload_url"], content=b"0123")
        assert put.status_code == 200, put.text
        assert api.post(_files(pid, ticket["file_id"], "/confirm"), json={}).status_code == 200


def test_signed_urls_are_bound_to_their_file_and_operation(server):
    pid = server.seed.project_id
    with native(server) as api:
        a = _ready(api, pid, b"file a")
        b = api.post(_files(pid) + "/upload-url", json={"filename": "b"}).json()
        url_a = api.get(_files(pid, a["id"], "/url")).json()["url"]
        # A's download URL with B's id, or as an upload URL: refused.
        assert httpx.get(url_a.replace(a["id"], b["file_id"])).status_code == 403
        assert httpx.put(url_a, content=b"x").status_code == 403
        assert httpx.put(url_a.replace("op=get", "op=put"), content=b"x").status_code == 403
        # B's upload URL used for A, or with a changed expiry or signature: refused.
        assert (
            httpx.put(b["upload_url"].replace(b["file_id"], a["id"]), content=b"x").status_code
            == 403
        )
        q = parse_qs(urlsplit(b["upload_url"]).query)
        later = b["upload_url"].replace(q["expires"][0], str(int(q["expires"][0]) + 3600))
        assert httpx.put(later, content=b"x").status_code == 403
        assert httpx.put(b["upload_url"][:-4] + "0000", content=b"x").status_code == 403
        assert httpx.delete(url_a).status_code == 405
        assert httpx.get(url_a).content == b"file a"


def test_expired_urls_are_refused(server):
    """URLs signed with the server's own key (its data directory's secret_key) whose expiry
    has passed: refused, for upload and download alike."""
    pid = server.seed.project_id
    cfg = pf.ProjectFileConfig(
        files_dir=server.data_dir / "project-files",
        secret_key=(server.data_dir / "secret_key").read_text().strip(),
    )
    past = utcnow() - timedelta(seconds=5)
    with native(server) as api:
        f = _ready(api, pid, b"soon gone")
        ticket = api.post(_files(pid) + "/upload-url", json={"filename": "late"}).json()
        # The same signing, a live expiry: accepted (the key is the server's).
        live = server.base_url + pf.signed_path(cfg, "get", f["id"], utcnow() + timedelta(hours=1))
        assert httpx.get(live).content == b"soon gone"
    expired = server.base_url + pf.signed_path(cfg, "get", f["id"], past)
    assert httpx.get(expired).status_code == 403
    expired = server.base_url + pf.signed_path(cfg, "put", ticket["file_id"], past)
    assert httpx.put(expired, content=b"x").status_code == 403
    # The refused PUT did not use the upload up.
    assert httpx.put(ticket["upload_url"], content=b"x").status_code == 200


def test_enqueue_gc_stops_downloads_and_the_sweeper_removes_the_bytes(make_server):
    srv = make_server(
        env={
            "PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS": "0",
            "PIPELINES_PROJECT_FILE_GC_SWEEP_SECONDS": "0.2",
            "PIPELINES_PROJECT_FILE_MAX_BYTES": "64",
        }
    )
    pid = srv.seed.project_id
    with native(srv) as api:
        # The server's cap applies with or without a declared size.
        r = api.post(_files(pid) + "/upload-url", json={"filename": "big", "size_bytes": 65})
        assert r.status_code == 422
        big = api.post(_files(pid) + "/upload-url", json={"filename": "big"}).json()
        assert big["max_bytes"] == 64
        assert httpx.put(big["upload_url"], content=b"x" * 65).status_code == 413
        f = _ready(api, pid, b"to be collected")
        stored = srv.data_dir / "project-files" / f["id"]
        assert stored.read_bytes() == b"to be collected"
        link = api.get(_files(pid, f["id"], "/url")).json()["url"]
        r = api.post(_files(pid, f["id"], "/enqueue-gc"))
        assert r.status_code == 200, r.text
        assert r.json()["file_id"] == f["id"] and r.json()["status"] == "gc_pending"
        assert r.json()["gc_after"]
        # At once: no longer downloadable, no new URL.
        assert httpx.get(link).status_code == 410
        assert api.get(_files(pid, f["id"], "/url")).status_code == 404
        wait_for(lambda: not stored.exists(), timeout=60)
        assert _record(api, pid, f["id"], status="deleted")["status"] == "deleted"
        assert f["id"] not in [x["id"] for x in api.get(_files(pid)).json()["items"]]


def test_the_uploader_or_an_admin_may_delete_a_file(server):
    pid = server.seed.project_id
    _, uploader = user_key(server, "member")
    _, other = user_key(server, "member")
    with native(server, uploader) as api:
        mine = _ready(api, pid, b"mine")
        theirs = _ready(api, pid, b"theirs")
    with native(server, other) as api:
        # Members read each other's files, but may not delete them.
        assert api.get(_files(pid, mine["id"], "/url")).status_code == 200
        assert api.post(_files(pid, mine["id"], "/enqueue-gc")).status_code == 403
    with native(server, uploader) as api:
        assert api.post(_files(pid, mine["id"], "/enqueue-gc")).status_code == 200
        # Asking again keeps the first gc_after.
        first = _record(api, pid, mine["id"])["gc_after"]
        r = api.post(_files(pid, mine["id"], "/enqueue-gc"))
        assert r.status_code == 200 and r.json()["gc_after"] == first
    with native(server) as api:  # the seed's admin
        assert api.post(_files(pid, theirs["id"], "/enqueue-gc")).status_code == 200


def test_another_organization_cannot_reach_a_file(server, org):
    pid = server.seed.project_id
    with native(server) as api:
        f = _ready(api, pid, b"org a only")
    with native(as_org(server, org)) as api:
        for path in (
            _files(pid),
            _files(pid, f["id"], "/url"),
            _files(org.project_id, f["id"], "/url"),
        ):
            assert api.get(path).status_code == 404, path
        assert api.post(_files(pid, f["id"], "/confirm"), json={}).status_code == 404
        assert api.post(_files(pid, f["id"], "/enqueue-gc")).status_code == 404
        assert api.post(_files(org.project_id, f["id"], "/enqueue-gc")).status_code == 404
        assert api.post(_files(pid) + "/upload-url", json={"filename": "x"}).status_code == 404
        assert f["id"] not in [x["id"] for x in api.get(_files(org.project_id)).json()["items"]]


def test_an_upload_still_streaming_is_never_collected(tmp_path, server):
    """collect() on the real database: an upload whose URL expired more than a grace ago is
    collected, unless its PUT is still streaming (`uploading`); one left half-way by a dead
    process goes a day later. Bytes are the caller's to remove, after the commit."""
    cfg = pf.ProjectFileConfig(files_dir=tmp_path, secret_key="k", gc_grace_seconds=0)
    now = utcnow()
    long_ago = now - timedelta(hours=1)
    with native(server) as api:
        ids = [_upload(api, server.seed.project_id, b"x")["file_id"] for _ in range(3)]
    pending, streaming, abandoned = ids
    with database(server) as db:
        for file_id, status, touched in (
            (pending, "pending", long_ago),
            (streaming, "uploading", long_ago),
            (abandoned, "uploading", now - timedelta(days=2)),
        ):
            f = db.get(ProjectFile, file_id)
            f.status, f.expires_at, f.updated_at = status, long_ago, touched
        db.commit()
        collected = pf.collect(db, cfg, now)
        db.commit()
        assert pending in collected and abandoned in collected
        assert streaming not in collected
        assert db.get(ProjectFile, streaming).status == "uploading"
        assert db.get(ProjectFile, pending).status == "deleted"
