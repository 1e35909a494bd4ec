"""Library references in graphs, without a server: which graphs have them, and the graph
rules for the inline/reference pairs of llm and evaluation nodes."""

from __future__ import annotations

from pipelines_server.domain.library_refs import has_refs
from pipelines_server.engine.graph_validation import validate_graph


def graph(kind: str, config: dict) -> dict:
    return {
        "nodes": [
            {"id": "start", "kind": "start"},
            {"id": "x", "kind": kind, "config": config},
            {"id": "end", "kind": "end"},
        ],
        "edges": [{"source": "start", "target": "x"}, {"source": "x", "target": "end"}],
    }


def messages(g: dict) -> str:
    return " | ".join(e.message for e in validate_graph(g))


def test_has_refs():
    assert not has_refs(graph("llm", {"prompt": "p", "credential": "c", "model": "m"}))
    assert has_refs(graph("llm", {"prompt_ref": {"prompt_id": 1}, "credential": "c", "model": "m"}))
    assert has_refs(graph("llm", {"prompt": "p", "model_slug": "m"}))
    assert has_refs(graph("evaluation", {"evaluation_ref": {"evaluation_id": 1}}))
    assert has_refs(graph("review", {"evaluation_ref": {"evaluation_id": 1}}))
    assert not has_refs({"nodes": "junk"}) and not has_refs(None)


def test_llm_pairs():
    assert messages(graph("llm", {"prompt_ref": {"prompt_id": 1}, "model_slug": "m"})) == ""
    assert messages(graph("llm", {"prompt": "p", "credential": "c", "model": "m"})) == ""
    assert "not both" in messages(
        graph("llm", {"prompt": "p", "prompt_ref": {"prompt_id": 1}, "model_slug": "m"})
    )
    assert "not both" in messages(graph("llm", {"prompt": "p", "model_slug": "m", "model": "x"}))
    assert "needs prompt" in messages(graph("llm", {"model_slug": "m"}))
    assert "needs model (or model_slug)" in messages(
        graph("llm", {"prompt": "p", "credential": "c"})
    )
    assert "prompt_id" in messages(graph("llm", {"prompt_ref": {"id": 1}, "model_slug": "m"}))


def test_evaluation_needs_checks_or_a_reference():
    assert messages(graph("evaluation", {"evaluation_ref": {"evaluation_id": 3}})) == ""
    assert "evaluation_ref" in messages(graph("evaluation", {}))
    assert "evaluation_id" in messages(graph("evaluation", {"evaluation_ref": {}}))
