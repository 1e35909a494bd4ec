"""Workflows and tasks in the web UI: a workflow created, refused with its reasons shown
inline, saved and activated through the editor; a task started from the UI that moves to
finished on its page while the page stays open (server-sent events); a failed code node's
log on its task's page; the live event stream refuses what the viewer may not see."""

from __future__ import annotations

import json
import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account

INPUT = [{"name": "text", "type": "short_text", "required": True}]
# Waits are for something to appear, never for a time (as conftest's context): generous, so
# that a loaded machine passes too.
expect.set_options(timeout=60_000)

LABEL_FORM = {"fields": [{"name": "label", "type": "select", "options": ["spam", "ham"]}]}


def graph(*nodes: dict) -> dict:
    ids = [n["id"] for n in nodes]
    return {
        "nodes": list(nodes),
        "edges": [{"source": a, "target": b} for a, b in zip(ids, ids[1:], strict=False)],
    }


def labelling_graph() -> dict:
    return graph(
        {"id": "start", "kind": "start", "name": "Start"},
        {"id": "label", "kind": "subtask", "name": "Label it", "config": LABEL_FORM},
        {"id": "end", "kind": "end", "name": "End"},
    )


def active_workflow(account, fields: list, graph_: dict) -> dict:
    with account.api() as api:
        r = api.post(
            f"/api/projects/{account.project_id}/workflows",
            json={"name": f"wf-{uuid.uuid4().hex[:6]}", "fields": fields, "graph": graph_},
        )
        assert r.status_code == 201, r.text
        wf = r.json()
        r = api.post(f"/api/projects/{account.project_id}/workflows/{wf['id']}/activate")
        assert r.status_code == 200, r.text
        return r.json()


def definition_box(page):
    return page.get_by_role("textbox", name=re.compile("^Definition"))


