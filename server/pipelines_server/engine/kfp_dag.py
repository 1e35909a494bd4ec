"""Run a compiled KFP pipeline (the IR `kfp.compiler.Compiler` writes), task by task.

What a task *does* is kfp.local's: its executor input, placeholder substitution, python
executable swap, output reading, importer and the control-flow helpers (conditions, loop
iteration specs, nested DAG arguments, IOStore) are kfp.local's own functions, so a
lightweight component runs here exactly as `kfp.local.SubprocessRunner` runs it. What
differs is the orchestration, which is ours:

- independent tasks run in parallel (kfp.local walks one topological order), bounded by
  `max_parallel` concurrent processes;
- every task (root DAG, nested DAGs, loop iterations, condition branches, components)
  gets a record with its state, times, parameters, artifacts, error and log file, reported
  through `on_change` as it moves, so a run's task details are readable while it runs;
- each task writes under its own folder `<pipeline_root>/<run_id>/<task_id>` (kfp.local
  keys folders by component name, so two iterations of one component would share one);
- each component process runs in the sandbox (isolation/sandbox.py: no server files, no
  server environment, no network unless allowed, its own task folder the only writable
  place, its input artifacts read-only), where kfp.local runs it as the user's own process;
- `cancel` stops the run: no new task starts and running processes are killed, each with
  every process of its sandbox;
- caching by a fingerprint of what upstream keys its cache on (image, command, arguments,
  output names), through the `cache` object;
- a container component, which needs a container runtime this server does not have,
  fails its task with a message that says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import queue
import re
import shlex
import stat
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..isolation import sandbox as sandboxes

log = logging.getLogger(__name__)

SUCCEEDED, FAILED, SKIPPED, CANCELED = "SUCCEEDED", "FAILED", "SKIPPED", "CANCELED"
RUNNING, PENDING = "RUNNING", "PENDING"
CONTAINER_MESSAGE = (
    "Task {task!r} is a container component (image {image!r}); running it needs a container "
    "runtime, which this server does not have. Only lightweight Python components "
    "(@dsl.component) run here."
)


MAX_OUTPUT_FILE_BYTES = 16 * 1024 * 1024  # one output parameter file, or the executor output
SANDBOX_PACKAGES = "/tmp/site-packages"  # a sandboxed task's pip installs (network allowed)


class RunCanceled(Exception):
    pass


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class TaskRecord:
    task_id: str
    display_name: str
    parent_task_id: str | None
    kind: str  # root | dag | condition | loop | iteration | component | importer | exit
    state: str = PENDING
    create_time: str = field(default_factory=now)
    start_time: str | None = None
    end_time: str | None = None
    error: str | None = None
    input_parameters: dict = field(default_factory=dict)
    output_parameters: dict = field(default_factory=dict)
    input_artifacts: dict = field(default_factory=dict)  # name -> [artifact dict]
    output_artifacts: dict = field(default_factory=dict)
    child_task_ids: list = field(default_factory=list)
    log_path: str | None = None
    cached: bool = False
    attempts: int = 0
    state_history: list = field(default_factory=list)

    def as_dict(self) -> dict:
        """A copy to store (JSON-safe, detached from what running threads still change)."""
        return storable(json.loads(json.dumps(self.__dict__, default=repr)))


def storable(value: Any) -> Any:
    """What every database can keep: no NUL in strings (PostgreSQL refuses them in text and
    JSONB) and no NaN or infinities (JSON has none; a metric can be one): those become
    strings."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return repr(value)
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
    return value


def _json_safe(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def artifact_dict(art: Any) -> dict:
    """A dsl.Artifact as plain data (its file stays where the task wrote it)."""
    return {
        "artifact_id": getattr(art, "_artifact_id", None) or _artifact_id(art.uri),
        "name": art.name,
        "type": art.schema_title,
        "uri": art.uri,
        "path": _local_path(art.uri),
        "metadata": _json_safe(dict(art.metadata or {})),
    }


def _artifact_id(uri: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))


