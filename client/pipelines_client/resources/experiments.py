"""Experiments: variants of a workflow run side by side; waited on like a job."""

from __future__ import annotations

from collections.abc import Callable

from pipelines_api.api.experiments import cancel_experiment, create_experiment, get_experiment
from pipelines_api.models import ExperimentCreate

from ._base import Resource, Waiting, counted, status_of

FINAL_EXPERIMENT_STATUSES = frozenset({"completed", "failed", "cancelled"})


def _ended(experiment) -> bool:
    return status_of(experiment) in FINAL_EXPERIMENT_STATUSES


class Experiments(Resource):
    def create(self, project_id: int, wf_id: int, spec: dict, *, idempotency_key=None):
        return self._client.call(
            create_experiment,
            project_id=project_id,
            workflow_id=wf_id,
            body=ExperimentCreate.from_dict(spec),
            idempotency_key=idempotency_key,
        )

    def get(self, project_id: int, wf_id: int, experiment_id: str):
        return self._client.call(
            get_experiment, project_id=project_id, workflow_id=wf_id, experiment_id=experiment_id
        )

    def cancel(self, project_id: int, wf_id: int, experiment_id: str):
        return self._client.call(
            cancel_experiment,
            project_id=project_id,
            workflow_id=wf_id,
            experiment_id=experiment_id,
        )

    def wait_for(
        self,
        project_id: int,
        wf_id: int,
        experiment_id: str,
        *,
        timeout: float = 3600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
    ):
        """The experiment once completed, failed or cancelled; progress(done, total)."""
        return self._finish(
            Waiting(
                lambda: self.get(project_id, wf_id, experiment_id),
                _ended,
                f"experiment {experiment_id}",
                timeout,
                poll,
                counted(progress),
            )
        )


class AsyncExperiments(Experiments):
    _finish = staticmethod(Waiting.arun)
