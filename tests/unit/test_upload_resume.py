"""Uploads a crash left `processing` are handed over again at start-up by one process of
those that start together (`serve --workers N`), not by each: a real SQLite database, two
UploadWorkers as two processes would have."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from pipelines_server.domain import orgs
from pipelines_server.domain.archives import ArchiveLimits
from pipelines_server.domain.upload_workers import UploadWorkers
from pipelines_server.domain.uploads import UploadConfig
from pipelines_server.shared.timestamps import utcnow
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import Upload, Workflow
from pipelines_server.store.process_leases import Duty


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'uploads.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


def _config(tmp_path) -> UploadConfig:
    return UploadConfig(
        uploads_dir=tmp_path / "uploads",
        secret_key="k" * 32,
        min_seconds=60,
        max_seconds=3600,
        bytes_per_second=1024,
        max_upload_bytes=1024,
        limits=ArchiveLimits(
            max_entries=10, max_total_bytes=1024, max_file_bytes=1024, max_ratio=10
        ),
    )


def _still_processing(db, ids: list[str]) -> None:
    """As if the uploads were still being processed (or a crash left them so again): the
    test's archives do not exist, so the first process's workers failed them at once."""
    with db.session() as s:
        s.execute(update(Upload).where(Upload.id.in_(ids)).values(status="processing"))


def _left_processing(db) -> list[str]:
    with db.session() as s:
        b = orgs.bootstrap(s)
        wf = Workflow(org_id=b.org.id, project_id=b.project.id, name="wf")
        s.add(wf)
        s.flush()
        ids = [str(uuid.uuid4()) for _ in range(3)]
        for upload_id in ids:
            s.add(
                Upload(
                    id=upload_id,
                    org_id=b.org.id,
                    workflow_id=wf.id,
                    status="processing",
                    expires_at=utcnow() + timedelta(hours=1),
                )
            )
    return ids


def test_a_process_starting_while_another_resumes_skips_it(db, tmp_path):
    _left_processing(db)
    other = Duty(db, "upload-resume", 60)  # a process beside it, handing them over right now
    assert other.mine()
    second = UploadWorkers(db, _config(tmp_path), 2)
    assert second.resume() == 0  # it does not hand them over a second time
    second.shutdown()
    other.release()


def test_a_process_started_after_a_resume_resumes_again_at_once(db, tmp_path):
    ids = _left_processing(db)
    first = UploadWorkers(db, _config(tmp_path), 1)
    assert first.resume() == 3
    first.shutdown()
    _still_processing(db, ids)  # a crash left them processing again
    later = UploadWorkers(db, _config(tmp_path), 1)  # restarted: no lease to wait for
    assert later.resume() == 3
    later.shutdown()
