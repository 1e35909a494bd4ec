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


# -- escapes through what the server reads or runs around a component ---------------------------


@dsl.component(base_image="python:3.11")
def link_output(path: str, out: dsl.OutputPath(str)):
    import os

    os.symlink(path, out)  # the server reads output parameters from this path


@dsl.pipeline(name="sandbox-link-output")
def link_output_pipeline(path: str) -> str:
    return link_output(path=path).outputs["out"]


@dsl.component(base_image="python:3.11")
def link_log_and_fail(path: str):
    import os
    import sys

    log = os.path.join(os.environ["HOME"], "log.txt")  # HOME is the task's folder
    os.unlink(log)
    os.symlink(path, log)  # the server quotes the log's tail in the run's error
    sys.exit(1)


@dsl.pipeline(name="sandbox-link-log")
def link_log_pipeline(path: str):
    link_log_and_fail(path=path)


@dsl.component(base_image="python:3.11")
def link_log_then_retry(target: str):
    import os
    import sys

    home = os.environ["HOME"]
    mark = os.path.join(home, "attempt-1")
    if not os.path.exists(mark):
        open(mark, "w").close()
        os.unlink(os.path.join(home, "log.txt"))
        os.symlink(target, os.path.join(home, "log.txt"))  # the retry appends to the log
        sys.exit(1)
    print("WRITTEN-THROUGH-THE-LINK", flush=True)


@dsl.pipeline(name="sandbox-link-log-retry")
def link_log_retry_pipeline(target: str):
    link_log_then_retry(target=target).set_retry(num_retries=1, backoff_duration="0s")


@dsl.component(base_image="python:3.11")
def link_artifact(path: str, data: Output[Dataset]):
    import os

    os.symlink(path, data.path)  # the next task's sandbox binds its input artifacts


@dsl.component(base_image="python:3.11")
def read_input(data: Input[Dataset]) -> str:
    try:
        with open(data.path, "rb") as f:
            return f.read(64).decode("latin1")
    except OSError as exc:
        return f"unreadable: {exc}"


@dsl.pipeline(name="sandbox-link-artifact")
def link_artifact_pipeline(path: str) -> str:
    return read_input(data=link_artifact(path=path).outputs["data"]).output


@dsl.component(base_image="python:3.11")
def preload_then_retry(library_b64: str):
    import base64
    import os
    import sys

    if not os.path.exists("preload.so"):  # attempt 1 plants a library in the task's folder
        with open("preload.so", "wb") as f:
            f.write(base64.b64decode(library_b64))
        os.chmod("preload.so", 0o755)
        sys.exit(1)
    with open("preload.log") as f:  # attempt 2: what the library saw wherever it loaded
        print("PRELOAD-LOG", f.read().replace("\n", ";"), flush=True)


@dsl.pipeline(name="sandbox-preload")
def preload_pipeline(library_b64: str):
    task = preload_then_retry(library_b64=library_b64)
    task.set_env_variable("LD_PRELOAD", "./preload.so")
    task.set_retry(num_retries=1, backoff_duration="0s")
