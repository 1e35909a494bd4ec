"""KFP list queries on a real (in-memory SQLite) table: filters as the kfp SDK sends them,
sort orders, page tokens, and a 400 for every malformed input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    select,
)

from pipelines_server.kfp import query as q
from pipelines_server.shared.errors import BadRequest

META = MetaData()
T = Table(
    "things",
    META,
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("n", Integer),
    Column("created_at", DateTime),
)
FIELDS = {
    "display_name": q.Field(T.c.name),
    "n": q.Field(T.c.n, "int"),
    "created_at": q.Field(T.c.created_at, "timestamp"),
}
BASE = datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def conn():
    engine = create_engine("sqlite://")
    META.create_all(engine)
    with engine.begin() as c:
        c.execute(
            T.insert(),
            [
                {
                    "id": i,
                    "name": f"exp-{i:02d}",
                    "n": i % 5,
                    "created_at": BASE + timedelta(hours=i),
                }
                for i in range(1, 56)
            ],
        )
    with engine.connect() as c:
        yield c


def names(conn, filter_raw=None, sort_raw=None, token=None, size=None):
    query = q.build(
        FIELDS,
        filter_raw=filter_raw,
        sort_raw=sort_raw,
        page_token=token,
        size=size,
        default_sort="created_at desc",
        tiebreak=T.c.id.asc(),
    )
    total = conn.execute(select(func.count()).select_from(T).where(*query.where)).scalar()
    rows = (
        conn.execute(
            select(T.c.name)
            .where(*query.where)
            .order_by(*query.order_by)
            .offset(query.offset)
            .limit(query.limit)
        )
        .scalars()
        .all()
    )
    return rows, total, q.next_token(query, len(rows), total)


def f(*predicates):
    return json.dumps({"predicates": list(predicates)})


def test_operations_by_name_and_number_and_both_spellings(conn):
    assert names(conn, f({"key": "display_name", "operation": "EQUALS", "string_value": "exp-07"}))[
        0
    ] == ["exp-07"]
    assert names(conn, f({"key": "display_name", "operation": 1, "stringValue": "exp-07"}))[0] == [
        "exp-07"
    ]
    rows, total, _ = names(conn, f({"key": "n", "operation": "IN", "int_values": {"values": [0]}}))
    assert total == 11
    rows, total, _ = names(
        conn, f({"key": "display_name", "operation": 9, "string_value": "-1"}), "display_name asc"
    )
    assert rows == [f"exp-{i}" for i in range(10, 20)]
    since = (BASE + timedelta(hours=50)).replace(tzinfo=UTC).isoformat()
    _, total, _ = names(
        conn, f({"key": "created_at", "operation": "GREATER_THAN", "timestamp_value": since})
    )
    assert total == 5
    _, total, _ = names(
        conn,
        f(
            {"key": "n", "operation": "NOT_EQUALS", "longValue": "0"},
            {"key": "n", "operation": "LESS_THAN_EQUALS", "int_value": 2},
        ),
    )
    assert total == 22


def test_pages_walk_everything_once_in_order(conn):
    seen, token = [], None
    while True:
        rows, total, token = names(conn, sort_raw="display_name desc", token=token, size=20)
        seen += rows
        if not token:
            break
    assert total == 55 and seen == sorted(seen, reverse=True) and len(set(seen)) == 55
    assert len(names(conn)[0]) == 20  # the default page size
    assert len(names(conn, size=1000)[0]) == 55  # at most 200


@pytest.mark.parametrize(
    "kwargs, reason",
    [
        ({"filter_raw": "{not json"}, "not JSON"),
        (
            {"filter_raw": f({"key": "secret", "operation": "EQUALS", "string_value": "x"})},
            "cannot filter on",
        ),
        ({"filter_raw": f({"key": "n", "operation": "LIKE", "int_value": 1})}, "unknown operation"),
        ({"filter_raw": f({"key": "n", "operation": "IN", "int_value": 1})}, "list value"),
        ({"filter_raw": f({"key": "n", "operation": "EQUALS"})}, "has no value"),
        ({"sort_raw": "nope"}, "cannot sort on"),
        ({"sort_raw": "n sideways"}, "Invalid sort_by"),
        ({"token": "garbage!"}, "page_token"),
        ({"size": -1}, "page_size"),
    ],
)
def test_malformed_queries_are_bad_requests(conn, kwargs, reason):
    with pytest.raises(BadRequest) as info:
        names(conn, **kwargs)
    assert reason in info.value.message


def test_a_token_is_bound_to_its_query(conn):
    _, _, token = names(conn, sort_raw="n asc")
    with pytest.raises(BadRequest, match="another query"):
        names(conn, sort_raw="n desc", token=token)
