"""The `experiments` tag: a workflow's configurable fields, and experiments (variants run in
copies of the workflow with config swaps): launch, status, cancel."""

from ...domain import config_swaps, experiments, workflows
from ...runtime import current
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def get_configurable_fields(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        wf = workflows.get_workflow(session, me, workflow_id, project_id)
        return {
            "workflow_id": wf.id,
            "project_id": wf.project_id,
            "workflow_version": wf.version,
            "nodes": config_swaps.configurable_fields(wf.graph),
        }, 200


def create_experiment(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        job = experiments.launch(session, me, project_id, workflow_id, body)
        reply = once.answer(shapes.jsonable(experiments.view(session, job)), 202)
        job_id = job.id
    current().jobs.submit(job_id)
    return reply


def get_experiment(project_id: int, workflow_id: int, experiment_id: str):
    with caller_session() as (session, me):
        job = experiments.get(session, me, project_id, workflow_id, experiment_id)
        return shapes.jsonable(experiments.view(session, job)), 200


def cancel_experiment(project_id: int, workflow_id: int, experiment_id: str):
    with caller_session() as (session, me):
        job = experiments.cancel(session, me, project_id, workflow_id, experiment_id)
        return shapes.jsonable(experiments.view(session, job)), 200
