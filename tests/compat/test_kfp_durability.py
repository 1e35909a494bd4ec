"""KFP runs survive their server: SIGKILL the server mid-run, start another on the same
database, and the run finishes there, reusing the task that had already succeeded."""

from __future__ import annotations

import signal
import time

import httpx
import pytest

kfp = pytest.importorskip("kfp")

from tests.compat import kfp_pipelines as P  # noqa: E402


def _get(server, run_id: str) -> dict:
    r = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{run_id}",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert r.status_code == 200, r.text
    return r.json()


def _task(run: dict, name: str) -> dict | None:
    details = (run.get("run_details") or {}).get("task_details") or []
    return next((t for t in details if t["display_name"] == name), None)


def test_a_run_resumes_on_another_server_after_a_crash(make_server):
    env = {"PIPELINES_KFP_LEASE_SECONDS": "2", "PIPELINES_ENGINE_POLL_SECONDS": "0.2"}
    first = make_server(env=env)
    client = kfp.Client(host=first.base_url, existing_token=first.seed.api_key)
    run_id = client.create_run_from_pipeline_func(P.add_then_sleep, arguments={"seconds": 4}).run_id
    deadline = time.monotonic() + 60
    while True:
        assert time.monotonic() < deadline, first.log()
        run = _get(first, run_id)
        sleeper = _task(run, "sleep")
        if sleeper and sleeper["state"] == "RUNNING":
            break
        time.sleep(0.1)
    assert _task(run, "add")["state"] == "SUCCEEDED"
    first.stop(signal.SIGKILL)

    second = make_server(env=env, database_url=first.database_url, seed=False)
    second.seed = first.seed
    deadline = time.monotonic() + 90
    while True:
        assert time.monotonic() < deadline, second.log()
        run = _get(second, run_id)
        if run["state"] in ("SUCCEEDED", "FAILED", "CANCELED"):
            break
        time.sleep(0.2)
    assert run["state"] == "SUCCEEDED", run
    assert _task(run, "add")["cached"] is True  # not run twice
    assert _task(run, "sleep")["output_parameters"] == {"Output": "slept"}
    states = [h["state"] for h in run["state_history"]]
    assert states[0] == "PENDING" and states[-1] == "SUCCEEDED"


def test_a_kfp_worker_process_runs_what_the_server_does_not(make_server):
    import os
    import subprocess
    import sys

    server = make_server(env={"PIPELINES_KFP_RUNS": "0"})
    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(P.arith, arguments={"a": 3, "b": 3}).run_id
    time.sleep(1.5)
    assert _get(server, run_id)["state"] == "PENDING"  # nobody runs it yet
    env = {
        **os.environ,
        **server.env,
        "PIPELINES_DATABASE_URL": server.database_url,
        "PIPELINES_DATA_DIR": str(server.data_dir),
        "PIPELINES_KFP_RUNS": "2",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "pipelines_server", "kfp-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            run = _get(server, run_id)
            if run["state"] not in ("PENDING", "RUNNING"):
                break
            assert time.monotonic() < deadline and worker.poll() is None, worker.stderr
            time.sleep(0.2)
        assert run["state"] == "SUCCEEDED", run
        root = next(t for t in run["run_details"]["task_details"] if t["kind"] == "root")
        assert root["output_parameters"] == {"Output": 36}
    finally:
        worker.terminate()
        assert worker.wait(timeout=20) == 0
