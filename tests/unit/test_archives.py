"""Archive vetting and row derivation, on archives built here."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from pipelines_server.domain import archives
from pipelines_server.domain.archives import ArchiveError, ArchiveLimits

LIMITS = ArchiveLimits()


def make(path, entries: dict[str, bytes], links=(), dirs=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in dirs:
            zf.writestr(zipfile.ZipInfo(name.rstrip("/") + "/"), b"")
        for name, data in entries.items():
            zf.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


@pytest.fixture
def dest(tmp_path):
    d = tmp_path / "upload" / "files"
    d.mkdir(parents=True)
    return d


def untouched(tmp_path, dest) -> set:
    return {p for p in tmp_path.rglob("*") if dest not in p.parents and p != dest}


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:/evil", "\\\\server\\evil"]
)
def test_escaping_names_reject_the_whole_archive(tmp_path, dest, name):
    z = make(tmp_path / "a.zip", {"ok.txt": b"x", name: b"evil"})
    before = untouched(tmp_path, dest)
    with pytest.raises(ArchiveError, match="points outside the upload"):
        archives.extract_archive(z, dest, LIMITS)
    assert untouched(tmp_path, dest) == before
    assert not any(dest.iterdir())


def test_links_are_refused(tmp_path, dest):
    z = make(tmp_path / "a.zip", {"ok.txt": b"x"}, links=["link"])
    with pytest.raises(ArchiveError, match="links are not allowed"):
        archives.extract_archive(z, dest, LIMITS)
    assert not any(dest.iterdir())


def test_entry_total_and_ratio_limits(tmp_path, dest):
    many = make(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(4)})
    with pytest.raises(ArchiveError, match="limit is 3"):
        archives.extract_archive(many, dest, ArchiveLimits(max_entries=3))
    big = make(tmp_path / "big.zip", {"a.bin": bytes(range(256)) * 8})
    with pytest.raises(ArchiveError, match="expands to"):
        archives.extract_archive(big, dest, ArchiveLimits(max_total_bytes=1000))
    bomb = make(tmp_path / "bomb.zip", {"z.bin": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(ArchiveError, match="decompression bomb"):
        archives.extract_archive(bomb, dest, LIMITS)


def test_oversized_file_is_a_row_problem_not_an_archive_one(tmp_path, dest):
    z = make(tmp_path / "a.zip", {"big.bin": bytes(range(256)) * 8, "small.txt": b"ok"})
    contents = archives.extract_archive(z, dest, ArchiveLimits(max_file_bytes=1000))
    assert set(contents.files) == {"small.txt"}
    assert "big.bin" in contents.oversized
    assert not (dest / "big.bin").exists()
    rows, errors = archives.rows_from_single_field(contents, "doc")
    assert [r.label for r in rows] == ["small.txt"]
    assert errors[0].field_name == "doc" and "larger than 1000" in errors[0].message


def test_not_a_zip_and_duplicates(tmp_path, dest):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"hello")
    with pytest.raises(ArchiveError, match="not a valid ZIP"):
        archives.extract_archive(junk, dest, LIMITS)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.txt", b"1")
        zf.writestr("a.txt", b"2")
    dup = tmp_path / "dup.zip"
    dup.write_bytes(buf.getvalue())
    with pytest.raises(ArchiveError, match="duplicate"):
        archives.extract_archive(dup, dest, LIMITS)


def test_extracts_files_with_digests_and_ignores_noise(tmp_path, dest):
    z = make(
        tmp_path / "a.zip",
        {
            "a.txt": b"alpha",
            "row/image.png": b"img",
            "__MACOSX/._a.txt": b"x",
            "row/.DS_Store": b"x",
        },
        dirs=["empty"],
    )
    contents = archives.extract_archive(z, dest, LIMITS)
    assert set(contents.files) == {"a.txt", "row/image.png"}
    assert (dest / "a.txt").read_bytes() == b"alpha"
    assert contents.files["a.txt"].size == 5
    assert len(contents.files["a.txt"].sha256) == 64
    assert contents.top_level_files == ["a.txt"]
    assert contents.top_level_dirs == {"row": ["image.png"]}


def test_rows_from_folders_match_files_to_fields(tmp_path, dest):
    z = make(
        tmp_path / "a.zip",
        {
            "r1/image.png": b"1",
            "r1/mask.png": b"1",
            "r2/image.jpg": b"2",
            "r3/mask.png": b"3",
            "r4/image.png": b"4",
            "r4/image": b"4",
            "r5/image.png": b"5",
            "r5/notes.txt": b"5",
            "loose.png": b"x",
        },
    )
    contents = archives.extract_archive(z, dest, LIMITS)
    rows, errors = archives.rows_from_folders(contents, ["image", "mask"], {"image"})
    assert [(r.label, sorted(r.files)) for r in rows] == [
        ("r1", ["image", "mask"]),
        ("r2", ["image"]),
    ]
    by_index = {(e.index, e.field_name): e.message for e in errors}
    assert by_index[(2, "image")] == "Missing file for required field 'image'"
    assert by_index[(3, "image")] == "Several files match field 'image'"
    assert "does not match any file field" in by_index[(4, None)]
    assert "outside a folder" in by_index[(5, None)]


def test_file_references_never_escape(tmp_path, dest):
    contents = archives.extract_archive(make(tmp_path / "a.zip", {"d/a.txt": b"a"}), dest, LIMITS)
    assert archives.resolve_file_reference(contents, "./d/a.txt").path == "d/a.txt"
    for ref in ("../d/a.txt", "/d/a.txt", "d/../d/a.txt", "C:/d/a.txt", "missing.txt"):
        assert archives.resolve_file_reference(contents, ref) is None


def test_empty_archive_is_rejected(tmp_path, dest):
    contents = archives.extract_archive(make(tmp_path / "a.zip", {}, dirs=["x"]), dest, LIMITS)
    with pytest.raises(ArchiveError, match="no files"):
        archives.rows_from_single_field(contents, "doc")
