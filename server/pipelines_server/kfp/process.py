"""A KFP component task as a process: its executor input and command line (kfp.local's), its
environment, the sandbox around it, its log, its time limit, and the checks on what it left
in its folder (links removed, output sizes, artifacts inside the folder)."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import subprocess
import sys
from typing import TYPE_CHECKING

from ..isolation import sandbox as sandboxes
from . import driver
from .files import read_regular_tail
from .pip import installs_packages, strip_satisfied_pip
from .records import RUNNING, TaskRecord, is_artifact, local_path
from .workspaces import MOUNT_PATH, restore, shield, shield_inputs

if TYPE_CHECKING:
    from .dag import PipelineRun
    from .platform import TaskPlatform

MAX_OUTPUT_FILE_BYTES = 16 * 1024 * 1024  # one output parameter file, or the executor output
SANDBOX_PACKAGES = "/tmp/site-packages"  # a sandboxed task's pip installs (network allowed)
ENV_FILE = "/run/kfp/env.json"  # a task's variables with secrets, read before the uid drop


def execute(
    run: PipelineRun,
    rec: TaskRecord,
    display,
    component,
    container,
    arguments,
    extras: TaskPlatform | None = None,
):
    """Runs one component task of `run` as a process (in the sandbox when there is one), in
    its own folder: (ok, outputs, error). `extras`: what the pipeline's platform spec gives
    the task (kfp/platform.py: variables, secrets, volumes, the workspace)."""
    from kfp.local import executor_input_utils, executor_output_utils, placeholder_utils
    from kfp.local.subprocess_task_handler import replace_python_executable

    task_root = os.path.join(run.pipeline_root, run.run_id, rec.task_id)
    os.makedirs(task_root, exist_ok=True)
    executor_input = executor_input_utils.construct_executor_input(
        component_spec=component,
        arguments=arguments,
        task_root=task_root,
        block_input_artifact=False,
    )
    driver.drop_unset_parameters(executor_input)
    executor_input_dict = executor_input_utils.executor_input_to_dict(
        executor_input=executor_input, component_spec=component
    )
    command = placeholder_utils.replace_placeholders(
        full_command=shield(list(container.command) + list(container.args)),
        executor_input_dict=shield_inputs(executor_input_dict),
        pipeline_resource_name=run.resource_name,
        task_resource_name=display,
        pipeline_root=run.pipeline_root,
        unique_pipeline_id=run.unique_pipeline_id,
    )
    command = restore(command, (extras.workspace if extras else None) or MOUNT_PATH)
    if run.skip_satisfied_pip:
        command = strip_satisfied_pip(command)
    command = replace_python_executable(command, sys.executable)
    box = sandboxes.current()
    # Nothing of the server's environment (database URL, secret key) reaches the task:
    # PATH with the task's interpreter first (as inside its image), a locale, a home and
    # a temporary directory for pip and the executor, and the container's own variables.
    host_path = "/usr/local/bin:/usr/bin:/bin" if box.active else os.environ.get("PATH", "")
    env = {
        "PATH": os.path.dirname(sys.executable) + os.pathsep + (host_path or "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": task_root,
        "TMPDIR": "/tmp" if box.active else os.environ.get("TMPDIR", "/tmp"),
    }
    if box.active and not box.network:
        # No network: pip fails at once instead of retrying a lookup that cannot work.
        env.update(PIP_RETRIES="0", PIP_DISABLE_PIP_VERSION_CHECK="1")
    elif box.active:
        # The server's environment is read-only in the sandbox: what a component's pip
        # line installs goes to the sandbox's private /tmp and dies with it.
        env.update(PIP_TARGET=SANDBOX_PACKAGES, PYTHONPATH=SANDBOX_PACKAGES)
    own_env = {e.name: e.value for e in container.env}
    if extras is not None:
        own_env.update(extras.env)
        if extras.mounts and not box.active:
            return (
                False,
                {},
                "The task mounts a volume or secret at "
                + ", ".join(m.target for m in extras.mounts)
                + ", which needs the sandbox (PIPELINES_SANDBOX): without it there is no "
                "place of its own to mount it at",
            )
    no_network = box.active and not box.network and installs_packages(command)
    inputs = _input_paths(arguments)
    if run.input_allowed is not None:
        for path in inputs:
            if not run.input_allowed(os.path.realpath(path)):
                return (
                    False,
                    {},
                    (
                        f"An input artifact of this task ({path}) is not in a folder of a run "
                        "of this organization under the pipeline root; only artifacts that "
                        "runs wrote can be given to a task"
                    ),
                )
    # Without a sandbox, a guard process stands in for bwrap's --die-with-parent: the task
    # (and whatever it started) is killed when this process dies.
    secret_env = extras.secret_env if extras is not None else {}
    argv, popen_env, cwd = box.guard(command), {**env, **own_env, **secret_env}, task_root
    if box.active:
        # The task's own folder is its only writable place besides a private /tmp;
        # the files of its input artifacts are visible read-only, nothing else of the
        # pipeline root (other runs, other organizations) is. The component's own
        # variables are applied only after the drop to the sandbox's uid.
        shared = extras is not None and extras.shared_storage and run.platform is not None
        uid = run.platform.volumes.owner_uid if shared else box.new_uid()
        if uid is not None:
            os.chown(task_root, uid, uid)
        mounts = [(m.source, m.target, m.writable) for m in extras.mounts] if extras else []
        for _source, target, _writable in mounts:
            conflict = box.mount_conflict(target, [task_root, *inputs, ENV_FILE])
            if conflict:
                return False, {}, f"The task cannot mount a volume or secret: {conflict}"
        task_env: dict | str = own_env
        if secret_env:  # off the command line: a file the sandbox's first process reads
            path = run.platform.env_file(extras, {**own_env, **secret_env})
            mounts.append((path, ENV_FILE, False))
            task_env = "@" + ENV_FILE
        argv = box.wrap(
            box.exec_prefix(uid, run.task_memory_mb, task_env) + command,
            env=env,
            cwd=task_root,
            rw=[task_root],
            ro=inputs,
            mounts=mounts,
        )
        popen_env, cwd = {}, None
    log_path = os.path.join(task_root, "log.txt")
    rec.log_path = log_path
    with run.slots:
        if run.cancel.is_set():
            return False, {}, "The run was terminated"
        run._set(rec, RUNNING)
        try:
            log_fd = os.open(
                log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644
            )
        except OSError as exc:
            return False, {}, f"The task's log cannot be opened: {exc}"
        with os.fdopen(log_fd, "ab") as log_file:
            if rec.attempts > 1:
                log_file.write(f"\n--- attempt {rec.attempts} ---\n".encode())
            if no_network:
                log_file.write(f"[sandbox] {sandboxes.NETWORK_NOTE}.\n".encode())
            log_file.flush()
            # Started and registered under the lock terminate() takes: a process is
            # either never started or killed by it.
            with run._lock:
                if run.cancel.is_set():
                    return False, {}, "The run was terminated"
                proc = subprocess.Popen(  # noqa: S603 - the pipeline's own command, as kfp.local runs it
                    argv,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=popen_env,
                    cwd=cwd,
                    start_new_session=True,
                )
                run._procs.add(proc)
            try:
                code = proc.wait(timeout=run.task_timeout)
            except subprocess.TimeoutExpired:
                box.kill(proc)
                proc.wait()
                return (
                    False,
                    {},
                    f"The task ran longer than {run.task_timeout:g} s and was stopped",
                )
            finally:
                with run._lock:
                    run._procs.discard(proc)
                # The sandbox is gone (its init's exit is reported only once every
                # process in it is), so nothing changes the folder from here on.
                removed = _scrub(task_root)
                if removed:
                    log_file.write(
                        (
                            "[sandbox] removed from the task's folder (links and special "
                            "files are never read): " + ", ".join(removed[:20]) + "\n"
                        ).encode()
                    )
    if run.cancel.is_set():
        return False, {}, "The run was terminated"
    if code != 0:
        message = _failure_message(code, log_path)
        if no_network:
            message += f"\n({sandboxes.NETWORK_NOTE}.)"
        return False, {}, message
    too_large = _oversized_outputs(executor_input)
    if too_large:
        return False, {}, too_large
    try:
        outputs = executor_output_utils.get_outputs_for_task(
            executor_input=executor_input, component_spec=component
        )
    except Exception as exc:  # noqa: BLE001 - a component that wrote no usable output
        return False, {}, f"Reading the task's outputs failed: {exc}"
    outside = _artifacts_outside(outputs, task_root)
    if outside:
        return (
            False,
            {},
            (
                f"An output artifact of this task points outside its folder ({outside}); "
                "a task's artifacts must be files it wrote in its own folder"
            ),
        )
    return True, outputs, None


def _input_paths(arguments: dict) -> list[str]:
    """The local files (or folders) of a task's input artifacts."""
    paths = []
    for value in arguments.values():
        if is_artifact(value):
            for art in value if isinstance(value, list) else [value]:
                path = local_path(art.uri or "")
                if path:
                    paths.append(os.path.normpath(path))
    return paths


