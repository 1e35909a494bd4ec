"""Pipelit scheduled jobs: CRUD, pause, resume, batch delete."""

from __future__ import annotations

from ...domain.pipelit import schedules
from ...web.auth import caller_session


def list_schedules(
    status: str | None = None,
    workflow_id: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
):
    with caller_session() as (session, me):
        rows, total = schedules.list_schedules(session, me, status, workflow_id, limit, offset)
        return {"items": [schedules.out(r) for r in rows], "total": total}, 200


def create_schedule(body: dict):
    with caller_session() as (session, me):
        return schedules.out(schedules.create(session, me, body)), 201


def get_schedule(job_id: str):
    with caller_session() as (session, me):
        return schedules.out(schedules.get(session, me, job_id)), 200


def update_schedule(job_id: str, body: dict):
    with caller_session() as (session, me):
        job = schedules.update(session, me, job_id, body)
        session.flush()
        return schedules.out(job), 200


def delete_schedule(job_id: str):
    with caller_session() as (session, me):
        schedules.delete(session, me, job_id)
    return None, 204


def pause_schedule(job_id: str):
    with caller_session() as (session, me):
        job = schedules.pause_job(session, me, job_id)
        session.flush()
        return schedules.out(job), 200


def resume_schedule(job_id: str):
    with caller_session() as (session, me):
        job = schedules.resume_job(session, me, job_id)
        session.flush()
        return schedules.out(job), 200


def batch_delete_schedules(body: dict):
    with caller_session() as (session, me):
        schedules.batch_delete(session, me, body["schedule_ids"])
    return None, 204