def _local_path(uri: str) -> str | None:
    """Where a local artifact's file is (kfp.local gives them their path as URI)."""
    return uri if uri.startswith("/") else None


def split_values(values: dict) -> tuple[dict, dict]:
    """(parameters, artifacts) of a task's inputs or outputs: parameters as JSON data,
    artifacts as lists of plain artifact records."""
    params, arts = {}, {}
    for key, value in values.items():
        if _is_artifact(value):
            arts[key] = [artifact_dict(a) for a in (value if isinstance(value, list) else [value])]
        else:
            params[key] = _json_safe(value)
    return params, arts


def _artifacts_from_dicts(items: list[dict], many: bool) -> Any:
    from kfp.dsl import executor

    arts = [
        executor.create_artifact_instance(
            {
                "name": d["name"],
                "uri": d["uri"],
                "metadata": d.get("metadata") or {},
                "type": {"schemaTitle": d["type"]},
            }
        )
        for d in items
    ]
    return arts if many else arts[0]


# -- pip: a component's requirements that are already installed need no pip run --------

_PIP_LINE = re.compile(r"python3 -m pip install (?P<args>[^\n]*?)&& \"\$0\" \"\$@\"")


def _pip_satisfied(script: str) -> bool:
    """True when every requirement the component's pip line names is already installed
    in this interpreter (then running pip would only print 'already satisfied')."""
    from importlib import metadata

    from packaging.requirements import InvalidRequirement, Requirement

    m = _PIP_LINE.search(script)
    if not m:
        return False
    try:
        words = shlex.split(m.group("args"))
    except ValueError:
        return False
    for word in words:
        if word.startswith("-"):
            if word in ("--quiet", "--no-warn-script-location", "--no-deps", "-q"):
                continue
            return False  # an index, a find-links, an editable...: let pip do it
        try:
            req = Requirement(word)
        except InvalidRequirement:
            return False
        if req.marker is not None and not req.marker.evaluate():
            continue
        if req.url:
            return False
        try:
            installed = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            return False
        if req.specifier and not req.specifier.contains(installed, prereleases=True):
            return False
    return True


def strip_satisfied_pip(command: list[str]) -> list[str]:
    """`sh -c <pip install ...; "$0" "$@"> sh -ec <program> ...` runs its tail after pip;
    when pip has nothing to install, run the tail directly."""
    if (
        len(command) > 3
        and command[0] == "sh"
        and command[1] == "-c"
        and "pip install" in command[2]
        and _pip_satisfied(command[2])
    ):
        return command[3:]
    return command


# -- the run ---------------------------------------------------------------------------


class Cache:
    """Where task outputs are kept by fingerprint (the server keeps them in its database).

    `shared` is the task's caching option: a shared entry serves other runs (upstream's
    cache); every entry also serves this run's own resumption (a retry, a lost server)."""

    def get(self, key: str, shared: bool) -> dict | None:  # pragma: no cover - interface
        return None

    def put(self, key: str, value: dict, shared: bool) -> None:  # pragma: no cover - interface
        return None


@dataclass
class RunResult:
    state: str
    outputs: dict
    error: str | None


