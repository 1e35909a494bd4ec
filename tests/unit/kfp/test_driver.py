"""kfp/driver.py: what upstream's backend decides about a task's inputs, as pure functions."""

from __future__ import annotations

import pytest

kfp = pytest.importorskip("kfp")
from kfp import dsl  # noqa: E402
from kfp.pipeline_spec import pipeline_spec_pb2  # noqa: E402

from pipelines_server.kfp import driver  # noqa: E402
from pipelines_server.kfp.records import artifacts_from_dicts  # noqa: E402

NAMES = driver.RunNames("my run", "my-pipeline-0123abcd", "0123abcd-run")


def test_placeholders_are_the_runs_and_the_tasks_names():
    values = driver.placeholder_values(NAMES, "task-a", "t1")
    assert values[dsl.PIPELINE_JOB_NAME_PLACEHOLDER] == "my run"
    assert values[dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER] == "my-pipeline-0123abcd"
    assert values[dsl.PIPELINE_JOB_ID_PLACEHOLDER] == "0123abcd-run"
    assert values[dsl.PIPELINE_TASK_NAME_PLACEHOLDER] == "task-a"
    assert values[dsl.PIPELINE_TASK_ID_PLACEHOLDER] == "t1"


@pytest.mark.parametrize(
    ("state", "expected"),
    [("SUCCEEDED", "COMPLETE"), ("FAILED", "FAILED"), ("CANCELED", "CANCELED"), (None, "COMPLETE")],
)
def test_final_status_uses_the_backends_states(state, expected):
    status = driver.final_status(state, NAMES, "exit-handler-1")
    assert status == {
        "state": expected,
        "pipelineJobResourceName": "my-pipeline-0123abcd",
        "pipelineTaskName": "exit-handler-1",
        "error": {},
    }


def test_retry_count_replaces_the_argo_placeholder_per_attempt():
    args = {"count": "{{retries}}", "n": 3, "other": "x"}
    assert driver.with_retry_count(args, 2) == {"count": "2", "n": 3, "other": "x"}
    plain = {"a": "b"}
    assert driver.with_retry_count(plain, 1) is plain


def test_a_task_without_retry_takes_its_pipeline_tasks_policy():
    parent = pipeline_spec_pb2.PipelineTaskSpec.RetryPolicy(max_retry_count=1)
    bare = pipeline_spec_pb2.PipelineTaskSpec()
    assert driver.inherit_retry(bare, parent).retry_policy.max_retry_count == 1
    assert not bare.HasField("retry_policy")  # a copy: the IR is untouched
    own = pipeline_spec_pb2.PipelineTaskSpec()
    own.retry_policy.max_retry_count = 3
    assert driver.inherit_retry(own, parent) is own
    assert driver.inherit_retry(bare, None) is bare


def test_dag_arguments_give_defaults_and_null_never_a_made_up_value():
    spec = pipeline_spec_pb2.ComponentInputsSpec()
    spec.parameters["with_default"].default_value.string_value = "d"
    spec.parameters["without"].is_optional = True
    assert driver.dag_arguments({"given": 1}, spec) == {
        "given": 1,
        "with_default": "d",
        "without": None,
    }


def test_unset_parameters_are_left_out_of_the_executor_input():
    ei = pipeline_spec_pb2.ExecutorInput()
    ei.inputs.parameter_values["set"].string_value = "v"
    ei.inputs.parameter_values["unset"].CopyFrom(
        pipeline_spec_pb2.ExecutorInput().inputs.parameter_values.get_or_create("x")
    )
    driver.drop_unset_parameters(ei)
    assert list(ei.inputs.parameter_values) == ["set"]


def _art(name: str):
    return artifacts_from_dicts(
        [{"name": name, "uri": f"/r/{name}", "type": "system.Dataset"}], many=False
    )


def test_collected_artifacts_of_nested_loops_are_one_flat_list():
    a, b, c = _art("a"), _art("b"), _art("c")
    assert [x.name for x in driver.collect([[a, b], [c]])] == ["a", "b", "c"]
    assert [x.name for x in driver.collect([a, b])] == ["a", "b"]
    assert driver.collect([1, [2, 3]]) == [1, [2, 3]]  # parameters keep one value per item
