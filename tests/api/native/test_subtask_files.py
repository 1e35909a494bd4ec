"""File answers of subtasks over real HTTP: a worker uploads a file through the project-files
flow (upload URL, PUT, confirm), submits the subtask with `{"file_id": ...}`, and the
submission stores the file's id, name, type, size and SHA-256 (the node's reply, the review's
view of it, the node's history). A file of another project or organization, an unconfirmed
one, a gc-requested one or a malformed reference is a 422 on that field; a file a submission
refers to cannot be deleted (enqueue-gc 409)."""

from __future__ import annotations

import hashlib

import httpx

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    user_key,
    wait_task,
)
from tests.api.helpers import native
from tests.api.native.work_story import as_seed, stranger

FORM = {
    "instructions": "Attach the signed report",
    "fields": [
        {"name": "report", "title": "Report", "type": "file_upload", "required": True},
        {"name": "note", "type": "short_text"},
    ],
}


def _files(pid: int) -> str:
    return f"/projects/{pid}/files"


def _upload(srv, key, data: bytes, filename="report.pdf", confirm=True, pid=None) -> str:
    pid = pid or srv.seed.project_id
    with native(srv, key) as api:
        r = api.post(
            _files(pid) + "/upload-url",
            json={"filename": filename, "content_type": "application/pdf"},
        )
        assert r.status_code == 201, r.text
        ticket = r.json()
        put = httpx.put(ticket["upload_url"], content=data, headers=ticket["headers"], timeout=60)
        assert put.status_code == 200, put.text
        if confirm:
            r = api.post(f"{_files(pid)}/{ticket['file_id']}/confirm", json={})
            assert r.status_code == 200, r.text
    return ticket["file_id"]


def _setup(server, org, review=False):
    """A fresh organization's workflow with the file form (and a review after it), one task
    at its subtask, claimed by a member: (srv, wf, task_id, node_db_id, worker key)."""
    srv = as_seed(server, org)
    ids = ["start", "attach", *(["check"] if review else []), "end"]
    nodes = [node("start", "start"), node("attach", "subtask", **FORM)]
    nodes += [node("check", "review")] if review else []
    wf = flow(srv, [*nodes, node("end", "end")], chain(*ids))
    (task_id,) = create_tasks(srv, wf["id"], [{}])
    task = wait_task(srv, wf["id"], task_id, until=node_ready("attach"))
    attach = nodes_by_id(task)["attach"]["node_db_id"]
    _, key = user_key(srv)
    with native(srv, key) as api:
        assert api.get(node_url(srv, wf["id"], attach) + "/subtask").status_code == 200
    return srv, wf, task_id, attach, key


def _submit(srv, wf, node_db_id, key, values):
    with native(srv, key) as api:
        return api.post(node_url(srv, wf["id"], node_db_id) + "/submit-subtask", json=values)


def _field_errors(r) -> dict:
    assert r.status_code == 422, r.text
    return {tuple(e["loc"]): e["msg"] for e in r.json()["detail"]}