class PipelineRun:
    def __init__(
        self,
        ir: dict,
        *,
        run_id: str,
        pipeline_root: str,
        arguments: dict | None = None,
        on_change: Callable[[TaskRecord], None] | None = None,
        cache: Cache | None = None,
        max_parallel: int = 4,
        skip_satisfied_pip: bool = True,
        task_timeout: float | None = None,
        task_memory_mb: int = 0,
        input_allowed: Callable[[str], bool] | None = None,
    ):
        from google.protobuf import json_format
        from kfp.local import utils as local_utils
        from kfp.pipeline_spec import pipeline_spec_pb2

        self.spec = pipeline_spec_pb2.PipelineSpec()
        json_format.ParseDict(ir, self.spec, ignore_unknown_fields=True)
        self.executors = {
            name: local_utils.struct_to_executor_spec(ex)
            for name, ex in self.spec.deployment_spec["executors"].items()
        }
        self.components = dict(self.spec.components.items())
        self.run_id = run_id
        self.pipeline_root = os.path.abspath(pipeline_root)
        self.arguments = dict(arguments or {})
        self.on_change = on_change or (lambda record: None)
        self.cache = cache
        # Decides whether a task may be given a local input artifact (its real path): the
        # server allows only folders of its organization's runs (None: anything, for tests
        # that run a pipeline by itself).
        self.input_allowed = input_allowed
        self.slots = threading.BoundedSemaphore(max(1, max_parallel))
        self.skip_satisfied_pip = skip_satisfied_pip
        self.task_timeout = task_timeout
        self.task_memory_mb = task_memory_mb  # RLIMIT_AS of a sandboxed task; 0: none
        self.cancel = threading.Event()
        self.records: dict[str, TaskRecord] = {}
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen] = set()
        self.unique_pipeline_id = uuid.uuid4().hex[:8]
        self.resource_name = f"{self.spec.pipeline_info.name}-{run_id[:8]}"

    # -- records --

    def _new(self, name: str, parent: TaskRecord | None, kind: str) -> TaskRecord:
        rec = TaskRecord(
            task_id=uuid.uuid4().hex[:20],
            display_name=name,
            parent_task_id=parent.task_id if parent else None,
            kind=kind,
        )
        with self._lock:
            self.records[rec.task_id] = rec
            if parent is not None:
                parent.child_task_ids.append(rec.task_id)
        self.on_change(rec)
        if parent is not None:
            self.on_change(parent)
        return rec

    def _set(self, rec: TaskRecord, state: str, error: str | None = None) -> None:
        if state != rec.state or not rec.state_history:
            rec.state_history = [*rec.state_history, {"update_time": now(), "state": state}]
        rec.state = state
        if state == RUNNING and rec.start_time is None:
            rec.start_time = now()
        if state in (SUCCEEDED, FAILED, SKIPPED, CANCELED):
            rec.end_time = now()
            if rec.start_time is None and state != SKIPPED:
                rec.start_time = rec.end_time
        if error:
            rec.error = error
        self.on_change(rec)

    # -- entry --

    def run(self) -> RunResult:
        root = self._new(self.spec.pipeline_info.name, None, "root")
        self._set(root, RUNNING)
        root.input_parameters = {k: _json_safe(v) for k, v in self.arguments.items()}
        try:
            outputs, ok = self._run_dag(self.spec.root, self.arguments, None, root)
        except RunCanceled:
            self._set(root, CANCELED, "The run was terminated")
            return RunResult(CANCELED, {}, "The run was terminated")
        except Exception as exc:  # a malformed IR, an unresolvable input
            log.exception("KFP run %s failed", self.run_id)
            self._set(root, FAILED, f"{type(exc).__name__}: {exc}")
            return RunResult(FAILED, {}, root.error)
        if self.cancel.is_set():
            self._set(root, CANCELED, "The run was terminated")
            return RunResult(CANCELED, {}, "The run was terminated")
        if not ok:
            failed = [r.display_name for r in self.records.values() if r.state == FAILED]
            msg = "Task(s) failed: " + ", ".join(failed) if failed else "The run failed"
            first = next(
                (
                    r.error
                    for r in self.records.values()
                    if r.state == FAILED and r.error and r.kind in ("component", "importer")
                ),
                None,
            )
            if first:
                msg += f". {first}"
            self._set(root, FAILED, msg)
            return RunResult(FAILED, {}, msg)
        params, arts = split_values(outputs)
        root.output_parameters, root.output_artifacts = params, arts
        self._set(root, SUCCEEDED)
        return RunResult(SUCCEEDED, outputs, None)

    def terminate(self) -> None:
        with self._lock:
            self.cancel.set()
            procs = list(self._procs)
        box = sandboxes.current()
        for proc in procs:  # the sandbox and every process in it (setsid() ones too)
            box.kill(proc)

    # -- DAGs --

    def _run_dag(self, dag_component, arguments, parent_store, rec: TaskRecord):
        from kfp.local import io
        from kfp.local.orchestrator.enhanced_dag_orchestrator import (
            ConditionEvaluator,
            _has_task_final_status_input,
            _has_valid_iterator,
        )
        from kfp.local.orchestrator.orchestrator_utils import OrchestratorUtils
        from kfp.pipeline_spec import pipeline_spec_pb2

        strategy = pipeline_spec_pb2.PipelineTaskSpec.TriggerPolicy.TriggerStrategy
        args = OrchestratorUtils.join_user_inputs_and_defaults(
            dag_arguments=arguments, dag_inputs_spec=dag_component.input_definitions
        )
        store = io.IOStore(parent=parent_store)
        for k, v in args.items():
            store.put_parent_input(k, v)

        tasks = dict(dag_component.dag.tasks.items())
        exit_names = {
            n
            for n, t in tasks.items()
            if t.trigger_policy.strategy == strategy.ALL_UPSTREAM_TASKS_COMPLETED
            and _has_task_final_status_input(t)
        }
        body = {n: t for n, t in tasks.items() if n not in exit_names}
        done: dict[str, str] = {}  # task name -> SUCCEEDED | FAILED | SKIPPED | CANCELED
        results: queue.Queue = queue.Queue()
        running = 0
        evaluator = ConditionEvaluator()

        def ready(name: str) -> bool:
            return all(d in done or d not in tasks for d in tasks[name].dependent_tasks)

        def launch(name: str, spec) -> None:
            nonlocal running
            running += 1
            threading.Thread(
                target=self._task_thread,
                args=(name, spec, store, rec, results, _has_valid_iterator(spec)),
                daemon=True,
                name=f"kfp-{self.run_id[:8]}-{name}",
            ).start()

        def settle(name: str, state: str, outputs: dict) -> None:
            done[name] = state
            store.put_task_status(name, SUCCEEDED if state in (SUCCEEDED, SKIPPED) else FAILED)
            if state == SUCCEEDED:
                for key, value in outputs.items():
                    store.put_task_output(name, key, value)

        def schedule(names: dict) -> None:
            nonlocal running
            waiting = dict(names)
            while waiting or running:
                for name in [n for n in waiting if ready(n)]:
                    spec = waiting.pop(name)
                    failed = [d for d in spec.dependent_tasks if done.get(d) in (FAILED, CANCELED)]
                    if self.cancel.is_set():
                        settle(name, CANCELED, {})
                        continue
                    if (
                        failed
                        and spec.trigger_policy.strategy != strategy.ALL_UPSTREAM_TASKS_COMPLETED
                    ):
                        skipped = self._new(spec.task_info.name or name, rec, "component")
                        self._set(skipped, SKIPPED, f"Upstream task(s) {sorted(failed)} failed")
                        settle(name, FAILED, {})  # its dependants do not run either
                        continue
                    if spec.trigger_policy.condition:
                        try:
                            go = evaluator.evaluate_condition(spec.trigger_policy.condition, store)
                        except Exception:  # noqa: BLE001 - kfp.local treats this as false
                            go = False
                        if not go:
                            skipped = self._new(spec.task_info.name or name, rec, "condition")
                            self._set(skipped, SKIPPED, None)
                            settle(name, SKIPPED, {})
                            continue
                    launch(name, spec)
                if running:
                    name, state, outputs = results.get()
                    running -= 1
                    settle(name, state, outputs)
                elif waiting:  # nothing runs and nothing is ready: a cycle or a missing task
                    raise ValueError(f"Tasks {sorted(waiting)} can never become ready")

        schedule(body)
        if exit_names:
            schedule({n: tasks[n] for n in exit_names})
        if self.cancel.is_set():
            raise RunCanceled()
        ok = all(s != FAILED for s in done.values())
        if not ok:
            return {}, False
        try:
            outputs = OrchestratorUtils.get_dag_outputs(
                dag_outputs_spec=dag_component.dag.outputs, io_store=store
            )
        except ValueError as exc:
            rec.error = str(exc)
            return {}, False
        return outputs, True

    def _task_thread(self, name, spec, store, parent, results, is_loop) -> None:
        try:
            if is_loop:
                state, outputs = self._run_loop(name, spec, store, parent)
            else:
                state, outputs = self._run_task(name, spec, store, parent)
        except RunCanceled:
            state, outputs = CANCELED, {}
        except Exception as exc:  # noqa: BLE001 - one task's failure is the task's
            log.exception("KFP task %s failed", name)
            rec = self._new(spec.task_info.name or name, parent, "component")
            self._set(rec, FAILED, f"{type(exc).__name__}: {exc}")
            state, outputs = FAILED, {}
        results.put((name, state, outputs))

    def _run_task(self, name, spec, store, parent, display=None):
        from kfp.local.orchestrator import task_spec_utils
        from kfp.local.orchestrator.orchestrator_utils import OrchestratorUtils

        component = self.components[spec.component_ref.name]
        display = display or spec.task_info.name or name
        if component.WhichOneof("implementation") == "dag":
            kind = "condition" if spec.trigger_policy.condition else "dag"
            if name.startswith("exit-handler"):
                kind = "exit"
            rec = self._new(display, parent, kind)
            self._set(rec, RUNNING)
            arguments = task_spec_utils.build_nested_dag_arguments(
                task_name=name, task_spec=spec, component_spec=component, io_store=store
            )
            rec.input_parameters = split_values(arguments)[0]
            outputs, ok = self._run_dag(component, arguments, store, rec)
            if not ok:
                self._set(rec, FAILED, rec.error or "A task inside failed")
                return FAILED, {}
            rec.output_parameters, rec.output_artifacts = split_values(outputs)
            self._set(rec, SUCCEEDED)
            return SUCCEEDED, outputs
        arguments = OrchestratorUtils.make_task_arguments(
            task_inputs_spec=spec.inputs, io_store=store
        )
        return self._run_component(name, display, spec, component, arguments, parent)

    def _run_loop(self, name, spec, store, parent):
        from kfp.local.orchestrator import task_spec_utils

        rec = self._new(spec.task_info.name or name, parent, "loop")
        self._set(rec, RUNNING)
        iterator = spec.WhichOneof("iterator")
        artifact_input = None
        limit = spec.iterator_policy.parallelism_limit if spec.HasField("iterator_policy") else 0
        if iterator == "parameter_iterator":
            items_spec = spec.parameter_iterator.items
            if items_spec.HasField("raw"):
                items = json.loads(items_spec.raw)
            else:
                items = _loop_items(items_spec.input_parameter, store)
        else:
            items, artifact_input, limit = task_spec_utils.get_artifact_iterator_items(
                spec, store, name
            )
        rec.input_parameters = {"items": _json_safe(items)}
        gate = threading.BoundedSemaphore(limit) if limit and limit > 0 else None
        results: queue.Queue = queue.Queue()
        for i, item in enumerate(items):
            if artifact_input is not None:
                it_spec = task_spec_utils.create_artifact_loop_iteration_task_spec(
                    spec, i, name, artifact_input
                )
                store.put_parent_input(f"{artifact_input}-iteration-{i}", item)
            else:
                it_spec = task_spec_utils.create_parameter_loop_iteration_task_spec(
                    spec, item, name
                )
            threading.Thread(
                target=self._iteration,
                args=(i, f"{name}-iteration-{i}", it_spec, store, rec, results, gate),
                daemon=True,
            ).start()
        by_index: dict[int, tuple[str, dict]] = {}
        for _ in items:
            i, state, outputs = results.get()
            by_index[i] = (state, outputs)
        if self.cancel.is_set():
            raise RunCanceled()
        if any(state != SUCCEEDED for state, _ in by_index.values()):
            self._set(rec, FAILED, "An iteration failed")
            return FAILED, {}
        aggregated: dict[str, list] = {}
        for i in range(len(items)):
            for key, value in by_index[i][1].items():
                aggregated.setdefault(key, [None] * len(items))[i] = value
        rec.output_parameters, rec.output_artifacts = split_values(aggregated)
        self._set(rec, SUCCEEDED)
        return SUCCEEDED, aggregated

    def _iteration(self, i, name, spec, store, parent, results, gate) -> None:
        try:
            with gate or contextlib.nullcontext():
                if self.cancel.is_set():
                    raise RunCanceled()
                state, outputs = self._run_task(
                    name, spec, store, parent, display=f"{parent.display_name}-{i}"
                )
        except RunCanceled:
            state, outputs = CANCELED, {}
        except Exception as exc:  # noqa: BLE001
            log.exception("KFP iteration %s failed", name)
            rec = self._new(name, parent, "iteration")
            self._set(rec, FAILED, f"{type(exc).__name__}: {exc}")
            state, outputs = FAILED, {}
        results.put((i, state, outputs))

    # -- components --

    def _run_component(self, name, display, spec, component, arguments, parent):
        from kfp.local import importer_handler

        rec = self._new(display, parent, "component")
        executor = self.executors[component.executor_label]
        which = executor.WhichOneof("spec")
        rec.input_parameters, rec.input_artifacts = split_values(arguments)
        if self.cancel.is_set():
            self._set(rec, CANCELED)
            raise RunCanceled()
        if which == "importer":
            rec.kind = "importer"
            self._set(rec, RUNNING)
            outputs, status = importer_handler.run_importer(
                pipeline_resource_name=self.resource_name,
                component_name=spec.component_ref.name,
                component_spec=component,
                executor_spec=executor,
                arguments=arguments,
                pipeline_root=self.pipeline_root,
                unique_pipeline_id=self.unique_pipeline_id,
            )
            return self._finish(rec, outputs, status.name == "SUCCESS", "The importer failed")
        container = executor.container
        full_command = list(container.command) + list(container.args)
        from kfp.dsl import component_factory

        if not any(component_factory.EXECUTOR_MODULE in part for part in full_command) or (
            full_command[: len(component_factory.CONTAINERIZED_PYTHON_COMPONENT_COMMAND)]
            == component_factory.CONTAINERIZED_PYTHON_COMPONENT_COMMAND
        ):
            self._set(rec, FAILED, CONTAINER_MESSAGE.format(task=display, image=container.image))
            return FAILED, {}

        enable_cache = spec.caching_options.enable_cache
        key = None
        if self.cache is not None:
            key = fingerprint(container, arguments, component, spec.caching_options.cache_key)
            hit = self.cache.get(key, shared=enable_cache)
            if hit is not None:
                outputs = _outputs_from_cache(hit, component)
                if outputs is not None:
                    rec.cached = True
                    self._set(rec, RUNNING)
                    return self._finish(rec, outputs, True, None)

        retry = spec.retry_policy
        attempts = max(0, retry.max_retry_count) + 1
        backoff = retry.backoff_duration.seconds if retry.HasField("backoff_duration") else 0
        factor = retry.backoff_factor if retry.backoff_factor > 0 else 2.0
        cap = retry.backoff_max_duration.seconds if retry.HasField("backoff_max_duration") else 3600
        ok, outputs, error = False, {}, None
        for attempt in range(attempts):
            rec.attempts = attempt + 1
            ok, outputs, error = self._execute(
                rec, name, display, spec, component, container, arguments
            )
            if ok or self.cancel.is_set() or attempt + 1 >= attempts:
                break
            delay = min(backoff * (factor**attempt), cap)
            if self.cancel.wait(delay):
                break
        if self.cancel.is_set() and not ok:
            self._set(rec, CANCELED, "The run was terminated")
            raise RunCanceled()
        if ok and key is not None:
            params, arts = split_values(outputs)
            with contextlib.suppress(Exception):
                self.cache.put(key, {"parameters": params, "artifacts": arts}, shared=enable_cache)
        return self._finish(rec, outputs, ok, error)

    def _finish(self, rec, outputs, ok, error):
        if not ok:
            self._set(rec, FAILED, error or "The task failed")
            return FAILED, {}
        rec.output_parameters, rec.output_artifacts = split_values(outputs)
        self._set(rec, SUCCEEDED)
        return SUCCEEDED, outputs

    def _execute(self, rec, name, display, spec, component, container, arguments):
        from kfp.local import executor_input_utils, executor_output_utils, placeholder_utils
        from kfp.local.subprocess_task_handler import replace_python_executable

        task_root = os.path.join(self.pipeline_root, self.run_id, rec.task_id)
        os.makedirs(task_root, exist_ok=True)
        executor_input = executor_input_utils.construct_executor_input(
            component_spec=component,
            arguments=arguments,
            task_root=task_root,
            block_input_artifact=False,
        )
        executor_input_dict = executor_input_utils.executor_input_to_dict(
            executor_input=executor_input, component_spec=component
        )
        command = placeholder_utils.replace_placeholders(
            full_command=list(container.command) + list(container.args),
            executor_input_dict=executor_input_dict,
            pipeline_resource_name=self.resource_name,
            task_resource_name=display,
            pipeline_root=self.pipeline_root,
            unique_pipeline_id=self.unique_pipeline_id,
        )
        if self.skip_satisfied_pip:
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
        no_network = box.active and not box.network and _installs_packages(command)
        inputs = _input_paths(arguments)
        if self.input_allowed is not None:
            for path in inputs:
                if not self.input_allowed(os.path.realpath(path)):
                    return (
                        False,
                        {},
                        (
                            f"An input artifact of this task ({path}) is not in a folder of a run "
                            "of this organization under the pipeline root; only artifacts that "
                            "runs wrote can be given to a task"
                        ),
                    )
        argv, popen_env, cwd = command, {**env, **own_env}, task_root
        if box.active:
            # The task's own folder is its only writable place besides a private /tmp;
            # the files of its input artifacts are visible read-only, nothing else of the
            # pipeline root (other runs, other organizations) is. The component's own
            # variables are applied only after the drop to the sandbox's uid.
            uid = box.new_uid()
            if uid is not None:
                os.chown(task_root, uid, uid)
            argv = box.wrap(
                box.exec_prefix(uid, self.task_memory_mb, own_env) + command,
                env=env,
                cwd=task_root,
                rw=[task_root],
                ro=inputs,
            )
            popen_env, cwd = {}, None
        log_path = os.path.join(task_root, "log.txt")
        rec.log_path = log_path
        with self.slots:
            if self.cancel.is_set():
                return False, {}, "The run was terminated"
            self._set(rec, RUNNING)
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
                with self._lock:
                    if self.cancel.is_set():
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
                    self._procs.add(proc)
                try:
                    code = proc.wait(timeout=self.task_timeout)
                except subprocess.TimeoutExpired:
                    box.kill(proc)
                    proc.wait()
                    return (
                        False,
                        {},
                        f"The task ran longer than {self.task_timeout:g} s and was stopped",
                    )
                finally:
                    with self._lock:
                        self._procs.discard(proc)
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
        if self.cancel.is_set():
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


