"""The KFP DAG runner on its own (no server): scheduling, control flow, failure, cancel,
caching and the pip-line shortcut, with kfp's real compiler and executor."""

from __future__ import annotations

import threading
import time

import pytest

kfp = pytest.importorskip("kfp")
import yaml  # noqa: E402
from kfp import compiler  # noqa: E402

from pipelines_server.kfp import cache, dag, ir, pip, process, records  # noqa: E402
from tests.compat import kfp_pipelines as P  # noqa: E402


def ir_of(func, tmp_path) -> dict:
    path = tmp_path / f"{func.name}.yaml"
    compiler.Compiler().compile(func, str(path))
    return yaml.safe_load(path.read_text())


class MemoryCache(cache.Cache):
    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.gets: list[tuple[str, bool]] = []

    def get(self, key, shared):
        self.gets.append((key, shared))
        return self.entries.get(key)

    def put(self, key, value, shared):
        self.entries[key] = value


def run(ir, tmp_path, **kw) -> tuple[records.RunResult, dag.PipelineRun]:
    pr = dag.PipelineRun(
        ir, run_id=kw.pop("run_id", "r1"), pipeline_root=str(tmp_path / "root"), **kw
    )
    return pr.run(), pr


def by_name(pr: dag.PipelineRun) -> dict[str, list[records.TaskRecord]]:
    out: dict[str, list] = {}
    for rec in pr.records.values():
        out.setdefault(rec.display_name, []).append(rec)
    return out


def test_arith_outputs_and_records(tmp_path):
    result, pr = run(ir_of(P.arith, tmp_path), tmp_path, arguments={"a": 1, "b": 2})
    assert result.state == "SUCCEEDED" and result.outputs == {"Output": 9}
    names = by_name(pr)
    root = names["arith"][0]
    assert root.kind == "root" and root.output_parameters == {"Output": 9}
    add = names["add"][0]
    assert add.parent_task_id == root.task_id and add.task_id in root.child_task_ids
    assert add.log_path and add.start_time and add.end_time


def test_independent_tasks_overlap(tmp_path):
    # Two sleeps with no dependency between them run at the same time.
    result, pr = run(ir_of(P.two_sleeps, tmp_path), tmp_path, max_parallel=2)
    assert result.state == "SUCCEEDED"
    names = by_name(pr)
    a, b = names["sleep"][0], names["sleep-2"][0]
    assert a.start_time < b.end_time and b.start_time < a.end_time


def test_failure_skips_dependants_and_names_the_error(tmp_path):
    result, pr = run(ir_of(P.fail_then, tmp_path), tmp_path)
    assert result.state == "FAILED" and "nope-7" in result.error
    names = by_name(pr)
    assert names["fail"][0].error.startswith("ValueError: nope-7")
    assert names["add"][0].state == "SKIPPED"


def test_terminate_kills_the_running_process(tmp_path):
    pr = dag.PipelineRun(
        ir_of(P.slow, tmp_path),
        run_id="r2",
        pipeline_root=str(tmp_path / "root"),
        arguments={"seconds": 60},
    )
    out: list = []
    t = threading.Thread(target=lambda: out.append(pr.run()))
    t.start()
    deadline = time.monotonic() + 30
    while not any(r.state == "RUNNING" and r.kind == "component" for r in pr.records.values()):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    pr.terminate()
    t.join(20)
    assert out and out[0].state == "CANCELED"  # long before the 60 s sleep could end
    assert by_name(pr)["sleep"][0].state == "CANCELED"


def test_cache_hit_reuses_outputs_without_running(tmp_path):
    ir = ir_of(P.arith, tmp_path)
    cache = MemoryCache()
    first, _ = run(ir, tmp_path, arguments={"a": 2, "b": 2}, cache=cache)
    assert first.outputs == {"Output": 16} and len(cache.entries) == 2
    second, pr = run(ir, tmp_path, run_id="r3", arguments={"a": 2, "b": 2}, cache=cache)
    assert second.outputs == {"Output": 16}
    assert all(r.cached for r in pr.records.values() if r.kind == "component")
    assert all(shared for _, shared in cache.gets)  # the compiler enables caching by default
    third, pr3 = run(ir, tmp_path, run_id="r4", arguments={"a": 2, "b": 3}, cache=cache)
    assert third.outputs == {"Output": 25}
    assert not any(r.cached for r in pr3.records.values())


def test_container_component_fails_clearly(tmp_path):
    result, pr = run(ir_of(P.container, tmp_path), tmp_path)
    assert result.state == "FAILED"
    assert "container runtime" in by_name(pr)["echo-container"][0].error


