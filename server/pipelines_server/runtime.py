"""The process-wide objects a running server shares: settings, database, limits, workers.

`create_app` builds one Runtime; handlers reach it through `current()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .domain.project_files import ProjectFileConfig
from .domain.uploads import UploadConfig
from .ratelimit import RateLimits
from .settings import Settings
from .store.db import Database

if TYPE_CHECKING:
    from .domain.job_runner import JobRunner
    from .domain.upload_workers import UploadWorkers
    from .engine.worker_pool import Engine
    from .kfp.runner import KfpRunner


@dataclass
class Runtime:
    settings: Settings
    db: Database
    limits: RateLimits
    uploads: UploadConfig
    workers: UploadWorkers
    engine: Engine
    kfp: KfpRunner
    jobs: JobRunner
    credential_key: str  # the Fernet key that encrypts organization credentials at rest

    @property
    def project_files(self) -> ProjectFileConfig:
        return ProjectFileConfig.from_settings(self.settings, self.uploads.secret_key)


_current: Runtime | None = None


def install(runtime: Runtime) -> None:
    global _current
    _current = runtime


def current() -> Runtime:
    if _current is None:
        raise RuntimeError("The server runtime is not initialised; use create_app()")
    return _current
