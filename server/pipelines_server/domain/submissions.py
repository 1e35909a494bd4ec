"""The record of every submission of a human node (`node_submissions`): each worker's
subtask values or review verdict, and each admin edit, admin submission, inline edit, revert
or resolution. Attempts are numbered per node instance from 1; history, my-submissions and
revert read them. A subtask submission's file fields are recorded as references to their
project files (`project_file_refs`), which keeps those files from being deleted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select

from ..engine.state_machine import Inst, TaskRun
from ..store.models import NodeSubmission, Workflow
from . import project_files

_NS = NodeSubmission.__table__
_WF = Workflow.__table__

# How a submission came to be.
WORKER = "worker"
ADMIN_EDIT = "admin_edit"
ADMIN_SUBMIT = "admin_submit"
INLINE_EDIT = "inline_edit"
REVERT = "revert"
RESOLVE = "resolve"


def record(run: TaskRun, inst: Inst, values: Any, user_id: int | None, via: str = WORKER) -> int:
    """Adds a submission of this node (in the task's transaction); returns its attempt
    number."""
    conn = run.conn
    last = conn.execute(
        select(func.max(_NS.c.attempt_number)).where(_NS.c.node_instance_id == inst.id)
    ).scalar()
    project_id = conn.execute(select(_WF.c.project_id).where(_WF.c.id == run.workflow_id)).scalar()
    number = int(last or 0) + 1
    submission_id = conn.execute(
        insert(_NS).values(
            org_id=run.org_id,
            project_id=project_id,
            workflow_id=run.workflow_id,
            task_id=run.task_id,
            node_instance_id=inst.id,
            node_id=inst.node_id,
            kind=inst.kind,
            attempt_number=number,
            user_id=user_id,
            via=via,
            values=values,
            created_at=run.now,
        )
    ).inserted_primary_key[0]
    if inst.kind == "subtask" and isinstance(values, dict):
        project_files.add_refs(conn, submission_id, _file_ids(values))
    return number


def _file_ids(values: dict) -> list[str]:
    """The project files a subtask's (validated) values refer to: its file fields' values are
    the only objects among them, each with the file's `file_id`."""
    return [
        v["file_id"]
        for v in values.values()
        if isinstance(v, dict) and isinstance(v.get("file_id"), str)
    ]
