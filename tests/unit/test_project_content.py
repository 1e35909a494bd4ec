"""Pure rules of project content: where an instruction lands, how a hostile file name or
media type is neutralised, and what a signed project file URL is bound to."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from pipelines_server.domain import project_files as pf
from pipelines_server.domain.instructions import place
from pipelines_server.domain.uploads import UploadConfig, sign
from pipelines_server.shared.errors import Forbidden, NotFound, ValidationFailed
from pipelines_server.store.models import utcnow

CFG = pf.ProjectFileConfig(files_dir=Path("/data/project-files"), secret_key="k")


@pytest.mark.parametrize(
    ("count", "wanted", "moving", "expected"),
    [
        (0, None, False, 0),
        (3, None, False, 3),
        (3, 0, False, 0),
        (3, 3, False, 3),
        (3, 99, False, 3),
        (3, None, True, 2),
        (3, 99, True, 2),
        (3, 1, True, 1),
        (1, 5, True, 0),
    ],
)
def test_where_an_instruction_lands(count, wanted, moving, expected):
    assert place(count, wanted, moving) == expected


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\a.txt", "a.txt"),
        ("a\r\nb\x07c.txt", "abc.txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("  .hidden ", "hidden"),
        ("é" * 200, "é" * 127),
    ],
)
def test_file_names_are_reduced_to_a_safe_last_segment(given, kept):
    assert pf.sanitize_filename(given) == kept


@pytest.mark.parametrize("given", ["", "/", "../", "..", "\x01", "dir/"])
def test_a_name_with_nothing_left_is_refused(given):
    with pytest.raises(ValidationFailed):
        pf.sanitize_filename(given)


@pytest.mark.parametrize(
    ("claimed", "served"),
    [
        ("text/html", "application/octet-stream"),
        ("image/svg+xml", "application/octet-stream"),
        ("application/xhtml+xml", "application/octet-stream"),
        ("application/javascript", "application/octet-stream"),
        ("text/xml", "application/octet-stream"),
        ("image/png", "image/png"),
        ("application/pdf", "application/pdf"),
        ("text/csv", "text/csv; charset=utf-8"),
    ],
)
def test_downloads_never_serve_a_renderable_type(claimed, served):
    assert pf.served_content_type(claimed) == served


def test_media_types_are_checked_and_parameters_dropped():
    assert pf.clean_content_type(None) == "application/octet-stream"
    assert pf.clean_content_type("Text/CSV; charset=latin-1") == "text/csv"
    for bad in ("html", "text/html\r\nX-Evil: 1", "a/b/c", "/x"):
        with pytest.raises(ValidationFailed):
            pf.clean_content_type(bad)


def test_content_disposition_quotes_safely():
    value = pf.content_disposition('a"b;c\\d é.txt')
    assert value.startswith('attachment; filename="a_b_c_d _.txt"; ')
    assert value.endswith("filename*=UTF-8''a%22b%3Bc%5Cd%20%C3%A9.txt")


def _query(path: str) -> tuple[str, str, str]:
    q = parse_qs(urlsplit(path).query)
    return q["op"][0], q["expires"][0], q["signature"][0]


def test_a_signed_url_is_bound_to_its_file_operation_and_expiry():
    fid = "0b0e8a6e-7f3c-4e1a-9d55-1f6f0b9b2c11"
    other = "9f7d4c2a-1b3e-4d5f-8a6b-7c8d9e0f1a2b"
    path = pf.signed_path(CFG, "put", fid, utcnow() + timedelta(minutes=5))
    op, expires, sig = _query(path)
    assert pf.check_url(CFG, op, fid, expires, sig) == fid
    with pytest.raises(Forbidden):
        pf.check_url(CFG, "get", fid, expires, sig)
    with pytest.raises(Forbidden):
        pf.check_url(CFG, op, other, expires, sig)
    with pytest.raises(Forbidden):
        pf.check_url(CFG, op, fid, str(int(expires) + 1), sig)
    with pytest.raises(Forbidden):
        pf.check_url(CFG, op, fid, expires, sig, now=utcnow() + timedelta(minutes=6))
    with pytest.raises(Forbidden):
        pf.check_url(CFG, op, "../secret", expires, sig)
    other_key = pf.ProjectFileConfig(files_dir=CFG.files_dir, secret_key="other")
    with pytest.raises(Forbidden):
        pf.check_url(other_key, op, fid, expires, sig)


def test_a_zip_upload_signature_never_passes_for_a_project_file():
    fid = "0b0e8a6e-7f3c-4e1a-9d55-1f6f0b9b2c11"
    expires = int((utcnow() + timedelta(minutes=5)).timestamp())
    zip_sig = sign(UploadConfig(uploads_dir=Path("/u"), secret_key="k"), fid, expires)
    for op in ("put", "get"):
        with pytest.raises(Forbidden):
            pf.check_url(CFG, op, fid, str(expires), zip_sig)


def test_stored_paths_are_by_canonical_id_only():
    fid = "0B0E8A6E-7F3C-4E1A-9D55-1F6F0B9B2C11"
    assert CFG.path(fid) == CFG.path(fid.lower()) == Path("/data/project-files") / fid.lower()
    for bad in ("../x", "", "0b0e8a6e7f3c4e1a9d551f6f0b9b2c11", "{" + fid + "}", fid + "/.."):
        with pytest.raises(NotFound):
            CFG.path(bad)
