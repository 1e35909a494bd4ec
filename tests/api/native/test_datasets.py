"""Datasets on the native API: import (preview, async job, per-line errors, cancel), list,
get, content, export, analytics, chart fields, values and queries, isolation."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile

from tests.api.helpers import native
from tests.api.native.conftest import PAGE_KEYS, as_org

TERMINAL = {"completed", "completed_with_partial_results", "failed", "cancelled"}

SALES_CSV = (
    "region,amount,paid,note,meta\n"
    "north,10,true,first,\n"
    "south,5.5,false,,\n"
    'north,20,true,"with, comma","{""k"": 1}"\n'
    "east,,true,empty amount,\n"
)


def upload(api, content: bytes | str, name="sales", filename="sales.csv", **form):
    data = content.encode() if isinstance(content, str) else content
    return api.post(
        "/datasets/import/file",
        files={"file": (filename, data, "application/octet-stream")},
        data={"name": name, **form},
    )


def wait_job(api, job_id: str, deadline: float = 120) -> dict:
    end = time.monotonic() + deadline
    while True:
        r = api.get(f"/datasets/import/jobs/{job_id}")
        assert r.status_code == 200, r.text
        body = r.json()
        if body["status"] in TERMINAL:
            return body
        assert time.monotonic() < end, body
        time.sleep(0.2)


def imported(server, content, **kw) -> tuple[dict, dict]:
    """(import job at its end, dataset) of a file imported through the API."""
    with native(server) as api:
        r = upload(api, content, **kw)
        assert r.status_code == 202, r.text
        job = wait_job(api, r.json()["job_id"])
        ds = api.get(f"/datasets/{r.json()['dataset_id']}").json()
    return job, ds


def test_preview_infers_columns_and_types_and_stores_nothing(server):
    with native(server) as api:
        before = api.get("/datasets", params={"page_size": 1}).json()["total"]
        r = api.post(
            "/datasets/import/file/preview",
            files={"file": ("sales.csv", SALES_CSV.encode(), "text/csv")},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert api.get("/datasets", params={"page_size": 1}).json()["total"] == before
    assert body["format"] == "csv" and body["delimiter"] == ","
    types = {c["name"]: c["type"] for c in body["columns"]}
    assert types == {
        "region": "string",
        "amount": "number",
        "paid": "boolean",
        "note": "string",
        "meta": "json",
    }
    assert body["row_estimate"] == 4 and body["estimated"] is False
    assert body["rows"][2]["note"] == "with, comma"
    assert body["errors"] == []


def test_preview_detects_jsonl_and_semicolons(server):
    with native(server) as api:
        r = api.post(
            "/datasets/import/file/preview",
            files={"file": ("x.data", b'{"a": 1, "b": [1]}\n{"a": 2.5, "c": null}\nnope\n')},
        )
        body = r.json()
        assert body["format"] == "jsonl"
        assert {c["name"]: c["type"] for c in body["columns"]} == {
            "a": "number",
            "b": "json",
            "c": "null",
        }
        assert body["errors"][0]["line"] == 3
        r = api.post(
            "/datasets/import/file/preview",
            files={"file": ("x.csv", b"a;b\n1;x\n2;y\n")},
        )
        assert r.json()["delimiter"] == ";"
        assert [c["name"] for c in r.json()["columns"]] == ["a", "b"]
        empty = api.post("/datasets/import/file/preview", files={"file": ("e.csv", b"")})
        assert empty.status_code == 422, empty.text


def test_import_get_list_and_content(server):
    job, ds = imported(server, SALES_CSV, name="Sales 2026", description="by region")
    assert job["status"] == "completed", job
    assert job["rows_imported"] == 4 and job["error_count"] == 0
    assert job["dataset_id"] == ds["id"] and job["dataset_status"] == "ready"
    assert ds["status"] == "ready" and ds["row_count"] == 4
    assert ds["source_format"] == "csv" and ds["name"] == "Sales 2026"
    assert [(c["name"], c["type"]) for c in ds["columns"]] == [
        ("region", "string"),
        ("amount", "number"),
        ("paid", "boolean"),
        ("note", "string"),
        ("meta", "json"),
    ]
    with native(server) as api:
        page = api.get(f"/datasets/{ds['id']}/content", params={"page": 2, "page_size": 3}).json()
        assert PAGE_KEYS <= set(page)
        assert page["total"] == 4 and page["has_more"] is False
        assert page["items"] == [
            {
                "row_index": 3,
                "data": {
                    "region": "east",
                    "amount": "",
                    "paid": "true",
                    "note": "empty amount",
                    "meta": "",
                },
            }
        ]
        listed = api.get("/datasets", params={"search": "SALES 2026"}).json()
        assert [d["id"] for d in listed["items"]] == [ds["id"]]
        assert api.get("/datasets", params={"search": "nothing-like-it"}).json()["total"] == 0


def test_bad_lines_are_per_row_errors_and_nothing_parsed_fails(server):
    job, ds = imported(server, "a,b\n1,2\n1,2,3\n4,5\n\n6\n", filename="bad.csv")
    assert job["status"] == "completed_with_partial_results", job
    assert job["rows_imported"] == 2 and job["error_count"] == 2
    assert [e["line"] for e in job["errors"]] == [3, 6]
    assert "Expected 2 fields, got 3" in job["errors"][0]["message"]
    assert ds["row_count"] == 2 and ds["error_count"] == 2

    job, ds = imported(server, b"[1]\nnot json\n", filename="bad.jsonl")
    assert job["status"] == "failed" and "No row" in job["error"], job
    assert ds["status"] == "failed"


def test_jsonl_import_keeps_values_and_unions_keys(server):
    lines = [{"q": "hi", "n": 1}, {"q": "yo", "extra": {"x": [1, 2]}}, {"n": 2.5, "flag": True}]
    content = "\n".join(json.dumps(x) for x in lines) + "\n"
    job, ds = imported(server, content, filename="rows.jsonl")
    assert job["status"] == "completed", job
    assert [(c["name"], c["type"]) for c in ds["columns"]] == [
        ("q", "string"),
        ("n", "number"),
        ("extra", "json"),
        ("flag", "boolean"),
    ]
    with native(server) as api:
        items = api.get(f"/datasets/{ds['id']}/content").json()["items"]
    assert [i["data"] for i in items] == lines
    assert [list(i["data"]) for i in items] == [list(x) for x in lines]  # key order kept
    with native(server) as api:
        exported = api.get(f"/datasets/{ds['id']}/export", params={"format": "json"}).json()
    assert [list(x) for x in exported] == [list(x) for x in lines]


def test_a_large_import_runs_in_steps_and_reports_progress(server):
    rows = 3500
    content = "id,group\n" + "".join(f"{i},g{i % 7}\n" for i in range(rows))
    job, ds = imported(server, content, filename="big.csv")
    assert job["status"] == "completed"
    assert job["done"] == rows and job["total"] == rows and job["progress"] == 100
    assert ds["row_count"] == rows
    with native(server) as api:
        last = api.get(f"/datasets/{ds['id']}/content", params={"page": 35, "page_size": 100})
        assert [i["data"]["id"] for i in last.json()["items"]][-1] == str(rows - 1)
        stats = api.get(f"/datasets/{ds['id']}/analytics").json()
    by_name = {c["name"]: c for c in stats["columns"]}
    assert by_name["id"]["distinct_count"] == rows
    assert by_name["id"]["numeric"]["min"] == 0 and by_name["id"]["numeric"]["max"] == rows - 1
    assert by_name["group"]["distinct_count"] == 7


def test_export_in_every_format(server):
    _, ds = imported(server, SALES_CSV)
    with native(server) as api:
        r = api.get(f"/datasets/{ds['id']}/export", params={"format": "csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert list(csv.reader(io.StringIO(r.text))) == list(csv.reader(io.StringIO(SALES_CSV)))
        as_json = api.get(f"/datasets/{ds['id']}/export", params={"format": "json"}).json()
        assert len(as_json) == 4 and as_json[2]["note"] == "with, comma"
        zipped = api.get(f"/datasets/{ds['id']}/export", params={"format": "zip"})
        with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
            (member,) = archive.namelist()
            assert member.endswith(".csv")
            assert archive.read(member).decode() == r.text
        zj = api.get(f"/datasets/{ds['id']}/export", params={"format": "zip-json"})
        with zipfile.ZipFile(io.BytesIO(zj.content)) as archive:
            (member,) = archive.namelist()
            assert json.loads(archive.read(member)) == as_json
        bad = api.get(f"/datasets/{ds['id']}/export", params={"format": "xml"})
        assert bad.status_code == 422


def test_analytics_counts_types_distincts_and_numbers(server):
    _, ds = imported(server, SALES_CSV)
    with native(server) as api:
        stats = api.get(f"/datasets/{ds['id']}/analytics").json()
    assert stats["row_count"] == 4
    col = {c["name"]: c for c in stats["columns"]}
    amount = col["amount"]
    assert amount["type"] == "number" and amount["count"] == 3 and amount["null_count"] == 1
    assert amount["type_counts"] == {"integer": 2, "number": 1, "null": 1}
    assert amount["numeric"]["sum"] == 35.5 and amount["numeric"]["min"] == 5.5
    assert amount["numeric"]["max"] == 20
    assert abs(amount["numeric"]["mean"] - 35.5 / 3) < 1e-9
    region = col["region"]
    assert region["distinct_count"] == 3
    assert region["top_values"][0] == {"value": "north", "count": 2, "approximate": False}
    assert col["paid"]["type"] == "boolean" and col["paid"]["distinct_count"] == 2


def test_chart_fields_values_and_queries(server):
    _, ds = imported(server, SALES_CSV)
    base = f"/datasets/{ds['id']}"
    with native(server) as api:
        fields = api.get(f"{base}/chart-fields").json()
        assert fields["measures"] == ["amount"]
        assert "region" in fields["dimensions"]
        values = api.get(f"{base}/chart-fields/region/values").json()
        assert values["items"][0] == {"value": "north", "count": 2}
        assert values["total"] == 3
        some = api.get(f"{base}/chart-fields/region/values", params={"search": "OU"}).json()
        assert some["items"] == [{"value": "south", "count": 1}]
        missing = api.get(f"{base}/chart-fields/nope/values")
        assert missing.status_code == 404

        q = api.post(
            f"{base}/chart-query",
            json={
                "group_by": ["region"],
                "metrics": [{"field": "amount", "agg": "sum"}, {"agg": "count"}],
            },
        )
        assert q.status_code == 200, q.text
        assert q.json()["rows"] == [
            {"region": "north", "sum_amount": 30, "count": 2},
            {"region": "south", "sum_amount": 5.5, "count": 1},
            {"region": "east", "sum_amount": 0, "count": 1},
        ]
        q = api.post(
            f"{base}/chart-query",
            json={
                "group_by": ["paid"],
                "metrics": [{"field": "amount", "agg": "avg", "alias": "mean"}],
                "filters": [{"field": "amount", "op": "gte", "value": 5}],
                "order_by": {"field": "paid", "direction": "asc"},
            },
        )
        assert q.json()["rows"] == [{"paid": False, "mean": 5.5}, {"paid": True, "mean": 15.0}]
        bad = api.post(
            f"{base}/chart-query", json={"group_by": ["region"], "metrics": [{"field": "x"}]}
        )
        assert bad.status_code == 422 and "x" in json.dumps(bad.json())
        assert bad.json()["detail"][0]["loc"][:2] == ["body", "metrics"]
        bad = api.post(f"{base}/chart-query", json={"group_by": ["nope"]})
        assert bad.status_code == 422 and "nope" in json.dumps(bad.json())


def test_cancel_a_queued_or_finished_import_and_unknown_jobs(server):
    with native(server) as api:
        assert api.get("/datasets/import/jobs/not-a-job").status_code == 404
        assert api.post("/datasets/import/jobs/not-a-job/cancel").status_code == 404
        r = upload(api, "a\n1\n")
        job = wait_job(api, r.json()["job_id"])
        again = api.post(f"/datasets/import/jobs/{job['job_id']}/cancel")
        assert again.status_code == 200 and again.json()["status"] == "completed"


def test_cancel_ends_a_queued_import_at_once(make_server):
    # No runner at all (no job threads, no Celery worker): the job stays queued.
    srv = make_server(env={"PIPELINES_JOB_WORKERS": "0", "PIPELINES_EXECUTOR": "inprocess"})
    with native(srv) as api:
        r = upload(api, "a\n" + "".join(f"{i}\n" for i in range(10)))
        assert r.status_code == 202
        # Cancelling a queued job ends it at once.
        cancelled = api.post(f"/datasets/import/jobs/{r.json()['job_id']}/cancel").json()
        assert cancelled["status"] == "cancelled"
        assert cancelled["dataset_status"] == "cancelled"
        assert api.get(f"/datasets/{r.json()['dataset_id']}").json()["status"] == "cancelled"


def test_idempotent_import_replays(server):
    with native(server) as api:
        key = {"Idempotency-Key": f"ds-{time.time_ns()}"}
        files = {"file": ("k.csv", b"a\n1\n")}
        first = api.post("/datasets/import/file", files=files, data={"name": "k"}, headers=key)
        second = api.post("/datasets/import/file", files=files, data={"name": "k"}, headers=key)
        assert first.status_code == second.status_code == 202
        assert first.json() == second.json()
        other = api.post("/datasets/import/file", files=files, data={"name": "k2"}, headers=key)
        assert other.status_code == 409


def test_other_organizations_see_nothing(server, org):
    _, ds = imported(server, SALES_CSV)
    other = as_org(server, org)
    with native(other, org.api_key) as api:
        for path in ("", "/content", "/export", "/analytics", "/chart-fields"):
            assert api.get(f"/datasets/{ds['id']}{path}").status_code == 404, path
        assert api.post(f"/datasets/{ds['id']}/chart-query", json={}).status_code == 404
        assert ds["id"] not in [d["id"] for d in api.get("/datasets").json()["items"]]
        assert api.get(f"/datasets/import/jobs/{ds['import_job_id']}").status_code == 404
        r = upload(api, "a\n1\n", org_id=str(server.seed.org_id))
        assert r.status_code == 404


def test_import_needs_a_name_and_a_file(server):
    with native(server) as api:
        r = api.post("/datasets/import/file", files={"file": ("a.csv", b"a\n1\n")})
        assert r.status_code in (400, 422), r.text
        r = api.post("/datasets/import/file", data={"name": "x"}, files={"other": ("a", b"")})
        assert r.status_code in (400, 422), r.text
        r = upload(api, b"   \n")
        assert r.status_code == 422, r.text


# -- seeding a workflow's tasks from a dataset -----------------------------------------------

SEED_FIELDS = [
    {"name": "input_text", "type": "long_text", "required": True},
    {"name": "priority", "type": "numeric"},
    {"name": "urgent", "type": "boolean"},
]


def wait_seed(api, base: str, job_id: str, deadline: float = 120) -> dict:
    end = time.monotonic() + deadline
    while True:
        r = api.get(f"{base}/seed-data-status/{job_id}")
        assert r.status_code == 200, r.text
        if r.json()["status"] in TERMINAL:
            return r.json()
        assert time.monotonic() < end, r.json()
        time.sleep(0.2)


def test_seed_from_dataset_creates_valid_rows_and_reports_the_others(server):
    from tests.api.helpers import make_workflow

    wf = make_workflow(server, SEED_FIELDS, status="PAUSED")
    content = "question,priority,urgent\nhello,1,true\n,2,false\nbye,x,false\nagain,,\n"
    _, ds = imported(server, content, filename="seed.csv")
    base = f"/projects/{wf['project_id']}/workflows/{wf['id']}"
    with native(server) as api:
        r = api.post(
            f"{base}/seed-from-dataset",
            json={
                "dataset_id": ds["id"],
                "column_mapping": {
                    "input_text": "question",
                    "priority": "priority",
                    "urgent": "urgent",
                },
            },
        )
        assert r.status_code == 202, r.text
        job = wait_seed(api, base, r.json()["job_id"])
        assert job["status"] == "completed_with_partial_results", job
        assert job["success_count"] == 2 and job["error_count"] == 2
        assert [e["row_index"] for e in job["errors"]] == [1, 2]
        assert "input_text" in job["errors"][0]["message"]
        assert "priority" in job["errors"][1]["message"]
        assert job["done"] == job["total"] == 4
        tasks = [api.get(f"{base}/tasks/{t}").json() for t in job["task_ids"]]
    fields = [t.get("fields") or t.get("input") for t in tasks]
    assert {"input_text": "hello", "priority": 1, "urgent": True} in fields
    assert {"input_text": "again"} in fields


def test_seed_defaults_to_same_name_columns_with_offset_and_limit(server):
    from tests.api.helpers import make_workflow

    wf = make_workflow(server, SEED_FIELDS)
    content = "input_text,other\n" + "".join(f"t{i},o\n" for i in range(1200))
    _, ds = imported(server, content, filename="many.csv")
    base = f"/projects/{wf['project_id']}/workflows/{wf['id']}"
    with native(server) as api:
        r = api.post(
            f"{base}/seed-from-dataset", json={"dataset_id": ds["id"], "offset": 100, "limit": 700}
        )
        assert r.status_code == 202, r.text
        job = wait_seed(api, base, r.json()["job_id"])
    assert job["status"] == "completed" and job["success_count"] == 700
    assert job["result"]["column_mapping"] == {"input_text": "input_text"}
    assert len(job["task_ids"]) == 700


def test_seed_rejects_unknown_fields_columns_and_datasets(server, org):
    from tests.api.helpers import make_workflow

    wf = make_workflow(server, SEED_FIELDS)
    _, ds = imported(server, "question\nx\n")
    base = f"/projects/{wf['project_id']}/workflows/{wf['id']}"
    with native(server) as api:
        r = api.post(
            f"{base}/seed-from-dataset",
            json={"dataset_id": ds["id"], "column_mapping": {"nope": "question"}},
        )
        assert r.status_code == 422 and "nope" in r.text
        assert r.json()["detail"][0]["loc"] == ["body", "column_mapping", "nope"]
        r = api.post(
            f"{base}/seed-from-dataset",
            json={"dataset_id": ds["id"], "column_mapping": {"input_text": "missing_col"}},
        )
        assert r.status_code == 422 and "missing_col" in r.text
        r = api.post(f"{base}/seed-from-dataset", json={"dataset_id": ds["id"]})
        assert r.status_code == 422 and "column_mapping" in r.text
        r = api.post(f"{base}/seed-from-dataset", json={"dataset_id": 999999999})
        assert r.status_code == 422 and "dataset_id" in r.text
        r = api.post(
            f"/projects/{wf['project_id']}/workflows/999999/seed-from-dataset",
            json={"dataset_id": ds["id"]},
        )
        assert r.status_code == 404
        assert api.get(f"{base}/seed-data-status/nope").status_code == 404
    # Another organization's dataset is not found.
    other_wf = make_workflow(
        as_org(server, org), SEED_FIELDS, key=org.api_key, project_id=org.project_id
    )
    with native(server, org.api_key) as api:
        r = api.post(
            f"/projects/{org.project_id}/workflows/{other_wf['id']}/seed-from-dataset",
            json={"dataset_id": ds["id"], "column_mapping": {"input_text": "question"}},
        )
        assert r.status_code == 422 and "Dataset not found" in r.text


def test_chart_query_metric_aliases_must_be_unique(server):
    _, ds = imported(server, SALES_CSV)
    base = f"/datasets/{ds['id']}"
    with native(server) as api:
        r = api.post(
            f"{base}/chart-query",
            json={"group_by": ["region"], "metrics": [{"agg": "count", "alias": "region"}]},
        )
        assert r.status_code == 422, r.text
        assert "'region' is also a group_by field" in r.text
        r = api.post(
            f"{base}/chart-query",
            json={
                "group_by": ["region"],
                "metrics": [
                    {"agg": "sum", "field": "amount", "alias": "x"},
                    {"agg": "max", "field": "amount", "alias": "x"},
                ],
            },
        )
        assert r.status_code == 422, r.text
        assert "'x'" in r.text
        r = api.post(
            f"{base}/chart-query",
            json={
                "group_by": ["region"],
                "metrics": [
                    {"agg": "sum", "field": "amount", "alias": "total"},
                    {"agg": "count", "alias": "n"},
                ],
            },
        )
        assert r.status_code == 200, r.text
        assert r.json()["columns"] == ["region", "total", "n"]
