"""Hostile input to dataset imports: values no store keeps (NaN, Infinity, 1e400, NUL) are one
row's error or a 422 naming the field, never a 500 or a failed import, on SQLite and
PostgreSQL alike; exports are strict JSON."""

from __future__ import annotations

import json

from tests.api.helpers import native
from tests.api.native.test_datasets import imported, upload

HOSTILE_JSONL = (
    '{"q": "fine", "n": 1}\n'
    '{"q": "nan", "n": NaN}\n'
    '{"q": "inf", "n": Infinity}\n'
    '{"q": "neg", "n": -Infinity}\n'
    '{"q": "huge", "n": 1e400}\n'
    '{"q": "nul \\u0000 in a value"}\n'
    '{"nul \\u0000 key": 1}\n'
    '{"q": "also fine", "n": 2}\n'
)


def test_jsonl_lines_no_store_keeps_are_row_errors(server):
    job, ds = imported(server, HOSTILE_JSONL, filename="hostile.jsonl")
    assert job["status"] == "completed_with_partial_results", job
    assert job["rows_imported"] == 2 and job["error_count"] == 6, job
    assert [e["line"] for e in job["errors"]] == [2, 3, 4, 5, 6, 7]
    assert all(e["message"].startswith("Invalid JSON") for e in job["errors"]), job
    assert ds["status"] == "ready" and ds["row_count"] == 2
    with native(server) as api:
        body = api.get(f"/datasets/{ds['id']}/content").json()
        assert [r["data"] for r in body["items"]] == [
            {"q": "fine", "n": 1},
            {"q": "also fine", "n": 2},
        ]
        r = api.get(f"/datasets/{ds['id']}/export", params={"format": "json"})
        assert r.status_code == 200
        assert json.loads(r.content, parse_constant=_refuse) == [
            {"q": "fine", "n": 1},
            {"q": "also fine", "n": 2},
        ]


def _refuse(token):
    raise AssertionError(f"non-standard JSON token in an export: {token}")


def test_csv_cells_with_nul_are_row_errors_and_huge_numbers_stay_text(server):
    content = "a,b\n1,x\n2,\x00bad\n3,1e400\n4,[NaN]\n"
    job, ds = imported(server, content, filename="nul.csv")
    assert job["status"] == "completed_with_partial_results", job
    assert job["rows_imported"] == 3 and job["error_count"] == 1
    assert job["errors"][0]["line"] == 3 and "NUL" in job["errors"][0]["message"]
    types = {c["name"]: c["type"] for c in ds["columns"]}
    assert types["b"] == "string"  # 1e400 is no finite number, [NaN] no JSON
    with native(server) as api:
        r = api.get(f"/datasets/{ds['id']}/export", params={"format": "json"})
        assert r.status_code == 200
        assert [row["b"] for row in json.loads(r.content, parse_constant=_refuse)] == [
            "x",
            "1e400",
            "[NaN]",
        ]
        a = api.get(f"/datasets/{ds['id']}/analytics")
        assert a.status_code == 200, a.text
        q = api.post(
            f"/datasets/{ds['id']}/chart-query",
            json={"group_by": ["b"], "metrics": [{"agg": "count"}]},
        )
        assert q.status_code == 200, q.text


def test_nul_in_header_form_fields_or_file_name_is_a_422_naming_it(server):
    with native(server) as api:
        before = api.get("/datasets", params={"page_size": 1}).json()["total"]
        r = upload(api, "a,b\x00c\n1,2\n", filename="h.csv")
        assert r.status_code == 422, r.text
        assert "header" in r.text and "NUL" in r.text
        r = api.post(
            "/datasets/import/file/preview",
            files={"file": ("h.csv", b"a,b\x00c\n1,2\n", "text/csv")},
        )
        assert r.status_code == 422, r.text
        assert "header" in r.text
        r = upload(api, "a\n1\n", name="bad\x00name")
        assert r.status_code == 422, r.text
        assert "name" in r.text and "NUL" in r.text
        r = upload(api, "a\n1\n", description="bad\x00description")
        assert r.status_code == 422, r.text
        assert "description" in r.text
        assert api.get("/datasets", params={"page_size": 1}).json()["total"] == before
        # the multipart layer may cut the file name at its NUL; either way nothing unstorable
        # is kept
        r = upload(api, "a\n1\n", filename="bad\x00name.csv")
        if r.status_code == 422:
            assert "file name" in r.text
        else:
            assert r.status_code == 202, r.text
            got = api.get(f"/datasets/{r.json()['dataset_id']}").json()
            assert "\x00" not in got["file_name"]


def test_columns_are_capped_at_1000(server):
    lines = [
        {"a": 1},
        {f"k{i}": i for i in range(1000)},  # 1 + 1000 columns: refused
        {f"k{i}": i for i in range(999)},  # 1 + 999: the last room
        {"a": 2, "zz": 1},  # one more: refused
        {"a": 3, "k0": 0},
    ]
    content = "".join(json.dumps(x) + "\n" for x in lines)
    job, ds = imported(server, content, filename="wide.jsonl")
    assert job["status"] == "completed_with_partial_results", job
    assert job["rows_imported"] == 3 and [e["line"] for e in job["errors"]] == [2, 4]
    assert "at most 1000 columns" in job["errors"][0]["message"]
    assert len(ds["columns"]) == 1000
    assert {c["name"]: c["type_counts"] for c in ds["columns"]}["a"] == {"integer": 2}
    header = ",".join(f"c{i}" for i in range(1001))
    row = ",".join("1" for _ in range(1001))
    with native(server) as api:
        r = upload(api, f"{header}\n{row}\n", filename="wide.csv")
        assert r.status_code == 422, r.text
        assert "1001 columns" in r.text
        r = api.post(
            "/datasets/import/file/preview",
            files={"file": ("wide.csv", f"{header}\n{row}\n".encode(), "text/csv")},
        )
        assert r.status_code == 422, r.text
        ok = api.post(
            "/datasets/import/file/preview",
            files={"file": ("wide.jsonl", content.encode(), "application/json")},
        )
        assert ok.status_code == 200, ok.text
        assert [e["line"] for e in ok.json()["errors"]] == [2, 4]
