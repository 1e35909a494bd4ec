"""The real pipelines-sdk 0.1.15 against the datasets API: every dataset method, seeding a
workflow from a dataset with the SDK's wait helper, and the CLI's `datasets export`."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile

import pytest
from pipelines.errors import PipelinesAPIError

from tests.api.helpers import make_workflow
from tests.compat.sdk import cli_json, sdk

CSV = "question,answer,score\nWhat is 2+2?,4,1\nCapital of France?,Paris,0.5\nSky colour?,blue,\n"
TERMINAL = {"completed", "completed_with_partial_results", "failed", "cancelled"}


def wait_import(client, job_id: str) -> dict:
    end = time.monotonic() + 120
    while True:
        job = client.get_dataset_import_job(job_id)
        if job["status"] in TERMINAL:
            return job
        assert time.monotonic() < end, job
        time.sleep(0.2)


@pytest.fixture
def dataset(server, tmp_path):
    client = sdk(server)
    path = tmp_path / "qa.csv"
    path.write_text(CSV)
    started = client.import_dataset_from_file(
        file=path, name="QA set", description="three", org_id=server.seed.org_id
    )
    assert started["status"] in ("queued", "running", "completed")
    job = wait_import(client, started["job_id"])
    assert job["status"] == "completed", job
    return client.get_dataset(started["dataset_id"])


def test_preview_import_and_job_status(server, tmp_path):
    client = sdk(server)
    path = tmp_path / "qa.csv"
    path.write_text(CSV)
    preview = client.preview_dataset_import_file(file=path)
    assert preview["format"] == "csv" and preview["row_estimate"] == 3
    assert [(c["name"], c["type"]) for c in preview["columns"]] == [
        ("question", "string"),
        ("answer", "string"),
        ("score", "number"),
    ]
    with open(path, "rb") as handle:  # a binary handle, as the SDK also accepts
        started = client.import_dataset_from_file(file=handle, name="from handle", org_id=None)
    job = wait_import(client, started["job_id"])
    assert job["rows_imported"] == 3 and job["dataset_id"] == started["dataset_id"]
    cancelled = client.cancel_dataset_import_job(started["job_id"])
    assert cancelled["status"] == "completed"  # finished jobs stay as they are
    with pytest.raises(PipelinesAPIError) as err:
        client.get_dataset_import_job("no-such-job")
    assert err.value.status_code == 404


def test_list_get_content_and_paginate(server, dataset):
    client = sdk(server)
    assert dataset["name"] == "QA set" and dataset["row_count"] == 3
    listed = client.list_datasets(search="QA set", page_size=200)
    assert dataset["id"] in [d["id"] for d in listed["items"]]
    assert dataset["id"] in [d["id"] for d in client.iter_datasets(search="QA set")]
    content = client.get_dataset_content(dataset["id"], page=1, page_size=2)
    assert [r["data"]["answer"] for r in content["items"]] == ["4", "Paris"]
    assert content["has_more"] is True and content["total"] == 3
    rows = list(client.paginate(f"/api/datasets/{dataset['id']}/content", page_size=2))
    assert [r["row_index"] for r in rows] == [0, 1, 2]


def test_export_in_every_format_and_the_cli(server, dataset, tmp_path):
    client = sdk(server)
    data = client.export_dataset(dataset["id"])
    assert list(csv.reader(io.StringIO(data.decode()))) == list(csv.reader(io.StringIO(CSV)))
    rows = json.loads(client.export_dataset(dataset["id"], format="json"))
    assert rows[1] == {"question": "Capital of France?", "answer": "Paris", "score": "0.5"}
    for fmt in ("zip", "zip-json"):
        blob = client.export_dataset(dataset["id"], format=fmt)
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            assert len(archive.namelist()) == 1
    out = tmp_path / "out" / "qa.csv"
    printed = cli_json(
        server, "datasets", "export", "--dataset-id", str(dataset["id"]), "--output", str(out)
    )
    assert printed["bytes_written"] == len(data) and out.read_bytes() == data
    printed = cli_json(
        server,
        "datasets",
        "export",
        "--dataset-id",
        str(dataset["id"]),
        "--format",
        "json",
        "--output",
        str(tmp_path / "qa.json"),
    )
    assert json.loads((tmp_path / "qa.json").read_text()) == rows
    assert printed["format"] == "json"


def test_analytics_and_charts(server, dataset):
    client = sdk(server)
    stats = client.get_dataset_analytics(dataset["id"])
    score = next(c for c in stats["columns"] if c["name"] == "score")
    assert score["type"] == "number" and score["count"] == 2 and score["null_count"] == 1
    assert score["numeric"]["sum"] == 1.5
    fields = client.get_chart_fields(dataset["id"])
    assert fields["measures"] == ["score"]
    values = client.get_chart_field_values(dataset["id"], "answer", search="PAR", limit=5)
    assert values["items"] == [{"value": "Paris", "count": 1}]
    result = client.chart_query(
        dataset["id"],
        {"group_by": ["answer"], "metrics": [{"field": "score", "agg": "max"}], "limit": 1},
    )
    assert result["rows"] == [{"answer": "4", "max_score": 1}] and result["truncated"]
    with pytest.raises(PipelinesAPIError) as err:
        client.chart_query(dataset["id"], {"group_by": ["nope"]})
    assert err.value.status_code == 422 and "nope" in str(err.value)


def test_seed_from_dataset_and_wait(server, dataset):
    client = sdk(server)
    wf = make_workflow(
        server,
        [
            {"name": "prompt", "type": "long_text", "required": True},
            {"name": "expected", "type": "short_text"},
        ],
    )
    started = client.seed_from_dataset(
        wf["project_id"],
        wf["id"],
        {
            "dataset_id": dataset["id"],
            "column_mapping": {"prompt": "question", "expected": "answer"},
        },
    )
    assert started["status"] == "queued" and started["total"] == 3
    done = client.wait_for_seed_from_dataset(
        wf["project_id"], wf["id"], started["job_id"], poll_interval=0.2, timeout=120
    )
    assert done["status"] == "completed" and done["success_count"] == 3
    again = client.get_seed_status(wf["project_id"], wf["id"], started["job_id"])
    assert again["task_ids"] == done["task_ids"] and len(again["task_ids"]) == 3
    with pytest.raises(PipelinesAPIError) as err:
        client.seed_from_dataset(
            wf["project_id"], wf["id"], {"dataset_id": dataset["id"], "column_mapping": {"x": "y"}}
        )
    assert err.value.status_code == 422


def test_dataset_evaluation_config_preview_run_and_status(server, tmp_path):
    from tests.api.native.test_datasets_eval import exact_evaluation

    client = sdk(server)
    path = tmp_path / "qa.csv"
    path.write_text("question,response,reference\n2+2?,4,4\nFrance?,Lyon,Paris\n")
    started = client.import_dataset_from_file(file=path, name="eval set")
    wait_import(client, started["job_id"])
    dataset_id = started["dataset_id"]
    ev = exact_evaluation(server)
    config = client.get_dataset_eval_config(dataset_id)
    assert config["suggested_mapping"] == {"output": "response", "expected": "reference"}
    preview = client.preview_dataset_eval(dataset_id, {"evaluation_id": ev["id"]})
    assert [r["passed"] for r in preview["rows"]] == [True, False]
    run = client.run_dataset_eval(dataset_id, {"evaluation_id": ev["id"], "limit": 2})
    assert run["job_id"] and run["status"] == "queued"
    end = time.monotonic() + 120
    while True:
        status = client.get_dataset_eval_status(dataset_id, run["job_id"])
        if status["status"] in TERMINAL:
            break
        assert time.monotonic() < end, status
        time.sleep(0.2)
    assert status["status"] == "completed"
    assert status["summary"]["rows_scored"] == 2 and status["summary"]["pass_rate"] == 0.5
    with pytest.raises(PipelinesAPIError) as err:
        client.run_dataset_eval(
            dataset_id, {"evaluation_id": ev["id"], "column_mapping": {"output": "x"}}
        )
    assert err.value.status_code == 422


def test_the_async_client_dataset_and_seed_methods(server, dataset):
    import asyncio

    from pipelines import AsyncPipelinesClient

    wf = make_workflow(server, [{"name": "question", "type": "long_text", "required": True}])

    async def run() -> tuple:
        async with AsyncPipelinesClient(
            api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            listed = await client.list_datasets(search="QA set", page_size=200)
            got = await client.get_dataset(dataset["id"])
            data = await client.export_dataset(dataset["id"], format="json")
            started = sdk(server).seed_from_dataset(
                wf["project_id"], wf["id"], {"dataset_id": dataset["id"]}
            )
            status = await client.get_seed_status(wf["project_id"], wf["id"], started["job_id"])
            done = await client.wait_for_seed_from_dataset(
                wf["project_id"], wf["id"], started["job_id"], poll_interval=0.2, timeout=120
            )
            return listed, got, data, status, done

    listed, got, data, status, done = asyncio.run(run())
    assert dataset["id"] in [d["id"] for d in listed["items"]] and got == dataset
    assert len(json.loads(data)) == 3
    assert status["job_id"] == done["job_id"]
    assert done["status"] == "completed" and done["success_count"] == 3
