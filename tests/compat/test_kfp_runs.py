"""Runs through the real kfp SDK (2.17.0): compiled pipelines run on this server, with the
results a direct Python computation gives; failures, termination, retry, archive, delete,
task details, logs and artifact reads."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest

kfp = pytest.importorskip("kfp")
kfp_server_api = pytest.importorskip("kfp_server_api")

from tests.compat import kfp_pipelines as P  # noqa: E402

TIMEOUT = 240


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


def _headers(server) -> dict:
    return {"Authorization": f"Bearer {server.seed.api_key}"}


def _raw_run(server, run_id: str) -> dict:
    r = httpx.get(f"{server.base_url}/apis/v2beta1/runs/{run_id}", headers=_headers(server))
    assert r.status_code == 200, r.text
    return r.json()


def _root(run: dict) -> dict:
    return next(t for t in run["run_details"]["task_details"] if t.get("kind") == "root")


def _wait_state(server, run_id: str, states: set[str], timeout: float = TIMEOUT) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = _raw_run(server, run_id)
        if run["state"] in states:
            return run
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} never reached {states}: {run['state']}")


def test_run_from_pipeline_func_succeeds_with_the_direct_result(server, client):
    result = client.create_run_from_pipeline_func(
        P.arith, arguments={"a": 4, "b": 5}, experiment_name="runs-exp", run_name="arith-1"
    )
    run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert run.state == "SUCCEEDED"
    raw = _raw_run(server, result.run_id)
    assert _root(raw)["output_parameters"] == {"Output": P.arith_direct(4, 5)}
    names = {t["display_name"]: t for t in raw["run_details"]["task_details"]}
    assert names["add"]["output_parameters"] == {"Output": 9}
    assert names["square"]["input_parameters"] == {"x": 9}
    assert all(t["state"] == "SUCCEEDED" for t in raw["run_details"]["task_details"])
    assert [h["state"] for h in names["add"]["state_history"]] == ["RUNNING", "SUCCEEDED"]
    # The run joined the experiment the SDK created.
    exp = client.get_experiment(experiment_name="runs-exp")
    assert run.experiment_id == exp.experiment_id
    # The v1alpha1 log of a component task.
    log = httpx.get(
        f"{server.base_url}/apis/v1alpha1/runs/{result.run_id}/nodes/{names['add']['task_id']}/log",
        headers=_headers(server),
    )
    assert log.status_code == 200 and log.headers["content-type"].startswith("text/plain")


def test_run_from_package_with_artifacts_and_if_else(server, client, tmp_path):
    package = tmp_path / "branches.yaml"
    kfp.compiler.Compiler().compile(P.branches, str(package))
    for n, threshold in ((6, 10), (3, 10)):
        result = client.create_run_from_pipeline_package(
            str(package), arguments={"n": n, "threshold": threshold}, run_name=f"b-{n}"
        )
        run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
        assert run.state == "SUCCEEDED", run.error
        raw = _raw_run(server, result.run_id)
        assert _root(raw)["output_parameters"] == {"Output": P.branches_direct(n, threshold)}
        tasks = raw["run_details"]["task_details"]
        assert {t["state"] for t in tasks if t.get("kind") == "condition"} == {
            "SUCCEEDED",
            "SKIPPED",
        }
        # The dataset artifact reads back through :read, on both base paths.
        maker = next(t for t in tasks if t["display_name"] == "make-numbers")
        assert maker["outputs"]["data"]["artifact_ids"]
        art = next(a for a in maker["artifacts"] if a["name"] == "data")
        assert art["type"] == "system.Dataset" and art["metadata"] == {"rows": n}
        for base in ("/apis/v2beta1", "/pipeline/apis/v2beta1"):
            r = httpx.get(
                f"{server.base_url}{base}/runs/{result.run_id}/nodes/{maker['task_id']}/artifacts/data:read",
                headers=_headers(server),
            )
            assert r.status_code == 200, r.text
            assert base64.b64decode(r.json()["data"]).decode() == ",".join(str(i) for i in range(n))


def test_parallel_for_collected_and_nested_pipeline(server, client):
    result = client.create_run_from_pipeline_func(P.fan_out, arguments={"k": 10})
    run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert run.state == "SUCCEEDED"
    raw = _raw_run(server, result.run_id)
    assert _root(raw)["output_parameters"] == {"Output": P.fan_out_direct(10)}
    adds = [t for t in raw["run_details"]["task_details"] if t["display_name"] == "add"]
    assert sorted(t["output_parameters"]["Output"] for t in adds) == [11, 12, 13, 14]


def test_failing_component_fails_the_run_with_the_error_in_task_details(server, client):
    result = client.create_run_from_pipeline_func(P.failing, arguments={"message": "kaboom-42"})
    run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert run.state == "FAILED"
    assert "kaboom-42" in run.error.message
    raw = _raw_run(server, result.run_id)
    failed = next(t for t in raw["run_details"]["task_details"] if t["display_name"] == "fail")
    assert failed["state"] == "FAILED"
    assert "ValueError: kaboom-42" in failed["error"]["message"]
    log = httpx.get(
        f"{server.base_url}/apis/v1alpha1/runs/{result.run_id}/nodes/{failed['task_id']}/log",
        headers=_headers(server),
    )
    assert "kaboom-42" in log.text
    # Retry runs it again (same failure), reusing the task that succeeded.
    client._run_api.run_service_retry_run(run_id=result.run_id)  # the SDK has no wrapper
    again = _wait_state(server, result.run_id, {"FAILED"})
    added = next(t for t in again["run_details"]["task_details"] if t["display_name"] == "add")
    assert added["cached"] is True
    assert [h["state"] for h in again["state_history"]].count("PENDING") == 2


def test_exit_handler_runs_after_a_failure(server, client):
    result = client.create_run_from_pipeline_func(P.with_exit)
    run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert run.state == "FAILED"
    raw = _raw_run(server, result.run_id)
    final = next(
        t for t in raw["run_details"]["task_details"] if t["display_name"] == "final-state"
    )
    assert final["state"] == "SUCCEEDED" and final["output_parameters"] == {"Output": "FAILED"}


def test_container_component_fails_with_a_clear_message(server, client):
    result = client.create_run_from_pipeline_func(P.container)
    run = client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert run.state == "FAILED"
    assert "container runtime" in run.error.message


def test_terminate_stops_a_long_run(server, client):
    result = client.create_run_from_pipeline_func(P.slow, arguments={"seconds": 120})
    raw = _wait_state(server, result.run_id, {"RUNNING"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # until the sleeping component has started
        raw = _raw_run(server, result.run_id)
        if any(
            t["display_name"] == "sleep" and t["state"] == "RUNNING"
            for t in raw["run_details"]["task_details"]
        ):
            break
        time.sleep(0.2)
    client.terminate_run(result.run_id)
    raw = _wait_state(server, result.run_id, {"CANCELED"}, timeout=60)
    sleeper = next(t for t in raw["run_details"]["task_details"] if t["display_name"] == "sleep")
    assert sleeper["state"] == "CANCELED"
    assert client.get_run(result.run_id).state == "CANCELED"
    # A finished run cannot be terminated again.
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.terminate_run(result.run_id)
    assert info.value.status == 400


def test_archive_unarchive_delete(server, client):
    result = client.create_run_from_pipeline_func(P.arith, run_name="to-archive")
    client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    client.archive_run(result.run_id)
    assert client.get_run(result.run_id).storage_state == "ARCHIVED"
    client.unarchive_run(result.run_id)
    assert client.get_run(result.run_id).storage_state == "AVAILABLE"
    client.delete_run(result.run_id)
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.get_run(result.run_id)
    assert info.value.status == 404
    assert json.loads(info.value.body)["code"] == 5


def test_bad_runs_are_400(server, tmp_path):
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    import yaml

    ir = yaml.safe_load(package.read_text())
    h = _headers(server)
    base = f"{server.base_url}/apis/v2beta1/runs"
    cases = [
        ({"display_name": "x"}, "pipeline_spec"),
        ({"display_name": "x", "pipeline_spec": {"root": {}}}, "not a compiled KFP pipeline"),
        (
            {"display_name": "x", "pipeline_spec": ir, "runtime_config": {"parameters": {"zz": 1}}},
            "Unknown pipeline parameter",
        ),
        ({"pipeline_spec": ir}, "display_name"),
        (
            {"display_name": "x", "pipeline_version_reference": {"pipeline_id": "nope"}},
            "not found",
        ),
    ]
    for body, reason in cases:
        r = httpx.post(base, json=body, headers=h)
        assert r.status_code in (400, 404), r.text
        assert reason in r.json()["message"], r.text
    assert httpx.post(base, json={"display_name": "x", "pipeline_spec": ir}).status_code == 401


def test_run_from_an_uploaded_pipeline_version(server, client, tmp_path):
    first, second = tmp_path / "arith.yaml", tmp_path / "fan.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(first))
    kfp.compiler.Compiler().compile(P.fan_out, str(second))
    pipeline = client.upload_pipeline(str(first), pipeline_name="versioned-for-runs")
    v1 = client.list_pipeline_versions(pipeline.pipeline_id).pipeline_versions[0]
    v2 = client.upload_pipeline_version(
        str(second), pipeline_version_name="v2", pipeline_id=pipeline.pipeline_id
    )
    exp = client.create_experiment("versioned-runs")
    run = client.run_pipeline(
        experiment_id=exp.experiment_id,
        job_name="by-version",
        params={"a": 1, "b": 1},
        pipeline_id=pipeline.pipeline_id,
        version_id=v1.pipeline_version_id,
    )
    done = client.wait_for_run_completion(run.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    assert done.state == "SUCCEEDED"
    assert done.pipeline_version_reference.pipeline_version_id == v1.pipeline_version_id
    assert _root(_raw_run(server, run.run_id))["output_parameters"] == {"Output": 4}
    # A pipeline id alone runs its latest version (v2, the fan-out).
    r = httpx.post(
        f"{server.base_url}/apis/v2beta1/runs",
        json={
            "display_name": "latest",
            "experiment_id": exp.experiment_id,
            "pipeline_version_reference": {"pipeline_id": pipeline.pipeline_id},
            "runtime_config": {"parameters": {"k": 0}},
        },
        headers=_headers(server),
    )
    assert r.status_code == 200, r.text
    assert r.json()["pipeline_version_reference"]["pipeline_version_id"] == v2.pipeline_version_id
    latest = _wait_state(server, r.json()["run_id"], {"SUCCEEDED", "FAILED"})
    assert _root(latest)["output_parameters"] == {"Output": P.fan_out_direct(0)}
    # The runs of the experiment, and the runs of a namespace (the default project).
    listed = client.list_runs(experiment_id=exp.experiment_id)
    assert listed.total_size == 2
    assert {x.run_id for x in listed.runs} == {run.run_id, r.json()["run_id"]}


def test_caching_across_runs_as_the_sdk_asks(server, client):
    first = client.create_run_from_pipeline_func(
        P.arith, arguments={"a": 100, "b": 1}, enable_caching=True
    )
    assert (
        client.wait_for_run_completion(first.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )
    second = client.create_run_from_pipeline_func(
        P.arith, arguments={"a": 100, "b": 1}, enable_caching=True
    )
    assert (
        client.wait_for_run_completion(second.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )
    raw = _raw_run(server, second.run_id)
    components = [t for t in raw["run_details"]["task_details"] if t.get("kind") == "component"]
    assert components and all(t.get("cached") for t in components)
    assert _root(raw)["output_parameters"] == {"Output": 101**2}
    third = client.create_run_from_pipeline_func(
        P.arith, arguments={"a": 100, "b": 1}, enable_caching=False
    )
    assert (
        client.wait_for_run_completion(third.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )
    raw = _raw_run(server, third.run_id)
    assert not any(t.get("cached") for t in raw["run_details"]["task_details"])


def test_kfp_server_api_client_reads_task_details(server):
    config = kfp_server_api.Configuration(host=server.base_url)
    config.api_key["authorization"] = server.seed.api_key
    config.api_key_prefix["authorization"] = "Bearer"
    api_client = kfp_server_api.ApiClient(config)
    runs = kfp_server_api.RunServiceApi(api_client)
    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(P.arith, arguments={"a": 1, "b": 0}).run_id
    client.wait_for_run_completion(run_id, timeout=TIMEOUT, sleep_duration=0.2)
    run = runs.run_service_get_run(run_id)
    assert run.state == "SUCCEEDED"
    details = {t.display_name: t for t in run.run_details.task_details}
    assert details["add"].state == "SUCCEEDED" and details["square"].parent_task_id
    assert details["arith"].child_tasks
    listed = runs.run_service_list_runs(page_size=5, sort_by="created_at desc")
    assert listed.runs[0].run_id == run_id


def test_archiving_an_experiment_archives_its_runs_and_disables_its_schedules(
    server, client, tmp_path
):
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    exp = client.create_experiment("to-archive-with-runs")
    run = client.create_run_from_pipeline_package(str(package), experiment_id=exp.experiment_id)
    client.wait_for_run_completion(run.run_id, timeout=TIMEOUT, sleep_duration=0.2)
    rec = client.create_recurring_run(
        experiment_id=exp.experiment_id,
        job_name="hourly",
        cron_expression="0 0 * * * *",
        pipeline_package_path=str(package),
    )
    client.archive_experiment(exp.experiment_id)
    assert client.get_run(run.run_id).storage_state == "ARCHIVED"
    assert client.get_recurring_run(rec.recurring_run_id).status == "DISABLED"
    # Its runs cannot come back while it stays archived, nor can new runs join it.
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.unarchive_run(run.run_id)
    assert info.value.status == 400 and "archived" in json.loads(info.value.body)["message"]
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.create_run_from_pipeline_package(str(package), experiment_id=exp.experiment_id)
    assert info.value.status == 400
    client.unarchive_experiment(exp.experiment_id)
    client.unarchive_run(run.run_id)
    assert client.get_run(run.run_id).storage_state == "AVAILABLE"


def test_nan_and_nul_are_stored_and_the_runner_goes_on(server, client):
    odd = client.create_run_from_pipeline_func(P.odd)
    nul = client.create_run_from_pipeline_func(P.nul_failure)
    assert (
        client.wait_for_run_completion(odd.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )
    assert (
        client.wait_for_run_completion(nul.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "FAILED"
    )
    assert _root(_raw_run(server, odd.run_id))["output_parameters"] == {"Output": "nan"}
    # And the runner still runs what comes next.
    after = client.create_run_from_pipeline_func(P.arith, arguments={"a": 0, "b": 1})
    assert (
        client.wait_for_run_completion(after.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )


def test_components_do_not_see_the_servers_environment(server, client):
    result = client.create_run_from_pipeline_func(P.env)
    assert (
        client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "SUCCEEDED"
    )
    names = _root(_raw_run(server, result.run_id))["output_parameters"]["Output"].split(",")
    assert "PATH" in names
    assert not [n for n in names if n.startswith("PIPELINES_")]


def test_artifact_reads_stay_inside_run_folders(server, client, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the API")
    result = client.create_run_from_pipeline_func(P.imported, arguments={"uri": str(outside)})
    assert (
        client.wait_for_run_completion(result.run_id, timeout=TIMEOUT, sleep_duration=0.2).state
        == "FAILED"
    )
    raw = _raw_run(server, result.run_id)
    reader = next(t for t in raw["run_details"]["task_details"] if t["display_name"] == "read-text")
    # A server file is never handed to a task: only files that runs of the organization wrote.
    assert "not in a folder of a run of this organization" in reader["error"]["message"]
    assert "not for the API" not in json.dumps(raw)
    r = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{result.run_id}/nodes/{reader['task_id']}/artifacts/data:read",
        headers=_headers(server),
    )
    assert r.status_code == 404 and "run's folder" in r.json()["message"]
    assert all(
        "path" not in a for t in raw["run_details"]["task_details"] for a in t.get("artifacts", [])
    )
