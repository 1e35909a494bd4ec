"""Archive vetting, extraction and row derivation, on hostile archives built here."""

from __future__ import annotations

import hashlib
import io
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from pipelines_server.domain import archives
from pipelines_server.domain.archives import (
    ArchiveContents,
    ArchiveError,
    ArchiveFile,
    ArchiveLimits,
    DerivedRow,
    RowError,
)

LIMITS = ArchiveLimits()
SINGLE_MSG = (
    "Folder '{}' is not a file; with a single file field every top-level entry must be a file"
)
OUTSIDE_MSG = (
    "File '{}' is outside a folder; with several file fields each task is one top-level folder"
)


# --------------------------------------------------------------------------- helpers


def _random(n: int) -> bytes:
    """Incompressible bytes, deterministic."""
    out = bytearray()
    seed = b"seed"
    while len(out) < n:
        seed = hashlib.sha256(seed).digest()
        out += seed
    return bytes(out[:n])


def make(
    path: Path,
    entries: dict[str, bytes] | list[tuple[str, bytes]] = (),
    *,
    links: tuple[str, ...] = (),
    dirs: tuple[str, ...] = (),
    modes: dict[str, int] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Write a zip; entry names are stored exactly as given (no sanitizing)."""
    items = list(entries.items()) if isinstance(entries, dict) else list(entries)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are intentional in some tests
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name in dirs:
                info = zipfile.ZipInfo("placeholder/")
                info.filename = name
                info.external_attr = (stat.S_IFDIR | 0o755) << 16
                zf.writestr(info, b"")
            for name, data in items:
                info = zipfile.ZipInfo("placeholder")
                info.filename = name
                info.compress_type = compression
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                zf.writestr(info, data)
            for name in links:
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, "/etc/passwd")
            for name, mode in (modes or {}).items():
                info = zipfile.ZipInfo(name)
                info.external_attr = mode << 16
                zf.writestr(info, b"")
    return path


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under root with file content (None for folders)."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    d = tmp_path / "upload" / "files"
    d.mkdir(parents=True)
    return d


@pytest.fixture
def zpath(tmp_path: Path) -> Path:
    return tmp_path / "in.zip"


def rejects(zip_file: Path, dest: Path, match: str, limits: ArchiveLimits = LIMITS) -> str:
    """Extraction must raise ArchiveError and leave dest and its parent exactly as they were."""
    outer = dest.parent.parent
    before = snapshot(outer)
    with pytest.raises(ArchiveError, match=match) as exc:
        archives.extract_archive(zip_file, dest, limits)
    assert snapshot(outer) == before
    return str(exc.value)


def contents_of(
    top_files: dict[str, bytes] | None = None,
    folders: dict[str, dict[str, bytes]] | None = None,
    oversized: tuple[str, ...] = (),
) -> ArchiveContents:
    """ArchiveContents as extract_archive would return it, without touching disk."""
    c = ArchiveContents()
    for name, data in (top_files or {}).items():
        c.files[name] = ArchiveFile(name, len(data), hashlib.sha256(data).hexdigest(), name)
    for folder, files in (folders or {}).items():
        for name, data in files.items():
            path = f"{folder}/{name}"
            c.files[path] = ArchiveFile(path, len(data), hashlib.sha256(data).hexdigest(), path)
    for path in oversized:
        c.files.pop(path, None)
        c.oversized[path] = f"File '{path}' is larger than the limit of 10 bytes"
    for path in list(c.files) + list(c.oversized):
        parts = path.split("/")
        if len(parts) == 1:
            c.top_level_files.append(path)
        else:
            c.top_level_dirs.setdefault(parts[0], []).append(parts[1])
    c.top_level_files.sort()
    for names in c.top_level_dirs.values():
        names.sort()
    return c


# --------------------------------------------------------------------------- not a zip


def test_non_zip_file_is_not_a_valid_archive(tmp_path, dest):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"hello, this is not a zip")
    msg = rejects(junk, dest, "not a valid ZIP")
    assert msg == "The uploaded file is not a valid ZIP archive"


def test_truncated_zip_is_not_a_valid_archive(zpath, dest):
    data = make(zpath, {"a.txt": _random(5000)}).read_bytes()
    zpath.write_bytes(data[: len(data) // 2])
    rejects(zpath, dest, "not a valid ZIP")


def test_missing_zip_file_is_not_a_valid_archive(tmp_path, dest):
    rejects(tmp_path / "nope.zip", dest, "not a valid ZIP")


def test_corrupt_member_data_rejects_and_cleans_up(zpath, dest):
    payload = _random(4000)
    data = bytearray(make(zpath, {"a.txt": b"fine", "b.bin": payload}, compression=0).read_bytes())
    at = bytes(data).index(payload[:32])
    data[at + 100] ^= 0xFF  # CRC no longer matches
    zpath.write_bytes(bytes(data))
    msg = rejects(zpath, dest, "could not be read")
    assert not any(dest.iterdir())
    assert "b.bin" in msg or "CRC" in msg


# --------------------------------------------------------------------------- escaping names


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "a/../../evil.txt",
        "a/b/../../../evil.txt",
        "..",
        "/etc/passwd",
        "//server/share/evil",
        "\\evil.txt",
        "..\\evil.txt",
        "a\\..\\..\\evil.txt",
        "\\\\server\\share\\evil",
        "C:/evil.txt",
        "C:evil.txt",
        "c:\\windows\\evil.txt",
        "",
        "./",
    ],
)
def test_escaping_or_empty_entry_name_rejects_whole_archive(zpath, dest, name):
    make(zpath, [("ok.txt", b"x"), (name, b"evil"), ("z.txt", b"x")])
    msg = rejects(zpath, dest, "points outside the upload")
    assert msg == f"Archive entry '{name}' points outside the upload"
    assert not any(dest.iterdir())


def test_escaping_entry_after_good_ones_writes_nothing(zpath, dest):
    make(zpath, [(f"row{i}/f.txt", b"x") for i in range(20)] + [("../evil.txt", b"x")])
    rejects(zpath, dest, r"'\.\./evil\.txt'")
    assert not any(dest.iterdir())


def test_dot_segments_inside_archive_are_normalized(zpath, dest):
    make(zpath, {"./a/./b.txt": b"b", "c//d.txt": b"d"})
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert set(contents.files) == {"a/b.txt", "c/d.txt"}
    assert (dest / "a" / "b.txt").read_bytes() == b"b"


def test_backslash_separators_become_folders_inside_dest(zpath, dest):
    make(zpath, {"row1\\image.png": b"img"})
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert set(contents.files) == {"row1/image.png"}
    assert (dest / "row1" / "image.png").read_bytes() == b"img"


def test_overlong_name_component_is_rejected(zpath, dest):
    make(zpath, {"a" * 300 + ".txt": b"x"})
    rejects(zpath, dest, "name that is too long")


def test_symlink_in_dest_is_not_followed(tmp_path, zpath, dest):
    outside = tmp_path / "outside"
    outside.mkdir()
    (dest / "row").symlink_to(outside, target_is_directory=True)
    make(zpath, {"row/x.txt": b"x"})
    with pytest.raises(ArchiveError, match="points outside the upload"):
        archives.extract_archive(zpath, dest, LIMITS)
    assert list(outside.iterdir()) == []


# --------------------------------------------------------------------------- entry types


def test_symlink_entry_rejects_whole_archive(zpath, dest):
    make(zpath, {"ok.txt": b"x"}, links=("link",))
    msg = rejects(zpath, dest, "links are not allowed")
    assert "'link'" in msg
    assert not any(dest.iterdir())


def test_symlink_entry_is_rejected_even_under_macos_noise(zpath, dest):
    make(zpath, {"ok.txt": b"x"}, links=("__MACOSX/link",))
    rejects(zpath, dest, "links are not allowed")


@pytest.mark.parametrize("kind", [stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK])
def test_special_file_entry_rejects_whole_archive(zpath, dest, kind):
    make(zpath, {"ok.txt": b"x"}, modes={"dev": kind | 0o644})
    msg = rejects(zpath, dest, "links and special files are not allowed")
    assert "'dev'" in msg


def test_entry_without_unix_mode_is_a_regular_file(zpath, dest):
    with zipfile.ZipFile(zpath, "w") as zf:
        info = zipfile.ZipInfo("dos.txt")
        info.create_system = 0
        info.external_attr = 0x20  # MS-DOS archive bit only
        zf.writestr(info, b"dos")
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert contents.files["dos.txt"].size == 3


def test_encrypted_entry_is_rejected(zpath, dest):
    data = bytearray(make(zpath, {"secret.txt": b"s"}, compression=0).read_bytes())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = bytes(data).index(sig)
        data[at + off] |= 0x01
    zpath.write_bytes(bytes(data))
    rejects(zpath, dest, "encrypted")


def test_directory_entries_are_not_files(zpath, dest):
    make(zpath, {"row/a.txt": b"a"}, dirs=("row/", "empty/", "deep/er/"))
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert set(contents.files) == {"row/a.txt"}
    assert contents.top_level_dirs == {"row": ["a.txt"]}
    assert contents.top_level_files == []


# --------------------------------------------------------------------------- limits


def test_too_many_entries_names_the_limit(zpath, dest):
    make(zpath, {f"{i}.txt": b"x" for i in range(3)}, dirs=("d/",))
    msg = rejects(zpath, dest, "limit is 3", ArchiveLimits(max_entries=3))
    assert "4 entries" in msg
    archives.extract_archive(zpath, dest, ArchiveLimits(max_entries=4))


def test_declared_total_over_limit_rejects_before_writing(zpath, dest):
    make(zpath, {"a.bin": _random(600), "b.bin": _random(600)})
    msg = rejects(zpath, dest, "expands to 1200 bytes", ArchiveLimits(max_total_bytes=1000))
    assert "limit is 1000" in msg
    assert not any(dest.iterdir())


def test_highly_compressed_large_file_looks_like_a_bomb(zpath, dest):
    make(zpath, {"ok.txt": b"x", "zeros.bin": b"\0" * (4 * 1024 * 1024)})
    msg = rejects(zpath, dest, "looks like a decompression bomb")
    assert "'zeros.bin'" in msg
    assert not any(dest.iterdir())


def test_highly_compressed_small_file_is_not_a_bomb(zpath, dest):
    make(zpath, {"zeros.bin": b"\0" * (512 * 1024)})
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert contents.files["zeros.bin"].size == 512 * 1024


def test_ratio_limit_is_configurable(zpath, dest):
    make(zpath, {"zeros.bin": b"\0" * (2 * 1024 * 1024)})
    contents = archives.extract_archive(zpath, dest, ArchiveLimits(max_ratio=100_000))
    assert contents.files["zeros.bin"].size == 2 * 1024 * 1024


def test_oversized_file_is_skipped_and_recorded_not_rejected(zpath, dest):
    make(zpath, {"big.bin": _random(200_000), "small.txt": b"ok", "row/huge.bin": _random(50)})
    contents = archives.extract_archive(zpath, dest, ArchiveLimits(max_file_bytes=10))
    assert set(contents.files) == {"small.txt"}
    assert set(contents.oversized) == {"big.bin", "row/huge.bin"}
    assert contents.oversized["big.bin"] == "File 'big.bin' is larger than the limit of 10 bytes"
    assert not (dest / "big.bin").exists()
    assert not (dest / "row" / "huge.bin").exists()
    assert contents.top_level_files == ["big.bin", "small.txt"]
    assert contents.top_level_dirs == {"row": ["huge.bin"]}


def test_real_bytes_beyond_declared_sizes_abort_and_clean_up(zpath, dest, monkeypatch):
    """Declared sizes can lie; the streaming counter is what holds the line."""
    make(zpath, {"a/one.txt": b"1", "b/two.txt": b"2"})
    (dest / "keep").mkdir()
    (dest / "keep" / "old.txt").write_bytes(b"old")
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, *a, **k: io.BytesIO(b"x" * 700))
    before = snapshot(dest.parent.parent)
    with pytest.raises(ArchiveError, match="expands to more than 1000 bytes"):
        archives.extract_archive(zpath, dest, ArchiveLimits(max_total_bytes=1000))
    assert snapshot(dest.parent.parent) == before
    assert (dest / "keep" / "old.txt").read_bytes() == b"old"


def test_real_bytes_beyond_file_limit_are_oversized_even_if_declared_small(
    zpath, dest, monkeypatch
):
    make(zpath, {"a.txt": b"1"})
    monkeypatch.setattr(
        zipfile.ZipFile, "open", lambda self, info, *a, **k: io.BytesIO(b"x" * 200_000)
    )
    contents = archives.extract_archive(zpath, dest, ArchiveLimits(max_file_bytes=100_000))
    assert contents.files == {}
    assert "a.txt" in contents.oversized
    assert not (dest / "a.txt").exists()


# --------------------------------------------------------------------------- duplicates


def test_duplicate_entries_reject_whole_archive(zpath, dest):
    make(zpath, [("a.txt", b"1"), ("a.txt", b"2")])
    msg = rejects(zpath, dest, "duplicate entry")
    assert "'a.txt'" in msg


def test_names_equal_after_normalizing_are_duplicates(zpath, dest):
    make(zpath, [("row/a.txt", b"1"), ("row\\a.txt", b"2")])
    rejects(zpath, dest, "duplicate entry 'row/a.txt'")


def test_file_and_folder_with_the_same_name_conflict(zpath, dest):
    make(zpath, [("a", b"1"), ("a/b.txt", b"2")])
    rejects(zpath, dest, "conflicts with the file 'a'")


def test_existing_file_in_dest_is_never_overwritten(zpath, dest):
    (dest / "a.txt").write_bytes(b"original")
    make(zpath, {"a.txt": b"new"})
    with pytest.raises(ArchiveError, match="duplicate entry"):
        archives.extract_archive(zpath, dest, LIMITS)
    assert (dest / "a.txt").read_bytes() == b"original"


# --------------------------------------------------------------------------- success


def test_extracts_files_with_size_digest_and_location(zpath, dest):
    make(zpath, {"a.pdf": b"alpha", "row1/image.png": b"img", "row1/sub/deep.txt": b"d"})
    before = snapshot(dest.parent.parent)
    contents = archives.extract_archive(zpath, dest, LIMITS)
    a = contents.files["a.pdf"]
    assert a == ArchiveFile("a.pdf", 5, hashlib.sha256(b"alpha").hexdigest(), "a.pdf")
    assert contents.files["row1/image.png"].stored_at == "row1/image.png"
    assert (dest / a.stored_at).read_bytes() == b"alpha"
    assert (dest / "row1" / "sub" / "deep.txt").read_bytes() == b"d"
    assert contents.top_level_files == ["a.pdf"]
    assert contents.top_level_dirs == {"row1": ["image.png"]}
    assert contents.oversized == {}
    after = snapshot(dest.parent.parent)
    new = {k for k in after if k not in before}
    assert all(k.startswith("upload/files/") for k in new)


def test_stored_and_other_compressions_are_extracted(zpath, dest):
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        d = dest / str(method)
        d.mkdir()
        make(zpath, {"a.bin": _random(100_000)}, compression=method)
        contents = archives.extract_archive(zpath, d, LIMITS)
        assert contents.files["a.bin"].sha256 == hashlib.sha256(_random(100_000)).hexdigest()


def test_macos_noise_and_hidden_files_are_ignored(zpath, dest):
    make(
        zpath,
        {
            "a.txt": b"alpha",
            "__MACOSX/._a.txt": b"x",
            "__MACOSX/row/._image.png": b"x",
            ".DS_Store": b"x",
            "row/.DS_Store": b"x",
            "row/._image.png": b"x",
            "row/.hidden": b"x",
            "row/image.png": b"img",
        },
        dirs=("__MACOSX/",),
    )
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert set(contents.files) == {"a.txt", "row/image.png"}
    assert contents.top_level_files == ["a.txt"]
    assert contents.top_level_dirs == {"row": ["image.png"]}
    assert not (dest / "__MACOSX").exists()
    assert sorted(p.name for p in (dest / "row").iterdir()) == ["image.png"]


def test_archive_with_only_noise_extracts_nothing(zpath, dest):
    make(zpath, {"__MACOSX/._x": b"x", ".DS_Store": b"x"})
    contents = archives.extract_archive(zpath, dest, LIMITS)
    assert contents == ArchiveContents()
    with pytest.raises(ArchiveError, match="^The archive contains no files$"):
        archives.rows_from_single_field(contents, "doc")


# --------------------------------------------------------------------------- single field


def test_single_field_makes_one_row_per_top_level_file_in_name_order():
    c = contents_of({"b.pdf": b"b", "a.pdf": b"a", "c.pdf": b"c"})
    rows, errors = archives.rows_from_single_field(c, "doc")
    assert errors == []
    assert [(r.index, r.label, r.files["doc"].path) for r in rows] == [
        (0, "a.pdf", "a.pdf"),
        (1, "b.pdf", "b.pdf"),
        (2, "c.pdf", "c.pdf"),
    ]


def test_single_field_oversized_file_is_a_row_error_at_its_index():
    c = contents_of({"a.pdf": b"a", "b.pdf": b"b", "c.pdf": b"c"}, oversized=("b.pdf",))
    rows, errors = archives.rows_from_single_field(c, "doc")
    assert [(r.index, r.label) for r in rows] == [(0, "a.pdf"), (2, "c.pdf")]
    assert errors == [RowError(1, "doc", "File 'b.pdf' is larger than the limit of 10 bytes")]


def test_single_field_folders_are_row_errors_after_the_files():
    c = contents_of({"b.pdf": b"b", "a.pdf": b"a"}, {"zz": {"x.pdf": b"x"}, "aa": {"y": b"y"}})
    rows, errors = archives.rows_from_single_field(c, "doc")
    assert [r.index for r in rows] == [0, 1]
    assert errors == [
        RowError(2, None, SINGLE_MSG.format("aa")),
        RowError(3, None, SINGLE_MSG.format("zz")),
    ]


def test_single_field_only_folders_gives_only_errors():
    rows, errors = archives.rows_from_single_field(contents_of(folders={"r": {"a": b""}}), "f")
    assert rows == []
    assert errors == [RowError(0, None, SINGLE_MSG.format("r"))]


def test_single_field_empty_archive_is_rejected():
    with pytest.raises(ArchiveError, match="^The archive contains no files$"):
        archives.rows_from_single_field(ArchiveContents(), "doc")


def test_single_field_from_a_real_archive(zpath, dest):
    make(zpath, {"b.pdf": b"b", "a.pdf": b"a"}, dirs=("empty/",))
    c = archives.extract_archive(zpath, dest, LIMITS)
    rows, errors = archives.rows_from_single_field(c, "doc")
    assert [r.label for r in rows] == ["a.pdf", "b.pdf"] and errors == []


# --------------------------------------------------------------------------- folders


FIELDS = ["image", "mask"]
EXPECTED = "(expected one of: image, mask)"


def test_folders_match_files_by_name_or_stem():
    c = contents_of(
        folders={
            "r2": {"image.jpg": b"2", "mask": b"m"},
            "r1": {"image.png": b"1", "mask.tar.gz": b"no", "mask.png": b"m"},
        }
    )
    rows, errors = archives.rows_from_folders(c, FIELDS + ["mask.tar"], {"image"})
    assert errors == []
    assert rows == [
        DerivedRow(
            0,
            "r1",
            {
                "image": c.files["r1/image.png"],
                "mask": c.files["r1/mask.png"],
                "mask.tar": c.files["r1/mask.tar.gz"],
            },
        ),
        DerivedRow(1, "r2", {"image": c.files["r2/image.jpg"], "mask": c.files["r2/mask"]}),
    ]


def test_folders_exact_name_match_wins_over_stem():
    c = contents_of(folders={"r": {"a.b": b"1"}})
    rows, errors = archives.rows_from_folders(c, ["a", "a.b"], set())
    assert errors == []
    assert list(rows[0].files) == ["a.b"]


def test_folders_optional_field_may_be_missing():
    c = contents_of(folders={"r": {"image.png": b"1"}})
    rows, errors = archives.rows_from_folders(c, FIELDS, {"image"})
    assert errors == [] and list(rows[0].files) == ["image"]


def test_folders_missing_required_field_is_a_row_error():
    c = contents_of(folders={"r": {"mask.png": b"1"}})
    rows, errors = archives.rows_from_folders(c, FIELDS, {"image", "mask"})
    assert rows == []
    assert errors == [RowError(0, "image", "Missing file for required field 'image'")]


def test_folders_several_files_for_one_field_is_a_row_error():
    c = contents_of(folders={"r": {"image.png": b"1", "image.jpg": b"2", "image": b"3"}})
    rows, errors = archives.rows_from_folders(c, FIELDS, {"image"})
    assert rows == []
    assert errors == [RowError(0, "image", "Several files match field 'image'")]


def test_folders_unmatched_file_is_a_row_error_listing_the_fields():
    c = contents_of(folders={"r": {"image.png": b"1", "notes.txt": b"n"}})
    rows, errors = archives.rows_from_folders(c, FIELDS, set())
    assert rows == []
    assert errors == [
        RowError(0, None, f"File 'r/notes.txt' does not match any file field {EXPECTED}")
    ]


def test_folders_oversized_file_is_a_row_error_with_its_field():
    c = contents_of(
        folders={"r": {"image.png": b"1", "mask.png": b"2"}, "s": {"junk.bin": b"j"}},
        oversized=("r/mask.png", "s/junk.bin"),
    )
    rows, errors = archives.rows_from_folders(c, FIELDS, set())
    assert rows == []
    assert RowError(0, "mask", "File 'r/mask.png' is larger than the limit of 10 bytes") in errors
    assert errors[-1] == RowError(
        1, None, f"File 's/junk.bin' does not match any file field {EXPECTED}"
    )


def test_folders_top_level_files_are_row_errors_after_the_folders():
    c = contents_of(
        {"z.png": b"z", "a.png": b"a"},
        {"r1": {"image.png": b"1"}, "r0": {"image.png": b"0"}},
    )
    rows, errors = archives.rows_from_folders(c, FIELDS, {"image"})
    assert [(r.index, r.label) for r in rows] == [(0, "r0"), (1, "r1")]
    assert errors == [
        RowError(2, None, OUTSIDE_MSG.format("a.png")),
        RowError(3, None, OUTSIDE_MSG.format("z.png")),
    ]


def test_folders_each_row_keeps_its_own_index_when_some_fail(zpath, dest):
    make(
        zpath,
        {
            "r1/image.png": b"1",
            "r1/mask.png": b"1",
            "r2/mask.png": b"2",
            "r3/image.png": b"3",
            "r3/sub/ignored.png": b"3",
            "r4/image.png": b"4",
            "r4/image.jpg": b"4",
            "loose.png": b"x",
        },
    )
    c = archives.extract_archive(zpath, dest, LIMITS)
    rows, errors = archives.rows_from_folders(c, FIELDS, {"image"})
    assert [(r.index, r.label, sorted(r.files)) for r in rows] == [
        (0, "r1", ["image", "mask"]),
        (2, "r3", ["image"]),
    ]
    assert errors == [
        RowError(1, "image", "Missing file for required field 'image'"),
        RowError(3, "image", "Several files match field 'image'"),
        RowError(4, None, OUTSIDE_MSG.format("loose.png")),
    ]


def test_folders_only_top_level_files_gives_only_errors():
    rows, errors = archives.rows_from_folders(contents_of({"a.png": b"a"}), FIELDS, set())
    assert rows == [] and errors == [RowError(0, None, OUTSIDE_MSG.format("a.png"))]


def test_folders_empty_archive_is_rejected():
    with pytest.raises(ArchiveError, match="^The archive contains no files$"):
        archives.rows_from_folders(ArchiveContents(), FIELDS, {"image"})


# --------------------------------------------------------------------------- references


def test_file_reference_resolves_normalized_paths():
    c = contents_of({"a.pdf": b"a"}, {"d": {"a.txt": b"a"}})
    assert archives.resolve_file_reference(c, "d/a.txt") is c.files["d/a.txt"]
    assert archives.resolve_file_reference(c, "./d/a.txt") is c.files["d/a.txt"]
    assert archives.resolve_file_reference(c, "././a.pdf") is c.files["a.pdf"]
    assert archives.resolve_file_reference(c, "d\\a.txt") is c.files["d/a.txt"]


@pytest.mark.parametrize(
    "ref",
    [
        "../d/a.txt",
        "d/../d/a.txt",
        "..",
        "/d/a.txt",
        "\\d\\a.txt",
        "C:/d/a.txt",
        "C:d/a.txt",
        "",
        ".",
        "missing.txt",
        "d",
    ],
)
def test_file_reference_never_escapes_or_guesses(ref):
    c = contents_of({"a.pdf": b"a"}, {"d": {"a.txt": b"a"}})
    assert archives.resolve_file_reference(c, ref) is None


def test_file_reference_to_oversized_file_is_none():
    c = contents_of({"a.pdf": b"a"}, oversized=("a.pdf",))
    assert archives.resolve_file_reference(c, "a.pdf") is None
