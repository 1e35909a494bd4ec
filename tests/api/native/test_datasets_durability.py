"""A dataset import survives a SIGKILL of its server (started again on the same database
and data directory, it goes on from its last step and ends with every row once), and a
cancel stops a running one between steps."""

from __future__ import annotations

import signal
import time

import pytest

from tests.api.helpers import native

ROWS = 120_000


def test_sigkill_during_an_import_resumes_without_duplicates(make_server, tmp_path):
    env = {"PIPELINES_JOB_LEASE_SECONDS": "2"}
    first = make_server(env=env)
    content = "id,text\n" + "".join(f"{i},row {i}\n" for i in range(ROWS))
    with native(first) as api:
        r = api.post(
            "/datasets/import/file",
            files={"file": ("big.csv", content.encode())},
            data={"name": "big"},
        )
        assert r.status_code == 202, r.text
        job_id, dataset_id = r.json()["job_id"], r.json()["dataset_id"]
        # Kill once the import has made progress (or, on a very fast machine, finished:
        # either way the end state below must hold).
        end = time.monotonic() + 120
        while time.monotonic() < end:
            job = api.get(f"/datasets/import/jobs/{job_id}").json()
            if job["done"] >= 2000 or job["status"] != "queued" and job["done"]:
                break
            time.sleep(0.05)
    first.stop(signal.SIGKILL)
    second = make_server(
        env={**env, "PIPELINES_DATA_DIR": str(first.data_dir)},
        database_url=first.database_url,
        seed=False,
    )
    second.seed = first.seed
    with native(second) as api:
        end = time.monotonic() + 300
        while True:
            job = api.get(f"/datasets/import/jobs/{job_id}").json()
            if job["status"] in ("completed", "completed_with_partial_results", "failed"):
                break
            assert time.monotonic() < end, job
            time.sleep(0.3)
        assert job["status"] == "completed", job
        assert job["rows_imported"] == ROWS and job["done"] == ROWS
        ds = api.get(f"/datasets/{dataset_id}").json()
        assert ds["row_count"] == ROWS and ds["status"] == "ready"
        totals = api.post(
            f"/datasets/{dataset_id}/chart-query",
            json={
                "metrics": [
                    {"agg": "count"},
                    {"field": "id", "agg": "sum"},
                    {"field": "id", "agg": "count_distinct"},
                ]
            },
        ).json()["rows"]
    assert totals == [{"count": ROWS, "sum_id": ROWS * (ROWS - 1) // 2, "count_distinct_id": ROWS}]


def test_cancel_stops_a_running_import_between_steps(server):
    content = "id\n" + "".join(f"{i}\n" for i in range(ROWS))
    with native(server) as api:
        r = api.post(
            "/datasets/import/file",
            files={"file": ("cancel.csv", content.encode())},
            data={"name": "to cancel"},
        )
        job_id, dataset_id = r.json()["job_id"], r.json()["dataset_id"]
        end = time.monotonic() + 120
        while True:
            job = api.get(f"/datasets/import/jobs/{job_id}").json()
            if job["done"] > 0 or job["status"] not in ("queued", "running"):
                break
            assert time.monotonic() < end, job
            time.sleep(0.02)
        asked = api.post(f"/datasets/import/jobs/{job_id}/cancel").json()
        if asked["status"] == "completed":
            pytest.skip("the import finished before the cancel request reached it")
        assert asked["cancel_requested"] is True
        end = time.monotonic() + 120
        while job["status"] not in ("completed", "cancelled", "failed"):
            assert time.monotonic() < end, job
            time.sleep(0.1)
            job = api.get(f"/datasets/import/jobs/{job_id}").json()
        ds = api.get(f"/datasets/{dataset_id}").json()
    assert job["status"] == "cancelled", job
    assert ds["status"] == "cancelled"
    assert 0 < job["rows_imported"] < ROWS and ds["row_count"] == job["rows_imported"]
