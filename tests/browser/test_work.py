"""The human work pages: my work, a subtask's form (every field type, the browser's checks and
the server's reasons shown inline), a review, release. Workflows and tasks are made through
the real HTTP API; the pages are driven as a person would."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import Account, new_account

INPUT = [{"name": "text", "type": "short_text", "required": True}]
# One field of each type of engine/vocabulary.py FIELD_TYPES (and a prefilled copy of the input).
FORM_FIELDS = [
    {"name": "text", "title": "Text", "type": "short_text", "source": "input"},
    {"name": "summary", "title": "Summary", "type": "short_text", "required": True},
    {"name": "notes", "title": "Notes", "type": "long_text"},
    {"name": "snippet", "title": "Snippet", "type": "code"},
    {"name": "urgent", "title": "Urgent", "type": "boolean", "required": True},
    {"name": "score", "title": "Score", "type": "numeric", "required": True},
    {"name": "due", "title": "Due", "type": "datetime"},
    {
        "name": "label",
        "title": "Label",
        "type": "select",
        "options": ["spam", "ham"],
        "required": True,
    },
    {"name": "quality", "title": "Quality", "type": "rating", "max_rating": 5, "required": True},
    {"name": "attachment", "title": "Attachment", "type": "file_upload"},
]


def _node(node_id: str, kind: str, **config) -> dict:
    return {"id": node_id, "kind": kind, "name": node_id, **({"config": config} if config else {})}


def _workflow(account: Account, nodes: list[dict]) -> dict:
    """An active workflow whose nodes run one after the other."""
    ids = [n["id"] for n in nodes]
    edges = [{"source": a, "target": b} for a, b in zip(ids, ids[1:], strict=False)]
    with account.api() as api:
        r = api.post(
            f"/api/projects/{account.project_id}/workflows",
            json={
                "name": f"Labelling {ids[1]}",
                "fields": INPUT,
                "graph": {"nodes": nodes, "edges": edges},
            },
        )
        assert r.status_code == 201, r.text
        wf = r.json()
        r = api.post(f"/api/projects/{account.project_id}/workflows/{wf['id']}/activate")
        assert r.status_code == 200, r.text
        r = api.post(
            f"/api/v1/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {"text": "buy now"}}]}
        )
        assert r.status_code == 200 and r.json()["error_count"] == 0, r.text
        return {**wf, "task_id": r.json()["task_ids"][0]}


def _task(account: Account, wf: dict) -> dict:
    with account.api() as api:
        r = api.get(
            f"/api/projects/{account.project_id}/workflows/{wf['id']}/tasks/{wf['task_id']}"
        )
    assert r.status_code == 200, r.text
    return r.json()


def _node_status(account: Account, wf: dict, node_id: str) -> str:
    return next(n["status"] for n in _task(account, wf)["nodes"] if n["node_id"] == node_id)


def _wait_finished(account: Account, wf: dict) -> dict:
    """The task once it ended: the live event stream is read until the task's end event
    (the stream blocks until then; no polling)."""
    task = _task(account, wf)
    if task["status"] in ("finished", "failed", "cancelled"):
        return task
    with (
        account.api() as api,
        api.stream(
            "GET",
            "/api/events",
            params={"task_id": wf["task_id"], "after": 0, "max_seconds": 60},
            timeout=90,
        ) as stream,
    ):
        for line in stream.iter_lines():
            if re.fullmatch(r"event: task\.(finished|failed|cancelled)", line):
                break
    return _task(account, wf)


def _open_from_queue(page, account: Account, node_id: str) -> None:
    page.goto(account.base_url + "/ui/work")
    page.get_by_role("link", name=node_id, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(node_id)


def test_subtask_form_and_review(server, page, shot):
    admin = new_account(server)
    worker = new_account(server, org_id=admin.org_id, role="member")
    wf = _workflow(
        admin,
        [
            _node("start", "start"),
            _node("labelling", "subtask", instructions="Label the text", fields=FORM_FIELDS),
            _node("check", "review", max_rereviews=2),
            _node("end", "end"),
        ],
    )

    sign_in(page, worker, "/ui/work")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    row = page.get_by_role("row").filter(has_text="labelling")
    expect(row).to_contain_text("available")
    shot(page, "queue")
    _open_from_queue(page, worker, "labelling")
    expect(page.get_by_text("Label the text")).to_be_visible()  # the node's instructions
    expect(page.get_by_text("buy now").first).to_be_visible()  # the task's input
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("Claimed by you")).to_be_visible()
    expect(page.get_by_label("Text", exact=True)).to_have_value("buy now")  # prefilled

    # Every field type has its input.
    summary = page.get_by_label("Summary")
    expect(summary).to_have_attribute("maxlength", "1000")
    expect(page.get_by_label("Notes")).to_have_js_property("tagName", "TEXTAREA")
    expect(page.get_by_label("Snippet")).to_have_js_property("tagName", "TEXTAREA")
    urgent = page.get_by_role("group", name=re.compile("Urgent"))
    expect(page.get_by_label("Score")).to_have_attribute("type", "number")
    expect(page.get_by_label("Due")).to_have_attribute("type", "datetime-local")
    expect(page.get_by_label("Label")).to_have_js_property("tagName", "SELECT")
    quality = page.get_by_label("Quality")
    expect(quality).to_have_attribute("max", "5")
    expect(page.get_by_label("Attachment")).to_have_attribute("type", "file")

    # The browser stops a submit with a required field empty.
    page.get_by_role("button", name="Submit").click()
    expect(summary).to_have_js_property("validity.valueMissing", True)
    assert summary.evaluate("e => e.validationMessage")
    assert page.locator("#subtask-form:invalid").count() == 1
    expect(page).to_have_url(re.compile(r"/ui/work/subtask/\d+/\d+/\d+$"))
    assert _node_status(admin, wf, "labelling") == "claimed"
    shot(page, "browser-stopped")

    summary.fill("Spam offer")
    page.get_by_label("Notes").fill("two lines\nof notes")
    page.get_by_label("Snippet").fill("print('hi')")
    urgent.get_by_label("Yes").check()
    page.get_by_label("Score").fill("2.5")
    page.get_by_label("Due").fill("2025-03-04T05:06:07")
    page.get_by_label("Label").select_option("spam")
    # A rating the browser would refuse (max 5): its check removed, the server refuses it.
    quality.evaluate("e => e.removeAttribute('max')")
    quality.fill("9")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#err-quality")).to_have_text(
        "Field 'quality' must be an integer rating from 1 to 5"
    )
    expect(page.get_by_label("Quality")).to_have_attribute("aria-invalid", "true")
    # The user's input is kept.
    expect(page.get_by_label("Summary")).to_have_value("Spam offer")
    expect(page.get_by_label("Notes")).to_have_value("two lines\nof notes")
    expect(page.get_by_role("group", name=re.compile("Urgent")).get_by_label("Yes")).to_be_checked()
    expect(page.get_by_label("Score")).to_have_value("2.5")
    expect(page.get_by_label("Due")).to_have_value("2025-03-04T05:06:07")
    expect(page.get_by_label("Label")).to_have_value("spam")
    shot(page, "server-refused")

    page.get_by_label("Quality").fill("4")
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile(r"/ui/work\?done=submitted"))
    expect(page.get_by_role("status")).to_contain_text("Submitted labelling of task")
    expect(page.get_by_role("link", name="labelling", exact=True)).to_have_count(0)
    shot(page, "submitted")

    page.get_by_role("link", name="My submissions").click()
    mine = page.get_by_role("row").filter(has_text="labelling")
    expect(mine).to_contain_text("pending")
    shot(page, "submissions-pending")

    # The reviewer (the admin) passes it.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, admin, "/ui/work?kind=review")
    _open_from_queue(page, admin, "check")
    values = page.locator("dl.values").first
    expect(values).to_contain_text("Summary")
    expect(values).to_contain_text("Spam offer")
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("Claimed by you")).to_be_visible()
    page.get_by_label("Pass").check()
    page.get_by_label("Comment").fill("good")
    shot(page, "review")
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_role("status")).to_contain_text("You passed the review check")
    shot(page, "reviewed")

    task = _wait_finished(admin, wf)
    assert task["status"] == "finished"
    with worker.api() as api:
        subs = api.get("/api/my-submissions")
    assert subs.status_code == 200, subs.text
    (sub,) = subs.json()["items"]
    assert sub["review"]["status"] == "passed"
    assert sub["values"] == {
        "text": "buy now",
        "summary": "Spam offer",
        "notes": "two lines\nof notes",
        "snippet": "print('hi')",
        "urgent": True,
        "score": 2.5,
        "due": "2025-03-04T05:06:07+00:00",
        "label": "spam",
        "quality": 4,
    }


def test_release_and_filters(server, page, shot):
    account = new_account(server)
    fields = [{"name": "label", "type": "select", "options": ["spam", "ham"], "required": True}]
    wf = _workflow(
        account,
        [_node("start", "start"), _node("triage", "subtask", fields=fields), _node("end", "end")],
    )
    other = _workflow(
        account,
        [_node("start", "start"), _node("sorting", "subtask", fields=fields), _node("end", "end")],
    )
    sign_in(page, account, "/ui/work")
    expect(page.get_by_role("link", name="sorting", exact=True)).to_be_visible()
    page.get_by_label("Workflow").select_option(label="Labelling triage")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name="triage", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="sorting", exact=True)).to_have_count(0)
    page.get_by_role("link", name="Clear filters").click()
    expect(page.get_by_role("link", name="sorting", exact=True)).to_be_visible()
    page.get_by_label("Status").select_option("claimed")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("Nothing to do with these filters")).to_be_visible()
    _open_from_queue(page, account, "triage")
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("Claimed by you")).to_be_visible()
    assert _node_status(account, wf, "triage") == "claimed"

    page.goto(account.base_url + "/ui/work?status=claimed")
    row = page.get_by_role("row").filter(has_text="triage")
    expect(row).to_contain_text("claimed by you")
    shot(page, "claimed")

    _open_from_queue(page, account, "triage")
    page.get_by_role("button", name="Release").click()
    expect(page.get_by_role("status")).to_contain_text("Released triage of task")
    expect(page.get_by_role("row").filter(has_text="triage")).to_contain_text("available")
    assert _node_status(account, wf, "triage") == "available"
    assert _node_status(account, other, "sorting") == "available"
    shot(page, "released")


def test_failed_review_sends_the_work_back(server, page, shot):
    admin = new_account(server)
    worker = new_account(server, org_id=admin.org_id, role="member")
    fields = [{"name": "label", "type": "select", "options": ["spam", "ham"], "required": True}]
    wf = _workflow(
        admin,
        [
            _node("start", "start"),
            _node("tagging", "subtask", fields=fields),
            _node("vetting", "review"),
            _node("end", "end"),
        ],
    )
    # The worker submits through the API; the review is the subject here.
    sign_in(page, worker, "/ui/work")
    expect(page.get_by_role("link", name="tagging", exact=True)).to_be_visible()
    node_db_id = next(
        n["node_db_id"] for n in _task(admin, wf)["nodes"] if n["node_id"] == "tagging"
    )
    base = f"/api/projects/{admin.project_id}/workflows/{wf['id']}/nodes/{node_db_id}"
    with worker.api() as api:
        assert api.get(base + "/subtask").status_code == 200
        r = api.post(base + "/submit-subtask", json={"values": {"label": "ham"}})
        assert r.status_code == 200, r.text
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, admin, "/ui/work")
    _open_from_queue(page, admin, "vetting")
    page.get_by_role("button", name="Claim").click()
    page.get_by_label("Fail (send the work back)").check()
    page.get_by_label("Comment").fill("It is spam")
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_role("status")).to_contain_text("the work was sent back")
    shot(page, "failed")
    assert _node_status(admin, wf, "tagging") == "available"
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, worker, "/ui/work/submissions")
    row = page.get_by_role("row").filter(has_text="tagging")
    expect(row).to_contain_text("rejected")
    expect(row).to_contain_text("It is spam")
    shot(page, "rejected")
    page.get_by_role("link", name="Queue").click()
    expect(page.get_by_role("row").filter(has_text="tagging")).to_contain_text("available")
