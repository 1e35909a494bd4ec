"""In-process workers for background work (ZIP upload processing).

Work is durable in the database, not in this pool: an upload is marked `processing` before it
is handed over, and uploads left `processing` by a crash are handed over again at start-up.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from ..store.db import Database
from ..store.process_leases import Duty
from . import uploads
from .uploads import UploadConfig

log = logging.getLogger(__name__)
RESUME_SECONDS = 60.0  # the processes that start within this of each other resume once


class UploadWorkers:
    def __init__(self, db: Database, cfg: UploadConfig, size: int):
        self.db, self.cfg, self.size = db, cfg, size
        self._pool = ThreadPoolExecutor(size, thread_name_prefix="upload") if size > 0 else None
        self._lock = threading.Lock()
        self._closed = False

    def available(self) -> bool:
        return self._pool is not None and not self._closed

    def submit(self, upload_id: str) -> None:
        with self._lock:
            if not self.available():
                raise RuntimeError("upload workers are not running")
            self._pool.submit(self._run, upload_id)

    def _run(self, upload_id: str) -> None:
        try:
            with self.db.session() as session:
                uploads.process(session, upload_id, self.cfg)
        except Exception:
            log.exception("upload %s failed", upload_id)
            with self.db.session() as session:
                uploads.fail(session, upload_id, "Internal error while processing the archive")

    def resume(self) -> int:
        """Hands over again the uploads a crash left `processing`; the number handed over.

        Done by one process of those that start together (`serve --workers N`): the one that
        holds the "upload-resume" duty while it hands them over; the others skip it. The
        duty is released once they are handed over, so a process started later (a restart
        after a crash) resumes again; an upload another process is still processing is then
        skipped once its row lock is released (`uploads.process` reads it under the lock and
        sees it finished)."""
        duty = Duty(self.db, "upload-resume", RESUME_SECONDS)
        if not self.available() or not duty.mine():
            return 0
        try:
            with self.db.session() as session:
                ids = uploads.processing_ids(session)
            for upload_id in ids:
                self.submit(upload_id)
        finally:
            # Handed over: a process started from now on (a restart after a crash, another
            # host) resumes what is left then, rather than waiting for the lease to lapse.
            duty.release()
        return len(ids)

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=False)
