"""Terminate and retry from a KFP run's page, with the page following the run by itself: a
run the real kfp SDK submitted, whose one task waits far longer than the test, is terminated
with the page's button (after confirming), turns canceled without a reload, is retried, runs
again, and is terminated again (so it leaves nothing running). One pipeline run for the
file; and a recurring run (yearly: it never fires here) disabled and enabled from its page.
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
def wait_long(seconds: float) -> str:
    import time

    print("waiting now", flush=True)
    time.sleep(seconds)
    return "done"


@dsl.pipeline(name="ui-waiting")
def waiting(seconds: float = 3600.0):
    wait_long(seconds=seconds)


def _terminate(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Terminate").click()


def test_terminate_and_retry_from_the_run_page(server, page, shot):
    account = new_account(server)
    client = kfp.Client(host=server.base_url, existing_token=account.api_key)
    result = client.create_run_from_pipeline_func(
        waiting, experiment_name=f"ui-actions-{secrets.token_hex(3)}", run_name="ui-waiting"
    )
    sign_in(page, account, next_path=f"/ui/kfp/runs/{result.run_id}")
    expect(page).to_have_url(re.compile(rf"/ui/kfp/runs/{result.run_id}$"))
    node = page.locator('#run-live [data-node="wait-long"]')
    expect(node).to_have_attribute("data-state", "running", timeout=START_TIMEOUT_MS)
    shot(page, "running")

    # A dismissed confirmation changes nothing.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Terminate").click()
    expect(page.locator("#run-state")).to_have_text("running")

    _terminate(page)
    # CANCELING first, then the page follows the run to CANCELED by itself.
    expect(page.locator("#run-state")).to_have_text("canceled")
    expect(page.locator("#run-live")).to_have_attribute("data-finished", "yes")
    expect(node).to_have_attribute("data-state", re.compile("canceled|failed"))
    expect(page.get_by_role("button", name="Terminate")).to_have_count(0)
    shot(page, "canceled")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Retry").click()
    expect(page.locator("#run-live")).to_have_attribute("data-finished", "no")
    expect(node).to_have_attribute("data-state", "running", timeout=START_TIMEOUT_MS)
    shot(page, "retried")
    _terminate(page)
    expect(page.locator("#run-state")).to_have_text("canceled")
    shot(page, "canceled-again")


def test_a_recurring_run_is_disabled_and_enabled_from_its_page(server, page, shot, tmp_path):
    account = new_account(server)
    client = kfp.Client(host=server.base_url, existing_token=account.api_key)
    package = tmp_path / "waiting.yaml"
    kfp.compiler.Compiler().compile(waiting, str(package))
    exp = client.create_experiment(f"ui-schedules-{secrets.token_hex(3)}")
    # Once a year, on 1 January: it never fires while the test runs.
    rec = client.create_recurring_run(
        exp.experiment_id,
        "ui-yearly",
        cron_expression="0 0 0 1 1 *",
        pipeline_package_path=str(package),
        params={"seconds": 1.0},
    )
    sign_in(page, account, next_path="/ui/kfp/recurring-runs")
    page.get_by_role("link", name="ui-yearly").click()
    expect(page).to_have_url(re.compile(rf"/ui/kfp/recurring-runs/{rec.recurring_run_id}$"))
    expect(page.locator("#recurring-status")).to_have_text("enabled")
    expect(page.get_by_text("cron 0 0 0 1 1 *")).to_be_visible()
    expect(page.locator(".kfp-params")).to_contain_text("seconds")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Disable").click()
    expect(page.locator("#recurring-status")).to_have_text("disabled")
    assert client.get_recurring_run(rec.recurring_run_id).status == "DISABLED"
    shot(page, "disabled")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Enable").click()
    expect(page.locator("#recurring-status")).to_have_text("enabled")
    assert client.get_recurring_run(rec.recurring_run_id).status == "ENABLED"
    shot(page, "enabled")
