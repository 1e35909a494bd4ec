"""Nested `dsl.ParallelFor` loops whose inner tasks consume an outer loop's item, as
Kubeflow's v2 samples use them (pipeline_with_parallelfor_parallelism's nested loops,
parallel_for_after_dependency, collected_parameters), re-expressed as our own pipelines.

Each inner task returns "<outer>-<inner>", so a test can check the full set of pairs the
tasks received. No `from __future__ import annotations` here: the kfp compiler reads
annotations as types."""

from kfp import dsl
from kfp.dsl import Dataset, Input, Output

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def pair(a: str, b: str) -> str:
    return f"{a}-{b}"


@dsl.component(base_image=IMAGE)
def triple(a: str, b: str, c: str) -> str:
    return f"{a}-{b}-{c}"


@dsl.component(base_image=IMAGE)
def join(xs: list) -> str:
    """The collected values, flattened (a Collected over nested loops may be nested lists)
    and sorted, comma separated."""

    def flat(v):
        if isinstance(v, list):
            for x in v:
                yield from flat(x)
        else:
            yield str(v)

    return ",".join(sorted(flat(xs)))


@dsl.component(base_image=IMAGE)
def split(text: str) -> list:
    return text.split(",")


@dsl.component(base_image=IMAGE)
def write(text: str, out: Output[Dataset]):
    with open(out.path, "w") as f:
        f.write(text)


@dsl.component(base_image=IMAGE)
def read_with(d: Input[Dataset], o: str) -> str:
    with open(d.path) as f:
        return f"{o}-{f.read()}"


# -- the outer item (a pipeline input) inside an inner loop over a raw list --


@dsl.pipeline(name="nested-outer-item")
def outer_item(outer: list = ["x", "y"]) -> str:  # noqa: B006 - a pipeline default
    with dsl.ParallelFor(outer) as o:
        with dsl.ParallelFor(["1", "2", "3"]) as i:
            t = pair(a=o, b=i).set_caching_options(False)
    return join(xs=dsl.Collected(t.output)).set_caching_options(False).output


# -- three levels, items from task outputs, a condition on the outermost item --


@dsl.pipeline(name="nested-three-levels")
def three_levels(first: str = "a,b", second: str = "1,2", third: str = "p,q") -> str:
    firsts = split(text=first).set_caching_options(False)
    with dsl.ParallelFor(firsts.output) as f:
        seconds = split(text=second).set_caching_options(False)
        with dsl.ParallelFor(seconds.output) as s:
            thirds = split(text=third).set_caching_options(False)
            with dsl.ParallelFor(thirds.output) as t:
                made = triple(a=f, b=s, c=t).set_caching_options(False)
            with dsl.If(f == "a"):  # the outermost item, in a condition two loops down
                pair(a=f, b=s).set_caching_options(False)
    return join(xs=dsl.Collected(made.output)).set_caching_options(False).output


# -- the outer item's fields (a list of dicts), the inner loop over one of them --


@dsl.pipeline(name="nested-outer-fields")
def outer_fields(
    outer: list = [  # noqa: B006 - a pipeline default
        {"label": "x", "inner": ["1", "2"]},
        {"label": "y", "inner": ["3"]},
    ],
) -> str:
    with dsl.ParallelFor(outer) as o:
        with dsl.ParallelFor(o.inner) as i:
            by_field = pair(a=o.label, b=i).set_caching_options(False)
        with dsl.ParallelFor([{"k": "p"}, {"k": "q"}]) as k:
            both_fields = pair(a=o.label, b=k.k).set_caching_options(False)
    fields = join(xs=dsl.Collected(by_field.output)).set_caching_options(False)
    dicts = join(xs=dsl.Collected(both_fields.output)).set_caching_options(False)
    return pair(a=fields.output, b=dicts.output).set_caching_options(False).output


# -- an artifact loop inside a parameter loop: the outer item beside the artifact item --


@dsl.pipeline(name="made-per-item")
def made_per_item(prefix: str) -> list[Dataset]:
    with dsl.ParallelFor(["1", "2"]) as i:
        made = write(text=i).set_caching_options(False)
    return dsl.Collected(made.outputs["out"])


@dsl.pipeline(name="nested-artifact-loop")
def artifact_loop(outer: list = ["x", "y"]) -> str:  # noqa: B006 - a pipeline default
    with dsl.ParallelFor(outer) as o:
        datasets = made_per_item(prefix=o).set_caching_options(False)
        with dsl.ParallelFor(datasets.output) as d:
            read = read_with(d=d, o=o).set_caching_options(False)
    return join(xs=dsl.Collected(read.output)).set_caching_options(False).output


# -- a failure that skips a chain of tasks --


@dsl.component(base_image=IMAGE)
def fail(message: str) -> str:
    raise ValueError(message)


@dsl.pipeline(name="skipped-chain")
def skipped_chain() -> str:
    first = fail(message="boom").set_caching_options(False)
    second = pair(a=first.output, b="1").set_caching_options(False)
    return pair(a=second.output, b="2").set_caching_options(False).output
