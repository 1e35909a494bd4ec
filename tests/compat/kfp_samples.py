# ruff: noqa: UP045 - typing.Optional, as the samples write it (what kfp reads)
"""Our own pipelines that exercise what Kubeflow's v2 samples exercise (issue 17, items 2-6):
each states, inside its components, what the sample's own checks assert, so a run that
SUCCEEDS is a run whose checks held. (No `from __future__ import annotations`: kfp reads
the annotations.)"""

from typing import Optional

from kfp import dsl
from kfp.dsl import Artifact, Dataset, Output

# -- placeholders (pipeline_with_placeholders) --


@dsl.component(base_image="python:3.11")
def echo_names(
    job_name: str, job_resource_name: str, job_id: str, task_name: str, task_id: str
) -> str:
    for value in (job_name, job_resource_name, job_id, task_name, task_id):
        if "{{" in value or not value:
            raise RuntimeError(f"placeholder left unresolved: {value!r}")
    assert task_name == "echo-names", task_name
    return "|".join([job_name, job_resource_name, job_id, task_name, task_id])


@dsl.pipeline(name="names-of-a-run")
def names_of_a_run() -> str:
    return (
        echo_names(
            job_name=dsl.PIPELINE_JOB_NAME_PLACEHOLDER,
            job_resource_name=dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER,
            job_id=dsl.PIPELINE_JOB_ID_PLACEHOLDER,
            task_name=dsl.PIPELINE_TASK_NAME_PLACEHOLDER,
            task_id=dsl.PIPELINE_TASK_ID_PLACEHOLDER,
        )
        .set_caching_options(False)
        .output
    )


# -- exit handler status (pipeline_with_input_status_state) --


@dsl.component(base_image="python:3.11")
def report_status(status: dsl.PipelineTaskFinalStatus, expected: str):
    assert status.state == expected, status.state
    assert "guarded-work" in status.pipeline_job_resource_name, status.pipeline_job_resource_name
    assert status.pipeline_task_name == "exit-handler-1", status.pipeline_task_name


@dsl.component(base_image="python:3.11")
def maybe_fail(fail: bool):
    if fail:
        raise ValueError("asked to fail")


@dsl.pipeline(name="guarded-work")
def guarded_work(fail: bool = False, expected: str = "COMPLETE"):
    final = report_status(expected=expected).set_caching_options(False)
    with dsl.ExitHandler(exit_task=final):
        maybe_fail(fail=fail).set_caching_options(False)


# -- optional inputs (component_with_optional_inputs, nested_pipeline_opt_inputs_nil) --


@dsl.component(base_image="python:3.11")
def take_optionals(
    given: Optional[str] = "component default",
    absent: Optional[str] = "component default",
    none_default: Optional[str] = None,
    number: int = None,
    flag: bool = None,
) -> str:
    assert none_default is None and number is None and flag is None
    return f"{given}/{absent}"


@dsl.pipeline(name="optional-inner")
def optional_inner(inner_str: str = None, inner_int: int = None, inner_bool: bool = None) -> str:
    return (
        take_optionals(given=inner_str, none_default=inner_str, number=inner_int, flag=inner_bool)
        .set_caching_options(False)
        .output
    )


@dsl.pipeline(name="optional-inputs")
def optional_inputs(top: Optional[str] = None, given: Optional[str] = "pipeline value") -> str:
    outer = take_optionals(given=given, absent=top).set_caching_options(False)
    optional_inner().set_caching_options(False)
    return outer.output


# -- retries (pipeline_with_retry) --


@dsl.component(base_image="python:3.11")
def succeed_on_retry(retry_count: str, wanted: str) -> str:
    if retry_count != wanted:
        raise RuntimeError(f"retry {retry_count}, waiting for {wanted}")
    return retry_count


@dsl.pipeline(name="retry-inner")
def retry_inner() -> str:
    # No retry policy of its own: it takes its pipeline task's (one retry).
    return succeed_on_retry(retry_count="{{retries}}", wanted="1").set_caching_options(False).output


@dsl.pipeline(name="retries")
def retries() -> str:
    own = succeed_on_retry(retry_count="{{retries}}", wanted="2")
    own.set_retry(num_retries=2, backoff_duration="0s").set_caching_options(False)
    retry_inner().set_retry(num_retries=1, backoff_duration="0s").set_caching_options(False)
    return own.output


# -- collected artifacts of nested loops through a sub-pipeline (collected_artifacts) --


@dsl.component(base_image="python:3.11")
def split(text: str) -> list:
    return text.split(",")


@dsl.component(base_image="python:3.11")
def write(prefix: str, content: str, out: Output[Dataset]):
    with open(out.path, "w") as f:
        f.write(prefix + content)


@dsl.component(base_image="python:3.11")
def read_all(items: list[Artifact]) -> str:
    names = []
    for item in items:
        with open(item.path) as f:  # a list of lists has no .path
            names.append(f.read())
    return ",".join(sorted(names))


@dsl.pipeline(name="nested-collect")
def nested_collect(outer: str = "a,b", inner: str = "x,y,z") -> list[Dataset]:
    outers = split(text=outer).set_caching_options(False)
    inners = split(text=inner).set_caching_options(False)
    with dsl.ParallelFor(outers.output) as o:
        with dsl.ParallelFor(inners.output) as i:
            made = write(prefix=o, content=i).set_caching_options(False)
    return dsl.Collected(made.outputs["out"])


@dsl.pipeline(name="collected-artifacts")
def collected_artifacts() -> str:
    inner = nested_collect().set_caching_options(False)
    return read_all(items=inner.output).set_caching_options(False).output


# -- a task that raises inside the engine (item 8): its IR is broken by the test --


@dsl.component(base_image="python:3.11")
def take_int(x: int) -> int:
    return x


@dsl.pipeline(name="passes-on")
def passes_on(value: int = 1) -> int:
    return take_int(x=value).set_caching_options(False).output


@dsl.pipeline(name="engine-raises")
def engine_raises(value: int = 1) -> int:
    return passes_on(value=value).set_caching_options(False).output


def break_nested_input(ir: dict) -> dict:
    """The nested pipeline's input now names an upstream task that does not exist: the
    engine raises resolving it, after the nested pipeline's record was made."""
    task = ir["root"]["dag"]["tasks"]["passes-on"]
    task["inputs"]["parameters"]["value"] = {
        "taskOutputParameter": {"producerTask": "no-such-task", "outputParameterKey": "Output"}
    }
    return ir
