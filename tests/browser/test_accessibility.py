"""Accessibility, checked automatically: axe-core (pinned in tests/browser/a11y/package.json,
MPL-2.0, installed with `npm ci` into its gitignored node_modules) runs in chromium over the
main pages of the UI, each with real content made through the HTTP API, and the test fails on
any violation of impact "serious" or "critical", listing each rule, why, and where. And the
keyboard: from the skip link into the main content, then on to a form's primary button.

Needs npm (the tests skip with that reason where it is missing)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.support import Account, new_account
from tests.browser.test_data import import_dataset, sales_csv
from tests.browser.test_work import _node

A11Y = Path(__file__).resolve().parent / "a11y"
AXE = A11Y / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("serious", "critical")
BOUND = 600  # npm ci is bounded only so that a broken machine fails instead of hanging

expect.set_options(timeout=60_000)

FORM = [
    {"name": "summary", "title": "Summary", "type": "short_text", "required": True},
    {"name": "notes", "title": "Notes", "type": "long_text"},
    {"name": "urgent", "title": "Urgent", "type": "boolean"},
    {"name": "score", "title": "Score", "type": "numeric"},
    {"name": "label", "title": "Label", "type": "select", "options": ["spam", "ham"]},
    {"name": "quality", "title": "Quality", "type": "rating", "max_rating": 5},
]


@pytest.fixture(scope="module")
def axe() -> Path:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is needed to install axe-core for the accessibility tests")
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"],
        cwd=A11Y,
        capture_output=True,
        text=True,
        timeout=BOUND,
    )
    assert done.returncode == 0, f"npm ci exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return AXE


@pytest.fixture
def audited(browser):
    """A page whose context lets axe-core's script in: the UI's Content-Security-Policy
    (script-src 'self') refuses a script added by the test, so the context bypasses CSP."""
    ctx = browser.new_context(
        viewport={"width": 1366, "height": 860}, locale="en-GB", bypass_csp=True
    )
    ctx.set_default_timeout(60_000)
    yield ctx.new_page()
    ctx.close()


def violations(page, axe: Path) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now: its violations, and
    what it could not decide ("incomplete") except colour contrast, which it cannot compute
    for SVG text (the DAG and chart colours are checked by `svg_contrast` instead)."""
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "async () => { const r = await axe.run(document);"
        " return {violations: r.violations, incomplete: r.incomplete}; }"
    )
    undecided = [
        {**v, "help": f"(needs review) {v['help']}"}
        for v in result["incomplete"]
        if v["id"] != "color-contrast"
    ]
    return [v for v in result["violations"] + undecided if v.get("impact") in FAILING]


# Each SVG text of a DAG node or a bar chart, its fill and the fill behind it (the node's
# rectangle; for a chart, the nearest painted background of its figure).
SVG_TEXTS = """() => {
  const painted = el => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
    }
    return "rgb(255, 255, 255)";
  };
  const out = [];
  document.querySelectorAll("figure.dag g.node").forEach(g => {
    const rect = g.querySelector("rect");
    g.querySelectorAll("text").forEach(t => out.push(
      [t.textContent, getComputedStyle(t).fill, getComputedStyle(rect).fill]));
  });
  document.querySelectorAll("figure.barchart text").forEach(t => out.push(
    [t.textContent, getComputedStyle(t).fill, painted(t.closest("figure"))]));
  return out;
}"""


def _luminance(css: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css)[:3])

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def svg_contrast(page, name: str) -> list[str]:
    """The SVG texts under 4.5:1 against what is behind them (WCAG AA for normal text)."""
    return [
        f"{name}: SVG text {text!r} has contrast {contrast(fg, bg):.2f}:1 ({fg} on {bg})"
        for text, fg, bg in page.evaluate(SVG_TEXTS)
        if contrast(fg, bg) < 4.5
    ]


