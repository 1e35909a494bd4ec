"""What the KFP runner relies on in kfp.local's private DAG orchestrator (patches.py, kfp.local
section): the two functions exist, are callable, and still classify tasks as we expect. A
failure here means a kfp upgrade changed them: check kfp/dag.py against the new kfp.local."""

from __future__ import annotations

import pytest

pytest.importorskip("kfp")
import yaml  # noqa: E402
from google.protobuf import json_format  # noqa: E402
from kfp import compiler  # noqa: E402
from kfp.local.orchestrator import enhanced_dag_orchestrator  # noqa: E402
from kfp.pipeline_spec import pipeline_spec_pb2  # noqa: E402

from pipelines_server import patches  # noqa: E402
from tests.compat import kfp_pipelines as P  # noqa: E402


@pytest.mark.parametrize("name", ["_has_valid_iterator", "_has_task_final_status_input"])
def test_the_private_functions_exist_and_are_callable(name):
    assert callable(getattr(enhanced_dag_orchestrator, name, None)), (
        f"kfp.local no longer has {name}: patches.py's kfp.local section needs a new way"
    )


def _task(**fields) -> pipeline_spec_pb2.PipelineTaskSpec:
    task = pipeline_spec_pb2.PipelineTaskSpec()
    for path, value in fields.items():
        target = task
        *parents, leaf = path.split("__")
        for part in parents:
            target = getattr(target, part)
        setattr(target, leaf, value)
    return task


def test_parallel_for_is_a_task_with_raw_or_input_items():
    assert patches.kfp_is_parallel_for(_task(parameter_iterator__items__raw='["a", "b"]'))
    assert patches.kfp_is_parallel_for(
        _task(parameter_iterator__items__input_parameter="pipelinechannel--xs")
    )
    assert patches.kfp_is_parallel_for(_task(artifact_iterator__items__input_artifact="arts"))
    assert not patches.kfp_is_parallel_for(_task())
    assert not patches.kfp_is_parallel_for(_task(parameter_iterator__item_input="x"))


def _tasks(pipeline, tmp_path) -> tuple[dict, dict]:
    """(root DAG tasks, every nested DAG's tasks) of a compiled tests/compat pipeline."""
    path = tmp_path / "p.yaml"
    compiler.Compiler().compile(pipeline, str(path))
    spec = pipeline_spec_pb2.PipelineSpec()
    json_format.ParseDict(yaml.safe_load(path.read_text()), spec)
    nested = {n: t for c in spec.components.values() for n, t in c.dag.tasks.items()}
    return dict(spec.root.dag.tasks.items()), nested


def test_an_exit_handler_s_exit_task_is_one_and_no_other_task_is(tmp_path):
    root, nested = _tasks(P.with_exit, tmp_path)
    assert [n for n, t in root.items() if patches.kfp_is_exit_task(t)] == ["final-state"]
    assert not any(patches.kfp_is_exit_task(t) for t in nested.values())
    root, nested = _tasks(P.fail_then, tmp_path)
    assert not any(patches.kfp_is_exit_task(t) for t in [*root.values(), *nested.values()])


def test_a_compiled_parallel_for_is_one(tmp_path):
    for pipeline in (P.fan_out, P.loop_over_input):
        root, nested = _tasks(pipeline, tmp_path)
        loops = [n for n, t in root.items() if patches.kfp_is_parallel_for(t)]
        assert len(loops) == 1 and loops[0].startswith("for-loop-"), loops
        assert not any(patches.kfp_is_parallel_for(t) for t in nested.values())
