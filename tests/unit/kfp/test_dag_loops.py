"""The KFP DAG runner on its own (no server), on nested loops and a skipped chain."""

from __future__ import annotations

import pytest

kfp = pytest.importorskip("kfp")
import yaml  # noqa: E402
from kfp import compiler  # noqa: E402

from pipelines_server.kfp import dag  # noqa: E402
from tests.compat import kfp_nested_loops as N  # noqa: E402


def run(func, tmp_path) -> tuple:
    path = tmp_path / "p.yaml"
    compiler.Compiler().compile(func, str(path))
    pr = dag.PipelineRun(
        yaml.safe_load(path.read_text()), run_id="r1", pipeline_root=str(tmp_path / "root")
    )
    return pr.run(), pr


def test_inner_tasks_get_the_outer_item_and_collected_is_flat(tmp_path):
    result, pr = run(N.outer_item, tmp_path)
    assert result.state == "SUCCEEDED", result.error
    got = sorted(
        r.output_parameters["Output"] for r in pr.records.values() if r.display_name == "pair"
    )
    assert got == ["x-1", "x-2", "x-3", "y-1", "y-2", "y-3"]
    assert result.outputs == {"Output": ",".join(got)}


def test_a_failure_that_skips_a_chain_is_the_runs_error(tmp_path):
    result, pr = run(N.skipped_chain, tmp_path)
    assert result.state == "FAILED"
    assert "never become ready" not in result.error and "boom" in result.error
    states = sorted((r.display_name, r.state) for r in pr.records.values() if r.kind == "component")
    assert states == [("fail", "FAILED"), ("pair", "SKIPPED"), ("pair-2", "SKIPPED")]
