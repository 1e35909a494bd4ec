"""The pure rules of workflow chains and LLM analytics."""

from __future__ import annotations

from types import SimpleNamespace

from pipelines_server.domain.chains import closes_cycle, map_fields, mapping_errors, path_problem
from pipelines_server.domain.llm_analytics import p95
from pipelines_server.engine.chain_triggers import job_id

SOURCE = SimpleNamespace(fields=[{"name": "text", "type": "short_text", "required": True}])
TARGET = SimpleNamespace(
    fields=[
        {"name": "body", "type": "short_text", "required": True},
        {"name": "note", "type": "short_text", "required": False},
    ]
)


def test_paths():
    assert path_problem("output", SOURCE) is None
    assert path_problem("output.items.0.id", SOURCE) is None
    assert path_problem("fields.text", SOURCE) is None
    assert path_problem("task_id", SOURCE) is None
    assert "no field" in path_problem("fields.nope", SOURCE)
    assert "must start" in path_problem("nodes.a", SOURCE)
    assert "empty segment" in path_problem("output..a", SOURCE)
    assert path_problem("task_id.x", SOURCE)
    assert path_problem("", SOURCE) and path_problem(3, SOURCE)


def test_mapping_errors():
    assert mapping_errors({"body": "output"}, SOURCE, TARGET) == []
    messages = [
        e.message for e in mapping_errors({"note": "output", "x": "output"}, SOURCE, TARGET)
    ]
    assert any("no field 'x'" in m for m in messages)
    assert any("'body' is not mapped" in m for m in messages)
    assert mapping_errors([], SOURCE, TARGET)[0].message == "field_mapping must be an object"


def test_cycles():
    assert closes_cycle([], 1, 1)
    assert not closes_cycle([(1, 2)], 1, 3)
    assert closes_cycle([(2, 3), (3, 1)], 1, 2)
    assert not closes_cycle([(1, 2), (2, 3)], 1, 3)  # a diamond, not a loop


def test_map_fields():
    mapping = {"a": "output.answer", "b": "fields.text", "c": "task_id", "d": "output.missing"}
    assert map_fields(mapping, 7, {"text": "t"}, {"answer": 42}) == {"a": 42, "b": "t", "c": 7}
    assert map_fields({"a": "output.x"}, 1, {}, None) == {}


def test_job_ids_are_one_per_chain_task_and_finish():
    assert job_id(1, 2, 1) == job_id(1, 2, 1)
    assert len({job_id(1, 2, 1), job_id(2, 1, 1), job_id(1, 3, 1), job_id(1, 2, 2)}) == 4
    assert len(job_id(1, 2, 1)) == 36


def test_p95():
    assert p95([]) is None
    assert p95([5.0]) == 5.0
    assert p95([float(i) for i in range(1, 101)]) == 95.0
    assert p95([1.0, 2.0, 100.0]) == 100.0


def test_an_llm_call_record_reads_usage_or_none():
    import time
    from datetime import UTC, datetime

    from pipelines_server.engine.executors.llm import call_record

    now, started = datetime.now(UTC), time.perf_counter()
    ok = call_record("m", now, started, {"prompt_tokens": 12, "completion_tokens": 3})
    assert (ok["model"], ok["tokens_in"], ok["tokens_out"], ok["ok"], ok["error"]) == (
        "m",
        12,
        3,
        True,
        None,
    )
    assert ok["latency_ms"] >= 0 and ok["at"] == now
    other = call_record("m", now, started, {"input_tokens": 5, "output_tokens": 6})
    assert (other["tokens_in"], other["tokens_out"]) == (5, 6)
    failed = call_record("m", now, started, None, "boom")
    assert (failed["tokens_in"], failed["tokens_out"], failed["ok"]) == (None, None, False)
    assert (
        call_record("m", now, started, {"prompt_tokens": "x", "completion_tokens": True})[
            "tokens_in"
        ]
        is None
    )
    assert call_record("m", now, started, {"prompt_tokens": 2**40})["tokens_in"] is None
