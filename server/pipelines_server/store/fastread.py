"""One prepared statement straight on the driver, for the two reads every polled request
makes (key lookup, task status) on PostgreSQL.

Measured with `make bench` and in isolation: SQLAlchemy's execution layer costs about 0.14 ms
of CPU per statement on top of psycopg's own, a tenth of a request's budget. SQLite keeps the
Core path (its driver is in-process and cheap)."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Select

_DIALECT = psycopg.dialect()
_SQL: dict[int, tuple[Select, str]] = {}


def fetch_all(conn: Connection, statement: Select, params: dict) -> list:
    """Rows (with attribute access) of a Core SELECT with named bind parameters."""
    if conn.dialect.name != "postgresql":
        return conn.execute(statement, params).all()
    from psycopg.rows import namedtuple_row

    cached = _SQL.get(id(statement))
    if cached is None or cached[0] is not statement:
        cached = (statement, str(statement.compile(dialect=_DIALECT)))
        _SQL[id(statement)] = cached
    import psycopg as driver

    try:
        cursor = conn.connection.dbapi_connection.cursor(row_factory=namedtuple_row)
        try:
            cursor.execute(cached[1], params, prepare=True)
            return cursor.fetchall()
        finally:
            cursor.close()
    except (driver.OperationalError, driver.InterfaceError) as exc:
        # What SQLAlchemy does on a disconnect: drop this connection and the idle ones
        # (they died together), then report it as invalidated so Database.read retries.
        conn.invalidate(exc)
        conn.engine.dispose()
        raise DBAPIError(cached[1], params, exc, connection_invalidated=True) from exc
