"""Run a compiled KFP pipeline (the IR `kfp.compiler.Compiler` writes), task by task: the
DAG orchestration. A component task's process is process.py's, its record records.py's, its
cache entry cache.py's.

What a task *does* is kfp.local's: its executor input, placeholder substitution, python
executable swap, output reading, importer, nested DAG arguments and IOStore are kfp.local's
own functions, so a lightweight component runs here exactly as `kfp.local.SubprocessRunner`
runs it. What differs is the orchestration, which is ours:

- a loop resolves its inputs once and each iteration adds its own item (driver.py), and a
  condition is read over the condition task's own inputs (conditions.py), as upstream's
  driver does both (kfp.local's iteration specs and condition `eval` get nested loops and
  loop items wrong);

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
import logging
import os
import queue
import subprocess
import threading
import uuid
from collections.abc import Callable

from ..isolation import sandbox as sandboxes
from ..patches import kfp_is_exit_task, kfp_is_parallel_for
from . import conditions, driver, process
from .cache import Cache, fingerprint, outputs_from_cache
from .platform import Platform, PlatformError
from .records import (
    CANCELED,
    FAILED,
    RUNNING,
    SKIPPED,
    SUCCEEDED,
    RunResult,
    TaskRecord,
    json_safe,
    now,
    split_values,
)

log = logging.getLogger(__name__)

CONTAINER_MESSAGE = (
    "Task {task!r} is a container component (image {image!r}); running it needs a container "
    "runtime, which this server does not have. Only lightweight Python components "
    "(@dsl.component) run here."
)


class RunCanceled(Exception):
    pass


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
        display_name: str | None = None,
        platform: Platform | None = None,
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
        # The platform spec's settings (kfp/platform.py): secrets, volumes, the workspace.
        self.platform = platform
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
        # The run's names as its placeholders resolve them (kfp/driver.py).
        self.names = driver.RunNames(
            display_name or self.spec.pipeline_info.name, self.resource_name, run_id
        )
        # The records each thread made: a task that raises fails its own records (no
        # second record beside one left PENDING or RUNNING).
        self._made = threading.local()

    # -- records --

    def _new(
        self, name: str, parent: TaskRecord | None, kind: str, task_id: str | None = None
    ) -> TaskRecord:
        rec = TaskRecord(
            task_id=task_id or uuid.uuid4().hex[:20],
            display_name=name,
            parent_task_id=parent.task_id if parent else None,
            kind=kind,
        )
        with self._lock:
            self.records[rec.task_id] = rec
            if parent is not None:
                parent.child_task_ids.append(rec.task_id)
        made = getattr(self._made, "records", None)
        if made is not None:
            made.append(rec)
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
        root.input_parameters = {k: json_safe(v) for k, v in self.arguments.items()}
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

    def _run_dag(self, dag_component, arguments, parent_store, rec: TaskRecord, retry=None):
        from kfp.local import io
        from kfp.local.orchestrator.orchestrator_utils import OrchestratorUtils
        from kfp.pipeline_spec import pipeline_spec_pb2

        strategy = pipeline_spec_pb2.PipelineTaskSpec.TriggerPolicy.TriggerStrategy
        args = driver.dag_arguments(arguments, dag_component.input_definitions)
        store = io.IOStore(parent=parent_store)
        for k, v in args.items():
            store.put_parent_input(k, v)

        tasks = dict(dag_component.dag.tasks.items())
        exit_names = {
            n
            for n, t in tasks.items()
            if t.trigger_policy.strategy == strategy.ALL_UPSTREAM_TASKS_COMPLETED
            and kfp_is_exit_task(t)
        }
        body = {n: t for n, t in tasks.items() if n not in exit_names}
        done: dict[str, str] = {}  # task name -> SUCCEEDED | FAILED | SKIPPED | CANCELED
        results: queue.Queue = queue.Queue()
        running = 0

        def ready(name: str) -> bool:
            return all(d in done or d not in tasks for d in tasks[name].dependent_tasks)

        def launch(name: str, spec) -> None:
            nonlocal running
            running += 1
            spec = driver.inherit_retry(spec, retry)
            threading.Thread(
                target=self._task_thread,
                args=(name, spec, store, rec, results, kfp_is_parallel_for(spec)),
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
                now_ready = [n for n in waiting if ready(n)]
                for name in now_ready:
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
                        try:  # over the task's own inputs, as upstream's driver does
                            go = conditions.evaluate(
                                spec.trigger_policy.condition,
                                OrchestratorUtils.make_task_arguments(spec.inputs, store),
                            )
                        except Exception as exc:  # noqa: BLE001 - false, as kfp.local has it
                            log.info("KFP condition of %s is false: %s", name, exc)
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
                elif waiting and not now_ready:  # nothing runs, nothing became ready: a cycle
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
        self._made.records = []
        try:
            if is_loop:
                state, outputs = self._run_loop(name, spec, store, parent)
            else:
                state, outputs = self._run_task(name, spec, store, parent)
        except RunCanceled:
            state, outputs = CANCELED, {}
        except Exception as exc:  # noqa: BLE001 - one task's failure is the task's
            log.exception("KFP task %s failed", name)
            self._fail_made(spec.task_info.name or name, parent, "component", exc)
            state, outputs = FAILED, {}
        results.put((name, state, outputs))

    def _fail_made(self, name, parent, kind, exc: Exception) -> None:
        """A task raised: the records its thread made that are still open end FAILED with
        the error (a task that raised before making one gets one, FAILED)."""
        error = f"{type(exc).__name__}: {exc}"
        made = getattr(self._made, "records", None) or []
        open_ = [r for r in made if r.state not in (SUCCEEDED, FAILED, SKIPPED, CANCELED)]
        if not made:
            open_ = [self._new(name, parent, kind)]
        for rec in reversed(open_):  # the innermost first, as a failure climbs
            self._set(rec, FAILED, error)

    def _run_task(self, name, spec, store, parent, display=None):
        from kfp.local.orchestrator import task_spec_utils
        from kfp.local.orchestrator.orchestrator_utils import OrchestratorUtils

        component = self.components[spec.component_ref.name]
        display = display or spec.task_info.name or name
        if component.WhichOneof("implementation") == "dag":
            arguments = task_spec_utils.build_nested_dag_arguments(
                task_name=name,
                task_spec=spec,
                component_spec=driver.without_unset_defaults(component),
                io_store=store,
            )
            return self._run_nested_dag(name, display, spec, component, arguments, store, parent)
        arguments = OrchestratorUtils.make_task_arguments(
            task_inputs_spec=spec.inputs, io_store=store
        )
        task_id = uuid.uuid4().hex[:20]

        def status_of(producer: str) -> str | None:
            try:
                return store.get_task_status(producer)
            except ValueError:
                return None

        arguments = driver.task_arguments(
            arguments,
            spec,
            component,
            names=self.names,
            task_name=spec.task_info.name or name,
            task_id=task_id,
            status_of=status_of,
        )
        return self._run_component(
            name, display, spec, component, arguments, parent, task_id, store
        )

    def _run_nested_dag(self, name, display, spec, component, arguments, store, parent):
        """A DAG task (a nested pipeline, a condition branch, an exit handler's body, one
        iteration of a loop) run with its resolved `arguments`."""
        kind = "condition" if spec.trigger_policy.condition else "dag"
        if name.startswith("exit-handler"):
            kind = "exit"
        rec = self._new(display, parent, kind)
        self._set(rec, RUNNING)
        rec.input_parameters = split_values(arguments)[0]
        retry = spec.retry_policy if spec.HasField("retry_policy") else None
        outputs, ok = self._run_dag(component, arguments, store, rec, retry)
        if not ok:
            self._set(rec, FAILED, rec.error or "A task inside failed")
            return FAILED, {}
        rec.output_parameters, rec.output_artifacts = split_values(outputs)
        self._set(rec, SUCCEEDED)
        return SUCCEEDED, outputs

    def _run_loop(self, name, spec, store, parent):
        """A ParallelFor, as upstream's driver runs one: the loop task's inputs resolve once
        in the enclosing DAG, then each iteration runs the loop's DAG with them plus its own
        item under the loop's item input (kfp/driver.py), so the items of enclosing loops
        stay theirs."""
        from kfp.local.orchestrator.orchestrator_utils import OrchestratorUtils

        rec = self._new(spec.task_info.name or name, parent, "loop")
        self._set(rec, RUNNING)
        component = self.components[spec.component_ref.name]
        arguments = OrchestratorUtils.make_task_arguments(
            task_inputs_spec=spec.inputs, io_store=store
        )
        items, item_input = driver.loop_items(spec, arguments)
        limit = spec.iterator_policy.parallelism_limit if spec.HasField("iterator_policy") else 0
        rec.input_parameters = {"items": json_safe(items)}
        gate = threading.BoundedSemaphore(limit) if limit and limit > 0 else None
        results: queue.Queue = queue.Queue()
        for i, item in enumerate(items):
            it_args = driver.iteration_arguments(arguments, item_input, item)
            threading.Thread(
                target=self._iteration,
                args=(i, f"{name}-iteration-{i}", spec, component, it_args, store, rec),
                kwargs={"results": results, "gate": gate},
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
        keys = {key for i in range(len(items)) for key in by_index[i][1]}
        aggregated = {
            key: driver.collect([by_index[i][1].get(key) for i in range(len(items))])
            for key in keys
        }
        rec.output_parameters, rec.output_artifacts = split_values(aggregated)
        self._set(rec, SUCCEEDED)
        return SUCCEEDED, aggregated

    def _iteration(self, i, name, spec, component, arguments, store, parent, *, results, gate):
        self._made.records = []
        try:
            with gate or contextlib.nullcontext():
                if self.cancel.is_set():
                    raise RunCanceled()
                state, outputs = self._run_nested_dag(
                    name, f"{parent.display_name}-{i}", spec, component, arguments, store, parent
                )
        except RunCanceled:
            state, outputs = CANCELED, {}
        except Exception as exc:  # noqa: BLE001
            log.exception("KFP iteration %s failed", name)
            self._fail_made(name, parent, "iteration", exc)
            state, outputs = FAILED, {}
        results.put((i, state, outputs))

    # -- components --

    def _run_component(
        self, name, display, spec, component, arguments, parent, task_id=None, store=None
    ):
        from kfp.local import importer_handler

        rec = self._new(display, parent, "component", task_id)
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
        if self.platform is not None:
            stub = self.platform.stub(container.image)
            if stub:
                return self._run_stub(rec, stub, container, component, arguments)
            try:
                arguments = self.platform.resolve_arguments(arguments)
            except PlatformError as exc:
                self._set(rec, FAILED, str(exc))
                return FAILED, {}
            rec.input_parameters = split_values(arguments)[0]
            rec.pod_labels, rec.pod_annotations = self.platform.labels(component.executor_label)
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
                outputs = outputs_from_cache(hit, component)
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
        extras = None
        if self.platform is not None:
            try:
                extras = self.platform.for_task(
                    component.executor_label, arguments, store, rec.task_id
                )
                arguments = self.platform.with_task_config(component, container, extras, arguments)
            except PlatformError as exc:
                self._set(rec, FAILED, str(exc))
                return FAILED, {}
        try:
            for attempt in range(attempts):
                rec.attempts = attempt + 1
                given = driver.with_retry_count(arguments, attempt)
                ok, outputs, error = process.execute(
                    self, rec, display, component, container, given, extras
                )
                if ok or self.cancel.is_set() or attempt + 1 >= attempts:
                    break
                delay = min(backoff * (factor**attempt), cap)
                if self.cancel.wait(delay):
                    break
        finally:
            if extras is not None:
                extras.cleanup()
        if self.cancel.is_set() and not ok:
            self._set(rec, CANCELED, "The run was terminated")
            raise RunCanceled()
        if ok and key is not None:
            params, arts = split_values(outputs)
            with contextlib.suppress(Exception):
                self.cache.put(key, {"parameters": params, "artifacts": arts}, shared=enable_cache)
        return self._finish(rec, outputs, ok, error)

    def _run_stub(self, rec, stub, container, component, arguments):
        """kfp-kubernetes' CreatePVC / DeletePVC, done by the server. Cached within the run
        only (a run taken over or retried keeps the volume it made), never across runs: a
        claim another run made may have been deleted since."""
        self._set(rec, RUNNING)
        key = fingerprint(container, arguments, component) if self.cache is not None else None
        hit = self.cache.get(key, shared=False) if key is not None else None
        if hit is not None and outputs_from_cache(hit, component) is not None:
            rec.cached = True
            return self._finish(rec, outputs_from_cache(hit, component), True, None)
        ok, outputs, error = self.platform.run_stub(stub, arguments)
        if ok and key is not None:
            with contextlib.suppress(Exception):
                self.cache.put(key, {"parameters": outputs, "artifacts": {}}, shared=False)
        return self._finish(rec, outputs, ok, error)

    def _finish(self, rec, outputs, ok, error):
        if not ok:
            self._set(rec, FAILED, error or "The task failed")
            return FAILED, {}
        rec.output_parameters, rec.output_artifacts = split_values(outputs)
        self._set(rec, SUCCEEDED)
        return SUCCEEDED, outputs
