"""Rules of KFP runs and recurring runs: triggers, firing times, parameters, and what a
schedule starts (on a real, migrated SQLite database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pipelines_server.kfp import recurring_runs as RR
from pipelines_server.kfp import runs as R
from pipelines_server.shared.errors import BadRequest
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import KfpRecurringRun, KfpRun, Organization, Project

T0 = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "trigger, expected",
    [
        (
            {"cron_schedule": {"cron": "0 */5 * * * *"}},
            {"cron_schedule": {"cron": "0 */5 * * * *"}},
        ),
        (
            {"cron_schedule": {"cron": "0 0 9 ? * 2-6"}},
            {"cron_schedule": {"cron": "0 0 9 ? * 2-6"}},
        ),
        ({"cron_schedule": {"cron": "*/5 * * * *"}}, {"cron_schedule": {"cron": "*/5 * * * *"}}),
        (
            {"periodic_schedule": {"interval_second": 30}},
            {"periodic_schedule": {"interval_second": "30"}},
        ),
        (
            {"periodic_schedule": {"interval_second": "45"}},
            {"periodic_schedule": {"interval_second": "45"}},
        ),
    ],
)
def test_triggers_accepted(trigger, expected):
    assert RR.check_trigger(trigger) == expected


@pytest.mark.parametrize(
    "trigger, reason",
    [
        (None, "needs a trigger"),
        ({}, "needs a trigger"),
        (
            {"cron_schedule": {"cron": "0 * * * *"}, "periodic_schedule": {"interval_second": 5}},
            "exactly one",
        ),
        ({"cron_schedule": {"cron": "not a cron"}}, "Invalid cron"),
        ({"cron_schedule": {"cron": "0 0 0 0 0 0 0"}}, "Invalid cron"),
        ({"cron_schedule": {"cron": "@every 0s"}}, "Invalid cron"),
        ({"cron_schedule": {"cron": "@fortnightly"}}, "Invalid cron"),
        ({"periodic_schedule": {"interval_second": 0}}, "between"),
        ({"periodic_schedule": {"interval_second": "x"}}, "integer"),
        ({"periodic_schedule": {"interval_second": 1.5}}, "integer"),
        (
            {
                "periodic_schedule": {
                    "interval_second": 5,
                    "start_time": "2026-01-02T00:00:00Z",
                    "end_time": "2026-01-01T00:00:00Z",
                }
            },
            "end_time must be after",
        ),
        ({"periodic_schedule": {"interval_second": 5, "start_time": "yesterday"}}, "RFC 3339"),
    ],
)
def test_triggers_refused_with_the_reason(trigger, reason):
    with pytest.raises(BadRequest) as info:
        RR.check_trigger(trigger)
    assert reason in info.value.message


def test_next_fire_cron_seconds_first_and_five_fields():
    assert RR.next_fire({"cron_schedule": {"cron": "30 * * * * *"}}, T0) == T0 + timedelta(
        seconds=30
    )
    assert RR.next_fire({"cron_schedule": {"cron": "*/10 * * * *"}}, T0) == T0 + timedelta(
        minutes=10
    )


@pytest.mark.parametrize(
    "expr, after, expected",
    [
        ("@hourly", T0 + timedelta(minutes=1), T0 + timedelta(hours=1)),
        ("@daily", T0, datetime(2026, 1, 2, tzinfo=UTC)),
        ("@every 90s", T0, T0 + timedelta(seconds=90)),
        ("@every 1h30m", T0, T0 + timedelta(minutes=90)),
    ],
)
def test_upstream_cron_macros_and_every(expr, after, expected):
    trigger = RR.check_trigger({"cron_schedule": {"cron": expr}})
    assert RR.next_fire(trigger, after) == expected


def test_next_fire_periodic_from_start_and_until_end():
    trig = {"periodic_schedule": {"interval_second": "60", "start_time": "2026-01-01T12:00:30Z"}}
    assert RR.next_fire(trig, T0) == T0 + timedelta(seconds=30)  # the start itself
    assert RR.next_fire(trig, T0 + timedelta(seconds=30)) == T0 + timedelta(seconds=90)
    ended = {"periodic_schedule": {"interval_second": "60", "end_time": "2026-01-01T12:00:30Z"}}
    assert RR.next_fire(ended, T0) is None


IR = {
    "root": {
        "inputDefinitions": {
            "parameters": {
                "a": {"parameterType": "NUMBER_INTEGER"},
                "b": {"parameterType": "NUMBER_INTEGER", "defaultValue": 3},
                "c": {"parameterType": "STRING", "isOptional": True},
            }
        }
    }
}


def test_parameters_checked_against_the_pipeline_inputs():
    assert R.check_parameters(IR, {"a": 1}) == {"a": 1}
    with pytest.raises(BadRequest, match="Unknown pipeline parameter"):
        R.check_parameters(IR, {"a": 1, "zz": 2})
    with pytest.raises(BadRequest, match=r"Missing value\(s\) for pipeline parameter\(s\) \['a'\]"):
        R.check_parameters(IR, {"b": 1})


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    migrate(url)
    database = Database(url)
    with database.session() as s:
        org = Organization(name="o")
        s.add(org)
        s.flush()
        s.add(Project(org_id=org.id, name="p"))
    yield database
    database.dispose()


def _schedule(db, *, interval=60, max_concurrency=1, no_catchup=False) -> str:
    principal = Principal(org_id=1, api_key_id=0, user_id=None, role=None)
    ir = {
        "root": {"dag": {"tasks": {"t": {"componentRef": {"name": "comp-t"}}}}},
        "components": {"comp-t": {"executorLabel": "exec-t"}},
        "deploymentSpec": {"executors": {"exec-t": {"container": {"image": "python:3.11"}}}},
        "pipelineInfo": {"name": "p"},
    }
    with db.session() as s:
        rec = RR.create_recurring_run(
            s,
            principal,
            {
                "display_name": "sched",
                "pipeline_spec": ir,
                "trigger": {"periodic_schedule": {"interval_second": interval}},
                "max_concurrency": max_concurrency,
                "no_catchup": no_catchup,
            },
        )
        rec.next_fire_at = T0
        return rec.id


def _runs(db, rec_id) -> list[KfpRun]:
    with db.session() as s:
        return list(
            s.query(KfpRun).filter_by(recurring_run_id=rec_id).order_by(KfpRun.scheduled_at)
        )


def test_schedule_respects_max_concurrency(db):
    rec_id = _schedule(db, max_concurrency=2)
    for i in range(4):
        with db.session() as s:
            RR.fire_due(s, T0 + timedelta(minutes=i))
    runs = _runs(db, rec_id)
    assert len(runs) == 2  # the third and fourth firings wait for a free slot
    with db.session() as s:
        s.get(KfpRun, runs[0].id).state = "SUCCEEDED"
    with db.session() as s:
        RR.fire_due(s, T0 + timedelta(minutes=4))
    assert len(_runs(db, rec_id)) == 3


def test_catchup_runs_each_missed_firing_and_no_catchup_one(db):
    catch = _schedule(db, max_concurrency=10)
    skip = _schedule(db, max_concurrency=10, no_catchup=True)
    late = T0 + timedelta(minutes=5, seconds=10)  # six firings due (12:00 ... 12:05)
    for _ in range(8):
        with db.session() as s:
            RR.fire_due(s, late)
    assert [r.scheduled_at.replace(tzinfo=UTC) for r in _runs(db, catch)] == [
        T0 + timedelta(minutes=i) for i in range(6)
    ]
    only = _runs(db, skip)
    assert len(only) == 1 and only[0].scheduled_at.replace(tzinfo=UTC) == T0 + timedelta(minutes=5)
    with db.session() as s:
        assert s.get(KfpRecurringRun, skip).next_fire_at.replace(tzinfo=UTC) == T0 + timedelta(
            minutes=6
        )
    assert json.loads(only[0].pipeline_spec)["pipelineInfo"]["name"] == "p"


def test_disabled_schedule_never_fires(db):
    rec_id = _schedule(db)
    principal = Principal(org_id=1, api_key_id=0, user_id=None, role=None)
    with db.session() as s:
        RR.set_recurring_mode(s, principal, rec_id, False)
    with db.session() as s:
        RR.fire_due(s, T0 + timedelta(hours=1))
    assert _runs(db, rec_id) == []
