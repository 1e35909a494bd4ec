"""ZIP archives as hostile input: vet every entry, extract only regular files under one
folder while counting the real bytes, and derive task rows from what is inside.

Standard library only: no framework code.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 64 * 1024
BOMB_MIN_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000
    max_total_bytes: int = 2 * 1024**3
    max_file_bytes: int = 512 * 1024**2
    max_ratio: int = 200


class ArchiveError(Exception):
    """The whole archive is rejected; str(exc) is a clear message for the user."""


@dataclass(frozen=True)
class ArchiveFile:
    path: str
    size: int
    sha256: str
    stored_at: str


@dataclass
class ArchiveContents:
    files: dict[str, ArchiveFile] = field(default_factory=dict)
    top_level_files: list[str] = field(default_factory=list)
    top_level_dirs: dict[str, list[str]] = field(default_factory=dict)
    oversized: dict[str, str] = field(default_factory=dict)


@dataclass
class RowError:
    index: int
    field_name: str | None
    message: str


@dataclass
class DerivedRow:
    index: int
    label: str
    files: dict[str, ArchiveFile]


def _ignored(name: str) -> bool:
    parts = name.rstrip("/").split("/")
    return parts[0] == "__MACOSX" or any(
        p.startswith(".") and p not in (".", "..") for p in parts[-1:]
    )


def _safe_name(raw: str) -> str:
    """The normalized posix path of an entry, or ArchiveError when it could escape."""
    name = raw.replace("\\", "/")
    if not raw or raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        raise ArchiveError(f"Archive entry '{raw}' points outside the upload")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise ArchiveError(f"Archive entry '{raw}' points outside the upload")
    return "/".join(parts)


def _kind(info: zipfile.ZipInfo) -> str:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "link"
    if info.is_dir() or stat.S_ISDIR(mode):
        return "dir"
    if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return "special"  # sockets, devices, fifos; no type bits at all means a plain file
    return "file"


def extract_archive(
    zip_path: str | os.PathLike, dest_dir: str | os.PathLike, limits: ArchiveLimits
) -> ArchiveContents:
    dest = Path(dest_dir).resolve()
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ArchiveError("The uploaded file is not a valid ZIP archive") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            raise ArchiveError(
                f"The archive has {len(infos)} entries; the limit is {limits.max_entries}"
            )
        members: list[tuple[str, zipfile.ZipInfo]] = []
        seen: set[str] = set()
        declared = 0
        # Vet every entry before writing anything.
        for info in infos:
            name = _safe_name(info.filename)
            kind = _kind(info)
            if kind == "link":
                raise ArchiveError(
                    f"Archive entry '{info.filename}' is a link; links are not allowed"
                )
            if kind == "special":
                raise ArchiveError(f"Archive entry '{info.filename}' is not a regular file")
            if kind == "dir" or _ignored(name):
                continue
            if name in seen:
                raise ArchiveError(f"The archive has a duplicate entry '{name}'")
            seen.add(name)
            if info.file_size > BOMB_MIN_BYTES and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise ArchiveError(
                    f"Archive entry '{name}' looks like a decompression bomb "
                    f"(compression ratio over {limits.max_ratio})"
                )
            declared += info.file_size
            members.append((name, info))
        if declared > limits.max_total_bytes:
            raise ArchiveError(
                f"The archive expands to {declared} bytes; the limit is {limits.max_total_bytes}"
            )

        contents = ArchiveContents()
        written: list[Path] = []
        total = 0
        try:
            for name, info in members:
                target = (dest / name).resolve()
                if dest not in target.parents:
                    raise ArchiveError(f"Archive entry '{name}' points outside the upload")
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                size = 0
                too_big = False
                with zf.open(info) as src, open(target, "xb") as out:
                    written.append(target)
                    while chunk := src.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if total > limits.max_total_bytes:
                            raise ArchiveError(
                                f"The archive expands to more than {limits.max_total_bytes} bytes"
                            )
                        if size > limits.max_file_bytes:
                            too_big = True
                            break
                        digest.update(chunk)
                        out.write(chunk)
                if too_big:
                    target.unlink()
                    written.remove(target)
                    contents.oversized[name] = (
                        f"File '{name}' is larger than {limits.max_file_bytes} bytes"
                    )
                else:
                    contents.files[name] = ArchiveFile(name, size, digest.hexdigest(), name)
        except ArchiveError:
            _remove(dest, written)
            raise
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as exc:
            _remove(dest, written)
            raise ArchiveError(f"The archive could not be read: {exc}") from None

    for name in list(contents.files) + list(contents.oversized):
        parts = name.split("/")
        if len(parts) == 1:
            contents.top_level_files.append(name)
        elif len(parts) == 2:
            contents.top_level_dirs.setdefault(parts[0], []).append(parts[1])
        else:
            contents.top_level_dirs.setdefault(parts[0], [])
    contents.top_level_files.sort()
    for files in contents.top_level_dirs.values():
        files.sort()
    return contents


def _remove(dest: Path, written: list[Path]) -> None:
    for path in written:
        path.unlink(missing_ok=True)
    for child in sorted(dest.glob("*"), reverse=True):
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)


def _no_files(contents: ArchiveContents) -> bool:
    return not contents.top_level_files and not contents.top_level_dirs


def rows_from_single_field(
    contents: ArchiveContents, field_name: str
) -> tuple[list[DerivedRow], list[RowError]]:
    """One task per top-level file, assigned to the only file field."""
    if _no_files(contents):
        raise ArchiveError("The archive contains no files")
    rows: list[DerivedRow] = []
    errors: list[RowError] = []
    index = 0
    for name in contents.top_level_files:
        if name in contents.oversized:
            errors.append(RowError(index, field_name, contents.oversized[name]))
        else:
            rows.append(DerivedRow(index, name, {field_name: contents.files[name]}))
        index += 1
    for folder in sorted(contents.top_level_dirs):
        errors.append(
            RowError(
                index,
                None,
                f"Folder '{folder}' is not a file; with a single "
                "file field every top-level entry must be a file",
            )
        )
        index += 1
    return rows, errors


def _matches(file_name: str, field_name: str) -> bool:
    stem, _ = posixpath.splitext(file_name)
    return file_name == field_name or stem == field_name


def rows_from_folders(
    contents: ArchiveContents, file_fields: list[str], required: set[str]
) -> tuple[list[DerivedRow], list[RowError]]:
    """One task per top-level folder; files inside are matched to fields by name."""
    if _no_files(contents):
        raise ArchiveError("The archive contains no files")
    rows: list[DerivedRow] = []
    errors: list[RowError] = []
    index = 0
    expected = ", ".join(file_fields)
    for folder in sorted(contents.top_level_dirs):
        row_errors: list[RowError] = []
        matched: dict[str, ArchiveFile] = {}
        for file_name in contents.top_level_dirs[folder]:
            path = f"{folder}/{file_name}"
            fields = [f for f in file_fields if _matches(file_name, f)]
            if not fields:
                row_errors.append(
                    RowError(
                        index,
                        None,
                        f"File '{path}' does not match any file "
                        f"field (expected one of: {expected})",
                    )
                )
                continue
            field_name = fields[0]
            if path in contents.oversized:
                row_errors.append(RowError(index, field_name, contents.oversized[path]))
                continue
            if field_name in matched:
                row_errors.append(
                    RowError(index, field_name, f"Several files match field '{field_name}'")
                )
                continue
            matched[field_name] = contents.files[path]
        for field_name in file_fields:
            if (
                field_name in required
                and field_name not in matched
                and not any(e.field_name == field_name for e in row_errors)
            ):
                row_errors.append(
                    RowError(index, field_name, f"Missing file for required field '{field_name}'")
                )
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(DerivedRow(index, folder, matched))
        index += 1
    for name in contents.top_level_files:
        errors.append(
            RowError(
                index,
                None,
                f"File '{name}' is outside a folder; with several "
                "file fields each task is one top-level folder",
            )
        )
        index += 1
    return rows, errors


def resolve_file_reference(contents: ArchiveContents, reference: str) -> ArchiveFile | None:
    ref = reference.replace("\\", "/")
    if ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        return None
    parts = [p for p in ref.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return contents.files.get("/".join(parts))
