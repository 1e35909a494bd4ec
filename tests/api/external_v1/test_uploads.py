"""External API v1 ZIP flow: init, signed PUT, confirm, processing rules, status, hostile input."""

from __future__ import annotations

import io
import stat
import zipfile
from datetime import datetime, timedelta

import httpx
import pytest
from external_v1_api import AuthenticatedClient
from external_v1_api.api.uploads import confirm_upload, get_upload, init_upload
from external_v1_api.models import UploadInitRequest, UploadStatus

from tests.api.helpers import make_workflow, native, v1, wait_for
from tests.server import seed_database

ONE_FILE = [{"name": "document", "title": "Document", "type": "file_upload", "required": True}]
TWO_FILES = [
    {"name": "image", "type": "file_upload", "required": True},
    {"name": "mask", "type": "file_upload"},
]
FILE_AND_TEXT = [
    {"name": "document", "type": "file_upload", "required": True},
    {"name": "note", "type": "short_text", "required": True},
]


def client(server, key=None) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=server.base_url + "/api/v1", token=key or server.seed.api_key, timeout=60
    )


def make_zip(entries: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return buf.getvalue()


def start(server, wf_id: int, tasks=None, size=None, key=None):
    body = {}
    if tasks is not None:
        body["tasks"] = tasks
    if size is not None:
        body["file_size_bytes"] = size
    with v1(server, key) as api:
        return api.post(f"/workflows/{wf_id}/tasks/upload", json=body)


def put(url: str, data: bytes) -> httpx.Response:
    return httpx.put(url, content=data, headers={"Content-Type": "application/zip"}, timeout=60)


def run_upload(server, wf_id: int, archive: bytes, tasks=None) -> dict:
    init = start(server, wf_id, tasks)
    assert init.status_code == 202, init.text
    upload = init.json()
    assert put(upload["upload_url"], archive).status_code == 200
    with v1(server) as api:
        c = api.post(f"/workflows/{wf_id}/tasks/upload/{upload['upload_id']}/confirm")
        assert c.status_code == 202, c.text
        assert c.json() == {"upload_id": upload["upload_id"], "status": "processing"}
        return wait_for(
            lambda: _finished(
                api.get(f"/workflows/{wf_id}/tasks/upload/{upload['upload_id']}").json()
            )
        )


def _finished(body: dict):
    return body if body["status"] in ("completed", "failed", "cancelled") else None


def test_init_returns_signed_url_and_default_expiry(server):
    wf = make_workflow(server, ONE_FILE)
    before = datetime.now().astimezone()
    r = init_upload.sync_detailed(wf["id"], client=client(server), body=UploadInitRequest())
    assert r.status_code == 202
    body = r.parsed
    assert body.status == UploadStatus.PENDING
    assert body.upload_url.startswith(server.base_url + f"/storage/uploads/{body.upload_id}?")
    assert "signature=" in body.upload_url and "expires=" in body.upload_url
    minutes = (body.expires_at - before).total_seconds() / 60
    assert 59 <= minutes <= 61


def test_expiry_scales_with_file_size_and_is_clamped(make_server):
    srv = make_server(env={"PIPELINES_UPLOAD_BYTES_PER_SECOND": "100000"})
    wf = make_workflow(srv, ONE_FILE)
    now = datetime.now().astimezone()

    def hours(size):
        r = start(srv, wf["id"], size=size)
        assert r.status_code == 202, r.text
        return (datetime.fromisoformat(r.json()["expires_at"]) - now).total_seconds() / 3600

    small, big, huge = hours(1000), hours(10**9), hours(5 * 10**9)
    assert 0.98 <= small <= 1.02
    assert 2.7 < big < 2.8  # 10**9 bytes at 100 kB/s
    assert 11.98 <= huge <= 12.02
    too_big = start(srv, wf["id"], size=6 * 1024**3)  # over PIPELINES_UPLOAD_MAX_BYTES
    assert too_big.status_code == 422


def test_tasks_are_required_unless_only_file_fields(server):
    mixed = make_workflow(server, FILE_AND_TEXT)
    r = start(server, mixed["id"])
    assert r.status_code == 422 and "tasks" in r.json()["message"]
    assert (
        start(
            server, mixed["id"], tasks=[{"fields": {"note": "a", "document": "a.txt"}}]
        ).status_code
        == 202
    )


def test_workflow_without_file_fields_or_inactive_is_422(server):
    plain = make_workflow(server, [{"name": "t", "type": "short_text"}])
    draft = make_workflow(server, ONE_FILE, "DRAFT")
    assert start(server, plain["id"]).status_code == 422
    r = start(server, draft["id"])
    assert r.status_code == 422
    assert r.json()["message"] == "Workflow must be ACTIVE or PAUSED to create tasks"


def test_confirm_before_archive_is_422(server):
    wf = make_workflow(server, ONE_FILE)
    upload = start(server, wf["id"]).json()
    r = confirm_upload.sync_detailed(wf["id"], upload["upload_id"], client=client(server))
    assert r.status_code == 422
    assert r.parsed.message == "ZIP archive has not been uploaded yet"


def test_single_file_field_one_task_per_top_level_file(server):
    wf = make_workflow(server, ONE_FILE)
    done = run_upload(
        server,
        wf["id"],
        make_zip(
            {
                "a.txt": b"alpha",
                "b.pdf": b"%PDF-1",
                "__MACOSX/._a.txt": b"junk",
                ".DS_Store": b"x",
                "nested/c.txt": b"gamma",
            }
        ),
    )
    assert done["status"] == "completed"
    assert done["success_count"] == 2 and len(done["task_ids"]) == 2
    assert done["error_count"] == 1
    assert "nested" in done["errors"][0]["message"]
    with v1(server) as api:
        listed = api.get(f"/workflows/{wf['id']}/tasks").json()["tasks"]
    assert sorted(t["id"] for t in listed) == sorted(done["task_ids"])


def test_second_confirm_is_409(server):
    wf = make_workflow(server, ONE_FILE)
    upload = start(server, wf["id"]).json()
    put(upload["upload_url"], make_zip({"a.txt": b"a"}))
    with v1(server) as api:
        path = f"/workflows/{wf['id']}/tasks/upload/{upload['upload_id']}"
        assert api.post(path + "/confirm").status_code == 202
        again = api.post(path + "/confirm")
        assert again.status_code == 409
        assert again.json() == {
            "error": "api_error",
            "message": "Upload has already been confirmed or is no longer pending",
        }
        wait_for(lambda: _finished(api.get(path).json()))
        assert api.post(path + "/confirm").status_code == 409


def test_several_file_fields_one_task_per_folder(server):
    wf = make_workflow(server, TWO_FILES)
    done = run_upload(
        server,
        wf["id"],
        make_zip(
            {
                "row1/image.png": b"i1",
                "row1/mask.png": b"m1",
                "row2/image.jpg": b"i2",
                "row3/mask.png": b"m3",  # required image missing
                "row4/image.png": b"i4",
                "row4/extra.bin": b"?",  # unknown file
                "stray.png": b"s",  # outside a folder
            }
        ),
    )
    assert done["status"] == "completed"
    assert done["success_count"] == 2
    messages = {(e["index"], e["field_name"]): e["message"] for e in done["errors"]}
    assert messages[(2, "image")] == "Missing file for required field 'image'"
    assert any("does not match any file field" in m for m in messages.values())
    assert any("outside a folder" in m for m in messages.values())


def test_tasks_array_maps_files_by_name_with_per_row_errors(server):
    wf = make_workflow(server, FILE_AND_TEXT)
    done = run_upload(
        server,
        wf["id"],
        make_zip({"docs/a.txt": b"A", "b.txt": b"B"}),
        tasks=[
            {"fields": {"document": "docs/a.txt", "note": "first"}},
            {"fields": {"document": "./b.txt", "note": "second"}},
            {"fields": {"document": "missing.txt", "note": "third"}},
            {"fields": {"document": "b.txt"}},
            {"fields": {"document": "../b.txt", "note": "escape"}},
        ],
    )
    assert done["status"] == "completed"
    assert done["success_count"] == 2
    errors = {(e["index"], e["field_name"]): e["message"] for e in done["errors"]}
    assert errors[(2, "document")] == "File 'missing.txt' not found in the archive"
    assert errors[(3, "note")] == "Missing required columns: note"
    assert (4, "document") in errors
    assert done["error_count"] == 3


@pytest.mark.parametrize(
    "archive,needle",
    [
        (make_zip({"../evil.txt": b"x"}), "../evil.txt"),
        (make_zip({"/etc/evil.txt": b"x"}), "/etc/evil.txt"),
        (make_zip({"ok.txt": b"x"}, links={"link.txt": "/etc/passwd"}), "link"),
        (b"this is not a zip", "not a valid ZIP"),
    ],
    # Named ids: the archives hold the time they were built, and pytest-xdist's workers must
    # collect the same test names.
    ids=["dot-dot", "absolute", "symlink", "not-a-zip"],
)
def test_hostile_archives_fail_whole_upload_and_touch_nothing(server, archive, needle):
    wf = make_workflow(server, ONE_FILE)
    before = {p for p in server.data_dir.rglob("*")}
    done = run_upload(server, wf["id"], archive)
    assert done["status"] == "failed"
    assert needle in done["message"]
    assert done["task_ids"] == [] and done["success_count"] == 0
    created = {p for p in server.data_dir.rglob("*")} - before
    uploads_dir = server.data_dir / "uploads"
    assert all(
        p == uploads_dir or uploads_dir in p.parents
        for p in created
        if not p.name.startswith("server-")
    ), created
    assert not (server.data_dir.parent / "evil.txt").exists()


def test_decompression_bomb_and_size_limits_are_enforced(make_server):
    srv = make_server(
        env={
            "PIPELINES_ARCHIVE_MAX_TOTAL_BYTES": str(1024 * 1024),
            "PIPELINES_ARCHIVE_MAX_FILE_BYTES": str(64 * 1024),
            "PIPELINES_ARCHIVE_MAX_ENTRIES": "5",
        }
    )
    wf = make_workflow(srv, ONE_FILE)
    bomb = run_upload(srv, wf["id"], make_zip({"zeros.bin": b"\0" * (8 * 1024 * 1024)}))
    assert bomb["status"] == "failed"
    many = run_upload(srv, wf["id"], make_zip({f"f{i}.txt": b"x" for i in range(6)}))
    assert many["status"] == "failed" and "5" in many["message"]
    big_row = run_upload(
        srv, wf["id"], make_zip({"big.bin": bytes(range(256)) * 400, "small.txt": b"ok"})
    )
    assert big_row["status"] == "completed" and big_row["success_count"] == 1
    assert big_row["error_count"] == 1


def test_put_with_wrong_or_expired_signature_is_rejected(make_server):
    srv = make_server(
        env={"PIPELINES_UPLOAD_URL_MIN_SECONDS": "1", "PIPELINES_UPLOAD_URL_MAX_SECONDS": "1"}
    )
    wf = make_workflow(srv, ONE_FILE)
    upload = start(srv, wf["id"]).json()
    url = upload["upload_url"]
    tampered = url[:-4] + ("0000" if not url.endswith("0000") else "1111")
    r = put(tampered, make_zip({"a.txt": b"a"}))
    assert r.status_code == 403 and r.json()["error"] == "forbidden"
    other = start(srv, wf["id"]).json()
    forged = url.replace(upload["upload_id"], other["upload_id"])
    assert put(forged, make_zip({"a.txt": b"a"})).status_code == 403
    wait_for(
        lambda: (
            datetime.now().astimezone()
            > datetime.fromisoformat(upload["expires_at"]) + timedelta(seconds=1)
        ),
        timeout=5,
    )
    late = put(url, make_zip({"a.txt": b"a"}))
    assert late.status_code == 403 and "expired" in late.json()["message"]


def test_archive_upload_is_outside_the_json_cap_but_has_its_own(make_server):
    srv = make_server(
        env={"PIPELINES_MAX_BODY_BYTES": "1000", "PIPELINES_UPLOAD_MAX_BYTES": "200000"}
    )
    wf = make_workflow(srv, ONE_FILE)
    archive = make_zip({f"f{i}.bin": bytes([i]) * 1000 for i in range(20)})
    assert len(archive) > 1000
    done = run_upload(srv, wf["id"], archive)
    assert done["status"] == "completed" and done["success_count"] == 20
    upload = start(srv, wf["id"]).json()
    r = put(upload["upload_url"], b"\0" * 300_000)
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"


def test_no_worker_means_503_and_the_upload_stays_pending(make_server):
    srv = make_server(env={"PIPELINES_UPLOAD_WORKERS": "0"})
    wf = make_workflow(srv, ONE_FILE)
    upload = start(srv, wf["id"]).json()
    put(upload["upload_url"], make_zip({"a.txt": b"a"}))
    with v1(srv) as api:
        path = f"/workflows/{wf['id']}/tasks/upload/{upload['upload_id']}"
        r = api.post(path + "/confirm")
        assert r.status_code == 503 and r.json()["error"] == "service_unavailable"
        assert api.get(path).json()["status"] == "pending"
        assert api.post(path + "/confirm").status_code == 503


def test_upload_of_other_org_or_workflow_is_404(server):
    wf = make_workflow(server, ONE_FILE)
    wf2 = make_workflow(server, ONE_FILE)
    upload = start(server, wf["id"]).json()
    r = get_upload.sync_detailed(wf2["id"], upload["upload_id"], client=client(server))
    assert r.status_code == 404
    other = seed_database(server.database_url)
    r = get_upload.sync_detailed(
        wf["id"], upload["upload_id"], client=client(server, other.api_key)
    )
    assert r.status_code == 404


def test_removed_creator_breaks_only_the_three_upload_endpoints(server):
    org = server.seed.org_id
    zip_wf = make_workflow(server, ONE_FILE)
    json_wf = make_workflow(server, [{"name": "t", "type": "short_text"}])
    with native(server) as api:
        second = api.post(
            f"/organizations/{org}/users",
            json={"email": "second-admin@example.com", "role": "org_admin"},
        ).json()
    from pipelines_server.domain import keys
    from tests.api.helpers import database

    with database(server) as s:
        key = keys.issue_key(s, org, second["id"], "second admin's key")
    upload = start(server, zip_wf["id"], key=key).json()
    with native(server) as api:
        assert api.delete(f"/organizations/{org}/users/{second['id']}").status_code == 204
    with v1(server, key) as api:
        base = f"/workflows/{zip_wf['id']}/tasks/upload"
        for r in (
            api.post(base, json={}),
            api.post(f"{base}/{upload['upload_id']}/confirm"),
            api.get(f"{base}/{upload['upload_id']}"),
        ):
            assert r.status_code == 422, r.text
            assert r.json()["error"] == "validation_error"
            assert "revoke" in r.json()["message"]
        created = api.post(
            f"/workflows/{json_wf['id']}/tasks", json={"tasks": [{"fields": {"t": "a"}}]}
        )
        assert created.status_code == 200
        task_id = created.json()["task_ids"][0]
        assert api.get(f"/workflows/{json_wf['id']}/tasks").status_code == 200
        assert api.get(f"/workflows/{json_wf['id']}/tasks/{task_id}").status_code == 200
