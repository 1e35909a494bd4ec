"""Pipelit edges over HTTP: EdgeOut's shape, the POST checks in Pipelit's order with its exact
messages (restating its test_edge_validation as edge POSTs), unchecked PATCH, llm links."""

from __future__ import annotations

import pytest

from tests.api.pipelit.helpers import pipelit, slug

EDGE_KEYS = {
    "id",
    "source_node_id",
    "target_node_id",
    "edge_type",
    "edge_label",
    "condition_mapping",
    "condition_value",
    "priority",
}


@pytest.fixture
def wf(server):
    with pipelit(server) as api:
        s = slug()
        assert api.post("/workflows/", json={"name": "E", "slug": s}).status_code == 201
        yield api, s


def _nodes(api, s, *pairs):
    for kind, nid in pairs:
        r = api.post(f"/workflows/{s}/nodes/", json={"component_type": kind, "node_id": nid})
        assert r.status_code == 201, r.text


def _edge(api, s, **body):
    return api.post(f"/workflows/{s}/edges/", json=body)


def _type_errors(r):
    assert r.status_code == 422, r.text
    return r.json()["detail"]["validation_errors"]


def test_create_gives_the_exact_edge_out(wf):
    api, s = wf
    _nodes(api, s, ("trigger_chat", "t"), ("agent", "a"))
    r = _edge(api, s, source_node_id="t", target_node_id="a")
    assert r.status_code == 201
    body = r.json()
    assert set(body) == EDGE_KEYS
    assert {k: v for k, v in body.items() if k != "id"} == {
        "source_node_id": "t",
        "target_node_id": "a",
        "edge_type": "direct",
        "edge_label": "",
        "condition_mapping": None,
        "condition_value": "",
        "priority": 0,
    }
    assert api.get(f"/workflows/{s}/edges/").json() == [body]


def test_conditional_edges_are_checked_in_order(wf):
    api, s = wf
    _nodes(api, s, ("switch", "sw"), ("code", "c"), ("agent", "a"))
    r = _edge(api, s, source_node_id="c", edge_type="conditional")
    assert r.status_code == 422
    assert r.json() == {"detail": "Conditional edges require a non-empty condition_value"}
    r = _edge(api, s, source_node_id="c", edge_type="conditional", condition_value="x")
    assert r.json() == {"detail": "Conditional edges require a non-empty target_node_id"}
    r = _edge(
        api, s, source_node_id="c", target_node_id="a", edge_type="conditional", condition_value="x"
    )
    assert r.status_code == 422
    assert r.json() == {"detail": "Conditional edges can only originate from 'switch' nodes"}
    r = _edge(
        api,
        s,
        source_node_id="gone",
        target_node_id="a",
        edge_type="conditional",
        condition_value="x",
    )
    assert r.json() == {"detail": "Conditional edges can only originate from 'switch' nodes"}
    r = _edge(
        api,
        s,
        source_node_id="sw",
        target_node_id="a",
        edge_type="conditional",
        condition_value="yes",
        condition_mapping={"yes": "a"},
        priority=2,
    )
    assert r.status_code == 201
    assert r.json()["edge_type"] == "conditional"
    assert r.json()["condition_mapping"] == {"yes": "a"}
    assert (r.json()["condition_value"], r.json()["priority"]) == ("yes", 2)


def test_unlabelled_edges_compare_first_output_and_first_input(wf):
    api, s = wf
    _nodes(
        api,
        s,
        ("trigger_manual", "man"),
        ("trigger_chat", "chat"),
        ("agent", "a"),
        ("code", "c"),
        ("filter", "f"),
        ("identify_user", "iu"),
        ("human_confirmation", "hc"),
        ("run_command", "rc"),
    )
    assert _type_errors(_edge(api, s, source_node_id="man", target_node_id="a")) == [
        "Type mismatch: trigger_manual outputs 'object' but agent expects 'messages'"
    ]
    assert _edge(api, s, source_node_id="chat", target_node_id="a").status_code == 201
    assert _edge(api, s, source_node_id="a", target_node_id="c").status_code == 201
    assert _edge(api, s, source_node_id="c", target_node_id="f").status_code == 201
    assert _type_errors(_edge(api, s, source_node_id="chat", target_node_id="f")) == [
        "Type mismatch: trigger_chat outputs 'string' but filter expects 'array'"
    ]
    assert _type_errors(_edge(api, s, source_node_id="hc", target_node_id="rc")) == [
        "Type mismatch: human_confirmation outputs 'boolean' but run_command expects 'string'"
    ]
    assert _edge(api, s, source_node_id="man", target_node_id="iu").status_code == 201
    # a target without inputs (a trigger) accepts anything
    assert _edge(api, s, source_node_id="a", target_node_id="chat").status_code == 201


