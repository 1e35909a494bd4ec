"""code nodes: real subprocesses."""

from __future__ import annotations

import os
import time
import uuid

import pytest

from pipelines_server.engine.executors import EXECUTORS
from pipelines_server.engine.executors.base import NodeFailed
from pipelines_server.engine.executors.code import LOG_CAP, execute
from tests.support.sandbox_probe import processes_with
from tests.unit.engine import make_ctx


def run(source: str, ctx=None, **config):
    return execute({"source": source, **config}, ctx or make_ctx({"x": 2}))


def test_executors_are_registered_by_kind():
    assert set(EXECUTORS) == {"code", "http", "llm", "evaluation", "logic_gate"}
    result = EXECUTORS["code"]({"source": "def main(data):\n    return 1\n"}, make_ctx())
    assert result.output == 1


def test_main_receives_the_node_data_and_its_return_value_is_the_output():
    ctx = make_ctx({"x": 2}, task={"t": "field"}, nodes={"a": {"v": 1}}, item="it", index=3)
    result = run(
        "def main(data):\n"
        "    return {'double': data['input']['x'] * 2, 'task': data['task'],\n"
        "            'nodes': data['nodes'], 'item': data['item'], 'index': data['index']}\n",
        ctx,
    )
    assert result.output == {
        "double": 4,
        "task": {"t": "field"},
        "nodes": {"a": {"v": 1}},
        "item": "it",
        "index": 3,
    }


def test_stdout_and_stderr_are_the_log_not_the_output():
    result = run(
        "import sys\n"
        "def main(data):\n"
        "    print('to stdout')\n"
        "    print('to stderr', file=sys.stderr)\n"
        "    return None\n"
    )
    assert result.output is None
    assert "to stdout" in result.log and "to stderr" in result.log


def test_an_exception_fails_the_node_with_the_traceback_in_the_log():
    with pytest.raises(NodeFailed) as info:
        run("def helper(d):\n    return d['missing']\n\ndef main(data):\n    return helper(data)\n")
    failure = info.value
    assert failure.message == "KeyError: 'missing'"
    assert not failure.retryable
    assert "Traceback" in failure.log
    assert "line 2, in helper" in failure.log and "return d['missing']" in failure.log
    assert "code_runner" not in failure.log  # only the user's frames


def test_syntax_error_and_missing_main():
    with pytest.raises(NodeFailed, match="SyntaxError"):
        run("def main(data)\n    return 1\n")
    with pytest.raises(NodeFailed, match=r"does not define a function main\(data\)"):
        run("x = 1\n")


@pytest.mark.parametrize("value", ["{1, 2}", "object()", "float('nan')"])
def test_a_return_value_that_is_not_json_fails(value):
    with pytest.raises(NodeFailed, match="not JSON") as info:
        run(f"def main(data):\n    return {value}\n")
    assert not info.value.retryable


def test_timeout_kills_the_process_group():
    # The child is found by a marker in its command line: in the sandbox, the pid the code
    # sees is one of its own PID namespace, not the host's.
    marker = "child-" + uuid.uuid4().hex
    # The child reports that it runs before the parent logs "child started", so the log
    # proves it was alive when the limit came; the limit is long enough for any machine to
    # get that far.
    with pytest.raises(NodeFailed, match=r"timed out after 15 s") as info:
        run(
            "import subprocess, sys, time\n"
            "def main(data):\n"
            "    child = subprocess.Popen([sys.executable, '-c', "
            "'import time; print(1, flush=True); time.sleep(600)', "
            f"{marker!r}], stdout=subprocess.PIPE)\n"
            "    child.stdout.readline()\n"
            "    print('child started', flush=True)\n"
            "    time.sleep(600)\n",
            timeout_seconds=15,
        )
    assert not info.value.retryable
    assert "child started" in info.value.log
    assert _all_gone(marker), "the code's own child process survived the timeout"


def _all_gone(marker: str) -> bool:
    deadline = time.monotonic() + 60  # they are gone when run() returns; this is a bound
    while time.monotonic() < deadline:
        if all(_gone(pid) for pid in processes_with(marker)):
            return True
        time.sleep(0.02)
    return False


def _gone(pid: int) -> bool:
    deadline = time.monotonic() + 60  # a killed process is gone at once; this is a bound
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    return True  # dead, waiting to be reaped by init
        except FileNotFoundError:
            return True
        time.sleep(0.02)
    return False


def test_memory_limit():
    with pytest.raises(NodeFailed, match="memory limit of 64 MB") as info:
        run("def main(data):\n    return len(bytearray(1024 ** 3))\n", memory_mb=64)
    assert not info.value.retryable


def test_a_killed_process_mentions_the_memory_limit():
    with pytest.raises(NodeFailed, match=r"SIGKILL \(memory limit 256 MB"):
        run("import os, signal\ndef main(data):\n    os.kill(os.getpid(), signal.SIGKILL)\n")


def test_exit_without_result():
    with pytest.raises(NodeFailed, match="exited with status 3"):
        run("import os\ndef main(data):\n    os._exit(3)\n")


def test_logs_are_capped():
    result = run(
        "import sys\n"
        "def main(data):\n"
        "    sys.stdout.write('o' * 200000)\n"
        "    sys.stderr.write('e' * 100)\n"
        "    return 'done'\n"
    )
    assert result.output == "done"
    assert result.log.count("o") <= LOG_CAP + 10
    assert f"[... {200000 - LOG_CAP} more bytes of stdout truncated]" in result.log
    assert "e" * 100 in result.log


def test_minimal_environment_and_a_fresh_working_directory():
    os.environ["PIPELINES_TEST_SECRET"] = "do-not-leak"
    scratch = f"scratch-{uuid.uuid4().hex}.txt"
    try:
        result = run(
            "import os\n"
            "def main(data):\n"
            f"    open({scratch!r}, 'w').write('x')\n"
            "    return {'env': sorted(os.environ), 'cwd': os.getcwd()}\n"
        )
    finally:
        del os.environ["PIPELINES_TEST_SECRET"]
    # In the sandbox also HOME and TMPDIR (its private /tmp) and bwrap's PWD.
    assert set(result.output["env"]) <= {"PATH", "LANG", "LC_CTYPE", "HOME", "TMPDIR", "PWD"}
    # Removed afterwards (unsandboxed), or never on the host (the sandbox's private /tmp).
    assert not os.path.exists(os.path.join(result.output["cwd"], scratch))


def test_installed_packages_can_be_imported():
    result = run("import jinja2\ndef main(data):\n    return jinja2.__name__\n")
    assert result.output == "jinja2"
