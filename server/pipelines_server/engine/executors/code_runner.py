"""Runs inside a code node's subprocess (`python -I -S code_runner.py RESULT_FD`).

Reads one JSON job from stdin: {"source", "data", "memory_mb", "paths", "sandbox"}. In a
sandbox ({"uid", "nproc"}), it first drops to the sandbox's own uid (when the server runs as
root; bwrap kept CAP_SETUID/CAP_SETGID for this one step) and sets the process limit
(RLIMIT_NPROC, which root would ignore). It applies the memory limit, runs the source, calls
`main(data)`, and writes one JSON result to the file descriptor RESULT_FD:
{"ok": true, "value": ...} or {"ok": false, "error": "...", "kind": ...}.
stdout and stderr are left to the user's code: they are the node's log. Only the standard
library is imported here, and as little of it as possible, because this file runs once per
code node and its start-up time is the node's overhead.
"""

import json
import os
import resource
import sys

FILENAME = "<node>"


def _limit_memory(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file behind


def _enter_sandbox(box: dict) -> None:
    uid = box.get("uid")
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # and with it every capability is gone
    nproc = int(box.get("nproc") or 0)
    if nproc > 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))


def _print_user_traceback(exc: BaseException) -> None:
    """The traceback from the first frame of the user's code on (the runner's own frames are
    noise to whoever reads the node's log)."""
    import traceback

    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != FILENAME:
        tb = tb.tb_next
    sys.stderr.write("".join(traceback.format_exception(type(exc), exc, tb)))
    sys.stderr.flush()


def _failure(kind: str, error: str) -> str:
    return json.dumps({"ok": False, "kind": kind, "error": error})


def _run(job: dict) -> str:
    """The encoded result of running the job."""
    source = job["source"]
    import linecache

    # Tracebacks then show the lines of the user's code.
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    namespace = {"__name__": "__node__", "__builtins__": __builtins__}
    try:
        exec(compile(source, FILENAME, "exec"), namespace)
        main = namespace.get("main")
        if not callable(main):
            return _failure("error", "the code does not define a function main(data)")
        value = main(job["data"])
    except MemoryError:
        return _failure("memory", "MemoryError")
    except BaseException as exc:  # SystemExit from the user's code is a failure too
        _print_user_traceback(exc)
        return _failure("error", _describe(exc))
    try:
        encoded = json.dumps(value, allow_nan=False)
    except MemoryError:
        return _failure("memory", "MemoryError")
    except (TypeError, ValueError, RecursionError) as exc:
        return _failure("result", f"main() returned a value that is not JSON: {exc}")
    return '{"ok": true, "value": ' + encoded + "}"


def _describe(exc: BaseException) -> str:
    text = str(exc)
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def main() -> int:
    result_fd = int(sys.argv[1])
    job = json.loads(sys.stdin.buffer.read())
    sys.stdin.close()  # the code reads nothing from the engine
    if job.get("sandbox"):
        _enter_sandbox(job["sandbox"])
    sys.path[:] = [p for p in sys.path if p] + list(job.get("paths") or [])
    _limit_memory(int(job["memory_mb"]))
    try:
        encoded = _run(job).encode()
    except MemoryError:
        encoded = b'{"ok": false, "kind": "memory", "error": "MemoryError"}'
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # the user's code may have closed or replaced them
        pass
    _write(result_fd, encoded)
    os.close(result_fd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