def test_labelled_edges_check_only_the_targets_flag(wf):
    api, s = wf
    _nodes(
        api,
        s,
        ("ai_model", "m"),
        ("agent", "a"),
        ("categorizer", "cat"),
        ("code", "c"),
        ("output_parser", "op"),
        ("skill", "sk"),
        ("trigger_manual", "man"),
    )
    assert (
        _edge(api, s, source_node_id="m", target_node_id="a", edge_label="llm").status_code == 201
    )
    # the source type is never checked
    r = _edge(api, s, source_node_id="man", target_node_id="cat", edge_label="llm")
    assert r.status_code == 201
    assert _type_errors(
        _edge(api, s, source_node_id="m", target_node_id="c", edge_label="llm")
    ) == ["Node type 'code' does not accept 'model' connections"]
    assert _type_errors(
        _edge(api, s, source_node_id="c", target_node_id="cat", edge_label="tool")
    ) == ["Node type 'categorizer' does not accept 'tools' connections"]
    assert _type_errors(
        _edge(api, s, source_node_id="op", target_node_id="a", edge_label="output_parser")
    ) == ["Node type 'agent' does not accept 'output_parser' connections"]
    assert _type_errors(
        _edge(api, s, source_node_id="sk", target_node_id="cat", edge_label="skill")
    ) == ["Node type 'categorizer' does not accept 'skills' connections"]
    for label, target in (("tool", "a"), ("output_parser", "cat"), ("skill", "a")):
        assert (
            _edge(api, s, source_node_id="c", target_node_id=target, edge_label=label).status_code
            == 201
        )


def test_edges_skip_the_type_check_when_it_cannot_apply(wf):
    api, s = wf
    _nodes(api, s, ("trigger_manual", "man"), ("agent", "a"), ("code_execute", "ce"), ("loop", "l"))
    # a missing node, no target, loop labels, an unregistered type
    assert _edge(api, s, source_node_id="man", target_node_id="ghost").status_code == 201
    assert _edge(api, s, source_node_id="man").status_code == 201
    assert (
        _edge(api, s, source_node_id="man", target_node_id="a", edge_label="loop_body").status_code
        == 201
    )
    assert (
        _edge(
            api, s, source_node_id="man", target_node_id="a", edge_label="loop_return"
        ).status_code
        == 201
    )
    assert _edge(api, s, source_node_id="ce", target_node_id="a").status_code == 201
    # no de-duplication
    assert _edge(api, s, source_node_id="man", target_node_id="ghost").status_code == 201


def test_bad_bodies_are_422(wf):
    api, s = wf
    assert _edge(api, s, target_node_id="a").status_code == 422
    assert _edge(api, s, source_node_id="a", edge_type="sideways").status_code == 422
    r = _edge(api, s, source_node_id="a", edge_label="memory")
    assert r.status_code == 422
    (item,) = r.json()["detail"]
    assert (item["type"], item["loc"]) == ("literal_error", ["body", "edge_label"])
    assert item["msg"] == (
        "Input should be '', 'llm', 'tool', 'output_parser', 'loop_body', 'loop_return' or 'skill'"
    )


def test_an_llm_edge_links_the_target_until_deleted(wf):
    api, s = wf
    _nodes(api, s, ("ai_model", "m"), ("agent", "a"))
    model_id = [n for n in api.get(f"/workflows/{s}/nodes/").json() if n["node_id"] == "m"][0]["id"]
    edge = _edge(api, s, source_node_id="m", target_node_id="a", edge_label="llm").json()

    def link():
        (agent,) = [n for n in api.get(f"/workflows/{s}/nodes/").json() if n["node_id"] == "a"]
        return agent["config"]["llm_model_config_id"]

    assert link() == model_id
    r = api.delete(f"/workflows/{s}/edges/{edge['id']}/")
    assert r.status_code == 204 and r.content == b""
    assert link() is None
    assert api.get(f"/workflows/{s}/edges/").json() == []


def test_patch_changes_the_fields_given_without_checks(wf):
    api, s = wf
    _nodes(api, s, ("trigger_chat", "t"), ("agent", "a"), ("trigger_manual", "man"))
    edge = _edge(api, s, source_node_id="t", target_node_id="a").json()
    r = api.patch(
        f"/workflows/{s}/edges/{edge['id']}/", json={"source_node_id": "man", "priority": 5}
    )
    assert r.status_code == 200
    assert r.json() == {**edge, "source_node_id": "man", "priority": 5}
    r = api.patch(
        f"/workflows/{s}/edges/{edge['id']}/",
        json={"edge_type": "conditional", "condition_value": ""},
    )
    assert r.status_code == 200 and r.json()["edge_type"] == "conditional"


def test_unknown_edge_is_404_and_a_non_integer_id_422(wf, server):
    api, s = wf
    r = api.patch(f"/workflows/{s}/edges/999999999/", json={"priority": 1})
    assert r.status_code == 404 and r.json() == {"detail": "Edge not found."}
    r = api.delete(f"/workflows/{s}/edges/999999999/")
    assert r.status_code == 404 and r.json() == {"detail": "Edge not found."}
    r = api.delete(f"/workflows/{s}/edges/abc/")
    assert r.status_code == 422
    (item,) = r.json()["detail"]
    assert (item["type"], item["loc"]) == ("int_parsing", ["path", "edge_id"])
    # an edge of another workflow is not found through this one
    other = slug()
    api.post("/workflows/", json={"name": "O", "slug": other})
    _nodes(api, other, ("trigger_chat", "t"))
    edge = _edge(api, other, source_node_id="t").json()
    assert api.delete(f"/workflows/{s}/edges/{edge['id']}/").status_code == 404
    assert api.delete(f"/workflows/{other}/edges/{edge['id']}/").status_code == 204
