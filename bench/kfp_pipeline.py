"""The benchmark's pipeline: 10 lightweight components in two independent branches of 5,
one passing a Dataset artifact down its chain, the other parameters with its last step
inside a dsl.If. (No `from __future__ import annotations`: kfp reads the annotations.)"""

from kfp import dsl
from kfp.dsl import Dataset, Input, Output

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def produce(n: int, out: Output[Dataset]):
    with open(out.path, "w") as f:
        f.write("\n".join(str(i) for i in range(n)))


@dsl.component(base_image=IMAGE)
def transform(inp: Input[Dataset], factor: int, out: Output[Dataset]):
    with open(inp.path) as f:
        values = [int(line) for line in f.read().split()]
    with open(out.path, "w") as f:
        f.write("\n".join(str(v * factor) for v in values))


@dsl.component(base_image=IMAGE)
def summarize(inp: Input[Dataset]) -> int:
    with open(inp.path) as f:
        return sum(int(line) for line in f.read().split())


@dsl.component(base_image=IMAGE)
def step(x: int, add: int) -> int:
    return x + add


@dsl.component(base_image=IMAGE)
def noop() -> int:
    return 0


@dsl.pipeline(name="bench-two-branches")
def two_branches(n: int = 20) -> int:
    # Branch A: an artifact chain of 5.
    p = produce(n=n)
    t1 = transform(inp=p.outputs["out"], factor=2)
    t2 = transform(inp=t1.outputs["out"], factor=3)
    t3 = transform(inp=t2.outputs["out"], factor=1)
    s = summarize(inp=t3.outputs["out"])
    # Branch B: a parameter chain of 5, its last step behind a dsl.If.
    b1 = step(x=n, add=1)
    b2 = step(x=b1.output, add=2)
    b3 = step(x=b2.output, add=3)
    b4 = step(x=b3.output, add=4)
    with dsl.If(b4.output > 0):
        step(x=b4.output, add=5)
    return s.output


def two_branches_direct(n: int = 20) -> int:
    return sum(range(n)) * 6


@dsl.pipeline(name="bench-one-step")
def one_step() -> int:
    return noop().output
