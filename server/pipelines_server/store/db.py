"""The database: SQLAlchemy engine, sessions, migrations, and the dialect helpers of
textual SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import BindParameter, Connection, bindparam, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from .models import UTCDateTime

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, pool_size: int = 5, max_overflow: int = 5) -> Engine:
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=20
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        # A database out of reach fails a connection in seconds, not after TCP's minutes.
        connect_args={"connect_timeout": 10},
    )


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


# PostgreSQL advisory lock held while migrating: processes started together (a server, its
# workers, at boot) migrate one after the other, and the later ones find nothing to do.
_MIGRATE_LOCK = 0x70697065


def migrate(url: str) -> None:
    """Bring the database to the newest schema (alembic upgrade head), one process at a time."""
    if url.startswith("sqlite"):
        command.upgrade(alembic_config(url), "head")
        return
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATE_LOCK})
            try:
                command.upgrade(alembic_config(url), "head")
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATE_LOCK})
    finally:
        engine.dispose()


class Database:
    """PostgreSQL: two pools, each of `pool_size` kept connections and up to `max_overflow`
    more under load (PIPELINES_DB_POOL_SIZE, PIPELINES_DB_MAX_OVERFLOW); `background`
    connections more for the main pool, one per thread of this process that works in the
    background (engine, jobs, uploads, KFP runs), so that those threads can never take the
    connections request handling needs. At most
    2 * (pool_size + max_overflow) + background connections per process."""

    def __init__(self, url: str, pool_size: int = 5, max_overflow: int = 5, background: int = 0):
        self.url = url
        self.engine = make_engine(url, pool_size, max_overflow + max(0, background))
        # Single reads on hot paths (key lookup, task status) go through `read()`. On
        # PostgreSQL they get a pool of their own, in autocommit (no BEGIN/ROLLBACK) and without
        # a ping per checkout: three round trips fewer around one SELECT; `read()` retries once
        # on a connection found dead instead. SQLite's driver issues no BEGIN for a read, so
        # there the main engine serves.
        if url.startswith("sqlite"):
            self.reader = self.engine
        else:
            self.reader = create_engine(
                url,
                isolation_level="AUTOCOMMIT",
                pool_size=pool_size,
                max_overflow=max_overflow,
                pool_pre_ping=False,
                pool_reset_on_return=None,
                connect_args={"connect_timeout": 10},
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_settings(cls, settings, background: int = 0) -> Database:
        """The database of `settings` (a `Settings`), its pools sized by it."""
        return cls(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            background=background,
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read(self, fn: Callable[[Connection], T]) -> T:
        """Runs one read-only unit on the reader pool."""
        for attempt in (1, 2):
            try:
                with self.reader.connect() as conn:
                    return fn(conn)
            except DBAPIError as exc:
                if attempt == 2 or not exc.connection_invalidated:
                    raise
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()
        if self.reader is not self.engine:
            self.reader.dispose()


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def utc_param(name: str, value) -> BindParameter:
    """A datetime bound into textual SQL with the column type's conversion."""
    return bindparam(name, value, type_=UTCDateTime())
