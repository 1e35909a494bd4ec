"""Datasets: tables imported from CSV or JSONL files, their rows, analytics and charts.

Parsing is incremental (`records()` yields one record at a time from a file on disk), so an
import never holds a whole file; the import itself is the `dataset_import` job
(dataset_jobs.py). CSV cells are stored as the file wrote them (strings) and typed on use:
`infer()` gives each value a type (string, integer, number, boolean, json, null), a column's
type is the narrowest that covers all of its non-null values (`column_type()`), and
`typed()` turns a cell into the value of its own type (for seeding), `as_column()` into
the value of its column's type (for analytics and charts: in a string column "4" stays a
string). An empty CSV cell is null.

A dataset has at most MAX_COLUMNS (1,000) columns: a CSV header with more is a 422, a JSONL
record whose new keys would pass it is that row's error.

Untrusted values: a JSONL line is read with `jsonsafe.loads` and a CSV record's cells are
checked with `jsonsafe.check`, so a line with NaN, Infinity, 1e400, a NUL (\u0000) or a lone
surrogate in a key or a value is that one row's error (nothing is stripped or replaced: what
is stored is what the file said). A NUL in a CSV header, in the dataset's name or
description, or in the file name is a 422 naming it.

Analytics, chart field values and chart queries read the rows in batches
(`iter_rows()`); exact distinct counts are kept up to DISTINCT_CAP values per column (past
it, `distinct_capped` is true and the count is a lower bound).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared import jsonsafe
from ..shared.errors import FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..shared.timestamps import utcnow
from ..store.models import Dataset, DatasetRow
from . import text_search

IMPORTING, READY, FAILED, CANCELLED = "importing", "ready", "failed", "cancelled"
FORMATS = ("csv", "jsonl")
TYPES = ("string", "integer", "number", "boolean", "json", "null")
EXPORT_FORMATS = ("csv", "json", "zip", "zip-json")
DISTINCT_CAP = 10_000  # exact distinct counts per column up to this many values
VALUES_CAP = 50_000  # distinct values a chart-field values listing tracks
GROUPS_CAP = 10_000  # groups a chart query may make
TOP_VALUES = 10
PREVIEW_ROWS = 20
PREVIEW_BYTES = 256 * 1024
MAX_FIELD_BYTES = 16 * 1024 * 1024
COPY_CHUNK = 1024 * 1024
MAX_COLUMNS = 1000  # columns a dataset may have (a CSV header, or the union of JSONL keys)

csv.field_size_limit(MAX_FIELD_BYTES)

_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_NUM = re.compile(r"-?((0|[1-9][0-9]*)(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")


# --- values and types -----------------------------------------------------------------------


def infer(value: Any) -> str:
    """The type of one value (a CSV cell is a string typed by its text)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dict | list):
        return "json"
    text = str(value).strip()
    if text == "":
        return "null"
    if text.lower() in ("true", "false"):
        return "boolean"
    if _INT.fullmatch(text):
        return "integer"
    if _NUM.fullmatch(text):
        return "number" if math.isfinite(float(text)) else "string"  # 1e400 is no number
    if text[0] in "[{":
        try:
            parsed = jsonsafe.loads(text)
        except ValueError:
            return "string"
        return "json" if isinstance(parsed, dict | list) else "string"
    return "string"


def typed(value: Any, kind: str | None = None) -> Any:
    """The value of a cell in its own type: "42" -> 42, "true" -> True, "" -> None (`kind`:
    its `infer`red type, when the caller has it already)."""
    if not isinstance(value, str):
        return value
    kind = kind or infer(value)
    text = value.strip()
    if kind == "null":
        return None
    if kind == "boolean":
        return text.lower() == "true"
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "json":
        return jsonsafe.loads(text)
    return value


def as_column(value: Any, col_type: str, kind: str | None = None) -> Any:
    """A cell typed as its column is: in a string column "4" stays "4" (an empty cell is
    still null); in a number column it is 4."""
    if isinstance(value, str) and col_type in ("string", "null"):
        return None if value.strip() == "" else value
    return typed(value, kind)


def column_types(ds: Dataset) -> dict[str, str]:
    return {c["name"]: c["type"] for c in ds.columns or []}


def column_type(type_counts: dict[str, int]) -> str:
    """The narrowest type that covers every non-null value counted."""
    seen = {t for t, n in type_counts.items() if n and t != "null"}
    if not seen:
        return "null"
    if seen == {"integer"}:
        return "integer"
    if seen <= {"integer", "number"}:
        return "number"
    if len(seen) == 1:
        return seen.pop()
    return "string"


