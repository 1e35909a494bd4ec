"""kfp/driver.py's loop rules, as upstream's driver runs a ParallelFor: the items, each
iteration's arguments, and what nested loops collect."""

from __future__ import annotations

import pytest

kfp = pytest.importorskip("kfp")
from kfp import dsl  # noqa: E402
from kfp.pipeline_spec import pipeline_spec_pb2  # noqa: E402

from pipelines_server.kfp import driver  # noqa: E402


def loop_spec(**iterator) -> pipeline_spec_pb2.PipelineTaskSpec:
    spec = pipeline_spec_pb2.PipelineTaskSpec()
    if "artifact" in iterator:
        spec.artifact_iterator.items.input_artifact = iterator["artifact"]
        spec.artifact_iterator.item_input = "item"
    else:
        spec.parameter_iterator.item_input = "item"
        if "raw" in iterator:
            spec.parameter_iterator.items.raw = iterator["raw"]
        else:
            spec.parameter_iterator.items.input_parameter = iterator["param"]
    return spec


def test_raw_items():
    assert driver.loop_items(loop_spec(raw='["a", {"k": 1}]'), {}) == (["a", {"k": 1}], "item")


def test_items_from_the_loops_own_resolved_input():
    spec = loop_spec(param="pipelinechannel--outer-loop-item-subvar-items")
    args = {"pipelinechannel--outer-loop-item-subvar-items": ["1", "2"]}
    assert driver.loop_items(spec, args) == (["1", "2"], "item")


def test_items_given_as_json_text_are_parsed():
    assert driver.loop_items(loop_spec(param="xs"), {"xs": "[1, 2]"})[0] == [1, 2]


@pytest.mark.parametrize("value", ["not json", 3, {"a": 1}])
def test_items_that_are_no_list_fail(value):
    with pytest.raises(driver.LoopError):
        driver.loop_items(loop_spec(param="xs"), {"xs": value})


def test_missing_items_input_fails():
    with pytest.raises(driver.LoopError, match="xs"):
        driver.loop_items(loop_spec(param="xs"), {})


def test_artifact_items():
    a, b = dsl.Dataset(name="a", uri="/tmp/a"), dsl.Dataset(name="b", uri="/tmp/b")
    items, item_input = driver.loop_items(loop_spec(artifact="ds"), {"ds": [a, b]})
    assert items == [a, b] and item_input == "item"


def test_an_iteration_keeps_the_enclosing_loops_item():
    args = {"pipelinechannel--outer-loop-item": "x", "pipelinechannel--inner": ["1", "2"]}
    it = driver.iteration_arguments(args, "pipelinechannel--loop-item-param-2", "1")
    assert it == {**args, "pipelinechannel--loop-item-param-2": "1"}
    assert "pipelinechannel--loop-item-param-2" not in args  # the loop's own, not shared


def test_nested_collected_parameters_are_one_flat_list():
    inner = [driver.collect(["x-1", "x-2"]), driver.collect(["y-1"])]
    assert driver.collect(inner) == ["x-1", "x-2", "y-1"]


def test_a_list_a_task_returned_stays_one_value():
    assert driver.collect([["a", "b"], ["c"]]) == [["a", "b"], ["c"]]
    # a loop over loops of tasks that return lists: one list per task
    assert driver.collect([driver.collect([["a"], ["b"]]), driver.collect([["c"]])]) == [
        ["a"],
        ["b"],
        ["c"],
    ]
