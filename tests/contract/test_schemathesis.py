"""schemathesis against every spec, over HTTP, against a fresh server.

Fixed seed, deterministic generation, bounded examples, every check, stateful sequences along
the links the specs declare. Zero failures; the summary (operations and cases covered) is
printed (`make fuzz` or `pytest tests/contract -s` shows it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.helpers import make_workflow, native
from tests.server import start_server, stop_server

MAX_EXAMPLES = os.environ.get("PIPELINES_FUZZ_EXAMPLES", "25")
SEED = "20261122"


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("fuzz"))
    # Real resources for the generated cases to find: an active workflow with text fields and
    # one with file fields, in the seeded project.
    make_workflow(srv, [{"name": "text", "type": "short_text", "required": True}])
    make_workflow(srv, [{"name": "doc", "type": "file_upload", "required": True}])
    with native(srv) as api:
        api.post("/projects", json={"name": "fuzz"})
    yield srv
    stop_server(srv)


def run_schemathesis(server, spec_path: str, report_dir: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "schemathesis"
    cmd = [
        str(exe),
        "run",
        f"{server.base_url}{spec_path}",
        "--checks",
        "all",
        "--max-examples",
        MAX_EXAMPLES,
        "--seed",
        SEED,
        "--generation-deterministic",
        "--workers",
        "1",
        "--request-timeout",
        "60",
        "--suppress-health-check",
        "all",
        "--report",
        "junit",
        "--report-dir",
        str(report_dir),
        "-H",
        f"Authorization: Bearer {server.seed.api_key}",
    ]
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.contract.hooks",
        "NO_COLOR": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1200)


@pytest.mark.parametrize("spec_path", ["/api/v1/openapi.json", "/api/openapi.json"])
def test_schemathesis_finds_no_failures(fuzz_server, spec_path, tmp_path):
    result = run_schemathesis(fuzz_server, spec_path, tmp_path)
    summary = result.stdout[result.stdout.rfind("=" * 10) - 2000 :] if result.stdout else ""
    print(f"\n--- schemathesis {spec_path} ---\n{result.stdout[-6000:]}")
    assert result.returncode == 0, (summary or result.stdout[-8000:]) + result.stderr[-4000:]