def _scrub(task_root: str) -> list[str]:
    """Removes from a finished task's folder what the server must never follow or read:
    symbolic links, hard links shared with other files, and anything neither a regular file
    nor a folder (fifos, sockets, devices). The server reads this folder as its own user
    after the task (outputs, the log, artifacts for the API and for later tasks), so a link
    planted there would make it read, or write, what the link names. Returns the removed
    entries' paths relative to the folder."""
    removed: list[str] = []
    for folder, dirs, files in os.walk(task_root, followlinks=False):
        for name in dirs + files:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                continue
            if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
                continue
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed.append(os.path.relpath(path, task_root))
    return removed


def _oversized_outputs(executor_input) -> str | None:
    """Why the task's output files are too large to read (None when they are not): the
    executor output and each output parameter's file are read whole into memory."""
    files = [executor_input.outputs.output_file] + [
        p.output_file for p in executor_input.outputs.parameters.values()
    ]
    for path in files:
        try:
            size = os.lstat(path).st_size
        except OSError:
            continue
        if size > MAX_OUTPUT_FILE_BYTES:
            return (
                f"The task wrote {os.path.basename(path)} of {size} bytes; output parameters "
                f"and the executor output are read up to {MAX_OUTPUT_FILE_BYTES} bytes "
                "(pass large data as an artifact)"
            )
    return None


def _artifacts_outside(outputs: dict, task_root: str) -> str | None:
    """The first local output artifact path that is not inside `task_root`, if any."""
    root = os.path.realpath(task_root)
    for value in outputs.values():
        if not is_artifact(value):
            continue
        for art in value if isinstance(value, list) else [value]:
            path = local_path(art.uri or "")
            if path and not os.path.realpath(path).startswith(root + os.sep):
                return path
    return None


def _failure_message(code: int, log_path: str) -> str:
    """The exception line first (what a reader wants), then the end of the log."""
    tail = _tail(log_path)
    lines = [line for line in tail.splitlines() if line.strip()]
    last = next(
        (
            line.strip()
            for line in reversed(lines)
            if re.match(r"^\s*\w[\w.]*(Error|Exception)\b", line)
        ),
        "",
    )
    head = f"{last} " if last else ""
    return f"{head}(the component exited with code {code}). Log tail:\n{tail}"


def _tail(path: str, lines: int = 15, limit: int = 4000) -> str:
    try:
        data = read_regular_tail(path, 64_000)
    except OSError:
        return ""
    if data is None:
        return ""
    text = data.decode("utf-8", "replace")
    return "\n".join(text.strip().splitlines()[-lines:])[-limit:]
