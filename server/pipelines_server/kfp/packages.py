"""Pipeline packages as the kfp SDK uploads them: the compiled IR (`kfp.compiler.Compiler`
output) as YAML or JSON, or a zip or tar.gz archive holding exactly one such file.

A YAML package may hold a second document, the platform spec (Kubernetes settings); it is
kept beside the pipeline spec. Every problem is a BadRequest that names it; archives are
read with size caps and without following links, so a hostile upload cannot exhaust memory;
the document must be plain JSON data once read (no NaN, dates or binary; bounded depth; YAML
aliases expanding to at most about one value per byte of the package).
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from dataclasses import dataclass

import yaml

from ..shared import jsonsafe
from ..shared.errors import BadRequest

MAX_SPEC_BYTES = 32 * 1024 * 1024
# What YAML aliases may add beyond one value per byte of the package (see read_package).
ALIAS_SLACK_VALUES = 10_000
SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class Package:
    pipeline_spec: dict
    platform_spec: dict | None = None

    @property
    def name(self) -> str:
        return str((self.pipeline_spec.get("pipelineInfo") or {}).get("name") or "")

    @property
    def description(self) -> str:
        return str((self.pipeline_spec.get("pipelineInfo") or {}).get("description") or "")


def _bad(message: str) -> BadRequest:
    return BadRequest(f"Invalid pipeline package: {message}")


def _from_archive(data: bytes) -> tuple[str, bytes] | None:
    """(member name, content) of a zip or tar.gz package, or None when it is not one."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [i for i in zf.infolist() if not i.is_dir()]
            if len(members) != 1:
                raise _bad(f"a zip package must hold exactly one file, it holds {len(members)}")
            info = members[0]
            if info.file_size > MAX_SPEC_BYTES:
                raise _bad(f"{info.filename} is larger than {MAX_SPEC_BYTES} bytes")
            with zf.open(info) as fh:
                content = fh.read(MAX_SPEC_BYTES + 1)
            if len(content) > MAX_SPEC_BYTES:
                raise _bad(f"{info.filename} is larger than {MAX_SPEC_BYTES} bytes")
            return info.filename, content
    try:
        tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
    except tarfile.TarError:
        return None
    with tf:
        members = [m for m in tf.getmembers() if not m.isdir()]
        if len(members) != 1:
            raise _bad(f"a tar package must hold exactly one file, it holds {len(members)}")
        member = members[0]
        if not member.isfile():
            raise _bad(f"{member.name} is not a regular file")
        if member.size > MAX_SPEC_BYTES:
            raise _bad(f"{member.name} is larger than {MAX_SPEC_BYTES} bytes")
        fh = tf.extractfile(member)
        return member.name, fh.read(MAX_SPEC_BYTES + 1) if fh else b""


def read_package(filename: str, data: bytes) -> Package:
    if not data:
        raise _bad("the file is empty")
    name = filename or "pipeline.yaml"
    inner = _from_archive(data)
    if inner is not None:
        name, data = inner
        if not name.lower().endswith(SPEC_SUFFIXES):
            raise _bad(f"{name} inside the archive is not a .yaml, .yml or .json file")
    if len(data) > MAX_SPEC_BYTES:
        raise _bad(f"the pipeline spec is larger than {MAX_SPEC_BYTES} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(f"{name} is not UTF-8 text (nor a zip or tar.gz archive)") from None
    try:
        if name.lower().endswith(".json"):
            documents = [jsonsafe.loads(text)]
        else:
            documents = [d for d in yaml.safe_load_all(text) if d is not None]
            # YAML's aliases share one object however often they are used; storing the
            # package writes each use out. Expanded, the package may hold at most about as
            # many values as it has bytes (a billion-laughs bomb holds millions more).
            budget = len(data) + ALIAS_SLACK_VALUES
            for document in documents:
                budget -= jsonsafe.check(document, max_values=budget)
    except jsonsafe.BadJson as exc:
        where = "/".join(str(p) for p in exc.loc)
        raise _bad(f"{name}{' at ' + where if where else ''}: {exc.message}") from None
    except RecursionError:
        raise _bad(f"{name} is nested more than {jsonsafe.MAX_DEPTH} levels deep") from None
    except (ValueError, yaml.YAMLError) as exc:
        raise _bad(f"{name} is not valid YAML or JSON: {exc}") from None
    if not documents or not isinstance(documents[0], dict):
        raise _bad(f"{name} does not hold a pipeline spec object")
    spec = documents[0]
    if "pipelineSpec" in spec and isinstance(spec["pipelineSpec"], dict):  # a PipelineJob
        spec = spec["pipelineSpec"]
    missing = [k for k in ("pipelineInfo", "root") if k not in spec]
    if missing:
        raise _bad(f"{name} is not a compiled KFP pipeline (missing " + ", ".join(missing) + ")")
    platform = documents[1] if len(documents) > 1 and isinstance(documents[1], dict) else None
    return Package(pipeline_spec=spec, platform_spec=platform)
