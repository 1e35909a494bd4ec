"""`make bench` (KFP part): one compiled pipeline through this server and through
kfp.local's SubprocessRunner, in the same run on this machine.

The pipeline (bench/kfp_pipeline.py): 10 lightweight Python components in two independent
branches of 5 - one passes a Dataset artifact down its chain, the other parameters, its last
step inside a dsl.If. Writes bench/kfp-results.json:

  server_seconds / local_seconds  median end-to-end time of ROUNDS runs: for the server, from
                                  the create-run POST until the run reads SUCCEEDED (the
                                  client polls every 50 ms); for kfp.local, the pipeline call.
                                  Caching is off on both sides.
  ratio                           server / kfp.local (target at most 1.0)
  step_seconds                    the fixed cost of one component step (process start,
                                  executor set-up) for a one-component pipeline whose
                                  function returns at once: for the server, the task's
                                  recorded start-to-end time; for kfp.local, the single
                                  component call.
  with_pip_run_every_step         the same server figures with PIPELINES_KFP_SKIP_INSTALLED_PIP=0:
                                  each step runs its component's `pip install` line first,
                                  as kfp.local does (by default the server skips that line
                                  when every package it names is installed already).

Why the server is faster: independent tasks run in parallel (kfp.local runs one task at a
time outside ParallelFor), and a step whose packages are installed skips its pip line.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import kfp_pipeline as B  # noqa: E402
from kfp import compiler, local  # noqa: E402

from tests.server import start_server, stop_server  # noqa: E402

console = Console()
ROUNDS = int(os.environ.get("PIPELINES_BENCH_KFP_ROUNDS", "3"))


def _compile(func, path: Path) -> dict:
    import yaml

    compiler.Compiler().compile(func, str(path))
    ir = yaml.safe_load(path.read_text())
    for task in _all_tasks(ir):
        task.setdefault("cachingOptions", {})["enableCache"] = False
    return ir


def _all_tasks(ir: dict):
    for dag in [ir["root"], *ir.get("components", {}).values()]:
        yield from (dag.get("dag") or {}).get("tasks", {}).values()


def _run_on_server(api: httpx.Client, ir: dict, params: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    r = api.post(
        "/runs",
        json={
            "display_name": "bench",
            "pipeline_spec": ir,
            "runtime_config": {"parameters": params},
        },
    )
    r.raise_for_status()
    run_id = r.json()["run_id"]
    while True:
        run = api.get(f"/runs/{run_id}").json()
        if run["state"] in ("SUCCEEDED", "FAILED", "CANCELED"):
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if run["state"] != "SUCCEEDED":
        raise SystemExit(f"bench run {run_id} ended {run['state']}: {run.get('error')}")
    return elapsed, run


def _span(task: dict) -> float:
    def t(s: str) -> datetime:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))

    return (t(task["end_time"]) - t(task["start_time"])).total_seconds()


def _api(server) -> httpx.Client:
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    return httpx.Client(base_url=server.base_url + "/apis/v2beta1", headers=headers, timeout=60)


def _root_output(run: dict):
    root = next(t for t in run["run_details"]["task_details"] if t.get("kind") == "root")
    return root["output_parameters"]["Output"]


def _step(api: httpx.Client, step_ir: dict) -> float:
    _, run = _run_on_server(api, step_ir, {})
    task = next(t for t in run["run_details"]["task_details"] if t.get("kind") == "component")
    return _span(task)


def main() -> None:
    with TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ir = _compile(B.two_branches, tmp / "two.yaml")
        step_ir = _compile(B.one_step, tmp / "one.yaml")
        local.init(
            runner=local.SubprocessRunner(use_venv=False),
            pipeline_root=str(tmp / "local-root"),
            raise_on_error=True,
        )
        server_times, local_times, server_steps, local_steps = [], [], [], []
        server = start_server(tmp / "server")
        try:
            with _api(server) as api:
                _run_on_server(api, step_ir, {})  # warm-up
                for i in range(ROUNDS):
                    elapsed, run = _run_on_server(api, ir, {"n": 20 + i})
                    server_times.append(elapsed)
                    ours = _root_output(run)
                    started = time.perf_counter()
                    theirs = B.two_branches(n=20 + i).output
                    local_times.append(time.perf_counter() - started)
                    assert ours == theirs == B.two_branches_direct(20 + i), (ours, theirs)
                    console.print(
                        f"round {i + 1}: server {elapsed:.2f} s, kfp.local {local_times[-1]:.2f} s"
                    )
                for _ in range(ROUNDS):
                    server_steps.append(_step(api, step_ir))
                    started = time.perf_counter()
                    B.noop()
                    local_steps.append(time.perf_counter() - started)
        finally:
            stop_server(server)
        # The same with the component's pip line run every time, as kfp.local runs it.
        pip_times, pip_steps = [], []
        server = start_server(tmp / "server-pip", env={"PIPELINES_KFP_SKIP_INSTALLED_PIP": "0"})
        try:
            with _api(server) as api:
                _run_on_server(api, step_ir, {})
                for i in range(ROUNDS):
                    pip_times.append(_run_on_server(api, ir, {"n": 20 + i})[0])
                    pip_steps.append(_step(api, step_ir))
        finally:
            stop_server(server)
    server_s, local_s = statistics.median(server_times), statistics.median(local_times)
    results = {
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "pipeline": (
            "10 lightweight components, two independent branches of 5, "
            "a Dataset artifact chain, a dsl.If"
        ),
        "rounds": ROUNDS,
        "server_seconds": round(server_s, 3),
        "local_seconds": round(local_s, 3),
        "ratio": round(server_s / local_s, 3),
        "target_ratio": 1.0,
        "step_seconds": {
            "server": round(statistics.median(server_steps), 3),
            "kfp_local": round(statistics.median(local_steps), 3),
        },
        "with_pip_run_every_step": {
            "server_seconds": round(statistics.median(pip_times), 3),
            "ratio": round(statistics.median(pip_times) / local_s, 3),
            "step_seconds": round(statistics.median(pip_steps), 3),
        },
        "all": {"server": server_times, "kfp_local": local_times, "server_with_pip": pip_times},
    }
    out = ROOT / "bench" / "kfp-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print(
        f"KFP pipeline: server {server_s:.2f} s vs kfp.local {local_s:.2f} s "
        f"(ratio {results['ratio']}, target <= 1.0); one component step: "
        f"server {results['step_seconds']['server']} s, "
        f"kfp.local {results['step_seconds']['kfp_local']} s"
    )
    pip = results["with_pip_run_every_step"]
    console.print(
        f"with the pip line run every step (PIPELINES_KFP_SKIP_INSTALLED_PIP=0): server "
        f"{pip['server_seconds']} s (ratio {pip['ratio']}), one step {pip['step_seconds']} s"
    )
    console.print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
