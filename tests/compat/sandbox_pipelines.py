"""KFP pipelines for the sandbox tests: one component that runs a source as a code node does
(tests/support/sandbox_probe.py), so a code node and a KFP component attempt the same leaks.
(No `from __future__ import annotations`: kfp reads the annotations.)"""

from kfp import dsl
from kfp.dsl import Dataset, Input, Output


@dsl.component(base_image="python:3.11")
def run_source(source: str) -> str:
    import json

    namespace = {"__name__": "__probe__"}
    exec(compile(source, "<probe>", "exec"), namespace)
    return json.dumps(namespace["main"](None))


@dsl.pipeline(name="sandbox-probe")
def run_source_pipeline(source: str) -> str:
    return run_source(source=source).output


@dsl.component(base_image="python:3.11")
def write_data(data: Output[Dataset]):
    with open(data.path, "w") as f:
        f.write("upstream")


@dsl.component(base_image="python:3.11")
def read_and_probe(data: Input[Dataset], source: str) -> str:
    import json

    with open(data.path) as f:
        content = f.read()
    namespace = {"__name__": "__probe__"}
    exec(compile(source, "<probe>", "exec"), namespace)
    return json.dumps({"input": content, "probe": namespace["main"](None)})


@dsl.pipeline(name="sandbox-artifacts")
def artifact_pipeline(source: str) -> str:
    w = write_data()
    return read_and_probe(data=w.outputs["data"], source=source).output


@dsl.component(base_image="python:3.11", packages_to_install=["surely-not-installed-pkg-4f2a"])
def needs_a_missing_package() -> int:
    return 1


@dsl.pipeline(name="sandbox-pip")
def pip_pipeline() -> int:
    return needs_a_missing_package().output
