"""Pipelines the KFP compatibility tests and the benchmark run, written with the kfp SDK
as a user writes them. Each `*_direct` function computes by plain Python what the
pipeline returns. (No `from __future__ import annotations`: kfp reads the annotations.)"""

from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Model, Output


@dsl.component(base_image="python:3.11")
def add(a: int, b: int) -> int:
    return a + b


@dsl.component(base_image="python:3.11")
def square(x: int) -> int:
    return x * x


@dsl.component(base_image="python:3.11")
def make_numbers(n: int, data: Output[Dataset]):
    with open(data.path, "w") as f:
        f.write(",".join(str(i) for i in range(n)))
    data.metadata["rows"] = n


@dsl.component(base_image="python:3.11")
def total(data: Input[Dataset], metrics: Output[Metrics]) -> int:
    with open(data.path) as f:
        value = sum(int(x) for x in f.read().split(","))
    metrics.log_metric("sum", value)
    return value


@dsl.component(base_image="python:3.11")
def train(data: Input[Dataset], scale: float, model: Output[Model]) -> float:
    with open(data.path) as f:
        values = [int(x) for x in f.read().split(",")]
    weight = scale * sum(values) / max(1, len(values))
    with open(model.path, "w") as f:
        f.write(str(weight))
    return weight


@dsl.component(base_image="python:3.11")
def describe(label: str, value: float) -> str:
    return f"{label}={value:g}"


@dsl.component(base_image="python:3.11")
def gather(xs: list[int]) -> int:
    return int(sum(xs))


@dsl.component(base_image="python:3.11")
def fail(message: str) -> int:
    raise ValueError(message)


@dsl.component(base_image="python:3.11")
def sleep(seconds: float) -> str:
    import time

    time.sleep(seconds)
    return "slept"


@dsl.component(base_image="python:3.11")
def final_state(status: dsl.PipelineTaskFinalStatus) -> str:
    return status.state


@dsl.component(base_image="python:3.11")
def shout(text: str, data: Output[Dataset]) -> str:
    print(f"shouting {text}")  # the task's log
    with open(data.path, "w") as f:
        f.write(text.upper())
    return text.upper()


@dsl.pipeline(name="loud")
def loud(text: str = "hello") -> str:
    return shout(text=text).outputs["Output"]


@dsl.pipeline(name="arith")
def arith(a: int = 2, b: int = 3) -> int:
    s = add(a=a, b=b)
    return square(x=s.output).output


def arith_direct(a: int = 2, b: int = 3) -> int:
    return (a + b) ** 2


@dsl.pipeline(name="artifacts-and-branches")
def branches(n: int = 6, threshold: int = 10) -> str:
    data = make_numbers(n=n)
    t = total(data=data.outputs["data"])
    m = train(data=data.outputs["data"], scale=2.0)
    with dsl.If(t.outputs["Output"] > threshold):
        big = describe(label="big", value=m.outputs["Output"])
    with dsl.Else():
        small = describe(label="small", value=m.outputs["Output"])
    return dsl.OneOf(big.output, small.output)


def branches_direct(n: int = 6, threshold: int = 10) -> str:
    values = list(range(n))
    weight = 2.0 * sum(values) / max(1, len(values))
    label = "big" if sum(values) > threshold else "small"
    return f"{label}={weight:g}"


@dsl.pipeline(name="inner-square")
def inner(v: int) -> int:
    return square(x=v).output


@dsl.pipeline(name="fan-out")
def fan_out(k: int = 1) -> int:
    with dsl.ParallelFor([1, 2, 3, 4], parallelism=2) as item:
        s = add(a=item, b=k)
    g = gather(xs=dsl.Collected(s.output))
    return inner(v=g.output).output


def fan_out_direct(k: int = 1) -> int:
    return sum(i + k for i in [1, 2, 3, 4]) ** 2


@dsl.pipeline(name="failing")
def failing(message: str = "boom") -> int:
    a = add(a=1, b=2)
    return fail(message=message).after(a).output


@dsl.pipeline(name="exit-handler")
def with_exit(message: str = "bad"):
    cleanup = final_state()
    with dsl.ExitHandler(cleanup):
        fail(message=message)


@dsl.pipeline(name="slow")
def slow(seconds: float = 60.0) -> str:
    return sleep(seconds=seconds).output


@dsl.container_component
def echo_container(text: str):
    return dsl.ContainerSpec(image="alpine:3", command=["echo"], args=[text])


@dsl.pipeline(name="container")
def container(text: str = "hi"):
    echo_container(text=text)


@dsl.pipeline(name="model-out")
def model_out(n: int = 4) -> Model:
    data = make_numbers(n=n)
    return train(data=data.outputs["data"], scale=0.5).outputs["model"]


def model_out_direct(n: int = 4) -> str:
    values = list(range(n))
    return str(0.5 * sum(values) / max(1, len(values)))


@dsl.pipeline(name="add-then-sleep")
def add_then_sleep(seconds: float = 4.0) -> str:
    a = add(a=20, b=22)
    return sleep(seconds=seconds).after(a).output


@dsl.pipeline(name="two-sleeps")
def two_sleeps():
    sleep(seconds=1.0)
    sleep(seconds=1.0)


@dsl.pipeline(name="fail-then")
def fail_then() -> int:
    f = fail(message="nope-7")
    return add(a=f.output, b=1).output


@dsl.component(base_image="python:3.11")
def label(x: int, name: str) -> str:
    return f"{name}:{x}"


@dsl.pipeline(name="elif")
def elif_chain(x: int = 5) -> str:
    with dsl.If(x > 10):
        a = label(x=x, name="large")
    with dsl.Elif(x > 3):
        b = label(x=x, name="medium")
    with dsl.Else():
        c = label(x=x, name="small")
    return dsl.OneOf(a.output, b.output, c.output)


def elif_chain_direct(x: int = 5) -> str:
    name = "large" if x > 10 else "medium" if x > 3 else "small"
    return f"{name}:{x}"


@dsl.pipeline(name="loop-over-input")
def loop_over_input(items: list[int], parallelism_probe: float = 0.0) -> int:
    with dsl.ParallelFor(items, parallelism=2) as item:
        s = square(x=item)
        sleep(seconds=parallelism_probe)
    return gather(xs=dsl.Collected(s.output)).output


def loop_over_input_direct(items: list[int]) -> int:
    return sum(i * i for i in items)


@dsl.component(base_image="python:3.11")
def read_text(data: Input[Dataset]) -> str:
    with open(data.path) as f:
        return f.read()


@dsl.pipeline(name="importer")
def imported(uri: str) -> str:
    imp = dsl.importer(artifact_uri=uri, artifact_class=Dataset, reimport=False)
    return read_text(data=imp.output).output


@dsl.component(base_image="python:3.11")
def odd_values() -> float:
    print("a NUL here:", chr(0), "and NaN next")
    return float("nan")


@dsl.component(base_image="python:3.11")
def env_names() -> str:
    import os

    return ",".join(sorted(os.environ))


@dsl.pipeline(name="odd-values")
def odd() -> float:
    return odd_values().output


@dsl.component(base_image="python:3.11")
def fail_with_nul() -> int:
    raise ValueError("bad " + chr(0) + " byte")


@dsl.pipeline(name="nul-failure")
def nul_failure() -> int:
    return fail_with_nul().output


@dsl.pipeline(name="env")
def env() -> str:
    return env_names().output
