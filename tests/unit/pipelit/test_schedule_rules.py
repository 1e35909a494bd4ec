"""The scheduled job state machine (Pipelit's scheduler rules), without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pipelines_server.domain.pipelit import schedules
from pipelines_server.shared.errors import BadRequest, ValidationFailed
from pipelines_server.store.models import PipelitNode, PipelitSchedule

NOW = datetime(2026, 3, 21, 8, 0, tzinfo=UTC)


def job(**over) -> PipelitSchedule:
    values = dict(
        id="j1",
        name="every minute",
        interval_seconds=60,
        total_repeats=0,
        max_retries=3,
        timeout_seconds=600,
        trigger_payload=None,
        status="active",
        current_repeat=0,
        current_retry=0,
        run_count=0,
        error_count=0,
        last_error="",
        next_run_at=None,
    )
    values.update(over)
    return PipelitSchedule(**values)


def test_start_sets_the_first_run_one_interval_ahead():
    j = job(status="paused")
    schedules.start(j, NOW)
    assert j.status == "active" and j.next_run_at == NOW + timedelta(seconds=60)


def test_pause_only_an_active_job_and_clear_its_next_run():
    j = job(next_run_at=NOW)
    schedules.pause(j, NOW)
    assert j.status == "paused" and j.next_run_at is None
    with pytest.raises(BadRequest, match=r"^Cannot pause job with status 'paused'\.$"):
        schedules.pause(j, NOW)


@pytest.mark.parametrize("status", ["active", "dead", "done"])
def test_resume_only_a_paused_job(status):
    with pytest.raises(BadRequest) as err:
        schedules.resume(job(status=status), NOW)
    assert err.value.message == f"Cannot resume job with status '{status}'."


def test_resume_schedules_one_interval_ahead():
    j = job(status="paused")
    schedules.resume(j, NOW)
    assert j.status == "active" and j.next_run_at == NOW + timedelta(seconds=60)


def test_success_counts_and_reschedules():
    j = job(current_retry=2, last_error="boom")
    schedules.succeeded(j, NOW)
    assert (j.run_count, j.current_repeat, j.current_retry, j.last_error) == (1, 1, 0, "")
    assert j.last_run_at == NOW and j.next_run_at == NOW + timedelta(seconds=60)
    assert j.status == "active"


def test_done_once_total_repeats_is_reached():
    j = job(total_repeats=2)
    schedules.succeeded(j, NOW)
    assert j.status == "active"
    schedules.succeeded(j, NOW)
    assert j.status == "done" and j.next_run_at is None and j.current_repeat == 2


def test_zero_repeats_runs_forever():
    j = job(total_repeats=0)
    for _ in range(50):
        schedules.succeeded(j, NOW)
    assert j.status == "active" and j.run_count == 50


@pytest.mark.parametrize(
    ("retry", "seconds"), [(1, 60), (2, 120), (3, 240), (4, 480), (5, 600), (9, 600)]
)
def test_backoff_doubles_up_to_ten_intervals(retry, seconds):
    assert schedules.backoff(60, retry) == seconds


def test_failures_retry_with_backoff_then_die():
    j = job(max_retries=2)
    schedules.failed(j, "no trigger", NOW)
    assert (j.error_count, j.current_retry, j.last_error) == (1, 1, "no trigger")
    assert j.next_run_at == NOW + timedelta(seconds=60) and j.status == "active"
    schedules.failed(j, "again", NOW)
    assert j.current_retry == 2 and j.next_run_at == NOW + timedelta(seconds=120)
    schedules.failed(j, "third", NOW)
    assert j.status == "dead" and j.next_run_at is None and j.error_count == 3
    assert j.last_run_at == NOW


def test_zero_retries_dies_at_the_first_failure():
    j = job(max_retries=0)
    schedules.failed(j, "x", NOW)
    assert j.status == "dead"


def test_a_success_after_failures_resets_the_retry():
    j = job()
    schedules.failed(j, "x", NOW)
    schedules.succeeded(j, NOW)
    assert (
        j.current_retry == 0 and j.error_count == 1 and j.next_run_at == NOW + timedelta(seconds=60)
    )


def test_skip_reschedules_one_interval_later_without_counting():
    j = job(run_count=3)
    schedules.skipped(j, NOW)
    assert j.run_count == 3 and j.next_run_at == NOW + timedelta(seconds=60)


def test_event_payload_is_pipelits_schedule_event():
    j = job(current_repeat=4, trigger_payload={"a": 1})
    assert schedules.event_payload(j, NOW) == {
        "scheduled_job_id": "j1",
        "scheduled_job_name": "every minute",
        "repeat_number": 4,
        "timestamp": NOW.isoformat(),
        "payload": {"a": 1},
    }
    assert schedules.event_payload(job(), NOW)["payload"] == {}


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("interval_seconds", 0, "interval_seconds must be >= 1"),
        ("total_repeats", -1, "total_repeats must be >= 0"),
        ("max_retries", -1, "max_retries must be >= 0"),
        ("timeout_seconds", 0, "timeout_seconds must be >= 1"),
    ],
)
def test_numbers_below_their_bound_are_422(field, value, text):
    with pytest.raises(ValidationFailed) as err:
        schedules.check_numbers({field: value})
    assert err.value.message == text
    assert [(e.message, e.loc) for e in err.value.errors] == [(text, ("body", field))]


def test_numbers_at_their_bound_and_nulls_pass():
    schedules.check_numbers(
        {"interval_seconds": 1, "total_repeats": 0, "max_retries": 0, "timeout_seconds": 1}
    )
    schedules.check_numbers({"interval_seconds": None})


def node(extra=None) -> PipelitNode:
    return PipelitNode(
        id=7, node_id="sched_1", component_type="trigger_schedule", config={"extra_config": extra}
    )


def test_node_settings_defaults():
    assert schedules.node_settings(node()) == {
        "interval_seconds": 300,
        "total_repeats": 0,
        "max_retries": 3,
        "timeout_seconds": 600,
        "trigger_payload": None,
    }


def test_node_settings_read_extra_config():
    got = schedules.node_settings(
        node({"interval_seconds": "5", "total_repeats": 2, "trigger_payload": {"x": 1}})
    )
    assert got["interval_seconds"] == 5 and got["total_repeats"] == 2
    assert got["trigger_payload"] == {"x": 1}


def test_node_interval_below_one_is_a_plain_422():
    with pytest.raises(ValidationFailed) as err:
        schedules.node_settings(node({"interval_seconds": 0}))
    assert err.value.message == "interval_seconds must be >= 1" and err.value.errors == []


def test_out_and_node_job_shapes():
    j = job(
        workflow_id=3,
        trigger_node_id=None,
        user_id=9,
        description="",
        created_at=NOW,
        updated_at=NOW,
        next_run_at=NOW,
    )
    body = schedules.out(j)
    assert list(body) == [
        "id", "name", "description", "workflow_id", "trigger_node_id", "user_profile_id",
        "interval_seconds", "total_repeats", "max_retries", "timeout_seconds", "trigger_payload",
        "status", "current_repeat", "current_retry", "last_run_at", "next_run_at", "run_count",
        "error_count", "last_error", "created_at", "updated_at",
    ]  # fmt: skip
    assert body["next_run_at"] == "2026-03-21T08:00:00" and body["user_profile_id"] == 9
    assert set(schedules.node_job_out(j)) == {
        "id", "status", "run_count", "error_count", "current_repeat", "current_retry",
        "total_repeats", "max_retries", "timeout_seconds", "interval_seconds", "last_run_at",
        "next_run_at", "last_error", "created_at",
    }  # fmt: skip
    assert schedules.node_job_out(None) is None


@pytest.mark.parametrize("value", ["soon", 2**31, [1], float("inf")])
def test_node_numbers_that_are_not_column_integers_are_422(value):
    with pytest.raises(ValidationFailed) as err:
        schedules.node_settings(node({"interval_seconds": value}))
    assert err.value.errors[0].loc == ("body", "interval_seconds")
