"""The TypeScript client in generated/typescript: it is exactly what the generator makes from
the specs, it compiles with `tsc --strict`, and its smoke test and the README's example run
against a real server.

Needs Node.js 20+ and npm (the pinned packages come from the registry with `npm ci`); the
tests skip with that reason where either is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generated" / "typescript"
GENERATE = ROOT / "scripts" / "generate_clients.py"
GENERATED_FILES = ("pipelines.ts", "external-v1.ts")
# Installs, compiles and runs are bounded only so that a broken machine fails instead of hanging.
BOUND = 900


def _node_missing() -> str | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "Node.js and npm are needed for the TypeScript client tests (install Node.js 20+)"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    major = int(re.match(r"v(\d+)", version.strip()).group(1))
    if major < 20:
        return f"the TypeScript client needs Node.js 20+, this machine has {version.strip()}"
    return None


def _run(args: list[str], *, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=PACKAGE, env=env, capture_output=True, text=True, timeout=BOUND)
    assert done.returncode == 0, (
        f"{' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    )
    return done


@pytest.fixture(scope="module")
def package():
    """generated/typescript with its pinned node_modules and the built dist/."""
    why = _node_missing()
    if why:
        pytest.skip(why)
    _run(["npm", "ci", "--no-audit", "--no-fund"])
    _run(["npm", "run", "build"])
    return PACKAGE


def _server_env(server) -> dict:
    return {
        **os.environ,
        "PIPELINES_BASE_URL": server.base_url,
        "PIPELINES_API_KEY": server.seed.api_key,
    }


def test_generated_typescript_matches_the_specs(package, tmp_path):
    _run(
        [
            sys.executable,
            str(GENERATE),
            "--only",
            "typescript",
            "--no-install",
            "--typescript-out",
            str(tmp_path),
        ]
    )
    stale = [
        name
        for name in GENERATED_FILES
        if (tmp_path / name).read_bytes() != (package / "src" / name).read_bytes()
    ]
    assert not stale, f"generated/typescript/src/{stale} are stale; run `make generate`"


def test_client_compiles_with_tsc_strict(package):
    _run(["npx", "--no-install", "tsc", "--noEmit", "--strict", "-p", "tsconfig.json"])


def test_smoke_creates_and_reads_back_a_project_workflow_and_tasks(package, server):
    done = _run(["node", "smoke/smoke.mjs"], env=_server_env(server))
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(summary["tasks"]) == 2
    assert summary["texts"] == ["Hello", "World"]


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Other languages", 1)[1]
    block = re.search(r"```ts\n(.*?)```", section, re.S)
    assert block, "README's 'Other languages' section has no ```ts block"
    return block.group(1)


def test_readme_example_is_the_tested_example():
    assert _readme_example() == (PACKAGE / "examples" / "quickstart.mjs").read_text()


def test_readme_example_runs_against_a_server(package, server):
    done = _run(["node", "examples/quickstart.mjs"], env=_server_env(server))
    assert "Hello" in done.stdout and "World" in done.stdout
