"""Kubeflow's v2 samples re-expressed as our own pipelines (tests/compat/kfp_samples.py),
compiled with kfp 2.17.0 and run through kfp.Client on a real server: issue 17's items 2-6,
8 and 9, each with what the sample's own checks assert.

No `from __future__ import annotations` here: the kfp compiler reads annotations as types."""

import json

import httpx
import pytest
import yaml

from pipelines_server.domain import orgs
from pipelines_server.store.models import Project
from tests.api.helpers import database

kfp = pytest.importorskip("kfp")
from kfp import compiler  # noqa: E402

from tests.compat import kfp_samples as S  # noqa: E402

TIMEOUT = 600  # generous: waits on states, never on speed


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


def details(server, run_id: str, key: str | None = None) -> list[dict]:
    reply = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{run_id}",
        headers={"Authorization": f"Bearer {key or server.seed.api_key}"},
        timeout=30,
    )
    reply.raise_for_status()
    return reply.json()["run_details"]["task_details"]


def run(client, func, arguments=None, run_name=None):
    created = client.create_run_from_pipeline_func(
        func, arguments=arguments or {}, run_name=run_name, experiment_name="samples"
    )
    return created.run_id, client.wait_for_run_completion(created.run_id, timeout=TIMEOUT)


def one(tasks: list[dict], name: str) -> dict:
    found = [t for t in tasks if t["display_name"] == name]
    assert len(found) == 1, [t["display_name"] for t in tasks]
    return found[0]


def test_run_placeholders_resolve_to_the_runs_own_names(server, client):
    run_id, result = run(client, S.names_of_a_run, run_name="names-of-a-run 42")
    assert result.state == "SUCCEEDED", result.error
    tasks = details(server, run_id)
    task = one(tasks, "echo-names")
    job_name, resource, job_id, task_name, task_id = task["output_parameters"]["Output"].split("|")
    assert job_name == "names-of-a-run 42"  # the run's display name
    assert resource.startswith("names-of-a-run-")
    assert job_id == run_id
    assert task_name == "echo-names" and task_id == task["task_id"]


def test_exit_task_is_told_complete_or_failed_with_the_runs_resource_name(server, client):
    ok_id, ok = run(client, S.guarded_work, {"fail": False, "expected": "COMPLETE"})
    assert ok.state == "SUCCEEDED", ok.error
    failed_id, failed = run(client, S.guarded_work, {"fail": True, "expected": "FAILED"})
    assert failed.state == "FAILED"
    # The exit task ran, and its assertions on the final status held.
    assert one(details(server, failed_id), "report-status")["state"] == "SUCCEEDED"
    status = one(details(server, ok_id), "report-status")["input_parameters"]["status"]
    assert status["state"] == "COMPLETE" and status["pipelineTaskName"] == "exit-handler-1"


def test_optional_inputs_without_a_default_pass_none(server, client):
    run_id, result = run(client, S.optional_inputs)
    assert result.state == "SUCCEEDED", result.error
    tasks = [t for t in details(server, run_id) if t["display_name"] == "take-optionals"]
    outer = next(t for t in tasks if t["output_parameters"]["Output"].startswith("pipeline"))
    # What component_with_optional_inputs_test asserts: only the inputs given are recorded;
    # an input whose value is None is not passed, and the component's default applies.
    assert outer["input_parameters"] == {"given": "pipeline value"}
    assert outer["output_parameters"]["Output"] == "pipeline value/component default"
    inner = next(t for t in tasks if t is not outer)
    assert inner["state"] == "SUCCEEDED" and not inner.get("input_parameters")


def test_retries_placeholder_is_the_attempts_retry_count(server, client):
    run_id, result = run(client, S.retries)
    assert result.state == "SUCCEEDED", result.error
    tasks = details(server, run_id)
    outputs = sorted(
        t["output_parameters"]["Output"] for t in tasks if t["display_name"] == "succeed-on-retry"
    )
    assert outputs == ["1", "2"]  # the inner task took its pipeline task's retry policy


def test_collected_artifacts_of_nested_loops_come_as_one_flat_list(server, client):
    run_id, result = run(client, S.collected_artifacts)
    assert result.state == "SUCCEEDED", result.error
    reader = one(details(server, run_id), "read-all")
    read = reader["output_parameters"]["Output"].split(",")
    assert len(read) == 6 and sorted(r[-1] for r in read) == ["x", "x", "y", "y", "z", "z"]
    assert len([a for a in reader["artifacts"] if a["direction"] == "input"]) == 6


def test_a_task_the_engine_fails_leaves_no_orphan_record(server, client, tmp_path):
    path = tmp_path / "broken.yaml"
    compiler.Compiler().compile(S.engine_raises, str(path))
    path.write_text(yaml.safe_dump(S.break_nested_input(yaml.safe_load(path.read_text()))))
    created = client.create_run_from_pipeline_package(str(path), experiment_name="samples")
    result = client.wait_for_run_completion(created.run_id, timeout=TIMEOUT)
    assert result.state == "FAILED"
    tasks = details(server, created.run_id)
    assert not [t["display_name"] for t in tasks if t["state"] in ("PENDING", "RUNNING")]
    nested = one(tasks, "passes-on")  # one record, the one the engine made, FAILED
    assert nested["state"] == "FAILED" and "no-such-task" in json.dumps(nested.get("error"))


def test_unknown_namespace_is_refused_by_default(server, client):
    with pytest.raises(Exception, match="(?i)namespace"):
        client.create_experiment("x", namespace="kubeflow-user-example-com")


def test_unknown_namespace_becomes_a_project_of_the_callers_organization(make_server):
    srv = make_server(env={"PIPELINES_KFP_AUTO_NAMESPACES": "1"})
    ns = "kubeflow-user-example-com"
    client = kfp.Client(host=srv.base_url, existing_token=srv.seed.api_key)
    # What sample_test.py does: a run into its namespace and a new experiment.
    created = client.create_run_from_pipeline_func(
        S.names_of_a_run, namespace=ns, experiment_name="test-names"
    )
    assert client.wait_for_run_completion(created.run_id, timeout=TIMEOUT).state == "SUCCEEDED"
    assert client.get_experiment(experiment_name="test-names", namespace=ns).namespace == ns
    with database(srv) as session:
        mine = session.query(Project).filter_by(name=ns).all()
        assert [p.org_id for p in mine] == [srv.seed.org_id]
        other = orgs.bootstrap(session)
        other_key, other_org = other.api_key, other.org.id
    # Another organization's same namespace is its own project; it sees nothing of ours.
    theirs = kfp.Client(host=srv.base_url, existing_token=other_key)
    assert theirs.list_experiments(namespace=ns).experiments is None
    theirs.create_experiment("theirs", namespace=ns)
    with database(srv) as session:
        owners = sorted(p.org_id for p in session.query(Project).filter_by(name=ns))
    assert owners == sorted([srv.seed.org_id, other_org])
