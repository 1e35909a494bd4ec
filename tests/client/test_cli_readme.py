"""The README's pipectl section, run as written with bash against a fresh server (its first
workflow is number 1, as the README shows), with the installed `pipectl` on PATH."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.client.cli_support import Pipectl

README = Path(__file__).resolve().parents[2] / "README.md"
URL = "http://127.0.0.1:8000"


def _script() -> str:
    section = README.read_text().split("## pipectl (the command line)", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def _shown_output() -> list[list[str]]:
    """The README's "Some of its output" block, split at blank lines."""
    section = README.read_text().split("## pipectl (the command line)", 1)[1]
    block = re.search(r"Some of its output.*?```\n(.*?)```", section, re.S).group(1)
    return [p.splitlines() for p in block.split("\n\n") if p.strip()]


def _contains(lines: list[str], paragraph: list[str]) -> bool:
    want = [line.rstrip() for line in paragraph]
    return any(lines[i : i + len(want)] == want for i in range(len(lines) - len(want) + 1))


def _near(lines: list[str], first: str) -> list[str]:
    """The output's lines around the one most like `first`, for the failure message."""
    at = next((i for i, line in enumerate(lines) if line.strip() == first.strip()), 0)
    return lines[max(0, at - 3) : at + 10]


def test_readme_pipectl_section_runs_as_written(make_server, tmp_path):
    script = _script()
    assert f"--base-url {URL}" in script
    srv = make_server()
    cli = Pipectl(tmp_path)
    env = cli.environ()
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    script = script.replace(f"--base-url {URL}", f"--base-url {srv.base_url}")
    script = script.replace("export KEY=pk_live_...", f"export KEY={srv.seed.api_key}")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    # The README's block of output, paragraph by paragraph, is what the commands printed.
    lines = [line.rstrip() for line in out.splitlines()]
    for paragraph in _shown_output():
        assert _contains(lines, paragraph), "\n".join(map(repr, _near(lines, paragraph[0])))
    tasks = json.loads(out[out.rindex("[\n") :])
    assert [t["status"] for t in tasks] == ["finished", "finished"]
    assert len((tmp_path / "tasks.jsonl").read_text().splitlines()) == 2
