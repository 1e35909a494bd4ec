"""The README's Pipelit walkthrough ("Pipelit clients here"), run as written with bash and
curl against a fresh server: first-run setup, login, a workflow built node by node, a manual
execute, and the execution read back completed with the code step's output."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

README = Path(__file__).resolve().parents[3] / "README.md"
BASE_LINE = "P=http://127.0.0.1:8000/pipelit/api/v1"


def _script() -> str:
    section = README.read_text().split("## Pipelit clients here", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def test_readme_pipelit_walkthrough_runs_as_written(make_server, tmp_path):
    script = _script()
    assert BASE_LINE in script
    # setup needs an installation whose organization has no password user yet: a fresh one
    srv = make_server()
    script = script.replace(BASE_LINE, f"P={srv.base_url}/pipelit/api/v1")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        env=dict(os.environ),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    execution = json.loads(done.stdout.strip().splitlines()[-1])
    assert execution["status"] == "completed", execution
    assert execution["workflow_slug"] == "hello"
    assert execution["trigger_payload"]["text"] == "hello"
    assert [log["node_id"] for log in execution["logs"]] == ["shout"]
    assert execution["logs"][0]["output"] == {"output": "HELLO"}
