"""The Celery app a worker runs (`make worker`): machine nodes (the engine's task) and jobs
(the domain's). It sits on the top floor because it gathers both."""

from .domain import job_runner
from .engine.celery_app import app

job_runner.register_celery(app)

__all__ = ["app", "run_worker"]


def run_worker(settings, *, name: str | None = None, concurrency: int | None = None) -> int:
    """`pipelines-server worker`: a Celery worker on PIPELINES_BROKER_URL's queue."""
    import os

    argv = ["worker", f"--loglevel={settings.log_level}", "-Q", settings.celery_queue]
    argv.append(f"--hostname={name or f'pipelines-{os.getpid()}@%h'}")
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    app.worker_main(argv)
    return 0
