"""The Celery app a worker runs (`make worker`): machine nodes (the engine's task) and jobs
(the domain's). It sits on the top floor because it gathers both."""

from .domain import job_runner
from .engine.celery_app import app

job_runner.register_celery(app)

__all__ = ["app"]