def test_a_confirmed_project_file_is_a_subtask_answer(server, org):
    srv, wf, task_id, attach, key = _setup(server, org, review=True)
    data = b"%PDF-1.4 signed report\n" * 50
    file_id = _upload(srv, key, data)
    r = _submit(srv, wf, attach, key, {"values": {"report": {"file_id": file_id}, "note": "ok"}})
    assert r.status_code == 200, r.text
    stored = {
        "file_id": file_id,
        "filename": "report.pdf",
        "content_type": "application/pdf",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    assert r.json()["output"] == {"report": stored, "note": "ok"}
    # The reviewer sees the stored file, and fetches its bytes through the signed URL.
    task = wait_task(srv, wf["id"], task_id, until=node_ready("check"))
    check = nodes_by_id(task)["check"]["node_db_id"]
    with native(srv) as api:
        view = api.get(node_url(srv, wf["id"], check) + "/review/view").json()
        assert view["subtask"]["values"]["report"] == stored
        url = api.get(f"{_files(srv.seed.project_id)}/{file_id}/url")
        assert url.status_code == 200, url.text
        history = api.get(node_url(srv, wf["id"], attach) + "/history").json()["items"]
    download = httpx.get(url.json()["url"])
    assert download.status_code == 200 and download.content == data
    submitted = [e for e in history if e.get("submission")]
    assert submitted[-1]["submission"]["values"]["report"] == stored


def test_references_the_project_does_not_have_are_field_errors(server, org):
    srv, wf, _task_id, attach, key = _setup(server, org)
    values_loc = ("body", "values", "report")
    # Another project of the same organization.
    with native(srv) as api:
        r = api.post("/projects", json={"name": "elsewhere"})
        assert r.status_code == 201, r.text
        other_pid = r.json()["id"]
    foreign = _upload(srv, None, b"other project", pid=other_pid)
    # Another organization's file.
    outsider = stranger(server)
    alien = _upload(outsider, None, b"other org")
    # Uploaded here but never confirmed; confirmed but deleted since.
    unconfirmed = _upload(srv, key, b"not confirmed", confirm=False)
    deleted = _upload(srv, key, b"deleted")
    with native(srv, key) as api:
        r = api.post(f"{_files(srv.seed.project_id)}/{deleted}/enqueue-gc")
        assert r.status_code == 200, r.text
    for ref in (foreign, alien, unconfirmed, deleted, "not-a-uuid"):
        errors = _field_errors(
            _submit(srv, wf, attach, key, {"values": {"report": {"file_id": ref}}})
        )
        assert "not a confirmed file of this project" in errors[values_loc], errors
    for bad in ("just-a-string", {"name": "x"}, {"file_id": 7}, [1]):
        errors = _field_errors(_submit(srv, wf, attach, key, {"values": {"report": bad}}))
        assert "project file reference" in errors[values_loc], errors
    # Required: leaving it out says so, next to the field, with the other field's error too.
    errors = _field_errors(_submit(srv, wf, attach, key, {"values": {"note": 5}}))
    assert "report" in errors[values_loc] and ("body", "values", "note") in errors
    # None of this was a submission: the node is still the worker's to answer.
    good = _upload(srv, key, b"finally")
    r = _submit(srv, wf, attach, key, {"values": {"report": {"file_id": good.upper()}}})
    assert r.status_code == 200, r.text
    assert r.json()["output"]["report"]["file_id"] == good


def test_a_referenced_file_is_not_deleted(server, org):
    srv, wf, task_id, attach, key = _setup(server, org)
    pid = srv.seed.project_id
    file_id = _upload(srv, key, b"keep me")
    spare = _upload(srv, key, b"not used")
    r = _submit(srv, wf, attach, key, {"values": {"report": {"file_id": file_id}}})
    assert r.status_code == 200, r.text
    wait_task(srv, wf["id"], task_id)
    with native(srv) as api:  # not even an org admin may delete it
        r = api.post(f"{_files(pid)}/{file_id}/enqueue-gc")
        assert r.status_code == 409, r.text
        assert "submission refers to this file" in r.json()["detail"]
        listed = {
            f["id"]: f for f in api.get(_files(pid), params={"page_size": 200}).json()["items"]
        }
        assert listed[file_id]["status"] == "ready"
        assert api.get(f"{_files(pid)}/{file_id}/url").status_code == 200
        # A file no submission names is deleted as before.
        assert api.post(f"{_files(pid)}/{spare}/enqueue-gc").status_code == 200


def test_admin_corrections_keep_or_replace_the_file(server, org):
    srv, wf, task_id, attach, key = _setup(server, org)
    first = _upload(srv, key, b"first")
    second = _upload(srv, None, b"second, by the admin")
    r = _submit(srv, wf, attach, key, {"values": {"report": {"file_id": first}}})
    assert r.status_code == 200, r.text
    wait_task(srv, wf["id"], task_id)
    url = node_url(srv, wf["id"], attach)
    with native(srv) as api:
        # Editing another field keeps the stored file as it is.
        r = api.post(url + "/admin-edit-subtask", json={"values": {"note": "checked"}})
        assert r.status_code == 200, r.text
        assert r.json()["output"]["report"]["file_id"] == first
        # The file itself can be replaced, by a reference like a worker's.
        r = api.post(
            url + "/admin-inline-edit", json={"field": "report", "value": {"file_id": second}}
        )
        assert r.status_code == 200, r.text
        assert r.json()["output"]["report"]["size"] == len(b"second, by the admin")
        r = api.post(url + "/admin-inline-edit", json={"field": "report", "value": "x.pdf"})
        assert r.status_code == 422, r.text
        # Both files are now named by a submission: neither can be deleted.
        for file_id in (first, second):
            r = api.post(f"{_files(srv.seed.project_id)}/{file_id}/enqueue-gc")
            assert r.status_code == 409, r.text
