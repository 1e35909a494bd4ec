"""The rules of subtask file answers below the HTTP layer: the shape of a reference, which
project files a reference may name (a real SQLite database), and a confirmed project file
made from bytes the server received itself (the web UI's form), within the same cap."""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import timedelta

import pytest

from pipelines_server.domain import fields, orgs
from pipelines_server.domain import project_files as pf
from pipelines_server.shared.errors import Conflict, PayloadTooLarge
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import Project, ProjectFile, utcnow

FIELD = {"name": "report", "type": "file_upload", "required": True}


@pytest.mark.parametrize(
    "value",
    [{"file_id": "abc"}, {"file_id": "abc", "filename": "forged.exe", "size": 1}],
)
def test_a_reference_is_an_object_naming_a_file_id(value):
    assert fields.file_reference(FIELD, value) == ("abc", None)


@pytest.mark.parametrize("value", ["abc", {"file_id": ""}, {"file_id": 3}, {"id": "abc"}, [1], 5])
def test_anything_else_is_refused_with_the_shape_to_send(value):
    file_id, problem = fields.file_reference(FIELD, value)
    assert file_id is None
    assert "Field 'report' must be a project file reference" in problem
    assert '{"file_id": "<id>"}' in problem


def test_the_zip_flow_still_leaves_file_fields_to_itself():
    schema = fields.normalize_schema([FIELD])
    skipped = fields.validate_row(schema, {"report": "a.pdf"}, 0, frozenset({"file_upload"}))
    assert skipped == []
    (error,) = fields.validate_row(schema, {"report": "a.pdf"}, 0)
    assert "use the ZIP upload flow" in error.message


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'files.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def cfg(tmp_path):
    return pf.ProjectFileConfig(files_dir=tmp_path / "files", secret_key="k" * 32, max_bytes=64)


def _admin(b) -> Principal:
    return Principal(org_id=b.org.id, api_key_id=1, user_id=b.user.id, role="org_admin")


def _file(s, b, project_id=None, status=pf.READY) -> str:
    f = ProjectFile(
        id=str(uuid.uuid4()),
        org_id=b.org.id,
        project_id=project_id or b.project.id,
        filename="a.txt",
        content_type="text/plain",
        status=status,
        size_bytes=3,
        sha256="0" * 64,
        expires_at=utcnow() + timedelta(hours=1),
    )
    s.add(f)
    s.flush()
    return f.id


def test_only_ready_files_of_the_project_and_organization_are_found(db):
    with db.session() as s:
        b = orgs.bootstrap(s)
        other_org = orgs.bootstrap(s, "Other")
        other_project = Project(org_id=b.org.id, name="Other project")
        s.add(other_project)
        s.flush()
        ready = _file(s, b)
        candidates = {
            "ready, upper case": ready.upper(),
            "uploaded, not confirmed": _file(s, b, status=pf.UPLOADED),
            "pending": _file(s, b, status=pf.PENDING),
            "gc requested": _file(s, b, status=pf.GC_PENDING),
            "deleted": _file(s, b, status=pf.DELETED),
            "another project": _file(s, b, project_id=other_project.id),
            "another organization": _file(s, other_org, project_id=other_org.project.id),
            "not a uuid": "../../etc/passwd",
            "unknown": str(uuid.uuid4()),
        }
        found = pf.ready_files(s.connection(), b.org.id, b.project.id, candidates.values())
        assert set(found) == {ready.upper()}
        assert pf.file_value(found[ready.upper()]) == {
            "file_id": ready,
            "filename": "a.txt",
            "content_type": "text/plain",
            "size": 3,
            "sha256": "0" * 64,
        }
        assert not pf.referenced(s.connection(), ready)


def test_bytes_the_server_has_become_a_ready_file(db, cfg):
    data = b"x" * 64  # exactly the cap
    with db.session() as s:
        b = orgs.bootstrap(s)
        f = pf.store_bytes(
            s, _admin(b), b.project.id, "C:\\scans\\r.pdf", "application/pdf", io.BytesIO(data), cfg
        )
        assert (f.status, f.filename, f.content_type) == (pf.READY, "r.pdf", "application/pdf")
        assert f.size_bytes == 64 and f.sha256 == hashlib.sha256(data).hexdigest()
        assert f.confirmed_at is not None and f.uploader_id == b.user.id
        assert cfg.path(f.id).read_bytes() == data
        assert pf.downloadable(s, f.id).id == f.id


def test_bytes_past_the_cap_leave_nothing_behind(db, cfg):
    with db.session() as s:
        b = orgs.bootstrap(s)
        project_id, me = b.project.id, _admin(b)
    with pytest.raises(PayloadTooLarge, match="limit of 64 bytes"):
        with db.session() as s:
            pf.store_bytes(s, me, project_id, "big.bin", None, io.BytesIO(b"x" * 65), cfg)
    with db.session() as s:
        assert pf.list_files(s, me, project_id, 0, 10)[1] == 0
    assert not any(cfg.files_dir.iterdir())


def test_an_archived_project_takes_no_files(db, cfg):
    with db.session() as s:
        b = orgs.bootstrap(s)
        b.project.archived_at = utcnow()
        s.flush()
        with pytest.raises(Conflict, match="archived"):
            pf.store_bytes(s, _admin(b), b.project.id, "a.txt", None, io.BytesIO(b"a"), cfg)
