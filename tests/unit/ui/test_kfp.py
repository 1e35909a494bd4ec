"""The KFP pages' drawing helpers (ui/kfp_graph.py) on IR the kfp compiler made and records
the KFP DAG runner made: the tasks and dependencies of a DAG, each nested DAG one node, a
nested record's DAG found again from its path; durations, text previews, triggers. (No
`from __future__ import annotations`: kfp reads the pipeline's annotations.)"""

import pytest

kfp = pytest.importorskip("kfp")
import yaml  # noqa: E402
from kfp import compiler, dsl  # noqa: E402

from pipelines_server.kfp import dag as kfp_dag  # noqa: E402
from pipelines_server.ui import kfp_graph  # noqa: E402
from pipelines_server.ui.pages_kfp import attachment, trigger_text  # noqa: E402
from tests.compat import kfp_nested_loops as N  # noqa: E402
from tests.compat import kfp_pipelines as P  # noqa: E402


def compiled(func, tmp_path) -> dict:
    path = tmp_path / "p.yaml"
    compiler.Compiler().compile(func, str(path))
    return yaml.safe_load(path.read_text())


@dsl.pipeline(name="shapes")
def shapes(n: int = 3):
    cleanup = P.describe(label="bye", value=0.0)
    with dsl.ExitHandler(cleanup):
        first = P.add(a=n, b=1).set_display_name("first number")
        with dsl.If(first.output > 2):
            P.square(x=first.output)
        P.describe(label="after", value=1.0).after(first)


def test_the_root_dag_its_dependencies_and_nested_dags_as_one_node(tmp_path):
    ir = compiled(shapes, tmp_path)
    g = kfp_graph.ir_graph(ir)
    kinds = {n.id: n.kind for n in g.nodes}
    assert kinds == {"describe": "component", "exit-handler-1": "exit"}
    assert [(e.source, e.target) for e in g.edges] == [("exit-handler-1", "describe")]
    assert all(n.state == "" for n in g.nodes)  # no run: no states
    # The exit handler's own DAG: the add task, the condition after it, the other describe.
    body = ir["root"]["dag"]["tasks"]["exit-handler-1"]["componentRef"]["name"]
    inner = kfp_graph.ir_graph(ir, body)
    kinds = {n.label: n.kind for n in inner.nodes}
    assert kinds == {
        "first number": "component",
        "condition-2": "condition",
        "describe-2": "component",
    }
    assert {(e.source, e.target) for e in inner.edges} == {
        ("add", "condition-2"),
        ("add", "describe-2"),
    }
    by_id = {n.id: n for n in inner.nodes}
    assert by_id["add"].detail == "add"  # its component, under another display name
    assert by_id["condition-2"].detail == ""  # the component is the task's name
    assert kfp_graph.has_dag(ir, body) and not kfp_graph.has_dag(ir, "comp-add")


def test_a_runs_records_colour_its_dags_down_to_a_loop_iteration(tmp_path):
    ir = compiled(N.outer_item, tmp_path)
    run = kfp_dag.PipelineRun(ir, run_id="r1", pipeline_root=str(tmp_path / "root"))
    assert run.run().state == "SUCCEEDED"
    records = [r.as_dict() for r in run.records.values()]
    root = kfp_graph.root_record(records)
    top = kfp_graph.children(records, root["task_id"])
    g = kfp_graph.ir_graph(ir, states=kfp_graph.by_label(top), href=lambda k, t, r: r and "x")
    assert {n.kind for n in g.nodes} == {"loop", "component"}
    assert {n.state for n in g.nodes} == {"succeeded"}
    assert all(n.href == "x" for n in g.nodes)
    # Every iteration of either loop draws its loop's body, coloured by its own tasks.
    iterations = [
        r
        for r in records
        if any(p["task_id"] == r.get("parent_task_id") and p["kind"] == "loop" for p in records)
    ]
    assert len(iterations) == 2 + 6
    for it in iterations:
        component = kfp_graph.component_of(ir, records, it)
        assert component is not None and kfp_graph.has_dag(ir, component)
        kids = kfp_graph.children(records, it["task_id"])
        drawn = kfp_graph.ir_graph(ir, component, states=kfp_graph.by_label(kids))
        assert {n.label for n in drawn.nodes} == {k["display_name"] for k in kids}
        assert {n.state for n in drawn.nodes} == {"succeeded"}
    assert kfp_graph.component_of(ir, records, root) is None


def test_tasks_not_yet_run_are_pending_when_a_run_is_shown(tmp_path):
    ir = compiled(shapes, tmp_path)
    g = kfp_graph.ir_graph(ir, states={"describe": {"state": "RUNNING"}})
    assert {n.id: n.state for n in g.nodes} == {"describe": "running", "exit-handler-1": "pending"}


def test_durations_previews_triggers_and_attachments():
    assert kfp_graph.duration("2024-01-01T00:00:00Z", "2024-01-01T00:00:03.25Z") == "3.2s"
    assert kfp_graph.duration("2024-01-01T00:00:00Z", "2024-01-01T01:02:05Z") == "1h 02m 05s"
    assert kfp_graph.duration("2024-01-01T00:00:00Z", None) == "—"
    assert kfp_graph.as_text(b"a,b\n1,2\n") == "a,b\n1,2\n"
    assert kfp_graph.as_text(b"\x89PNG\x00") is None
    assert kfp_graph.as_text(b"\xff\xfe") is None
    assert kfp_graph.as_text(b"x" * (kfp_graph.TEXT_PREVIEW_BYTES + 1)) is None
    assert trigger_text({"cron_schedule": {"cron": "0 0 * * * *"}}) == "cron 0 0 * * * *"
    assert trigger_text({"periodic_schedule": {"interval_second": "3600"}}) == "every 3600 s"
    resp = attachment(b"<script>", 'evil"; name=.html')
    assert resp.mimetype == "application/octet-stream"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="evil_name_.html"'
