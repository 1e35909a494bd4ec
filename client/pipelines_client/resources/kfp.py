"""The KFP surface's runs, for users without the kfp SDK: list, get, wait, a task's log and
its artifacts."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from kfp_v1alpha1_api.api.run_log_service import run_service_read_log
from kfp_v2beta1_api.api.run_service import (
    run_service_get_run,
    run_service_list_runs,
    run_service_read_artifact,
)
from kfp_v2beta1_api.types import UNSET

from ..core import as_dict
from ..errors import NotFound
from ._base import Resource, Waiting, status_of, then

FINAL_RUN_STATES = frozenset({"SUCCEEDED", "FAILED", "CANCELED", "SKIPPED"})


def _opt(value: Any) -> Any:
    return UNSET if value is None else value


def run_ended(run) -> bool:
    return status_of(run, "state") in FINAL_RUN_STATES


def task_details(run) -> list[dict]:
    return (as_dict(run).get("run_details") or {}).get("task_details") or []


def _decoded(reply) -> bytes:
    return base64.b64decode(reply.data or "")


def _log_entry(detail: dict, log: str | None, missing: str | None) -> dict:
    return {
        "task_id": detail.get("task_id"),
        "display_name": detail.get("display_name"),
        "log": log,
        "missing": missing,
    }


def artifact_list(run) -> list[dict]:
    """Each artifact of a run's tasks: {"node_id", "task", "name", "direction", ...}."""
    data = as_dict(run)
    out = []
    for task in (data.get("run_details") or {}).get("task_details") or []:
        for artifact in task.get("artifacts") or []:
            out.append(
                {"node_id": task.get("task_id"), "task": task.get("display_name"), **artifact}
            )
    return out


class Runs(Resource):
    def list(self, *, experiment_id: str | None = None, filter: str | None = None, **kw):
        return self._client.paginate_token(
            run_service_list_runs,
            key="runs",
            experiment_id=_opt(experiment_id),
            filter_=_opt(filter),
            **kw,
        )

    def get(self, run_id: str):
        return self._client.call(run_service_get_run, run_id=run_id)

    def wait_for(
        self,
        run_id: str,
        *,
        timeout: float = 3600,
        poll: float = 2.0,
        progress: Callable[[Any], None] | None = None,
    ):
        """The run once SUCCEEDED, FAILED, CANCELED or SKIPPED; progress(run) after each read."""
        return self._finish(
            Waiting(lambda: self.get(run_id), run_ended, f"run {run_id}", timeout, poll, progress)
        )

    def tasks(self, run_id: str) -> list[dict]:
        """The run's tasks ({"task_id", "display_name", "state", ...})."""
        return then(self.get(run_id), task_details)

    def logs(self, run_id: str, node_id: str) -> str:
        """A task's log (its end, as the server keeps it)."""
        return self._client.call(run_service_read_log, run_id=run_id, node_id=node_id)

    def all_logs(self, run_id: str) -> list[dict]:
        """Every task's log, in the run's task order: {"task_id", "display_name", "log",
        "missing"}; a task that ran no process (a DAG, or one not started) has log None and
        the server's reason in `missing`."""
        out = []
        for detail in self.tasks(run_id):
            if not detail.get("task_id"):
                continue
            try:
                out.append(_log_entry(detail, self.logs(run_id, detail["task_id"]), None))
            except NotFound as exc:
                out.append(_log_entry(detail, None, exc.message))
        return out

    def artifacts(self, run_id: str) -> list[dict]:
        return then(self.get(run_id), artifact_list)

    def read_artifact(self, run_id: str, node_id: str, name: str) -> bytes:
        """An artifact's bytes (a folder comes as a tar.gz)."""
        reply = self._client.call(
            run_service_read_artifact, run_id=run_id, node_id=node_id, artifact_name=name
        )
        return then(reply, _decoded)


class AsyncRuns(Runs):
    _finish = staticmethod(Waiting.arun)

    async def all_logs(self, run_id: str) -> list[dict]:
        out = []
        for detail in await self.tasks(run_id):
            if not detail.get("task_id"):
                continue
            try:
                out.append(_log_entry(detail, await self.logs(run_id, detail["task_id"]), None))
            except NotFound as exc:
                out.append(_log_entry(detail, None, exc.message))
        return out


class Kfp:
    def __init__(self, client, runs=Runs):
        self.runs = runs(client)