def test_create_refuse_save_and_activate_a_workflow(server, page, shot):
    account = new_account(server)
    sign_in(page, account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Workflows").click()
    page.get_by_role("link", name="New workflow").click()
    name = f"Labelling {uuid.uuid4().hex[:6]}"
    page.get_by_label("Name").fill(name)
    bad = graph(
        {"id": "start", "kind": "start"},
        {"id": "x", "kind": "bogus"},
        {"id": "end", "kind": "end"},
    )
    bad["edges"].append({"source": "start", "target": "nowhere"})
    definition_box(page).fill(json.dumps({"fields": [], "graph": bad}))
    page.get_by_role("button", name="Create workflow").click()

    # Every reason, each at its location in the definition; the text is kept.
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("unknown kind 'bogus'")
    expect(alert).to_contain_text("graph.nodes.1.kind")
    expect(alert).to_contain_text("Edge target 'nowhere' is not a node")
    expect(alert).to_contain_text("graph.edges.2.target")
    expect(definition_box(page)).to_have_value(re.compile("bogus"))
    shot(page, "refused")

    good = {"fields": INPUT, "graph": labelling_graph()}
    definition_box(page).fill(json.dumps(good))
    page.get_by_role("button", name="Create workflow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_text("DRAFT", exact=True)).to_be_visible()
    expect(page.locator("#dag-node-label")).to_be_visible()

    # An edit in YAML with a mistake: refused inline, nothing saved.
    page.get_by_label("YAML").check()
    definition_box(page).fill(
        "fields: []\ngraph:\n  nodes:\n    - {id: start, kind: start}\n"
        "    - {id: end, kind: end}\n  edges:\n    - {source: start, target: missing}\n"
    )
    page.get_by_role("button", name="Save definition").click()
    expect(page.get_by_role("alert")).to_contain_text("Edge target 'missing' is not a node")
    shot(page, "edit-refused")

    # The same in YAML, corrected: saved as version 2, then activated.
    page.get_by_label("YAML").check()
    definition_box(page).fill(
        "fields:\n  - {name: text, type: short_text, required: true}\n"
        "graph:\n  nodes:\n    - {id: start, kind: start}\n"
        "    - {id: label, kind: subtask, name: Label, config: {fields: "
        "[{name: label, type: select, options: [spam, ham]}]}}\n"
        "    - {id: end, kind: end}\n  edges:\n    - {source: start, target: label}\n"
        "    - {source: label, target: end, source_port: out}\n"
    )
    page.get_by_role("button", name="Save definition").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_text("version 2")).to_be_visible()
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("ACTIVE", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    shot(page, "active")

    # The list finds it by name and status, and not under another status.
    page.goto(f"{server.base_url}/ui/workflows?q={name.split()[1]}&status=ACTIVE")
    expect(page.get_by_role("link", name=name)).to_be_visible()
    page.get_by_label("Status").select_option("ARCHIVED")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("No workflow matches.")).to_be_visible()
    shot(page, "list")


def test_a_task_moves_live_to_finished_on_its_page(server, page, shot):
    account = new_account(server)
    wf = active_workflow(account, INPUT, labelling_graph())
    sign_in(page, account)
    page.goto(f"{server.base_url}/ui/workflows/{wf['id']}")
    page.get_by_label(re.compile("^Inputs")).fill('{"text": "buy now"}')
    page.get_by_role("button", name="Start task").click()
    expect(page).to_have_url(re.compile(r"/ui/tasks/\d+$"))
    task_id = int(page.url.rsplit("/", 1)[1])
    page.evaluate("window.stillTheSamePage = true")

    # The task waits on the person's form: its node is open on the page.
    label = page.locator("#dag-node-label")
    expect(label).to_have_attribute("data-state", "available")
    expect(page.locator("#task-live")).to_have_attribute("data-live", "connected")
    expect(page.locator("#task-status")).to_have_text("in_progress")
    shot(page, "waiting")

    # Someone does the work through the API while the page stays open.
    base = f"/api/projects/{account.project_id}/workflows/{wf['id']}"
    with account.api() as api:
        detail = api.get(f"{base}/tasks/{task_id}").json()
        node = next(n for n in detail["nodes"] if n["node_id"] == "label")
        assert api.get(f"{base}/nodes/{node['node_db_id']}/subtask").status_code == 200
        r = api.post(
            f"{base}/nodes/{node['node_db_id']}/submit-subtask", json={"values": {"label": "ham"}}
        )
        assert r.status_code == 200, r.text

    expect(label).to_have_attribute("data-state", "finished")
    expect(page.locator("#dag-node-end")).to_have_attribute("data-state", "finished")
    expect(page.locator("#task-status")).to_have_text("finished")
    expect(page.locator("#timeline")).to_contain_text("task.finished")
    expect(page.get_by_role("button", name="Cancel task")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True  # never reloaded
    shot(page, "finished")

    # The workflow's page counts the node instances by state.
    page.goto(f"{server.base_url}/ui/workflows/{wf['id']}")
    row = page.locator("#node-counts tr[data-node='label']")
    expect(row.locator("[data-bucket='done']")).to_have_text("1")
    expect(row.locator("[data-bucket='running']")).to_have_text("0")
    shot(page, "workflow-counts")

    # The task list has it, filtered by status.
    page.goto(f"{server.base_url}/ui/tasks?workflow_id={wf['id']}&status=finished")
    expect(page.get_by_role("link", name=f"#{task_id}")).to_be_visible()
    page.get_by_label("Status").select_option("failed")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("No task matches.")).to_be_visible()
    shot(page, "task-list")


def test_a_failed_code_node_shows_its_log_and_a_task_can_be_cancelled(server, page, shot):
    account = new_account(server)
    source = "def main(data):\n    print('about to fail on', data['task']['text'])\n" + (
        "    raise ValueError('no good')\n"
    )
    boom = active_workflow(
        account,
        INPUT,
        graph(
            {"id": "start", "kind": "start"},
            {"id": "boom", "kind": "code", "name": "Boom", "config": {"source": source}},
            {"id": "end", "kind": "end"},
        ),
    )
    waiting = active_workflow(account, INPUT, labelling_graph())
    base = f"/api/projects/{account.project_id}/workflows"
    with account.api() as api:
        r = api.post(
            f"{base}/{boom['id']}/create-tasks", json={"tasks": [{"fields": {"text": "xyz"}}]}
        )
        assert r.status_code == 200, r.text
        failing = r.json()["task_ids"][0]
        r = api.post(
            f"{base}/{waiting['id']}/create-tasks", json={"tasks": [{"fields": {"text": "abc"}}]}
        )
        open_task = r.json()["task_ids"][0]
    sign_in(page, account)

    page.goto(f"{server.base_url}/ui/tasks/{failing}")
    expect(page.locator("#task-status")).to_have_text("failed")
    expect(page.locator("#dag-node-boom")).to_have_attribute("data-state", "failed")
    log = page.locator("#log-boom")
    expect(log).to_contain_text("about to fail on xyz")
    expect(log).to_contain_text("ValueError: no good")
    expect(page.locator("#task-inputs")).to_contain_text('"text": "xyz"')
    shot(page, "failed-log")

    page.goto(f"{server.base_url}/ui/tasks/{open_task}")
    expect(page.locator("#dag-node-label")).to_have_attribute("data-state", "available")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Cancel task").click()
    expect(page.locator("#task-status")).to_have_text("cancelled")
    shot(page, "cancelled")


def test_the_live_stream_shows_only_the_viewers_organization(server, page, shot):
    mine = new_account(server)
    theirs = new_account(server)
    other_wf = active_workflow(theirs, INPUT, labelling_graph())
    with theirs.api() as api:
        r = api.post(
            f"/api/projects/{theirs.project_id}/workflows/{other_wf['id']}/create-tasks",
            json={"tasks": [{"fields": {"text": "secret"}}]},
        )
        other_task = r.json()["task_ids"][0]
    anonymous = page.request.get(f"{server.base_url}/ui/events?task_id={other_task}")
    assert anonymous.status == 401
    sign_in(page, mine)
    for query in (f"task_id={other_task}", f"workflow_id={other_wf['id']}"):
        r = page.request.get(f"{server.base_url}/ui/events?{query}&max_seconds=1")
        assert r.status == 404, (query, r.status)
        assert "secret" not in r.text()
    page.goto(f"{server.base_url}/ui/tasks/{other_task}")
    expect(page.get_by_role("alert")).to_have_text("Task not found")
    shot(page, "not-found")


def test_an_opened_log_stays_open_when_the_page_refreshes_live(server, page, shot):
    account = new_account(server)
    source = "def main(data):\n    print('cleaned', data['task']['text'])\n    return {}\n"
    wf = active_workflow(
        account,
        INPUT,
        graph(
            {"id": "start", "kind": "start"},
            {"id": "clean", "kind": "code", "name": "Clean", "config": {"source": source}},
            {"id": "label", "kind": "subtask", "name": "Label it", "config": LABEL_FORM},
            {"id": "end", "kind": "end"},
        ),
    )
    base = f"/api/projects/{account.project_id}/workflows/{wf['id']}"
    with account.api() as api:
        r = api.post(f"{base}/create-tasks", json={"tasks": [{"fields": {"text": "abc"}}]})
        assert r.status_code == 200, r.text
        task_id = r.json()["task_ids"][0]
    sign_in(page, account)
    page.goto(f"{server.base_url}/ui/tasks/{task_id}")
    expect(page.locator("#dag-node-label")).to_have_attribute("data-state", "available")
    expect(page.locator("#task-live")).to_have_attribute("data-live", "connected")
    log = page.locator("#log-clean")
    log.locator("summary").click()
    expect(log).to_have_attribute("open", "")
    expect(log).to_contain_text("cleaned abc")
    with account.api() as api:
        detail = api.get(f"{base}/tasks/{task_id}").json()
        node = next(n for n in detail["nodes"] if n["node_id"] == "label")
        assert api.get(f"{base}/nodes/{node['node_db_id']}/subtask").status_code == 200
        r = api.post(
            f"{base}/nodes/{node['node_db_id']}/submit-subtask", json={"values": {"label": "ham"}}
        )
        assert r.status_code == 200, r.text
    # The page refreshed itself with the task's end, and the log the reader opened is open.
    expect(page.locator("#task-status")).to_have_text("finished")
    expect(log).to_have_attribute("open", "")
    shot(page, "log-kept-open")
