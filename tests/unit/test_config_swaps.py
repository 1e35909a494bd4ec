"""Config swaps: the configurable fields of a graph, checking overrides against it, and
applying them to a copy (the graph given is never changed)."""

from __future__ import annotations

import copy

from pipelines_server.domain import config_swaps

GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start", "name": "Start"},
        {
            "id": "draft",
            "kind": "llm",
            "name": "Draft",
            "config": {"credential": "c", "model": "m", "prompt": "Hi {{input.x}}", "system": "S"},
        },
        {
            "id": "check",
            "kind": "evaluation",
            "name": "Check",
            "config": {"checks": [{"type": "regex", "path": "draft.output", "pattern": ".+"}]},
        },
        {"id": "rev", "kind": "review", "name": "Review"},
        {"id": "code", "kind": "code", "name": "Code", "config": {"source": "x"}},
        {"id": "end", "kind": "end", "name": "End"},
    ],
    "edges": [],
}
LOC = ("body", "variants", 1, "configOverrides")


def test_configurable_fields_lists_llm_evaluation_and_review_nodes():
    nodes = config_swaps.configurable_fields(GRAPH)
    assert [n["nodeId"] for n in nodes] == ["draft", "check", "rev"]
    draft = nodes[0]
    assert [f["fieldId"] for f in draft["fields"]] == ["prompt", "system", "model"]
    assert draft["fields"][0]["current"] == {"source": "inline", "text": "Hi {{input.x}}"}
    assert draft["fields"][2]["current"] == {"source": "inline", "credential": "c", "model": "m"}
    assert nodes[1]["fields"][0]["current"]["source"] == "inline"
    assert nodes[2]["fields"][0]["current"] == {"source": "none"}


def test_configurable_fields_show_library_references():
    graph = {
        "nodes": [
            {
                "id": "d",
                "kind": "llm",
                "config": {"prompt_ref": {"prompt_id": 3, "version": 2}, "model_slug": "fast"},
            },
            {
                "id": "e",
                "kind": "evaluation",
                "config": {"evaluation_ref": {"evaluation_id": 9, "version": 1}},
            },
        ]
    }
    d, e = config_swaps.configurable_fields(graph)
    assert d["fields"][0]["current"] == {"source": "library", "prompt_id": 3, "version": 2}
    assert d["fields"][2]["current"] == {"source": "library", "model_slug": "fast"}
    assert e["fields"][0]["current"] == {"source": "library", "evaluation_id": 9, "version": 1}


def test_parse_checks_the_shape():
    overrides, errors = config_swaps.parse(
        {
            "prompts": [{"nodeId": "draft", "fieldId": "prompt", "promptId": 1, "version": 2}],
            "models": [{"nodeId": "draft", "modelSlug": " fast "}],
            "evaluations": [{"nodeId": "check", "fieldId": "evaluation", "evaluationId": 0}],
            "other": [],
        },
        LOC,
    )
    assert [(o.section, o.node_id, o.field_id) for o in overrides] == [
        ("prompts", "draft", "prompt"),
        ("models", "draft", "model"),
    ]
    assert overrides[1].slug == "fast"
    locs = [e.loc for e in errors]
    assert (*LOC, "other") in locs
    assert (*LOC, "evaluations", 0, "evaluationId") in locs
    assert config_swaps.parse({}, LOC) == ([], [])
    assert config_swaps.parse(None, LOC) == ([], [])
    assert config_swaps.parse([], LOC)[1][0].loc == LOC


def _errors(raw):
    overrides, errors = config_swaps.parse(raw, LOC)
    assert not errors
    return config_swaps.check_targets(GRAPH, overrides, 1, LOC)


def test_unknown_node_or_field_is_named_with_the_variant():
    (e,) = _errors(
        {"prompts": [{"nodeId": "nope", "fieldId": "prompt", "promptId": 1, "version": 1}]}
    )
    assert e.loc == (*LOC, "prompts", 0, "nodeId")
    assert "variants[1]" in e.message and "'nope'" in e.message and "'prompt'" in e.message
    (e,) = _errors(
        {"prompts": [{"nodeId": "draft", "fieldId": "body", "promptId": 1, "version": 1}]}
    )
    assert e.loc == (*LOC, "prompts", 0, "fieldId")
    assert "'body'" in e.message and "'draft'" in e.message


def test_an_override_on_the_wrong_kind_of_node_is_refused():
    (e,) = _errors(
        {"prompts": [{"nodeId": "code", "fieldId": "prompt", "promptId": 1, "version": 1}]}
    )
    assert e.loc[-1] == "nodeId" and "code node" in e.message
    (e,) = _errors({"models": [{"nodeId": "check", "modelSlug": "x"}]})
    assert "evaluation node" in e.message
    (e,) = _errors(
        {
            "evaluations": [
                {"nodeId": "draft", "fieldId": "evaluation", "evaluationId": 1, "version": 1}
            ]
        }
    )
    assert "llm node" in e.message
    (e,) = _errors(
        {
            "prompts": [
                {"nodeId": "draft", "fieldId": "prompt", "promptId": 1, "version": 1},
                {"nodeId": "draft", "fieldId": "prompt", "promptId": 2, "version": 1},
            ]
        }
    )
    assert "twice" in e.message


def test_apply_swaps_a_copy_and_leaves_the_graph_as_it_was():
    before = copy.deepcopy(GRAPH)
    overrides, _ = config_swaps.parse(
        {
            "prompts": [
                {"nodeId": "draft", "fieldId": "prompt", "promptId": 5, "version": 2},
                {"nodeId": "draft", "fieldId": "system", "promptId": 6, "version": 1},
            ],
            "models": [{"nodeId": "draft", "modelSlug": "fast"}],
            "evaluations": [
                {"nodeId": "check", "fieldId": "evaluation", "evaluationId": 9, "version": 3},
                {"nodeId": "rev", "fieldId": "evaluation", "evaluationId": 9, "version": 3},
            ],
        },
        LOC,
    )
    assert not config_swaps.check_targets(GRAPH, overrides, 0, LOC)
    out = config_swaps.apply(GRAPH, overrides)
    assert GRAPH == before
    nodes = {n["id"]: n for n in out["nodes"]}
    assert nodes["draft"]["config"] == {
        "prompt_ref": {"prompt_id": 5, "version": 2},
        "system_ref": {"prompt_id": 6, "version": 1},
        "model_slug": "fast",
    }
    assert nodes["check"]["config"] == {"evaluation_ref": {"evaluation_id": 9, "version": 3}}
    assert nodes["rev"]["config"] == {"evaluation_ref": {"evaluation_id": 9, "version": 3}}
    assert config_swaps.apply(GRAPH, []) == GRAPH


def test_a_reference_without_version_means_the_latest():
    overrides, errors = config_swaps.parse(
        {"prompts": [{"nodeId": "draft", "fieldId": "prompt", "promptId": 5}]}, LOC
    )
    assert not errors and overrides[0].version is None
    out = config_swaps.apply(GRAPH, overrides)
    draft = next(n for n in out["nodes"] if n["id"] == "draft")
    assert draft["config"]["prompt_ref"] == {"prompt_id": 5}
    _, errors = config_swaps.parse(
        {"prompts": [{"nodeId": "draft", "fieldId": "prompt", "promptId": 5, "version": 0}]}, LOC
    )
    assert errors[0].loc == (*LOC, "prompts", 0, "version")
