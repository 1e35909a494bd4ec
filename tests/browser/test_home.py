"""The home page as a dashboard: the viewer's open work, the running tasks of the
organization's active workflows and its latest KFP runs, each count linking to its page."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account
from tests.browser.test_work import _node, _workflow

expect.set_options(timeout=60_000)


def _wait_available(account, task_id: int) -> None:
    """Reads the task's live events until a node became available (no polling)."""
    with (
        account.api() as api,
        api.stream(
            "GET",
            "/api/events",
            params={"task_id": task_id, "after": 0, "max_seconds": 60},
            timeout=90,
        ) as stream,
    ):
        for line in stream.iter_lines():
            if line == "event: node.available":
                return
    raise AssertionError(f"task {task_id}: no node became available")


def test_home_counts_my_work_and_running_tasks_and_links_to_them(server, page, shot):
    account = new_account(server)
    sign_in(page, account)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {account.username}")
    expect(page.locator("#dash-work")).to_have_text("0 open work items")
    expect(page.locator("#dash-running")).to_have_text("0 running tasks")
    expect(page.locator("#dash-runs")).to_have_text("0 KFP runs")
    expect(page.get_by_text("No KFP runs yet.")).to_be_visible()
    shot(page, "empty")

    wf = _workflow(
        account,
        [_node("start", "start"), _node("triage", "subtask", fields=[]), _node("end", "end")],
    )
    # Once the task reaches its form (the engine runs it), the page counts it.
    _wait_available(account, wf["task_id"])
    page.reload()
    expect(page.locator("#dash-work")).to_have_text("1 open work item")
    expect(page.locator("#dash-running")).to_have_text("1 running task")
    work_list = page.get_by_role("region", name="Your open work")
    expect(work_list.get_by_role("link", name="triage", exact=True)).to_be_visible()
    running = page.get_by_role("region", name="Running tasks")
    shot(page, "busy")

    running.get_by_role("link", name=f"1 running in {wf['name']}").click()
    expect(page).to_have_url(re.compile(rf"/ui/tasks\?workflow_id={wf['id']}&status=in_progress"))
    expect(page.get_by_role("link", name=re.compile(rf"^#?{wf['task_id']}$"))).to_be_visible()
    page.go_back()
    page.locator("#dash-work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_role("link", name="triage", exact=True)).to_be_visible()
    page.go_back()
    page.locator("#dash-runs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Runs")
    shot(page, "followed")