def test_fingerprint_changes_with_inputs_and_command(tmp_path):
    ir = ir_of(P.arith, tmp_path)
    pr = dag.PipelineRun(ir, run_id="x", pipeline_root=str(tmp_path))
    comp = pr.components["comp-add"]
    container = pr.executors[comp.executor_label].container
    base = cache.fingerprint(container, {"a": 1, "b": 2}, comp)
    assert base == cache.fingerprint(container, {"b": 2, "a": 1}, comp)
    assert base != cache.fingerprint(container, {"a": 1, "b": 3}, comp)
    assert base != cache.fingerprint(container, {"a": 1, "b": 2}, comp, "custom-key")


def test_pip_line_skipped_only_when_satisfied():
    def cmd(reqs: str) -> list[str]:
        script = (
            "\nPIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet "
            f'--no-warn-script-location {reqs} && "$0" "$@"\n'
        )
        return ["sh", "-c", script, "sh", "-ec", "program", "code"]

    assert pip.strip_satisfied_pip(cmd("'kfp==2.17.0' '--no-deps'")) == [
        "sh",
        "-ec",
        "program",
        "code",
    ]
    marker = "'typing-extensions>=3.7.4,<5; python_version<\"3.9\"'"
    assert pip.strip_satisfied_pip(cmd(f"'kfp==2.17.0' {marker}"))[0:2] == ["sh", "-ec"]
    for unsatisfied in (
        "'kfp==1.0.0'",
        "'no-such-package-xyz'",
        "'kfp==2.17.0' --index-url http://x",
    ):
        assert pip.strip_satisfied_pip(cmd(unsatisfied))[0:2] == ["sh", "-c"]


def test_check_ir_reasons():
    assert "no tasks" in ir.why_unrunnable({"root": {}})
    assert "unknown component" in ir.why_unrunnable(
        {"root": {"dag": {"tasks": {"t": {"componentRef": {"name": "c"}}}}}}
    )
    assert "not a valid KFP PipelineSpec" in ir.why_unrunnable({"root": 5})


def test_parallel_for_keeps_to_its_parallelism(tmp_path):
    result, pr = run(
        ir_of(P.loop_over_input, tmp_path),
        tmp_path,
        arguments={"items": [1, 2, 3, 4], "parallelism_probe": 0.6},
        max_parallel=8,
    )
    assert result.state == "SUCCEEDED" and result.outputs == {"Output": 30}
    sleeps = [r for r in pr.records.values() if r.display_name == "sleep"]
    assert len(sleeps) == 4
    events = sorted([(r.start_time, 1) for r in sleeps] + [(r.end_time, -1) for r in sleeps])
    running = most = 0
    for _, step in events:
        running += step
        most = max(most, running)
    # Each iteration runs square and sleep; at most 2 iterations at once, so at most 2 sleeps.
    assert most <= 2


def test_a_local_input_the_server_does_not_allow_fails_the_task(tmp_path):
    source = tmp_path / "elsewhere.txt"
    source.write_text("server file")
    seen: list[str] = []

    def allowed(real: str) -> bool:
        seen.append(real)
        return False

    result, pr = run(
        ir_of(P.imported, tmp_path), tmp_path, arguments={"uri": str(source)}, input_allowed=allowed
    )
    assert result.state == "FAILED"
    assert seen == [str(source.resolve())]
    failed = [r for r in pr.records.values() if r.kind == "component" and r.state == "FAILED"]
    assert failed and "not in a folder of a run of this organization" in failed[0].error


def test_scrub_removes_links_and_special_files_and_keeps_regular_ones(tmp_path):
    import os

    task = tmp_path / "task"
    (task / "sub").mkdir(parents=True)
    (task / "out.txt").write_text("mine")
    (task / "sub" / "deep.txt").write_text("mine too")
    (task / "link").symlink_to("/etc/hostname")
    (task / "sub" / "dirlink").symlink_to(tmp_path)
    os.mkfifo(task / "fifo")
    (tmp_path / "outside.txt").write_text("x")
    os.link(tmp_path / "outside.txt", task / "hard")
    removed = sorted(process._scrub(str(task)))
    assert removed == ["fifo", "hard", "link", os.path.join("sub", "dirlink")]
    assert (task / "out.txt").read_text() == "mine"
    assert (task / "sub" / "deep.txt").exists()


def test_an_output_artifact_outside_the_tasks_folder_is_named():
    from kfp import dsl

    inside = dsl.Dataset(uri="/root/run/task/data")
    outside = dsl.Dataset(uri="/var/secret")
    assert process._artifacts_outside({"a": inside}, "/root/run/task") is None
    assert (
        process._artifacts_outside({"a": inside, "b": [outside]}, "/root/run/task") == "/var/secret"
    )
    assert process._artifacts_outside({"p": "/var/secret"}, "/root/run/task") is None  # a parameter


def test_importer_brings_a_local_file_in(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("imported bytes")
    result, pr = run(ir_of(P.imported, tmp_path), tmp_path, arguments={"uri": str(source)})
    assert result.state == "SUCCEEDED", [r.error for r in pr.records.values()]
    assert result.outputs == {"Output": "imported bytes"}
    assert any(r.kind == "importer" and r.state == "SUCCEEDED" for r in pr.records.values())