def unique_names(header: list[str]) -> list[str]:
    """CSV header cells as column names: blanks become `column_<n>`, repeats get `_<n>`."""
    names: list[str] = []
    for i, raw in enumerate(header):
        name = (raw or "").strip() or f"column_{i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names


def cell_text(value: Any) -> str:
    """A value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return jsonsafe.dumps(value, ensure_ascii=False)
    return str(value)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# --- files ----------------------------------------------------------------------------------


def detect_format(file_name: str | None, head: bytes) -> str:
    """`jsonl` for .jsonl/.ndjson/.json files or text starting with `{`, else `csv`."""
    suffix = Path(file_name or "").suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    text = head.decode("utf-8-sig", errors="ignore").lstrip()
    return "jsonl" if text.startswith("{") else "csv"


def sniff_delimiter(head: bytes) -> str:
    text = head.decode("utf-8-sig", errors="ignore")
    first = text.splitlines()[0] if text else ""
    try:
        return csv.Sniffer().sniff(text[:65536] or first, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def save_upload(stream: BinaryIO, data_dir: Path) -> tuple[Path, int, str, bytes]:
    """Copies an uploaded file to `<data_dir>/datasets/` chunk by chunk; returns its path,
    size, sha256 and first bytes (for format detection)."""
    folder = Path(data_dir) / "datasets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.upload"
    digest, size, head = hashlib.sha256(), 0, b""
    with open(path, "wb") as out:
        while True:
            chunk = stream.read(COPY_CHUNK)
            if not chunk:
                break
            if len(head) < PREVIEW_BYTES:
                head += chunk[: PREVIEW_BYTES - len(head)]
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return path, size, digest.hexdigest(), head


def remove_file(path: str | Path | None) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


class Record:
    """One record of a file after its header: `data` (None for a blank line), or `error`."""

    __slots__ = ("line", "data", "error")

    def __init__(self, line: int, data: dict | None = None, error: str | None = None):
        self.line, self.data, self.error = line, data, error


class _Lines:
    """The lines of a binary file as text, decoded one line at a time (a UTF-8 line break is
    never inside a character): a line that is not UTF-8 is replaced and flagged, so that
    only the record it belongs to is an error."""

    def __init__(self, handle: BinaryIO):
        self.handle, self.bad, self.first = handle, False, True

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            if self.first:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
                self.first = False
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self.bad = True
                yield raw.decode("utf-8", errors="replace")

    def take_bad(self) -> bool:
        bad, self.bad = self.bad, False
        return bad


NOT_UTF8 = "The line is not valid UTF-8"


def read_header(path: str | Path, fmt: str, delimiter: str = ",") -> list[str]:
    """The CSV header's column names (JSONL files have none: [])."""
    if fmt != "csv":
        return []
    with open(path, "rb") as raw:
        return _header(raw, delimiter)


def _header(raw: BinaryIO, delimiter: str) -> list[str]:
    reader = csv.reader(_Lines(raw), delimiter=delimiter)
    try:
        return unique_names(next(reader))
    except (StopIteration, csv.Error):
        return []


def records(handle: BinaryIO, fmt: str, delimiter: str = ",") -> Iterator[Record]:
    """Every record of the file after the CSV header, blank ones included (so that the
    count of records consumed is a position to resume from)."""
    lines = _Lines(handle)
    if fmt == "csv":
        yield from _csv_records(lines, delimiter)
    else:
        yield from _jsonl_records(lines)


def _csv_records(lines: _Lines, delimiter: str) -> Iterator[Record]:
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = unique_names(next(reader))
    except StopIteration:
        return
    except csv.Error as exc:
        yield Record(1, error=f"Unreadable header: {exc}")
        return
    lines.take_bad()
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            lines.take_bad()
            yield Record(reader.line_num, error=f"Malformed CSV: {exc}")
            continue
        if lines.take_bad():
            yield Record(reader.line_num, error=NOT_UTF8)
            continue
        if not cells or (len(cells) == 1 and cells[0] == "" and len(header) > 1):
            yield Record(reader.line_num)
            continue
        if len(cells) != len(header):
            yield Record(
                reader.line_num,
                error=f"Expected {len(header)} fields, got {len(cells)}",
            )
            continue
        try:
            jsonsafe.check(cells)
        except jsonsafe.BadJson as exc:
            yield Record(reader.line_num, error=f"Unstorable value: {exc.message}")
            continue
        yield Record(reader.line_num, dict(zip(header, cells, strict=True)))


