"""Dataset exports on a real SQLite database: read in short transactions, one per chunk of
rows (keyset on row_index), none open while the bytes are handed out; every format."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile

import pytest
from sqlalchemy import insert

from pipelines_server.domain import datasets as d
from pipelines_server.domain import orgs
from pipelines_server.shared.errors import NotFound, ValidationFailed
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import DatasetRow

ROWS = 2500


class Counting:
    """The real database, counting the sessions it opens and whether one is open now."""

    def __init__(self, db: Database):
        self.db, self.opened, self.open = db, 0, False

    @contextlib.contextmanager
    def session(self):
        self.opened += 1
        self.open = True
        try:
            with self.db.session() as s:
                yield s
        finally:
            self.open = False


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'export.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def ds_id(db) -> tuple[Principal, int]:
    with db.session() as s:
        b = orgs.bootstrap(s)
        me = Principal(b.org.id, 0, b.user.id, b.user.role)
        ds = d.create_dataset(
            s,
            me,
            name="big one",
            description="",
            fmt="csv",
            file_name="b.csv",
            file_bytes=1,
            columns=["i", "t"],
        )
        s.execute(
            insert(DatasetRow.__table__),
            [
                {"dataset_id": ds.id, "row_index": i, "data": {"t": f"r{i}", "i": str(i)}}
                for i in range(ROWS)
            ],
        )
        ds.row_count, ds.status = ROWS, d.READY
        return me, ds.id


def test_an_export_reads_in_short_sessions_per_chunk(db, ds_id):
    me, dataset_id = ds_id
    counting = Counting(db)
    with db.session() as s:
        plan = d.export_plan(s, me, dataset_id, "csv")
    out = []
    for part in d.export_chunks(counting, plan):
        assert not counting.open  # nothing is held while the client reads
        out.append(part)
    assert counting.opened == ROWS // d.EXPORT_CHUNK + 2  # 3 full/partial chunks + the empty end
    rows = list(csv.reader(io.StringIO(b"".join(out).decode())))
    assert rows[0] == ["i", "t"] and len(rows) == ROWS + 1
    assert rows[-1] == [str(ROWS - 1), f"r{ROWS - 1}"]


def test_every_format_and_a_bad_one(db, ds_id):
    me, dataset_id = ds_id
    with db.session() as s:
        plans = {f: d.export_plan(s, me, dataset_id, f) for f in d.EXPORT_FORMATS}
        with pytest.raises(ValidationFailed):
            d.export_plan(s, me, dataset_id, "xml")
        with pytest.raises(NotFound):
            d.export_plan(s, Principal(me.org_id + 1, 0, 0, "admin"), dataset_id, "csv")
    assert plans["csv"].file_name == "big-one.csv" and plans["csv"].mime == "text/csv"
    data = json.loads(b"".join(d.export_chunks(db, plans["json"], chunk=700)))
    assert len(data) == ROWS and data[1] == {"i": "1", "t": "r1"}
    assert list(data[0]) == ["i", "t"]
    for fmt, member in (("zip", "big-one.csv"), ("zip-json", "big-one.json")):
        archive = zipfile.ZipFile(io.BytesIO(b"".join(d.export_chunks(db, plans[fmt]))))
        assert archive.namelist() == [member]
