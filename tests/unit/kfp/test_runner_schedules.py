"""Recurring runs are fired by one KFP runner at a time (the "kfp-schedules" duty), whatever
the number of processes running KFP runs; a runner that stops gives the duty up at once."""

from __future__ import annotations

from pipelines_server.kfp.runner import KfpRunner
from pipelines_server.store.models import KfpRecurringRun
from tests.unit.kfp.test_runs import T0, _runs, _schedule, db  # noqa: F401 - the fixture


def _due_again(db, rec_id) -> None:  # noqa: F811
    with db.session() as s:
        s.get(KfpRecurringRun, rec_id).next_fire_at = T0


def test_one_runner_at_a_time_fires_schedules(db, tmp_path):  # noqa: F811
    rec_id = _schedule(db, max_concurrency=10, no_catchup=True)
    a = KfpRunner(db, pipeline_root=tmp_path / "a", schedule_seconds=0)
    b = KfpRunner(db, pipeline_root=tmp_path / "b", schedule_seconds=0)
    for runner in (a, b):  # no lease lapses during the test, however slow the machine
        runner._schedules.seconds = 3600
    a._fire_schedules()
    assert len(_runs(db, rec_id)) == 1
    _due_again(db, rec_id)
    b._fire_schedules()  # a holds the duty: b fires nothing
    assert len(_runs(db, rec_id)) == 1
    a._fire_schedules()
    assert len(_runs(db, rec_id)) == 2
    a.stop()  # gives the duty up: b takes it without waiting for its lease to lapse
    _due_again(db, rec_id)
    b._fire_schedules()
    assert len(_runs(db, rec_id)) == 3
