"""Browser tests: Playwright for Python driving Debian's chromium by path (Playwright's own
browser download is not used). Skipped, saying why, when chromium or Playwright is missing.

Each test gets a fresh browser context (no cookies) and `shot(page, name)`, which saves a
screenshot under test-output/browser/ (kept by CI as the record of what the test saw)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = (
    os.environ.get("PIPELINES_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return (
            f"chromium not found at {CHROMIUM}: install Debian's chromium "
            "(apt-get install chromium; .ci/run does) or set PIPELINES_TEST_CHROMIUM"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"playwright is not installed ({exc}): make install-dev"
    return None


def pytest_collection_modifyitems(config, items):
    why = _missing()
    if why:
        skip = pytest.mark.skip(reason=why)
        for item in items:
            if "tests/browser" in str(item.fspath):
                item.add_marker(skip)


# Module scope, not session: Playwright's sync API keeps an event loop running in the test
# process's thread while it is started, and every later test of that xdist worker that calls
# asyncio.run() would fail ("cannot be called from a running event loop"). Stopping it after
# each browser test file gives the thread back.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    # --no-sandbox: CI runs as root, where chromium's own sandbox cannot start.
    b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 860}, locale="en-GB")
    # Waits are for something to appear, never for a time: generous so a loaded machine passes.
    ctx.set_default_timeout(60_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def shot(request):
    """shot(page, "name"): a full-page PNG at test-output/browser/<test>-<name>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    test = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)

    def take(page, name: str = "page") -> Path:
        path = SHOTS / f"{test}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def sign_in(page, account, next_path: str | None = None) -> None:
    """Signs in through the form, as a person would."""
    url = f"{account.base_url}/ui/sign-in" + (f"?next={next_path}" if next_path else "")
    page.goto(url)
    page.get_by_label("Username or email").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r".*/ui/.*"))
