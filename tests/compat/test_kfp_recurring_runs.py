"""Recurring runs through the real kfp SDK (2.17.0): they fire on their schedule, keep to
max_concurrency, stop when disabled, and list with upstream's `recurringRuns` key."""

from __future__ import annotations

import time

import httpx
import pytest

kfp = pytest.importorskip("kfp")
kfp_server_api = pytest.importorskip("kfp_server_api")

from tests.compat import kfp_pipelines as P  # noqa: E402


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


def _runs_of(client, experiment_id: str, recurring_run_id: str) -> list:
    runs = client.list_runs(experiment_id=experiment_id, page_size=200).runs or []
    return [r for r in runs if r.recurring_run_id == recurring_run_id]


def test_periodic_schedule_fires_and_keeps_to_max_concurrency(client, tmp_path):
    package = tmp_path / "slow.yaml"
    kfp.compiler.Compiler().compile(P.slow, str(package))
    exp = client.create_experiment("recurring-periodic")
    rec = client.create_recurring_run(
        experiment_id=exp.experiment_id,
        job_name="every-second",
        interval_second=1,
        max_concurrency=1,
        params={"seconds": 2.0},
        pipeline_package_path=str(package),
    )
    assert rec.status == "ENABLED" and rec.max_concurrency == "1"
    assert rec.trigger.periodic_schedule.interval_second == "1"
    # Watched until two runs have succeeded (however long a busy machine takes for that).
    deadline = time.monotonic() + 300
    most_at_once = 0
    while True:
        runs = _runs_of(client, exp.experiment_id, rec.recurring_run_id)
        unfinished = [r for r in runs if r.state in ("PENDING", "RUNNING", "CANCELING")]
        most_at_once = max(most_at_once, len(unfinished))
        if sum(r.state == "SUCCEEDED" for r in runs) >= 2:
            break
        assert time.monotonic() < deadline, [r.state for r in runs]
        time.sleep(0.3)
    # A 2 s run every second with max_concurrency 1: runs follow one another, never overlap.
    assert most_at_once == 1
    client.disable_recurring_run(rec.recurring_run_id)
    assert client.get_recurring_run(rec.recurring_run_id).status == "DISABLED"
    time.sleep(0.5)
    count = len(_runs_of(client, exp.experiment_id, rec.recurring_run_id))
    time.sleep(3)
    assert len(_runs_of(client, exp.experiment_id, rec.recurring_run_id)) == count
    client.delete_recurring_run(rec.recurring_run_id)
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.get_recurring_run(rec.recurring_run_id)
    assert info.value.status == 404


def test_cron_schedule_fires_and_lists(server, client, tmp_path):
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    exp = client.create_experiment("recurring-cron")
    rec = client.create_recurring_run(
        experiment_id=exp.experiment_id,
        job_name="cron-every-2s",
        cron_expression="*/2 * * * * *",
        max_concurrency=3,
        params={"a": 1, "b": 1},
        pipeline_package_path=str(package),
    )
    deadline = time.monotonic() + 300  # a bound, not an expectation: two runs succeed
    while True:
        done = [
            r
            for r in _runs_of(client, exp.experiment_id, rec.recurring_run_id)
            if r.state == "SUCCEEDED"
        ]
        if len(done) >= 2:
            break
        assert time.monotonic() < deadline, "the cron schedule never ran twice"
        time.sleep(0.3)
    client.disable_recurring_run(rec.recurring_run_id)
    listed = client.list_recurring_runs(experiment_id=exp.experiment_id)
    assert [r.recurring_run_id for r in listed.recurring_runs] == [rec.recurring_run_id]
    raw = httpx.get(
        server.base_url + "/apis/v2beta1/recurringruns",
        params={"experiment_id": exp.experiment_id},
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    ).json()
    assert raw["total_size"] == 1 and "recurringRuns" in raw
    # A bad cron is a 400 with the reason.
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.create_recurring_run(
            experiment_id=exp.experiment_id,
            job_name="bad",
            cron_expression="every tuesday",
            pipeline_package_path=str(package),
        )
    assert info.value.status == 400 and "Invalid cron" in info.value.body


def test_two_servers_on_one_database_fire_each_schedule_once(make_server, tmp_path):
    first = make_server(env={"PIPELINES_ENGINE_POLL_SECONDS": "0.1"})
    second = make_server(
        env={"PIPELINES_ENGINE_POLL_SECONDS": "0.1"}, database_url=first.database_url, seed=False
    )
    second.seed = first.seed
    client = kfp.Client(host=first.base_url, existing_token=first.seed.api_key)
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    exp = client.create_experiment("two-servers")
    rec = client.create_recurring_run(
        experiment_id=exp.experiment_id,
        job_name="every-second",
        interval_second=1,
        max_concurrency=10,
        pipeline_package_path=str(package),
    )
    time.sleep(6)
    client.disable_recurring_run(rec.recurring_run_id)
    runs = _runs_of(client, exp.experiment_id, rec.recurring_run_id)
    firings = [r.scheduled_at for r in runs]
    assert len(firings) >= 3
    assert len(firings) == len(set(firings)), "a firing started twice"
