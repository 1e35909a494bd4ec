"""A KFP task's log keeps the reader's place while the run page refreshes itself: the log of a
task that ended is not in the region polled every 2 s (it is rendered once), and the log of a
task still running is refreshed in a box that keeps its scroll position (static/app.js,
data-keep-scroll). One pipeline run: a task prints 300 lines and ends, the next prints 300
lines and waits far longer than the test; the run is terminated at the end.
(No `from __future__ import annotations`: kfp reads the components' annotations.)"""

import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import new_account

kfp = pytest.importorskip("kfp")
from kfp import dsl  # noqa: E402

START_TIMEOUT_MS = 240_000  # a sandboxed task starts slowly on a loaded machine


@dsl.component(base_image="python:3.11")
def talk_then_stop(lines: int) -> str:
    for i in range(lines):
        print(f"first task, line {i}", flush=True)
    return "done"


@dsl.component(base_image="python:3.11")
def talk_then_wait(lines: int, seconds: float, after: str) -> str:
    import time

    for i in range(lines):
        print(f"second task, line {i}", flush=True)
    time.sleep(seconds)
    return after


@dsl.pipeline(name="ui-chatty")
def chatty(lines: int = 300, seconds: float = 3600.0):
    first = talk_then_stop(lines=lines)
    talk_then_wait(lines=lines, seconds=seconds, after=first.output)


NEXT_SWAP = """selector => new Promise(resolve => document.addEventListener("htmx:afterSettle",
  function done(evt) {
    if (evt.target.matches && evt.target.matches(selector)) {
      document.removeEventListener("htmx:afterSettle", done);
      resolve(true);
    }
  }))"""


def _scroll(page, top: int) -> None:
    page.locator("#task-log").evaluate("(el, top) => { el.scrollTop = top; }", top)


def _scroll_top(page) -> int:
    return page.locator("#task-log").evaluate("el => Math.round(el.scrollTop)")


def test_a_task_log_keeps_its_scroll_position_across_refreshes(server, page, shot):
    account = new_account(server)
    client = kfp.Client(host=server.base_url, existing_token=account.api_key)
    result = client.create_run_from_pipeline_func(
        chatty, experiment_name=f"ui-log-{secrets.token_hex(3)}", run_name="ui-chatty"
    )
    run_path = f"/ui/kfp/runs/{result.run_id}"
    sign_in(page, account, next_path=run_path)
    expect(page).to_have_url(re.compile(rf"{run_path}$"))
    waiting = page.locator('#run-live [data-node="talk-then-wait"]')
    expect(waiting).to_have_attribute("data-state", "running", timeout=START_TIMEOUT_MS)

    # The first task ended while the run goes on: its page still refreshes (the run's state),
    # but not its log, so where the reader scrolled to stays put.
    page.locator("#run-tasks").get_by_role("link", name="talk-then-stop", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Task talk-then-stop")
    expect(page.locator("#task-live")).to_have_attribute("data-finished", "no")
    expect(page.locator("#task-log-live")).to_have_attribute("data-finished", "yes")
    expect(page.locator("#task-log")).to_contain_text("first task, line 299")
    expect(page.locator("#task-live #task-log")).to_have_count(0)
    _scroll(page, 1500)
    assert page.evaluate(NEXT_SWAP, "#task-live")
    assert _scroll_top(page) == 1500
    shot(page, "ended-task")

    # The second task is running: its log refreshes, and keeps the reader's place too.
    page.goto(server.base_url + run_path)
    page.locator("#run-tasks").get_by_role("link", name="talk-then-wait", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Task talk-then-wait")
    expect(page.locator("#task-log-live")).to_have_attribute("data-finished", "no")
    expect(page.locator("#task-log")).to_contain_text("second task, line 299")
    _scroll(page, 1500)
    assert page.evaluate(NEXT_SWAP, "#task-log-live")
    assert _scroll_top(page) == 1500
    # Scrolled to its end, it stays at its end.
    _scroll(page, 10**6)
    assert page.evaluate(NEXT_SWAP, "#task-log-live")
    at_end = page.locator("#task-log").evaluate(
        "el => el.scrollTop + el.clientHeight >= el.scrollHeight - 2"
    )
    assert at_end
    shot(page, "running-task")

    # Nothing is left running.
    page.goto(server.base_url + run_path)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Terminate").click()
    expect(page.locator("#run-state")).to_have_text("canceled")
