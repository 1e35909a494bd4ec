"""The home page's summary of the viewer's organization: the viewer's open work (its count and
the oldest few items), the tasks running in its newest active workflows, its latest KFP runs.

Each part is one of the queries the lists' own pages use, bounded: the first few rows of a
page (never a whole list), and counts the indexes answer (my-work's count, tasks counted by
(workflow_id, status) over at most WORKFLOWS workflows, the KFP runs' page total), so the page
stays fast however many tasks the organization has."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..domain import work_list, workflow_progress
from ..domain import workflows as wf_domain
from ..kfp import runs
from ..shared.principal import Principal

SHOWN = 5  # work items and KFP runs listed
WORKFLOWS = 10  # active workflows whose running tasks are counted (the newest)
RUNNING = "in_progress"  # the task status counted as running (the task list's filter)


@dataclass
class Summary:
    work_total: int = 0
    work: list[dict] = field(default_factory=list)
    running_total: int = 0
    running: list[tuple[object, int]] = field(default_factory=list)  # (workflow, tasks)
    active_workflows: int = 0
    runs_total: int = 0
    runs: list = field(default_factory=list)


def summary(session: Session, principal: Principal) -> Summary:
    out = Summary()
    if principal.user_id is not None:  # a key without a user has no work list
        out.work, out.work_total = work_list.my_work(session, principal, None, 0, SHOWN)
    active, out.active_workflows = wf_domain.list_workflows(
        session, principal, None, 0, WORKFLOWS, status=wf_domain.ACTIVE
    )
    counts = workflow_progress.task_counts(
        session, principal, [w.id for w in active], statuses=(RUNNING,)
    )
    out.running = [(w, counts[w.id]) for w in active if counts[w.id]]
    out.running_total = sum(n for _w, n in out.running)
    out.runs, out.runs_total, _token = runs.list_runs(
        session,
        principal,
        experiment_id=None,
        namespace=None,
        filter_raw=None,
        sort_by="created_at desc",
        page_token=None,
        page_size=SHOWN,
    )
    return out
