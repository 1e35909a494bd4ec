"""Pipeline packages compiled by the real kfp compiler, as YAML, JSON, zip and tar.gz."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile

import pytest
import yaml

from pipelines_server.kfp.packages import read_package
from pipelines_server.shared.errors import BadRequest

pytest.importorskip("kfp")

PIPELINE = """
from kfp import compiler, dsl

@dsl.component
def add(a: int, b: int) -> int:
    return a + b

@dsl.pipeline(name="adder", description="adds")
def adder(x: int = 1):
    add(a=x, b=2)

compiler.Compiler().compile(adder, "{out}")
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> bytes:
    tmp = tmp_path_factory.mktemp("kfp")
    script = tmp / "pipeline.py"
    script.write_text(PIPELINE.format(out=tmp / "adder.yaml"))
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True)
    return (tmp / "adder.yaml").read_bytes()


def _zip(name: str, data: bytes, extra: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, data)
        if extra:
            zf.writestr("other.yaml", data)
    return buf.getvalue()


def _targz(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_every_accepted_form_gives_the_same_spec(compiled):
    expected = yaml.safe_load(compiled)
    as_json = json.dumps(expected).encode()
    for filename, data in (
        ("adder.yaml", compiled),
        ("adder.json", as_json),
        ("adder.zip", _zip("adder.yaml", compiled)),
        ("adder.tar.gz", _targz("pipeline.json", as_json)),
    ):
        package = read_package(filename, data)
        assert package.pipeline_spec == expected, filename
        assert package.name == "adder" and package.description == "adds"


@pytest.mark.parametrize(
    "filename, data, reason",
    [
        ("p.yaml", b"", "empty"),
        ("p.yaml", b"a: [", "not valid YAML"),
        ("p.yaml", b"pipelineInfo: {name: x}\n", "missing root"),
        ("p.bin", b"\xff\xfe\x00", "not UTF-8"),
        ("p.zip", b"", "empty"),
    ],
)
def test_bad_packages_say_why(filename, data, reason):
    with pytest.raises(BadRequest) as info:
        read_package(filename, data)
    assert reason in info.value.message


def test_archives_must_hold_one_spec_file(compiled):
    with pytest.raises(BadRequest, match="exactly one file"):
        read_package("p.zip", _zip("a.yaml", compiled, extra=True))
    with pytest.raises(BadRequest, match="not a .yaml"):
        read_package("p.tar.gz", _targz("notes.txt", compiled))
