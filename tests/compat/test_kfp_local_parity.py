"""The same pipeline functions through this server and through kfp.local's
SubprocessRunner (kfp 2.17.0, in this test process): their outputs must be equal, and
equal to a direct Python computation."""

from __future__ import annotations

import base64
import time

import httpx
import pytest

kfp = pytest.importorskip("kfp")
from kfp import local  # noqa: E402

from tests.compat import kfp_pipelines as P  # noqa: E402

CASES = [
    ("arith", P.arith, {"a": 7, "b": -2}, P.arith_direct(7, -2)),
    ("branches-big", P.branches, {"n": 8, "threshold": 10}, P.branches_direct(8, 10)),
    ("branches-small", P.branches, {"n": 3, "threshold": 10}, P.branches_direct(3, 10)),
    ("fan-out", P.fan_out, {"k": 5}, P.fan_out_direct(5)),
    ("elif-large", P.elif_chain, {"x": 11}, P.elif_chain_direct(11)),
    ("elif-medium", P.elif_chain, {"x": 4}, P.elif_chain_direct(4)),
    ("elif-small", P.elif_chain, {"x": 1}, P.elif_chain_direct(1)),
    (
        "loop-over-input",
        P.loop_over_input,
        {"items": [3, 4, 5]},
        P.loop_over_input_direct([3, 4, 5]),
    ),
]


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


@pytest.fixture(scope="module")
def local_runner(tmp_path_factory):
    local.init(
        runner=local.SubprocessRunner(use_venv=False),
        pipeline_root=str(tmp_path_factory.mktemp("local-root")),
        raise_on_error=True,
    )


def _ours(server, client, func, args) -> dict:
    result = client.create_run_from_pipeline_func(func, arguments=args)
    run = client.wait_for_run_completion(result.run_id, timeout=240, sleep_duration=0.2)
    assert run.state == "SUCCEEDED", run.error
    raw = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{result.run_id}",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    ).json()
    return raw


def _root(raw: dict) -> dict:
    return next(t for t in raw["run_details"]["task_details"] if t.get("kind") == "root")


@pytest.mark.parametrize("name, func, args, direct", CASES, ids=[c[0] for c in CASES])
def test_outputs_equal_kfp_local_and_direct(server, client, local_runner, name, func, args, direct):
    ours = _root(_ours(server, client, func, args))["output_parameters"]["Output"]
    theirs = func(**args).output
    assert ours == theirs == direct


def test_output_artifact_equals_kfp_local(server, client, local_runner):
    raw = _ours(server, client, P.model_out, {"n": 6})
    root = _root(raw)
    r = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{raw['run_id']}/nodes/{root['task_id']}/artifacts/Output:read",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert r.status_code == 200, r.text
    ours = base64.b64decode(r.json()["data"]).decode()
    task = P.model_out(n=6)
    with open(task.output.path) as f:
        theirs = f.read()
    assert ours == theirs == P.model_out_direct(6)
    assert next(a for a in root["artifacts"] if a["name"] == "Output")["type"] == "system.Model"


def test_failure_agrees_with_kfp_local(server, client, local_runner):
    result = client.create_run_from_pipeline_func(P.failing, arguments={"message": "parity"})
    assert (
        client.wait_for_run_completion(result.run_id, timeout=240, sleep_duration=0.2).state
        == "FAILED"
    )
    with pytest.raises(RuntimeError, match="FAILURE"):
        P.failing(message="parity")
    time.sleep(0)  # both failed; kfp.local raises because raise_on_error=True
