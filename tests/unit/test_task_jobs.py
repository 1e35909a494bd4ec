"""Rules of domain/task_jobs.py that need no server: the export's encodings, the resumable
file append, the creation-mode example, the batch counts, the Accept negotiation helper."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from types import SimpleNamespace

from pipelines_server.domain import fields as fieldschema
from pipelines_server.domain import task_jobs
from pipelines_server.domain.task_jobs import ExportPlan


def _row(i, **kw):
    base = dict(
        id=i,
        status="finished",
        created_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
        finished_at=None,
        fields={"text": f'a,"b"\n{i}', "n": i, "tags": ["x"]},
        output={"ok": True},
        error=None,
    )
    base.update(kw)
    return SimpleNamespace(**base)


def _plan(fmt="csv", include=("fields", "output")):
    return ExportPlan(1, fmt, None, include, ("text", "n", "tags", "absent"), 10)


def test_csv_has_one_column_per_field_and_output_as_json():
    plan = _plan()
    data = (task_jobs.header(plan) + task_jobs.encode(plan, [_row(1), _row(2)])).decode()
    table = list(csv.DictReader(io.StringIO(data)))
    assert list(table[0]) == [
        "id",
        "status",
        "created_at",
        "finished_at",
        "text",
        "n",
        "tags",
        "absent",
        "output",
    ]
    assert table[1]["text"] == 'a,"b"\n2' and table[1]["n"] == "2"
    assert json.loads(table[0]["tags"]) == ["x"] and table[0]["absent"] == ""
    assert json.loads(table[0]["output"]) == {"ok": True}
    assert table[0]["created_at"] == "2026-11-30T09:00:00Z" and table[0]["finished_at"] == ""


def test_jsonl_one_object_per_line_with_chosen_groups():
    plan = _plan("jsonl", ("error",))
    assert task_jobs.header(plan) == b""
    lines = task_jobs.encode(plan, [_row(1), _row(2, error="boom")]).decode().splitlines()
    items = [json.loads(x) for x in lines]
    assert items[1] == {
        "id": 2,
        "status": "finished",
        "created_at": "2026-11-30T09:00:00Z",
        "finished_at": None,
        "error": "boom",
    }


def test_plan_round_trips_through_job_params():
    plan = _plan("jsonl")
    assert ExportPlan.from_params(plan.to_params()) == plan


def test_append_cuts_back_to_the_checkpointed_size(tmp_path):
    path = tmp_path / "exports" / "job.csv"
    size = task_jobs._append(path, 0, b"header\n")
    size = task_jobs._append(path, size, b"row1\n")
    # a killed run wrote more than its last commit recorded ...
    with path.open("ab") as fh:
        fh.write(b"half-written row")
    # ... the resumed step starts from the checkpoint's size
    size = task_jobs._append(path, size, b"row2\n")
    assert path.read_bytes() == b"header\nrow1\nrow2\n" and size == len(path.read_bytes())


def test_creation_mode_example_is_a_valid_row():
    schema = fieldschema.normalize_schema(
        [
            {"name": "t", "type": "short_text", "required": True},
            {"name": "s", "type": "select", "options": ["A", "B"], "required": True},
            {"name": "n", "type": "numeric"},
            {"name": "b", "type": "boolean"},
            {"name": "r", "type": "rating"},
            {"name": "d", "type": "datetime"},
            {"name": "c", "type": "code"},
        ]
    )
    example = task_jobs.example_fields(schema)
    assert fieldschema.validate_row(schema, example, 0) == []


def test_counts_of_an_empty_result():
    assert task_jobs.counts(None) == {
        "success_count": 0,
        "error_count": 0,
        "errors": [],
        "task_ids": [],
    }


def test_step_rows_has_a_floor_of_one():
    assert task_jobs.step_rows(SimpleNamespace(job_step_rows=0)) == task_jobs.DEFAULT_STEP_ROWS
    assert task_jobs.step_rows(SimpleNamespace(job_step_rows=1)) == 1
    assert task_jobs.step_rows(None) == task_jobs.DEFAULT_STEP_ROWS