def _jsonl_records(lines: _Lines) -> Iterator[Record]:
    for line_no, line in enumerate(lines, 1):
        if lines.take_bad():
            yield Record(line_no, error=NOT_UTF8)
            continue
        if not line.strip():
            yield Record(line_no)
            continue
        try:
            value = jsonsafe.loads(line)
        except ValueError as exc:  # jsonsafe.BadJson included
            message = getattr(exc, "message", None) or (exc.args[0] if exc.args else str(exc))
            yield Record(line_no, error=f"Invalid JSON: {message}")
            continue
        if not isinstance(value, dict):
            yield Record(line_no, error="Each line must be a JSON object")
            continue
        yield Record(line_no, value)


def preview(stream: BinaryIO, file_name: str | None, size: int | None) -> dict:
    """The first rows of an upload with inferred column types; nothing is stored."""
    check_text(file_name, "file", "file name")
    head = stream.read(PREVIEW_BYTES + 1)
    truncated = len(head) > PREVIEW_BYTES
    head = head[:PREVIEW_BYTES]
    if not head.strip():
        raise ValidationFailed(
            "The file is empty", [FieldError("The file is empty", loc=("body", "file"))]
        )
    fmt = detect_format(file_name, head)
    delimiter = sniff_delimiter(head) if fmt == "csv" else ","
    if truncated:  # only whole lines of the first chunk
        cut = head.rfind(b"\n")
        head = head[: cut + 1] if cut > 0 else head
    columns: list[str] = read_header_bytes(head, fmt, delimiter)
    check_header(columns)
    types: dict[str, dict[str, int]] = {c: {} for c in columns}
    rows: list[dict] = []
    errors: list[dict] = []
    consumed = 0
    for rec in records(io.BytesIO(head), fmt, delimiter):
        consumed += 1
        if rec.error:
            if len(errors) < PREVIEW_ROWS:
                errors.append({"line": rec.line, "message": rec.error})
            continue
        if rec.data is None:
            continue
        wide = too_many_columns(types, rec.data)
        if wide:
            if len(errors) < PREVIEW_ROWS:
                errors.append({"line": rec.line, "message": wide})
            continue
        for name, value in rec.data.items():
            if name not in types:
                columns.append(name)
                types[name] = {}
            t = infer(value)
            types[name][t] = types[name].get(t, 0) + 1
        if len(rows) < PREVIEW_ROWS:
            rows.append(rec.data)
    if size is None:
        size = len(head)
    estimate = consumed
    if truncated and consumed:
        estimate = max(consumed, int(size * consumed / max(len(head), 1)))
    return {
        "format": fmt,
        "delimiter": delimiter if fmt == "csv" else None,
        "columns": [
            {"name": c, "type": column_type(types[c]), "type_counts": types[c]} for c in columns
        ],
        "rows": rows,
        "sample_size": len(rows),
        "row_estimate": estimate,
        "estimated": truncated,
        "errors": errors,
        "file_name": file_name,
        "file_bytes": size,
    }


def check_header(columns: list[str]) -> None:
    """A CSV header a store can keep: at most MAX_COLUMNS columns, no NUL in a column name
    (422 naming the column)."""
    if len(columns) > MAX_COLUMNS:
        message = f"The CSV header has {len(columns)} columns; a dataset has at most {MAX_COLUMNS}"
        raise ValidationFailed(message, [FieldError(message, loc=("body", "file"))])
    for i, name in enumerate(columns):
        try:
            jsonsafe.check(name)
        except jsonsafe.BadJson as exc:
            message = f"CSV header column {i + 1} ({name!r}): {exc.message}"
            raise ValidationFailed(message, [FieldError(message, loc=("body", "file"))]) from None


def check_text(value: str | None, field: str, label: str | None = None) -> None:
    """A form field (name, description, file name) a store can keep: 422 naming it."""
    if value is None:
        return
    try:
        jsonsafe.check(value)
    except jsonsafe.BadJson as exc:
        message = f"{label or field}: {exc.message}"
        raise ValidationFailed(message, [FieldError(message, loc=("body", field))]) from None


def too_many_columns(known: dict | list, data: dict) -> str | None:
    """The error of a record whose new keys would take the dataset past MAX_COLUMNS (the
    record is then that row's error, nothing of it is kept), else None."""
    new = sum(1 for k in data if k not in known)
    if new and len(known) + new > MAX_COLUMNS:
        return (
            f"The record adds {new} new columns to {len(known)}; a dataset has at most "
            f"{MAX_COLUMNS} columns"
        )
    return None