def _is_artifact(value: Any) -> bool:
    from kfp import dsl

    if isinstance(value, list):
        return bool(value) and all(isinstance(v, dsl.Artifact) for v in value)
    return isinstance(value, dsl.Artifact)


def _input_paths(arguments: dict) -> list[str]:
    """The local files (or folders) of a task's input artifacts."""
    paths = []
    for value in arguments.values():
        if _is_artifact(value):
            for art in value if isinstance(value, list) else [value]:
                path = _local_path(art.uri or "")
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
        if not _is_artifact(value):
            continue
        for art in value if isinstance(value, list) else [value]:
            path = _local_path(art.uri or "")
            if path and not os.path.realpath(path).startswith(root + os.sep):
                return path
    return None


def _installs_packages(command: list[str]) -> bool:
    return any("pip install" in part or "pip', 'install" in part for part in command)


def _loop_items(param_name: str, store) -> Any:
    """The items a ParallelFor iterates over, as kfp.local resolves them."""
    if param_name.startswith("pipelinechannel--"):
        actual = param_name.replace("pipelinechannel--", "").replace("-loop-item", "")
        if "-Output" in actual:
            return store.get_task_output(actual.split("-Output")[0], "Output")
        try:
            return store.get_parent_input(actual)
        except ValueError:
            return store.get_parent_input(f"pipelinechannel--{actual}")
    return store.get_parent_input(param_name)


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
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return ""
    try:
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return ""
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 64_000))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])[-limit:]


