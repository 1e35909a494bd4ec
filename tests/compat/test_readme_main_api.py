"""The README's "library and an experiment with a prompt swap" script, run as written with
bash and the real `pipelines` CLI (pipelines-sdk 0.1.15) against a fresh server, with the
local fake OpenAI-compatible server as its LLM endpoint."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.support.fake_openai import FakeOpenAI

README = Path(__file__).resolve().parents[2] / "README.md"
LLM_LINE = "export LLM_BASE_URL=https://api.openai.com/v1 LLM_API_KEY=sk-..."


def _script() -> str:
    text = README.read_text()
    section = text.split("## The library and an experiment with a prompt swap", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def _last_summary(stdout: str) -> dict:
    start = stdout.rindex('{\n  "experiment_id"')
    return json.loads(stdout[start:])


def test_readme_experiment_script_runs_as_written(make_server, tmp_path):
    script = _script()
    assert LLM_LINE in script
    srv = make_server()  # a fresh server: its seeded organization and project are number 1
    with FakeOpenAI(api_key="sk-readme") as llm:
        script = script.replace(
            LLM_LINE, f"export LLM_BASE_URL={llm.base_url} LLM_API_KEY=sk-readme"
        )
        env = {
            **os.environ,
            "API": srv.base_url,
            "KEY": srv.seed.api_key,
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
            "PIPELINES_CONFIG_FILE": str(tmp_path / "cli.json"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        summary = _last_summary(done.stdout)
        requests = [r["json"] for r in llm.requests]
    assert summary["status"] == "completed", summary
    assert summary["variant_count"] == 2 and summary["total_success_count"] == 4
    baseline, swapped = summary["variants"]
    assert baseline["name"] == "baseline-copy" and swapped["name"] == "prompt-v2-gpt-4o"
    auth = {"Authorization": f"Bearer {srv.seed.api_key}"}
    with httpx.Client(base_url=srv.base_url + "/api/projects/1", headers=auth) as api:

        def answers(variant: dict) -> set[tuple[str, str]]:
            out = set()
            for task_id in variant["task_ids"]:
                task = api.get(f"/workflows/{variant['workflow_id']}/tasks/{task_id}").json()
                ask = next(n for n in task["nodes"] if n["node_id"] == "ask")
                out.add((ask["output"]["content"], ask["output"]["model"]))
            return out

        fox = "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG."
        assert answers(baseline) == {(f"SUMMARIZE: {fox}", "gpt-4o-mini")}
        assert answers(swapped) == {(f"SUMMARIZE IN ONE LINE: {fox}", "gpt-4o")}
        # The source workflow still references prompt version 1 on gpt-4o-mini.
        source = api.get("/workflows", params={"page_size": 100}).json()["items"]
        summaries = [w for w in source if w["name"] == "Summaries"]
        assert len(summaries) == 1
        ask = next(n for n in summaries[0]["graph"]["nodes"] if n["id"] == "ask")
        assert ask["config"]["prompt_ref"]["version"] == 1
        assert ask["config"]["model_slug"] == "gpt-4o-mini"
    # 1 task created directly + 2 per variant, each through the fake endpoint.
    assert len(requests) == 5
