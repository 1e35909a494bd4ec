"""The KFP pages, reached as a kfp SDK user reaches them: the real kfp SDK (2.17.0) submits a
pipeline of two lightweight components and prints its run and experiment links
(`<host>/#/runs/details/<id>`); the browser opens those links, signs in, and sees the run's
DAG turn succeeded, a task's log with the line it printed, its output artifact, the
experiment with its run, and the pipeline's DAG. One pipeline run for the file (runs are
slow-ish: each component runs sandboxed). (No `from __future__ import annotations`: kfp
reads the components' annotations.)"""

import contextlib
import io
import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.support import new_account

kfp = pytest.importorskip("kfp")
from kfp import dsl  # noqa: E402

RUN_TIMEOUT_MS = 240_000  # a sandboxed run's first components start slowly on a loaded machine


@dsl.component(base_image="python:3.11")
def greet(name: str, note: dsl.Output[dsl.Artifact]) -> str:
    line = f"hello from the browser test, {name}"
    print(line)
    with open(note.path, "w") as f:
        f.write(f"note for {name}\n")
    return line


@dsl.component(base_image="python:3.11")
def shout(text: str) -> str:
    return text.upper()


@dsl.pipeline(name="ui-greeting")
def greeting(name: str = "world"):
    first = greet(name=name)
    shout(text=first.outputs["Output"])


@dsl.pipeline(name="ui-greeting")
def louder(name: str = "world"):
    first = greet(name=name)
    second = shout(text=first.outputs["Output"])
    shout(text=second.output)


def _links(printed: str) -> dict[str, str]:
    """The links the SDK printed (`Experiment details: <url>`, `Run details: <url>`...). A line
    may be indented: kfp.local, run earlier in the same test process by another test, can leave
    its indenting `print` in place (kfp/local/logging_utils.indented_print)."""
    return dict(re.findall(r"^\s*(Experiment|Run|Pipeline) details: (\S+)$", printed, re.M))


def _sign_in_here(page, account) -> None:
    """The sign-in page a link led to: sign in as a person would; it goes back to the link."""
    page.get_by_label("Username or email").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_sdk_links_open_the_run_its_dag_log_and_experiment(server, page, shot):
    account = new_account(server)
    client = kfp.Client(host=server.base_url, existing_token=account.api_key)
    who = f"tester-{secrets.token_hex(3)}"
    experiment = f"ui-exp-{secrets.token_hex(3)}"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        result = client.create_run_from_pipeline_func(
            greeting, arguments={"name": who}, experiment_name=experiment, run_name="ui-run"
        )
    links = _links(printed.getvalue())
    assert links["Run"].endswith(f"/#/runs/details/{result.run_id}"), printed.getvalue()

    # The SDK's run link: `/` maps its hash to the run page, which asks to sign in first.
    page.goto(links["Run"])
    expect(page).to_have_url(re.compile(r"/ui/sign-in\?next=/ui/kfp/runs/"))
    _sign_in_here(page, account)
    expect(page).to_have_url(re.compile(rf"/ui/kfp/runs/{result.run_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Run ui-run")
    greet_node = page.locator('#run-live [data-node="greet"]')
    shout_node = page.locator('#run-live [data-node="shout"]')
    expect(greet_node).to_be_visible()
    expect(shout_node).to_be_visible()
    expect(
        page.locator('#run-live path.edge[data-source="greet"][data-target="shout"]')
    ).to_have_count(1)
    shot(page, "run-started")
    # The page refreshes itself until the run is finished.
    expect(page.locator("#run-live")).to_have_attribute(
        "data-finished", "yes", timeout=RUN_TIMEOUT_MS
    )
    expect(page.locator("#run-state")).to_have_text("succeeded")
    expect(greet_node).to_have_attribute("data-state", "succeeded")
    expect(shout_node).to_have_attribute("data-state", "succeeded")
    expect(page.locator(".kfp-params")).to_contain_text(who)
    shot(page, "run-succeeded")

    # A task's page: its log shows the line it printed; its artifact opens inline.
    page.locator("#run-tasks").get_by_role("link", name="greet", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Task greet")
    expect(page.locator("#task-log")).to_contain_text(f"hello from the browser test, {who}")
    expect(page.locator("#task-state")).to_contain_text("succeeded")
    shot(page, "task-log")
    page.get_by_role("link", name="View note").click()
    expect(page.locator("#artifact-text")).to_have_text(f"note for {who}\n")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download note").click()
    assert download.value.suggested_filename == "greet-note"
    shot(page, "artifact")

    # The SDK's experiment link: the experiment and its run.
    page.goto(links["Experiment"])
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Experiment {experiment}")
    expect(page.get_by_role("link", name="ui-run")).to_be_visible()
    shot(page, "experiment")

    # Runs list; then a pipeline and a second version uploaded through the SDK: their links.
    tabs = page.get_by_role("navigation", name="Kubeflow Pipelines")
    tabs.get_by_role("link", name="Runs", exact=True).click()
    expect(page.get_by_role("link", name="ui-run")).to_be_visible()
    name = f"ui-greeting-{secrets.token_hex(3)}"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        pipeline = client.upload_pipeline_from_pipeline_func(greeting, pipeline_name=name)
    pipeline_link = _links(printed.getvalue())["Pipeline"]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        v2 = client.upload_pipeline_version_from_pipeline_func(
            louder, pipeline_version_name=f"{name}-v2", pipeline_id=pipeline.pipeline_id
        )
    version_link = _links(printed.getvalue())["Pipeline"]
    assert version_link.endswith(f"/version/{v2.pipeline_version_id}")

    page.goto(pipeline_link)  # the newest version: v2, three tasks
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Pipeline {name}")
    expect(page.get_by_role("heading", level=2, name=f"Version {name}-v2")).to_be_visible()
    expect(page.locator('[data-node="shout-2"]')).to_be_visible()
    page.get_by_role("link", name=name, exact=True).click()  # the first version
    expect(page.get_by_role("heading", level=2, name=f"Version {name}")).to_be_visible()
    expect(page.locator('[data-node="greet"]')).to_contain_text("greet")
    expect(page.locator('[data-node="shout"]')).to_be_visible()
    expect(page.locator('[data-node="shout-2"]')).to_have_count(0)
    shot(page, "pipeline")
    page.goto(version_link)
    expect(page).to_have_url(re.compile(rf"\?version={v2.pipeline_version_id}$"))
    expect(page.locator('[data-node="shout-2"]')).to_be_visible()
    expect(page.locator('path.edge[data-source="shout"][data-target="shout-2"]')).to_have_count(1)
    shot(page, "pipeline-version")

    # Someone of another organization finds neither the run nor its artifact.
    page.context.clear_cookies()
    other = new_account(server)
    page.goto(f"{server.base_url}/ui/kfp/runs/{result.run_id}")
    _sign_in_here(page, other)
    expect(page.get_by_role("alert")).to_contain_text("not found")
    greet_id = next(
        t.task_id
        for t in client.get_run(result.run_id).run_details.task_details
        if t.display_name == "greet"
    )
    page.goto(
        f"{server.base_url}/ui/kfp/runs/{result.run_id}/tasks/{greet_id}/artifacts/note/download"
    )
    expect(page.get_by_role("alert")).to_contain_text("not found")
    shot(page, "other-organization")