def fingerprint(container, arguments: dict, component, custom_key: str = "") -> str:
    """The cache key: what upstream's CacheKey holds (container image and command line,
    input parameter values, input artifacts, output artifact and parameter names)."""
    params, arts = {}, {}
    for key, value in arguments.items():
        if _is_artifact(value):
            values = value if isinstance(value, list) else [value]
            arts[key] = [a.uri for a in values]
        else:
            params[key] = value
    key = {
        "image": container.image,
        "cmd_args": list(container.command) + list(container.args),
        "input_parameter_values": params,
        "input_artifact_uris": arts,
        "output_artifacts": sorted(component.output_definitions.artifacts.keys()),
        "output_parameters": sorted(component.output_definitions.parameters.keys()),
        "custom": custom_key or "",
    }
    blob = json.dumps(key, sort_keys=True, default=repr).encode()
    return hashlib.sha256(blob).hexdigest()


def _outputs_from_cache(hit: dict, component) -> dict | None:
    outputs: dict = dict(hit.get("parameters") or {})
    for key, items in (hit.get("artifacts") or {}).items():
        if any(not os.path.exists(d.get("path") or "") for d in items):
            return None  # the cached files are gone: run again
        spec = component.output_definitions.artifacts.get(key)
        outputs[key] = _artifacts_from_dicts(items, bool(spec and spec.is_artifact_list))
    return outputs


