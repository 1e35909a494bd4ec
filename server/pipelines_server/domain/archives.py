"""ZIP archives as hostile input: vet every entry, extract only regular files under one
folder while counting the real bytes, and derive task rows from what is inside.

Standard library only: no framework code.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 64 * 1024
BOMB_MIN_BYTES = 1024 * 1024
MAX_NAME_BYTES = 255  # one path component, as most filesystems allow
_SUPPORTED_COMPRESSION = {
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
}


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000  # entries (files + dirs) in the archive
    max_total_bytes: int = 2 * 1024**3  # sum of uncompressed sizes
    max_file_bytes: int = 512 * 1024**2  # one file uncompressed
    max_ratio: int = 200  # uncompressed/compressed per file above 1 MiB is a bomb


class ArchiveError(Exception):
    """The whole archive is rejected; str(exc) is a clear message for the user."""


@dataclass(frozen=True)
class ArchiveFile:
    path: str  # normalized posix path inside the archive
    size: int  # real bytes written
    sha256: str  # hex digest of the content
    stored_at: str  # path relative to the destination folder (same as path)


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


# --------------------------------------------------------------------------- vetting


def _outside(raw: str) -> ArchiveError:
    return ArchiveError(f"Archive entry '{raw}' points outside the upload")


def _split(raw: str) -> list[str] | None:
    """Components of a relative path, or None when it is empty, absolute or escapes."""
    name = raw.replace("\\", "/")
    if not name.strip("/") or name.startswith("/"):
        return None
    if len(name) >= 2 and name[1] == ":" and name[0].isalpha():
        return None  # Windows drive, "C:/x" or "C:x"
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return parts


def _safe_name(raw: str) -> str:
    """The normalized posix path of an entry, or ArchiveError when it could escape."""
    parts = _split(raw)
    if parts is None:
        raise _outside(raw)
    if any(len(p.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES for p in parts):
        raise ArchiveError(f"Archive entry '{raw}' has a name that is too long")
    return "/".join(parts)


def _kind(info: zipfile.ZipInfo) -> str:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "link"
    if info.filename.endswith(("/", "\\")) or stat.S_ISDIR(mode):
        return "dir"
    if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return "special"  # sockets, devices, fifos; no type bits at all means a plain file
    return "file"


def _ignored(name: str) -> bool:
    """macOS noise and hidden files: never extracted, never listed."""
    parts = name.split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith(".")


def _vet(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> list[tuple[str, zipfile.ZipInfo]]:
    """Check every entry before anything is written; return the files to extract."""
    if len(infos) > limits.max_entries:
        raise ArchiveError(
            f"The archive has {len(infos)} entries; the limit is {limits.max_entries}"
        )
    members: list[tuple[str, zipfile.ZipInfo]] = []
    seen: set[str] = set()
    declared = 0
    for info in infos:
        raw = info.filename
        name = _safe_name(raw)
        kind = _kind(info)
        if kind == "link":
            raise ArchiveError(f"Archive entry '{raw}' is a link; links are not allowed")
        if kind == "special":
            raise ArchiveError(
                f"Archive entry '{raw}' is not a regular file or folder; "
                "links and special files are not allowed"
            )
        if kind == "dir" or _ignored(name):
            continue
        if name in seen:
            raise ArchiveError(f"The archive has a duplicate entry '{name}'")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise ArchiveError(
                f"Archive entry '{name}' is encrypted; encrypted files are not allowed"
            )
        if info.compress_type not in _SUPPORTED_COMPRESSION:
            raise ArchiveError(f"Archive entry '{name}' uses an unsupported compression method")
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
    # A file may not also be a folder of another file ("a" and "a/b").
    for name in seen:
        parts = name.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix in seen:
                raise ArchiveError(
                    f"Archive entry '{name}' conflicts with the file '{prefix}' (duplicate entry)"
                )
    return members


# --------------------------------------------------------------------------- extraction


class _ReadError(Exception):
    """Reading the member failed: the archive is corrupt, not the server."""


def extract_archive(
    zip_path: str | os.PathLike, dest_dir: str | os.PathLike, limits: ArchiveLimits
) -> ArchiveContents:
    """Vet the whole archive, then stream its regular files into dest_dir.

    Nothing is written unless every entry passes; on an ArchiveError (or any other failure)
    every file and folder this call created under dest_dir is removed again.
    """
    dest = Path(dest_dir).resolve()
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ArchiveError("The uploaded file is not a valid ZIP archive") from None
    created: list[Path] = []  # files and folders made by this call, in creation order
    contents = ArchiveContents()
    with zf:
        try:
            infos = zf.infolist()
            members = _vet(infos, limits)
            total = 0
            for name, info in members:
                total = _extract_one(zf, info, name, dest, limits, total, contents, created)
        except BaseException as exc:
            _remove(created)
            if isinstance(exc, _ReadError):
                raise ArchiveError(f"The archive could not be read: {exc}") from None
            raise

    for name in list(contents.files) + list(contents.oversized):
        parts = name.split("/")
        if len(parts) == 1:
            contents.top_level_files.append(name)
        elif len(parts) == 2:
            contents.top_level_dirs.setdefault(parts[0], []).append(parts[1])
        else:
            contents.top_level_dirs.setdefault(parts[0], [])
    contents.top_level_files.sort()
    for names in contents.top_level_dirs.values():
        names.sort()
    return contents


def _extract_one(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    dest: Path,
    limits: ArchiveLimits,
    total: int,
    contents: ArchiveContents,
    created: list[Path],
) -> int:
    """Stream one member to dest/name; return the running total of real bytes."""
    target = (dest / name).resolve()
    if dest not in target.parents:
        raise _outside(name)
    missing = [p for p in (target.parent, *target.parent.parents) if dest in p.parents]
    missing = [p for p in reversed(missing) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    created.extend(missing)

    try:
        src = zf.open(info)
    except Exception as exc:  # corrupt header, bad password flag, unknown method
        raise _ReadError(str(exc) or type(exc).__name__) from exc
    digest = hashlib.sha256()
    size = 0
    with src:
        try:
            out = open(target, "xb")  # never overwrite, never follow an existing link
        except FileExistsError:
            raise ArchiveError(f"The archive has a duplicate entry '{name}'") from None
        created.append(target)
        with out:
            while True:
                try:
                    chunk = src.read(CHUNK)
                except Exception as exc:  # BadZipFile (CRC), zlib/bz2/lzma errors, EOF
                    raise _ReadError(str(exc) or type(exc).__name__) from exc
                if not chunk:
                    break
                size += len(chunk)
                total += len(chunk)
                if total > limits.max_total_bytes:
                    raise ArchiveError(
                        f"The archive expands to more than {limits.max_total_bytes} bytes"
                    )
                if size > limits.max_file_bytes:
                    break
                digest.update(chunk)
                out.write(chunk)
    if size > limits.max_file_bytes:
        target.unlink()
        created.remove(target)
        contents.oversized[name] = (
            f"File '{name}' is larger than the limit of {limits.max_file_bytes} bytes"
        )
    else:
        contents.files[name] = ArchiveFile(
            path=name, size=size, sha256=digest.hexdigest(), stored_at=name
        )
    return total


def _remove(created: list[Path]) -> None:
    """Undo this call: delete created files, then created folders deepest first."""
    for path in reversed(created):
        try:
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        except OSError:
            pass


# --------------------------------------------------------------------------- rows


def _no_files(contents: ArchiveContents) -> bool:
    return not contents.top_level_files and not contents.top_level_dirs


def rows_from_single_field(
    contents: ArchiveContents, field_name: str
) -> tuple[list[DerivedRow], list[RowError]]:
    """One task per top-level file (sorted by name), assigned to the only file field."""
    if _no_files(contents):
        raise ArchiveError("The archive contains no files")
    rows: list[DerivedRow] = []
    errors: list[RowError] = []
    index = 0
    for name in sorted(contents.top_level_files):
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


def _field_for(file_name: str, file_fields: list[str]) -> str | None:
    """The field a file belongs to: same name first, else same stem (name minus extension)."""
    if file_name in file_fields:
        return file_name
    stem, _ = posixpath.splitext(file_name)
    return stem if stem in file_fields else None


def rows_from_folders(
    contents: ArchiveContents, file_fields: list[str], required: set[str]
) -> tuple[list[DerivedRow], list[RowError]]:
    """One task per top-level folder (sorted); files directly inside are matched to fields."""
    if _no_files(contents):
        raise ArchiveError("The archive contains no files")
    rows: list[DerivedRow] = []
    errors: list[RowError] = []
    expected = ", ".join(file_fields)
    index = 0
    for folder in sorted(contents.top_level_dirs):
        row_errors: list[RowError] = []
        by_field: dict[str, list[str]] = {}
        for file_name in sorted(contents.top_level_dirs[folder]):
            path = f"{folder}/{file_name}"
            field_name = _field_for(file_name, file_fields)
            if field_name is None:
                row_errors.append(
                    RowError(
                        index,
                        None,
                        f"File '{path}' does not match any file field "
                        f"(expected one of: {expected})",
                    )
                )
            else:
                by_field.setdefault(field_name, []).append(path)
        matched: dict[str, ArchiveFile] = {}
        for field_name in dict.fromkeys(file_fields):
            paths = by_field.get(field_name, [])
            if len(paths) > 1:
                row_errors.append(
                    RowError(index, field_name, f"Several files match field '{field_name}'")
                )
            elif paths and paths[0] in contents.oversized:
                row_errors.append(RowError(index, field_name, contents.oversized[paths[0]]))
            elif paths:
                matched[field_name] = contents.files[paths[0]]
            elif field_name in required:
                row_errors.append(
                    RowError(index, field_name, f"Missing file for required field '{field_name}'")
                )
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(DerivedRow(index, folder, matched))
        index += 1
    for name in sorted(contents.top_level_files):
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
    """The extracted file a reference names ("./a/b.png", "a/b.png"), or None.

    Absolute references and any ".." component are never accepted.
    """
    if not isinstance(reference, str):
        return None
    parts = _split(reference)
    if parts is None:
        return None
    return contents.files.get("/".join(parts))
