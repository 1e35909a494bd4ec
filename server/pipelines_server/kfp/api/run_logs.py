"""KFP v1alpha1 RunLogService handler: a task's log as plain text."""

from __future__ import annotations

from flask import Response

from ...runtime import current
from ...web.auth import caller_session
from .. import artifacts


def run_service_read_log(run_id: str, node_id: str):
    with caller_session() as (session, me):
        path = artifacts.log_of(session, me, current().settings.pipeline_root, run_id, node_id)
    data = artifacts.log_tail(path, run_id, node_id)
    return Response(data, status=200, mimetype="text/plain")