def readable(page_name: str, found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{page_name}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {' '.join(map(str, node['target']))}: {summary}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@dataclass
class World:
    admin: Account
    worker: Account
    workflow_id: int
    task_id: int
    subtask_path: str
    review_path: str
    dataset_id: int


def _api_ok(r, status: int = 200) -> dict:
    assert r.status_code == status, r.text
    return r.json()


@pytest.fixture(scope="module")
def world(server) -> World:
    admin = new_account(server)
    worker = new_account(server, org_id=admin.org_id, role="member")
    nodes = [
        _node("start", "start"),
        _node("labelling", "subtask", instructions="Label the text", fields=FORM),
        _node("check", "review"),
        _node("end", "end"),
    ]
    ids = [n["id"] for n in nodes]
    edges = [{"source": a, "target": b} for a, b in zip(ids, ids[1:], strict=False)]
    project = admin.project_id
    with admin.api() as api:
        wf = _api_ok(
            api.post(
                f"/api/projects/{project}/workflows",
                json={
                    "name": "Accessible labelling",
                    "fields": [{"name": "text", "type": "short_text", "required": True}],
                    "graph": {"nodes": nodes, "edges": edges},
                },
            ),
            201,
        )
        _api_ok(api.post(f"/api/projects/{project}/workflows/{wf['id']}/activate"))
        made = _api_ok(
            api.post(
                f"/api/v1/workflows/{wf['id']}/tasks",
                json={"tasks": [{"fields": {"text": "buy now"}}, {"fields": {"text": "hello"}}]},
            )
        )
        dataset_id = import_dataset(api, "a11y-sales", sales_csv(30))
    kept, reviewed = made["task_ids"]
    base = f"/api/projects/{project}/workflows/{wf['id']}"

    def node_db_id(task_id: int, node_id: str, status: str) -> int:
        with (
            admin.api() as api,
            api.stream(
                "GET",
                "/api/events",
                params={"task_id": task_id, "after": 0, "max_seconds": 60},
                timeout=90,
            ) as stream,
        ):
            for line in stream.iter_lines():
                if line == f"event: node.{status}":
                    task = _api_ok(api.get(f"{base}/tasks/{task_id}"))
                    found = {n["node_id"]: n for n in task["nodes"]}
                    if found.get(node_id, {}).get("status") == status:
                        return found[node_id]["node_db_id"]
        raise AssertionError(f"task {task_id}: {node_id} never became {status}")

    subtask = node_db_id(kept, "labelling", "available")
    other = node_db_id(reviewed, "labelling", "available")
    with worker.api() as api:
        _api_ok(api.get(f"{base}/nodes/{other}/subtask"))
        values = {"summary": "ok", "label": "ham", "quality": 3}
        _api_ok(api.post(f"{base}/nodes/{other}/submit-subtask", json={"values": values}))
    review = node_db_id(reviewed, "check", "available")
    return World(
        admin,
        worker,
        wf["id"],
        kept,
        f"/ui/work/subtask/{project}/{wf['id']}/{subtask}",
        f"/ui/work/review/{project}/{wf['id']}/{review}",
        dataset_id,
    )


PAGES = [
    ("home", "/ui/", "heading"),
    ("workflows", "/ui/workflows", "heading"),
    ("workflow", "/ui/workflows/{w.workflow_id}", "dag"),
    ("task", "/ui/tasks/{w.task_id}", "dag"),
    ("my-work", "/ui/work", "heading"),
    ("subtask", "{w.subtask_path}", "claim"),
    ("review", "{w.review_path}", "claim"),
    ("kfp-runs", "/ui/kfp/runs", "heading"),
    ("admin-keys", "/ui/admin/keys", "heading"),
    ("admin-users", "/ui/admin/users", "heading"),
    ("admin-credentials", "/ui/admin/credentials", "heading"),
    ("new-workflow", "/ui/workflows/new", "heading"),
    ("tasks", "/ui/tasks?workflow_id={w.workflow_id}", "heading"),
    ("my-submissions", "/ui/work/submissions", "heading"),
    ("account", "/ui/account", "heading"),
    ("datasets", "/ui/datasets", "heading"),
    ("dataset", "/ui/datasets/{w.dataset_id}", "heading"),
    ("experiments", "/ui/experiments", "heading"),
]


def test_the_sign_in_page_has_no_serious_violations(server, audited, axe, shot):
    page = audited
    page.goto(server.base_url + "/ui/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    # Its refusal too (an alert next to the form).
    page.get_by_label("Username or email").fill("nobody")
    page.get_by_label("Password", exact=True).fill("wrong password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("alert")).to_be_visible()
    shot(page, "sign-in")
    found = violations(page, axe)
    assert not found, "\n" + readable("sign-in", found)


def test_the_main_pages_have_no_serious_violations(server, audited, axe, world, shot):
    page = audited
    sign_in(page, world.admin)
    report = []
    for name, template, ready in PAGES:
        page.goto(server.base_url + template.format(w=world))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if ready == "dag":
            expect(page.locator("figure.dag svg").first).to_be_visible()
        elif ready == "claim":
            page.get_by_role("button", name="Claim").click()
            expect(page.get_by_text("Claimed by you")).to_be_visible()
        shot(page, name)
        found = violations(page, axe)
        if found:
            report.append(readable(name, found))
        report.extend(svg_contrast(page, name))
    assert not report, "\n" + "\n".join(report)


def test_skip_link_then_keyboard_reaches_a_forms_primary_button(server, page, world, shot):
    sign_in(page, world.admin, "/ui/account")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # Tab goes on from the main content (not back through the navigation) to the form's
    # first field, and on to its primary button.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Current password")).to_be_focused()
    button = page.get_by_role("button", name="Save password")
    for _ in range(10):
        if button.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(button).to_be_focused()
    assert page.evaluate("() => document.activeElement.closest('main') !== null")
    shot(page, "keyboard")
