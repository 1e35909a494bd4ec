"""Nested `dsl.ParallelFor` loops (tests/compat/kfp_nested_loops.py) compiled with kfp and
run through kfp.Client on a real server: a task in an inner loop receives the OUTER loop's
item (and its fields), as upstream's backend gives it, and `dsl.Collected` over nested
loops is one flat list.

No `from __future__ import annotations` here: the kfp compiler reads annotations as types."""

import httpx
import pytest

kfp = pytest.importorskip("kfp")

from tests.compat import kfp_nested_loops as N  # noqa: E402

TIMEOUT = 600  # generous: waits on states, never on speed


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


def run(client, func, arguments=None):
    created = client.create_run_from_pipeline_func(
        func, arguments=arguments or {}, experiment_name="nested-loops"
    )
    result = client.wait_for_run_completion(created.run_id, timeout=TIMEOUT)
    assert result.state == "SUCCEEDED", result.error
    return created.run_id


def tasks(server, run_id: str) -> list[dict]:
    reply = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{run_id}",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
        timeout=30,
    )
    reply.raise_for_status()
    return reply.json()["run_details"]["task_details"]


def outputs_of(all_tasks: list[dict], name: str) -> list[str]:
    """The `Output` of every task of that name (one per iteration), sorted."""
    return sorted(
        t["output_parameters"]["Output"]
        for t in all_tasks
        if t["display_name"] == name and t["state"] == "SUCCEEDED"
    )


def test_an_inner_task_receives_the_outer_loops_item(server, client):
    found = tasks(server, run(client, N.outer_item))
    expected = ["x-1", "x-2", "x-3", "y-1", "y-2", "y-3"]
    assert outputs_of(found, "pair") == expected  # each inner task: (outer, inner)
    assert outputs_of(found, "join") == [",".join(expected)]  # Collected: one flat list


def test_outer_items_given_as_a_run_argument(server, client):
    found = tasks(server, run(client, N.outer_item, {"outer": ["p", "q", "r"]}))
    expected = sorted(f"{o}-{i}" for o in "pqr" for i in "123")
    assert outputs_of(found, "pair") == expected
    assert outputs_of(found, "join") == [",".join(expected)]


def test_three_levels_keep_each_loops_item(server, client):
    found = tasks(server, run(client, N.three_levels))
    expected = [f"{a}-{b}-{c}" for a in "ab" for b in "12" for c in "pq"]
    assert outputs_of(found, "triple") == expected
    assert outputs_of(found, "join") == [",".join(expected)]
    # the condition on the outermost item, two loops down: true for "a" only
    assert outputs_of(found, "pair") == ["a-1", "a-2"]
    skipped = [t for t in found if t["display_name"] == "condition-4"]
    assert sorted(t["state"] for t in skipped) == ["SKIPPED", "SKIPPED", "SUCCEEDED", "SUCCEEDED"]


def test_the_outer_items_fields_reach_inner_loops(server, client):
    found = tasks(server, run(client, N.outer_fields))
    # the inner loop iterates over the outer item's own field; its tasks take another field
    assert outputs_of(found, "pair") == ["x-1", "x-2", "y-3"]
    # an inner loop over dicts: one field of the outer item, one of the inner one
    assert outputs_of(found, "pair-2") == ["x-p", "x-q", "y-p", "y-q"]
    assert outputs_of(found, "pair-3") == ["x-1,x-2,y-3-x-p,x-q,y-p,y-q"]


def test_an_artifact_loop_inside_a_parameter_loop_keeps_the_outer_item(server, client):
    found = tasks(server, run(client, N.artifact_loop))
    # each outer item made two datasets ("1", "2"); each read sees its own outer item
    assert outputs_of(found, "read-with") == ["x-1", "x-2", "y-1", "y-2"]
    assert outputs_of(found, "join") == ["x-1,x-2,y-1,y-2"]