def check_ir(ir: dict) -> str | None:
    """Why this IR cannot run here (None when it can be parsed and every task resolves)."""
    from google.protobuf import json_format
    from kfp.pipeline_spec import pipeline_spec_pb2

    spec = pipeline_spec_pb2.PipelineSpec()
    try:
        json_format.ParseDict(ir, spec, ignore_unknown_fields=True)
    except (json_format.ParseError, TypeError, ValueError) as exc:
        return f"pipeline_spec is not a valid KFP PipelineSpec: {exc}"
    executors = (
        dict(spec.deployment_spec.fields.get("executors").struct_value.fields)
        if "executors" in spec.deployment_spec.fields
        else {}
    )
    components = spec.components
    for name, component in components.items():
        label = component.executor_label
        if component.WhichOneof("implementation") == "executor_label" and label not in executors:
            return (
                f"Component {name!r} names executor {label!r}, which deploymentSpec does not define"
            )
    for dag_name, dag in [("root", spec.root), *components.items()]:
        for task_name, task in dag.dag.tasks.items():
            if task.component_ref.name not in components:
                ref = task.component_ref.name
                return f"Task {task_name!r} of {dag_name!r} names unknown component {ref!r}"
    if not spec.root.dag.tasks:
        return "The pipeline has no tasks"
    return None
