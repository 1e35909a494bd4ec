"""A subtask's file field in the web UI: the worker chooses a real file in the form; a refused
attempt keeps it (no second choice needed); the submitted file is a download link on the
reviewer's page, whose bytes are the ones chosen. The workflow is made through the real HTTP
API; the pages are driven as a person would."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import Account, new_account

FIELDS = [
    {"name": "report", "title": "Report", "type": "file_upload", "required": True},
    {"name": "note", "title": "Note", "type": "short_text", "required": True},
]


def _workflow(account: Account) -> dict:
    ids = ["start", "attach", "check", "end"]
    nodes = [
        {"id": "start", "kind": "start", "name": "start"},
        {
            "id": "attach",
            "kind": "subtask",
            "name": "attach",
            "config": {"instructions": "Attach the scan", "fields": FIELDS},
        },
        {"id": "check", "kind": "review", "name": "check"},
        {"id": "end", "kind": "end", "name": "end"},
    ]
    edges = [{"source": a, "target": b} for a, b in zip(ids, ids[1:], strict=False)]
    with account.api() as api:
        r = api.post(
            f"/api/projects/{account.project_id}/workflows",
            json={"name": "Scans", "fields": [], "graph": {"nodes": nodes, "edges": edges}},
        )
        assert r.status_code == 201, r.text
        wf = r.json()
        r = api.post(f"/api/projects/{account.project_id}/workflows/{wf['id']}/activate")
        assert r.status_code == 200, r.text
        r = api.post(f"/api/v1/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {}}]})
        assert r.status_code == 200 and r.json()["error_count"] == 0, r.text
        return {**wf, "task_id": r.json()["task_ids"][0]}


def _open_from_queue(page, account: Account, node_id: str) -> None:
    page.goto(account.base_url + "/ui/work")
    page.get_by_role("link", name=node_id, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(node_id)


def test_a_file_chosen_in_the_form_is_submitted_and_downloaded_by_the_reviewer(
    server, page, shot, tmp_path
):
    admin = new_account(server)
    worker = new_account(server, org_id=admin.org_id, role="member")
    _workflow(admin)
    data = b"\x00\x01 scan bytes \xff\xfe\n" + os.urandom(70_000)
    chosen = tmp_path / "scan 1.bin"
    chosen.write_bytes(data)

    sign_in(page, worker, "/ui/work")
    _open_from_queue(page, worker, "attach")
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("Claimed by you")).to_be_visible()
    report = page.get_by_label("Report")
    expect(report).to_have_attribute("type", "file")
    expect(report).to_have_attribute("required", "")

    # The file is chosen; the note's required check removed, so that the server refuses it.
    report.set_input_files(str(chosen))
    note = page.get_by_label("Note")
    note.evaluate("e => e.removeAttribute('required')")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#err-note")).to_contain_text("Missing required columns: note")
    # The chosen file was stored: the form carries it, and the file input is optional now.
    kept = page.locator("#kept-report")
    expect(kept).to_contain_text("Uploaded: scan 1.bin")
    expect(page.get_by_label("Report")).not_to_have_attribute("required", re.compile(".*"))
    shot(page, "file-kept")

    page.get_by_label("Note").fill("front and back")
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile(r"/ui/work\?done=submitted"))
    expect(page.get_by_role("status")).to_contain_text("Submitted attach of task")

    # The reviewer sees the file as a link and downloads the very bytes chosen.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, admin, "/ui/work?kind=review")
    _open_from_queue(page, admin, "check")
    values = page.locator("dl.values").first
    expect(values).to_contain_text("Report")
    expect(values).to_contain_text("front and back")
    link = values.get_by_role("link", name="scan 1.bin")
    expect(link).to_be_visible()
    expect(values).to_contain_text(f"{len(data)} bytes")
    shot(page, "review-with-file")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "scan 1.bin"
    got = Path(download.path()).read_bytes()
    assert hashlib.sha256(got).hexdigest() == hashlib.sha256(data).hexdigest() and got == data

    # The link checks the viewer's access: someone of another organization is refused.
    href = link.get_attribute("href")
    assert href and href.startswith("/ui/files/")
    page.get_by_role("button", name="Sign out").click()
    outsider = new_account(server)
    sign_in(page, outsider, "/ui/work")
    response = page.goto(admin.base_url + href)
    assert response is not None and response.status == 404
    expect(page.get_by_role("alert")).to_be_visible()
    shot(page, "outsider-refused")