def read_header_bytes(head: bytes, fmt: str, delimiter: str) -> list[str]:
    return _header(io.BytesIO(head), delimiter) if fmt == "csv" else []


# --- datasets -------------------------------------------------------------------------------


def get_dataset(session: Session, principal: Principal, dataset_id: int) -> Dataset:
    ds = session.get(Dataset, dataset_id) if isinstance(dataset_id, int) else None
    if ds is None or ds.org_id != principal.org_id:
        raise NotFound("Dataset not found")
    return ds


def list_datasets(
    session: Session,
    principal: Principal,
    offset: int,
    limit: int,
    search: str | None = None,
    status: str | None = None,
) -> tuple[list[Dataset], int]:
    query = select(Dataset).where(Dataset.org_id == principal.org_id)
    if search:
        needle = search.lower()
        query = query.where(text_search.contains(needle, Dataset.name, Dataset.description))
    if status:
        query = query.where(Dataset.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Dataset.created_at.desc(), Dataset.id.desc()).offset(offset).limit(limit)
    )
    return list(rows), total


def create_dataset(
    session: Session,
    principal: Principal,
    *,
    name: str,
    description: str,
    fmt: str,
    file_name: str,
    file_bytes: int,
    columns: list[str],
) -> Dataset:
    check_text(name, "name")
    check_text(description, "description")
    check_text(file_name, "file", "file name")
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(
            "name is required", [FieldError("name is required", loc=("body", "name"))]
        )
    if len(name) > 255:
        raise ValidationFailed(
            "name is longer than 255 characters",
            [FieldError("name is longer than 255 characters", loc=("body", "name"))],
        )
    now = utcnow()
    ds = Dataset(
        org_id=principal.org_id,
        name=name,
        description=description or "",
        status=IMPORTING,
        source_format=fmt,
        file_name=(file_name or "")[:255],
        file_bytes=file_bytes,
        row_count=0,
        error_count=0,
        columns=[{"name": c, "type": "null", "type_counts": {}} for c in columns],
        created_by_id=principal.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(ds)
    session.flush()
    return ds


def column_names(ds: Dataset) -> list[str]:
    return [c["name"] for c in ds.columns or []]


def in_column_order(data: dict, columns: list[str]) -> dict:
    """A row's values in the dataset's column order (PostgreSQL's JSONB does not keep the
    order of keys)."""
    ordered = {c: data[c] for c in columns if c in data}
    if len(ordered) != len(data):
        ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def rows_page(session: Session, ds: Dataset, offset: int, limit: int) -> list[DatasetRow]:
    return list(
        session.scalars(
            select(DatasetRow)
            .where(DatasetRow.dataset_id == ds.id, DatasetRow.row_index >= offset)
            .order_by(DatasetRow.row_index)
            .limit(limit)
        )
    )


def iter_rows(
    session: Session, dataset_id: int, start: int = 0, stop: int | None = None, batch: int = 1000
) -> Iterator[tuple[int, dict]]:
    """(row_index, data) of rows from `start` (up to `stop`, excluded), read in batches."""
    position = start
    while stop is None or position < stop:
        size = batch if stop is None else min(batch, stop - position)
        chunk = session.execute(
            select(DatasetRow.row_index, DatasetRow.data)
            .where(DatasetRow.dataset_id == dataset_id, DatasetRow.row_index >= position)
            .order_by(DatasetRow.row_index)
            .limit(size)
        ).all()
        if not chunk:
            return
        for index, data in chunk:
            yield index, data or {}
        position = chunk[-1][0] + 1


# --- export ---------------------------------------------------------------------------------

EXPORT_CHUNK = 1000  # rows read per short transaction of an export


class ExportPlan:
    """What an export sends: the dataset, its columns, format, media type and file name."""

    __slots__ = ("dataset_id", "columns", "fmt", "mime", "file_name")

    def __init__(self, dataset_id: int, columns: list[str], fmt: str, mime: str, file_name: str):
        self.dataset_id, self.columns, self.fmt = dataset_id, columns, fmt
        self.mime, self.file_name = mime, file_name


def export_plan(session: Session, principal: Principal, dataset_id: int, fmt: str) -> ExportPlan:
    """The export of a dataset in `fmt` (csv, json, zip = zipped CSV, zip-json); 422 for
    another format."""
    ds = get_dataset(session, principal, dataset_id)
    if fmt not in EXPORT_FORMATS:
        raise ValidationFailed(
            f"format must be one of {', '.join(EXPORT_FORMATS)}",
            [FieldError("Unknown export format", loc=("query", "format"))],
        )
    base = _safe_name(ds.name) or f"dataset-{ds.id}"
    mime, ext = {
        "csv": ("text/csv", "csv"),
        "json": ("application/json", "json"),
        "zip": ("application/zip", "zip"),
        "zip-json": ("application/zip", "zip"),
    }[fmt]
    return ExportPlan(ds.id, column_names(ds), fmt, mime, f"{base}.{ext}")


def _safe_name(name: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name)
    return kept.strip("-.")[:80]


def export_rows(db, dataset_id: int, chunk: int = EXPORT_CHUNK) -> Iterator[list[dict]]:
    """The rows' data, a chunk at a time, each chunk read in its own short transaction (keyset
    on row_index): no transaction stays open while the client downloads."""
    after = -1
    while True:
        with db.session() as session:
            rows = session.execute(
                select(DatasetRow.row_index, DatasetRow.data)
                .where(DatasetRow.dataset_id == dataset_id, DatasetRow.row_index > after)
                .order_by(DatasetRow.row_index)
                .limit(chunk)
            ).all()
        if not rows:
            return
        yield [data or {} for _, data in rows]
        after = rows[-1][0]


def _csv_chunks(columns: list[str], chunks: Iterator[list[dict]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for rows in chunks:
        for data in rows:
            writer.writerow([cell_text(data.get(c)) for c in columns])
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue().encode()


def _json_chunks(columns: list[str], chunks: Iterator[list[dict]]) -> Iterator[bytes]:
    yield b"["
    first = True
    for rows in chunks:
        parts = []
        for data in rows:
            row = in_column_order(data, columns)
            parts.append(("" if first else ",") + jsonsafe.dumps(row, ensure_ascii=False))
            first = False
        yield "".join(parts).encode()
    yield b"]"


class _Sink(io.RawIOBase):
    """A write-only stream whose bytes are taken out in chunks (zipfile streams into it)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.parts.append(bytes(b))
        return len(b)

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def _zipped(member: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w", force_zip64=True) as entry:
            for chunk in chunks:
                entry.write(chunk)
                data = sink.take()
                if data:
                    yield data
    yield sink.take()


def export_chunks(db, plan: ExportPlan, chunk: int = EXPORT_CHUNK) -> Iterator[bytes]:
    """The export's bytes, streamed; memory is bounded by one chunk of rows."""
    rows = export_rows(db, plan.dataset_id, chunk)
    stem = plan.file_name.rsplit(".", 1)[0]
    if plan.fmt == "csv":
        return _csv_chunks(plan.columns, rows)
    if plan.fmt == "json":
        return _json_chunks(plan.columns, rows)
    if plan.fmt == "zip":
        return _zipped(f"{stem}.csv", _csv_chunks(plan.columns, rows))
    return _zipped(f"{stem}.json", _json_chunks(plan.columns, rows))


# --- analytics ------------------------------------------------------------------------------


class _Column:
    def __init__(self) -> None:
        self.count = 0
        self.nulls = 0
        self.types: dict[str, int] = {}
        self.values: dict[str, list] = {}  # key -> [value, count]
        self.capped = False
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.min: float | None = None
        self.max: float | None = None
        self.total = 0.0
        self.len_min: int | None = None
        self.len_max: int | None = None
        self.len_sum = 0

    def add(self, raw: Any, col_type: str) -> None:
        kind = infer(raw)
        self.types[kind] = self.types.get(kind, 0) + 1
        if kind == "null":
            self.nulls += 1
            return
        self.count += 1
        value = as_column(raw, col_type, kind)
        key = _key(value)
        slot = self.values.get(key)
        if slot is not None:
            slot[1] += 1
        elif len(self.values) < DISTINCT_CAP:
            self.values[key] = [value, 1]
        else:
            self.capped = True
        if kind in ("integer", "number"):
            x = float(typed(raw, kind))
            if math.isfinite(x):
                self.n += 1
                delta = x - self.mean
                self.mean += delta / self.n
                self.m2 += delta * (x - self.mean)
                self.min = x if self.min is None else min(self.min, x)
                self.max = x if self.max is None else max(self.max, x)
                self.total += x
        if kind == "string":
            size = len(raw)
            self.len_min = size if self.len_min is None else min(self.len_min, size)
            self.len_max = size if self.len_max is None else max(self.len_max, size)
            self.len_sum += size

    def report(self, name: str, rows: int) -> dict:
        top = sorted(self.values.values(), key=lambda vc: (-vc[1], _key(vc[0])))[:TOP_VALUES]
        numeric = None
        if self.n:
            numeric = {
                "count": self.n,
                "min": _num(self.min),
                "max": _num(self.max),
                "mean": self.mean,
                "sum": _num(self.total),
                "stddev": math.sqrt(self.m2 / self.n),
            }
        lengths = None
        if self.len_min is not None:
            strings = self.types.get("string", 0)
            lengths = {
                "min": self.len_min,
                "max": self.len_max,
                "mean": self.len_sum / strings if strings else None,
            }
        return {
            "name": name,
            "type": column_type(self.types),
            "type_counts": dict(self.types),
            "count": self.count,
            "null_count": self.nulls + (rows - self.count - self.nulls),
            "missing_count": rows - self.count - self.nulls,
            "distinct_count": len(self.values),
            "distinct_capped": self.capped,
            "top_values": [{"value": v, "count": c, "approximate": self.capped} for v, c in top],
            "numeric": numeric,
            "text_length": lengths,
        }


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def compute_analytics(session: Session, ds: Dataset) -> dict:
    names = column_names(ds)
    types = column_types(ds)
    cols = {n: _Column() for n in names}
    rows = 0
    for _, data in iter_rows(session, ds.id):
        rows += 1
        for name, value in data.items():
            col = cols.get(name)
            if col is None:
                col = cols[name] = _Column()
                names.append(name)
            col.add(value, types.get(name, "string"))
    for name in names:  # a row without the column: missing
        col = cols[name]
        col.types.setdefault("null", 0)
    return {
        "dataset_id": ds.id,
        "row_count": rows,
        "column_count": len(names),
        "distinct_cap": DISTINCT_CAP,
        "columns": [cols[n].report(n, rows) for n in names],
    }


def analytics(session: Session, principal: Principal, dataset_id: int) -> dict:
    """Per-column analytics; computed once the import is done, then kept."""
    ds = get_dataset(session, principal, dataset_id)
    if ds.status == READY and ds.analytics:
        return ds.analytics
    result = compute_analytics(session, ds)
    if ds.status == READY:
        ds.analytics = result
    return result


# --- charts ---------------------------------------------------------------------------------

AGGS = ("count", "sum", "avg", "min", "max", "count_distinct")
OPS = ("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "contains", "is_null", "not_null")
MEASURE_TYPES = ("integer", "number")


def chart_fields(session: Session, principal: Principal, dataset_id: int) -> dict:
    ds = get_dataset(session, principal, dataset_id)
    fields = []
    for c in ds.columns or []:
        measure = c["type"] in MEASURE_TYPES
        fields.append(
            {
                "id": c["name"],
                "name": c["name"],
                "type": c["type"],
                "dimension": c["type"] != "json",
                "measure": measure,
                "aggregations": list(AGGS) if measure else ["count", "count_distinct"],
            }
        )
    return {
        "dataset_id": ds.id,
        "fields": fields,
        "dimensions": [f["id"] for f in fields if f["dimension"]],
        "measures": [f["id"] for f in fields if f["measure"]],
    }


def chart_field_values(
    session: Session,
    principal: Principal,
    dataset_id: int,
    field_id: str,
    limit: int = 50,
    search: str | None = None,
) -> dict:
    ds = get_dataset(session, principal, dataset_id)
    if field_id not in column_names(ds):
        raise NotFound(f"Field not found: {field_id}")
    needle = (search or "").lower()
    col_type = column_types(ds)[field_id]
    counts: dict[str, list] = {}
    capped = False
    for _, data in iter_rows(session, ds.id):
        value = as_column(data.get(field_id), col_type)
        if needle and (value is None or needle not in cell_text(value).lower()):
            continue
        key = _key(value)
        slot = counts.get(key)
        if slot is not None:
            slot[1] += 1
        elif len(counts) < VALUES_CAP:
            counts[key] = [value, 1]
        else:
            capped = True
    ordered = sorted(counts.values(), key=lambda vc: (-vc[1], _key(vc[0])))
    return {
        "dataset_id": ds.id,
        "field": field_id,
        "items": [{"value": v, "count": c} for v, c in ordered[:limit]],
        "total": len(counts),
        "has_more": len(ordered) > limit or capped,
        "capped": capped,
    }


def _bad(message: str, loc: tuple) -> ValidationFailed:
    return ValidationFailed(message, [FieldError(message, loc=("body", *loc))])


def _check_query(ds: Dataset, body: dict) -> tuple[list[str], list[dict], list[dict], int]:
    names = set(column_names(ds))
    group_by = body.get("group_by") or []
    if isinstance(group_by, str):
        group_by = [group_by]
    if not isinstance(group_by, list):
        raise _bad("group_by must be a list of field names", ("group_by",))
    for i, f in enumerate(group_by):
        if f not in names:
            raise _bad(f"Unknown field in group_by: {f}", ("group_by", i))
    metrics = body.get("metrics")
    if metrics is None:
        metrics = [{"agg": "count"}]
    if not isinstance(metrics, list):
        raise _bad("metrics must be a list", ("metrics",))
    checked = []
    for i, m in enumerate(metrics):
        if not isinstance(m, dict):
            raise _bad("Each metric is an object {field, agg}", ("metrics", i))
        agg = m.get("agg", m.get("aggregation", "count"))
        field = m.get("field")
        if agg not in AGGS:
            raise _bad(f"Unknown aggregation: {agg} (one of {', '.join(AGGS)})", ("metrics", i))
        if field is None and agg != "count":
            raise _bad(f"The {agg} aggregation needs a field", ("metrics", i, "field"))
        if field is not None and field not in names:
            raise _bad(f"Unknown field in metrics: {field}", ("metrics", i, "field"))
        alias = str(m.get("alias") or (f"{agg}_{field}" if field else "count"))
        if alias in group_by:
            raise _bad(
                f"Metric alias {alias!r} is also a group_by field; give it another alias",
                ("metrics", i, "alias"),
            )
        if any(c["alias"] == alias for c in checked):
            raise _bad(
                f"Metric alias {alias!r} is used twice; give each metric its own alias",
                ("metrics", i, "alias"),
            )
        checked.append({"field": field, "agg": agg, "alias": alias})
    filters = body.get("filters") or []
    if not isinstance(filters, list):
        raise _bad("filters must be a list", ("filters",))
    for i, f in enumerate(filters):
        if not isinstance(f, dict):
            raise _bad("Each filter is an object {field, op, value}", ("filters", i))
        if f.get("field") not in names:
            raise _bad(f"Unknown field in filters: {f.get('field')}", ("filters", i, "field"))
        if f.get("op", "eq") not in OPS:
            raise _bad(f"Unknown filter op: {f.get('op')}", ("filters", i, "op"))
        if f.get("op") in ("in", "not_in") and not isinstance(f.get("value"), list):
            raise _bad(f"The {f.get('op')} filter needs a list value", ("filters", i, "value"))
    limit = body.get("limit", 100)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= GROUPS_CAP:
        raise _bad(f"limit must be an integer from 1 to {GROUPS_CAP}", ("limit",))
    return group_by, checked, filters, limit


def _matches(value: Any, flt: dict) -> bool:
    op, want = flt.get("op", "eq"), flt.get("value")
    try:
        if op == "is_null":
            return value is None
        if op == "not_null":
            return value is not None
        if op == "eq":
            return value == want
        if op == "ne":
            return value != want
        if op == "in":
            return value in want
        if op == "not_in":
            return value not in want
        if op == "contains":
            return value is not None and str(want).lower() in cell_text(value).lower()
        if value is None or want is None:
            return False
        if op == "gt":
            return value > want
        if op == "gte":
            return value >= want
        if op == "lt":
            return value < want
        if op == "lte":
            return value <= want
    except TypeError:
        return False
    return False


class _Agg:
    __slots__ = ("n", "total", "lo", "hi", "seen")

    def __init__(self) -> None:
        self.n, self.total = 0, 0.0
        self.lo = self.hi = None
        self.seen: set | None = None


def chart_query(session: Session, principal: Principal, dataset_id: int, body: dict) -> dict:
    """Groups the rows by `group_by`, aggregates `metrics` per group, after `filters`."""
    ds = get_dataset(session, principal, dataset_id)
    if not isinstance(body, dict):
        raise _bad("The body must be an object", ())
    group_by, metrics, filters, limit = _check_query(ds, body)
    types = column_types(ds)
    groups: dict[tuple, tuple[list, list[_Agg]]] = {}
    matched = 0
    for _, data in iter_rows(session, ds.id):
        if not all(
            _matches(as_column(data.get(f["field"]), types[f["field"]]), f) for f in filters
        ):
            continue
        matched += 1
        keyvals = [as_column(data.get(g), types[g]) for g in group_by]
        key = tuple(_key(v) for v in keyvals)
        entry = groups.get(key)
        if entry is None:
            if len(groups) >= GROUPS_CAP:
                raise _bad(
                    f"The query makes more than {GROUPS_CAP} groups; group by fewer fields or "
                    "filter the rows",
                    ("group_by",),
                )
            entry = groups[key] = (keyvals, [_Agg() for _ in metrics])
        for m, acc in zip(metrics, entry[1], strict=True):
            value = as_column(data.get(m["field"]), types[m["field"]]) if m["field"] else None
            if m["agg"] == "count":
                if m["field"] is None or value is not None:
                    acc.n += 1
                continue
            if value is None:
                continue
            if m["agg"] == "count_distinct":
                acc.seen = acc.seen if acc.seen is not None else set()
                acc.seen.add(_key(value))
                continue
            if m["agg"] in ("sum", "avg"):
                if isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                acc.n += 1
                acc.total += value
                continue
            try:
                acc.lo = value if acc.lo is None or value < acc.lo else acc.lo
                acc.hi = value if acc.hi is None or value > acc.hi else acc.hi
            except TypeError:
                continue
    rows = []
    for keyvals, accs in groups.values():
        row = dict(zip(group_by, keyvals, strict=True))
        for m, acc in zip(metrics, accs, strict=True):
            row[m["alias"]] = _result(m["agg"], acc)
        rows.append(row)
    order = body.get("order_by") or body.get("sort")
    columns = set(group_by) | {m["alias"] for m in metrics}
    if isinstance(order, dict) and order.get("field") in columns:
        field, desc = order["field"], str(order.get("direction", "desc")).lower() == "desc"
    elif metrics:
        field, desc = metrics[0]["alias"], True
    else:
        field, desc = None, False
    if field is not None:
        present = [r for r in rows if r.get(field) is not None]
        absent = [r for r in rows if r.get(field) is None]
        try:
            present.sort(key=lambda r: r[field], reverse=desc)
        except TypeError:
            present.sort(key=lambda r: _key(r[field]), reverse=desc)
        rows = present + absent
    return {
        "dataset_id": ds.id,
        "columns": group_by + [m["alias"] for m in metrics],
        "rows": rows[:limit],
        "row_count": min(len(rows), limit),
        "group_count": len(rows),
        "truncated": len(rows) > limit,
        "matched_rows": matched,
    }


def _result(agg: str, acc: _Agg) -> Any:
    if agg == "count":
        return acc.n
    if agg == "count_distinct":
        return len(acc.seen or ())
    if agg == "sum":
        return _num(acc.total) if acc.n else 0
    if agg == "avg":
        return acc.total / acc.n if acc.n else None
    if agg == "min":
        return acc.lo
    return acc.hi


# --- seeding --------------------------------------------------------------------------------


def coerce(value: Any, field_type: str) -> Any:
    """A dataset value as a workflow field of `field_type` wants it (validation decides)."""
    if isinstance(value, str) and value.strip() == "":
        return None
    if value is None:
        return None
    if field_type in ("short_text", "long_text", "code", "datetime", "select"):
        if isinstance(value, str):
            return value
        return cell_text(value)
    if field_type in ("numeric", "rating", "boolean"):
        return typed(value)
    return value


def seed_mapping(ds: Dataset, fields: list[dict], mapping: Any) -> dict[str, str]:
    """The workflow field -> dataset column mapping of a seed request; same-name columns when
    none is given. Unknown fields or columns are 422 naming them."""
    columns = column_names(ds)
    by_name = {f["name"]: f for f in fields}
    if mapping is None or mapping == {}:
        result = {f["name"]: f["name"] for f in fields if f["name"] in columns}
        if not result:
            raise _bad(
                "No workflow field has a dataset column of the same name; send column_mapping "
                f"(fields: {', '.join(by_name) or 'none'}; columns: {', '.join(columns)})",
                ("column_mapping",),
            )
        return result
    if not isinstance(mapping, dict):
        raise _bad(
            "column_mapping must map workflow fields to dataset columns", ("column_mapping",)
        )
    errors = []
    for field, column in mapping.items():
        if field not in by_name:
            errors.append(
                FieldError(
                    f"Unknown workflow field: {field}",
                    field_name=field,
                    loc=("body", "column_mapping", field),
                )
            )
        if not isinstance(column, str) or column not in columns:
            errors.append(
                FieldError(
                    f"Unknown dataset column: {column}",
                    field_name=field,
                    loc=("body", "column_mapping", field),
                )
            )
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    return dict(mapping)
