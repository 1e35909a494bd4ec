#!/usr/bin/env python3
"""Runs Kubeflow Pipelines' own v2 samples against a server, as their harness does.

The samples (`samples/v2` of kubeflow/pipelines at a pinned commit, with `sample_test.py`
and the `*_test.py` output checks) are extracted from a local git copy of that repository
into a temporary folder (never into this repository), each is compiled with the installed
kfp (2.17.0 here) and submitted with `kfp.Client.create_run_from_pipeline_func` into the
harness' namespace and a fresh experiment, as `sample_test.py` submits it; the script waits
for the run and then checks what the sample's `*_test.py` checks (those use MLMD helpers
that no longer ship with kfp, so their assertions are re-stated here against the run's task
details). It prints one row per sample: the sample, its result and why.

Results: PASS (the run succeeded and its checks hold), FAIL, NO-COMPILE (kfp 2.17.0 does not
compile it), and BY-DESIGN (the run failed for a reason this server states on purpose: a
container component needs a container runtime, an `oci://` model or a `gs://` importer
needs the network).

    python scripts/kfp_samples.py --host http://127.0.0.1:8000 --token pk_live_... \\
        [--create-secrets] [--namespace kubeflow-user-example-com] [--mirror PATH] \\
        [--only hello_world ...]

`--create-secrets` first creates the samples' `pre-requisites/test-secrets.yaml` as credentials
of the organization (the secret samples read them).

The token may also come from $KFP_TOKEN (or $PIPELINES_API_KEY). With the harness' namespace
`kubeflow-user-example-com` the server needs PIPELINES_KFP_AUTO_NAMESPACES=1 (or a project of
that name); `--namespace ''` uses the organization's first project.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

COMMIT = "ae2440355f306320e9f708fae071b65f0b93d101"
MIRROR = "/work/.mirror/kubeflow+pipelines/repo"
NAMESPACE = "kubeflow-user-example-com"  # sample_test.py's _USER_NAMESPACE

# Every pipeline of samples/v2: (label, module, pipeline function).
SAMPLES = [
    ("hello_world", "hello_world", "pipeline_hello_world"),
    ("producer_consumer_param", "producer_consumer_param", "producer_consumer_param_pipeline"),
    ("pipeline_container_no_input", "pipeline_container_no_input", "pipeline_container_no_input"),
    (
        "two_step_pipeline_containerized",
        "two_step_pipeline_containerized",
        "two_step_pipeline_containerized",
    ),
    ("component_with_optional_inputs", "component_with_optional_inputs", "pipeline"),
    ("pipeline_with_env", "pipeline_with_env", "pipeline_with_env"),
    ("pipeline_with_importer", "pipeline_with_importer", "pipeline_with_importer"),
    ("pipeline_with_volume", "pipeline_with_volume", "pipeline_with_volume"),
    (
        "pipeline_with_volume_no_cache",
        "pipeline_with_volume_no_cache",
        "pipeline_with_volume_no_cache",
    ),
    ("pipeline_with_secret_as_volume", "pipeline_with_secret_as_volume", "pipeline_secret_volume"),
    ("pipeline_with_secret_as_env", "pipeline_with_secret_as_env", "pipeline_secret_env"),
    ("subdagio.parameter", "subdagio.parameter", "crust"),
    ("subdagio.parameter_cache", "subdagio.parameter_cache", "crust"),
    ("subdagio.mixed_parameters", "subdagio.mixed_parameters", "crust"),
    ("subdagio.multiple_parameters_namedtuple", "subdagio.multiple_parameters_namedtuple", "crust"),
    ("subdagio.parameter_oneof", "subdagio.parameter_oneof", "crust"),
    ("subdagio.artifact_cache", "subdagio.artifact_cache", "crust"),
    ("subdagio.artifact", "subdagio.artifact", "crust"),
    ("subdagio.multiple_artifacts_namedtuple", "subdagio.multiple_artifacts_namedtuple", "crust"),
    ("pipeline_with_placeholders", "pipeline_with_placeholders", "pipeline_with_placeholders"),
    ("modelcar", "modelcar.modelcar", "pipeline_modelcar_test"),
    ("parallel_consume_upstream", "parallel_consume_upstream", "loop_consume_upstream"),
    ("parallel_after_dependency", "parallel_after_dependency", "loop_with_after_dependency_set"),
    ("collected_parameters", "collected_parameters", "collected_param_pipeline"),
    ("collected_artifacts", "collected_artifacts", "collected_artifact_pipeline"),
    ("pipeline_with_retry", "pipeline_with_retry", "retry_pipeline"),
    (
        "pipeline_with_input_status_state",
        "pipeline_with_input_status_state",
        "status_state_pipeline",
    ),
    (
        "nested_pipeline_opt_inputs_parent_level",
        "nested_pipeline_opt_inputs_parent_level",
        "nested_pipeline_opt_inputs_parent_level",
    ),
    (
        "nested_pipeline_opt_input_child_level",
        "nested_pipeline_opt_input_child_level",
        "nested_pipeline_opt_input_child_level",
    ),
    (
        "nested_pipeline_opt_inputs_nil",
        "nested_pipeline_opt_inputs_nil",
        "nested_pipeline_opt_inputs_nil",
    ),
    ("pipeline_with_pod_metadata", "pipeline_with_pod_metadata", "pipeline_with_pod_metadata"),
    ("pipeline_with_workspace", "pipeline_with_workspace", "pipeline_with_workspace"),
    ("pipeline_with_utils", "pipeline_with_utils", "pipeline_with_utils"),
    ("task_config", "task_config", "pipeline_task_config"),
    (
        "pythonic_artifacts_test_pipeline",
        "pythonic_artifacts_test_pipeline",
        "pythonic_artifacts_test_pipeline",
    ),
    (
        "lightweight_python_functions_v2_pipeline",
        "lightweight_python_functions_v2_pipeline.lightweight_python_functions_v2_pipeline",
        "pipeline",
    ),
]

# Why a failure is by design (a pattern of the run's error, the reason shown).
BY_DESIGN = [
    ("needs a container runtime", "a container component: no container runtime here"),
    ("container runtime", "a container component: no container runtime here"),
    ("oci://", "an oci:// model image: no network"),
    ("gs://", "a gs:// importer: no network"),
]


# -- the *_test.py checks, re-stated over the run's task details --


def _components(details: list[dict]) -> dict[str, dict]:
    return {t["display_name"]: t for t in details if t.get("kind") in ("component", "importer")}


def _params(task: dict, direction: str) -> dict:
    return dict(task.get(f"{direction}_parameters") or {})


def _arts(task: dict, direction: str) -> list[tuple[str, str]]:
    return sorted(
        (a["name"], a.get("type"))
        for a in task.get("artifacts") or []
        if a.get("direction") == direction
    )


def _expect_tasks(details: list[dict], expected: dict[str, tuple[dict, dict]]) -> None:
    """The run's component tasks are exactly `expected`: name -> (input parameters, output
    parameters), as KfpTask comparisons in the *_test.py files assert."""
    tasks = _components(details)
    assert sorted(tasks) == sorted(expected), f"tasks {sorted(tasks)} != {sorted(expected)}"
    for name, (ins, outs) in expected.items():
        assert tasks[name]["state"] == "SUCCEEDED", f"{name}: {tasks[name]['state']}"
        got_in, got_out = _params(tasks[name], "input"), _params(tasks[name], "output")
        assert got_in == ins, f"{name} inputs {got_in}"
        assert got_out == outs, f"{name} outputs {got_out}"


def check_hello_world(details):
    _expect_tasks(details, {"hello-world": ({"text": "hi there"}, {"Output": "hi there"})})


def check_producer_consumer(details):
    value = "Hello world, this is an output parameter\n"
    _expect_tasks(
        details,
        {
            "consumer": ({"input_value": value}, {}),
            "producer": ({"input_text": "Hello world"}, {"output_value": value}),
        },
    )


def check_optional_inputs(details):
    task = _components(details)["component-op"]
    expected = {
        "input_str1": "Hello",
        "input_str2": "World",
        "input_str5_from_pipeline": "Some pipeline default",
    }
    assert _params(task, "input") == expected, f"component-op inputs {_params(task, 'input')}"
    assert _params(task, "output") == {} and _arts(task, "output") == []


def check_env(details):
    _expect_tasks(details, {"print-env-op": ({}, {}), "check-env": ({}, {})})


def check_container_no_input(details):
    _expect_tasks(details, {"container-no-input": ({}, {})})


def check_two_step(details):
    tasks = _components(details)
    assert _params(tasks["component1"], "input") == {"text": "hi"}
    assert _arts(tasks["component1"], "output") == [("output_gcs", "system.Dataset")]
    assert _arts(tasks["component2"], "input") == [("input_gcs", "system.Dataset")]


def check_importer(details):
    tasks = _components(details)
    assert sorted(tasks) == ["importer", "train"]
    uri = "gs://ml-pipeline-playground/shakespeare1.txt"
    out = [a for a in tasks["importer"].get("artifacts") or [] if a["direction"] == "output"]
    assert out and out[0]["uri"] == uri
    assert _params(tasks["train"], "output") == {"scalar": "123"}


CHECKS = {
    "hello_world": check_hello_world,
    "producer_consumer_param": check_producer_consumer,
    "component_with_optional_inputs": check_optional_inputs,
    "pipeline_with_env": check_env,
    "pipeline_container_no_input": check_container_no_input,
    "two_step_pipeline_containerized": check_two_step,
    "pipeline_with_importer": check_importer,
    # pipeline_with_volume(_no_cache)_test and pipeline_with_secret_as_*_test check only
    # that the run succeeded.
}


# -- running --


def extract(mirror: str, commit: str, into: str) -> str:
    """samples/v2 of the pinned commit, written under `into`; returns its path."""
    archive = subprocess.run(
        ["git", "-C", mirror, "archive", commit, "samples/v2"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", into], input=archive, check=True)
    return os.path.join(into, "samples", "v2")


def task_details(host: str, token: str, run_id: str) -> list[dict]:
    request = urllib.request.Request(
        f"{host}/apis/v2beta1/runs/{run_id}", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 - the given host
        run = json.load(reply)
    return (run.get("run_details") or {}).get("task_details") or []


def _api(host: str, token: str, method: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"{host}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 - the given host
        return json.load(reply)


def create_secrets(host: str, token: str, folder: str) -> list[str]:
    """The samples' `pre-requisites/test-secrets.yaml` (what a cluster admin applies before
    the harness runs) as credentials of the caller's organization, which is what a Kubernetes
    secret is on this server; a secret that exists already is left as it is."""
    import yaml

    with open(os.path.join(folder, "pre-requisites", "test-secrets.yaml")) as f:
        secrets = [d for d in yaml.safe_load_all(f) if d and d.get("kind") == "Secret"]
    org = _api(host, token, "GET", "/api/auth/me")["org_id"]
    have = {
        c["name"]
        for c in _api(host, token, "GET", f"/api/organizations/{org}/credentials")["items"]
    }
    made = []
    for secret in secrets:
        name = secret["metadata"]["name"]
        if name in have:
            continue
        data = {k: str(v) for k, v in (secret.get("stringData") or {}).items()}
        body = {"name": name, "base_url": "https://secret.invalid", "api_key": json.dumps(data)}
        _api(host, token, "POST", f"/api/organizations/{org}/credentials", body)
        made.append(name)
    return made


# Samples whose failure here is by design whatever the message: they read data from the
# network (a gs:// importer, an oci:// model image).
BY_DESIGN_SAMPLES = {
    "pipeline_with_importer": "a gs:// importer: no network (no Google Cloud Storage here)",
    "modelcar": "an oci:// model image: no network, no container runtime",
}


def by_design(error: str, label: str = "") -> str | None:
    if label in BY_DESIGN_SAMPLES:
        return BY_DESIGN_SAMPLES[label]
    return next((why for pattern, why in BY_DESIGN if pattern in error), None)


def run_one(client, host, token, namespace, label, module, attr, timeout) -> tuple[str, str]:
    from kfp import compiler

    try:
        func = getattr(importlib.import_module(module), attr)
        with tempfile.TemporaryDirectory() as tmp:
            compiler.Compiler().compile(func, os.path.join(tmp, "p.yaml"))
    except Exception as exc:  # noqa: BLE001 - reported in the table
        return "NO-COMPILE", f"{type(exc).__name__}: {str(exc).splitlines()[0][:150]}"
    try:
        result = client.create_run_from_pipeline_func(
            pipeline_func=func,
            namespace=namespace or None,
            experiment_name=f"test-{func.name}-{uuid.uuid4().hex[:8]}",
        )
        run = client.wait_for_run_completion(result.run_id, timeout)
    except Exception as exc:  # noqa: BLE001
        return "FAIL", f"submitting or waiting: {type(exc).__name__}: {str(exc)[:200]}"
    if run.state != "SUCCEEDED":
        error = (run.error.message if run.error else "") or ""
        why = by_design(error, label)
        if why:
            return "BY-DESIGN", why
        return "FAIL", f"{run.state}: {' '.join(error.split())[:300]}"
    check = CHECKS.get(label)
    if check is not None:
        try:
            check(task_details(host, token, result.run_id))
        except AssertionError as exc:
            return "FAIL", f"SUCCEEDED, but its check fails: {exc}"[:300]
        return "PASS", "succeeded; its *_test.py checks hold"
    return "PASS", "succeeded"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default=os.environ.get("KFP_HOST", "http://127.0.0.1:8000"))
    parser.add_argument(
        "--token", default=os.environ.get("KFP_TOKEN") or os.environ.get("PIPELINES_API_KEY")
    )
    parser.add_argument("--namespace", default=NAMESPACE)
    parser.add_argument("--mirror", default=MIRROR)
    parser.add_argument("--commit", default=COMMIT)
    parser.add_argument("--timeout", type=int, default=600, help="seconds per run")
    parser.add_argument("--parallel", type=int, default=6, help="runs submitted at once")
    parser.add_argument("--only", nargs="*", help="labels of the samples to run")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument(
        "--create-secrets",
        action="store_true",
        help="first create the samples' pre-requisites/test-secrets.yaml as credentials of "
        "the organization (what a cluster admin applies before the harness runs)",
    )
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("--token (or $KFP_TOKEN) is required")

    import kfp

    samples = [s for s in SAMPLES if not args.only or s[0] in args.only]
    with tempfile.TemporaryDirectory(prefix="kfp-samples-") as tmp:
        folder = extract(args.mirror, args.commit, tmp)
        if args.create_secrets:
            made = create_secrets(args.host, args.token, folder)
            print(f"created the secrets {made or 'none (they exist)'}", file=sys.stderr)
        sys.path.insert(0, folder)
        client = kfp.Client(host=args.host, existing_token=args.token)
        # Import every module first (in this thread): imports are not thread-safe to race.
        for _, module, _ in samples:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001, S110 - reported as NO-COMPILE by run_one
                pass
        started = time.monotonic()
        # kfp.Client prints links to a UI this server does not have: to stderr, not the table.
        workers = max(1, args.parallel)
        with contextlib.redirect_stdout(sys.stderr), ThreadPoolExecutor(workers) as pool:
            futures = [
                pool.submit(
                    run_one,
                    client,
                    args.host,
                    args.token,
                    args.namespace,
                    label,
                    module,
                    attr,
                    args.timeout,
                )
                for label, module, attr in samples
            ]
            rows = [(s[0], *f.result()) for s, f in zip(samples, futures, strict=True)]
    counts: dict[str, int] = {}
    for _, result, _ in rows:
        counts[result] = counts.get(result, 0) + 1
    print("| sample | result | reason |")
    print("|---|---|---|")
    for label, result, reason in rows:
        print(f"| {label} | {result} | {reason.replace('|', '/')} |")
    summary = ", ".join(f"{n} {r}" for r, n in sorted(counts.items()))
    print(f"\n{len(rows)} samples: {summary} ({time.monotonic() - started:.0f} s)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(zip(("sample", "result", "reason"), r, strict=True)) for r in rows], f)
    return 0 if all(r in ("PASS", "BY-DESIGN", "NO-COMPILE") for _, r, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
