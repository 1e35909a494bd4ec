"""The kind catalogue: every kind is a node variant of openapi/pipelines.yaml, and its
configuration schema (read from there) rejects a bad configuration of that kind."""

from __future__ import annotations

import pytest
import yaml

from pipelines_server.engine import kinds
from pipelines_server.engine.graph_validation import validate_graph
from pipelines_server.engine.kinds import KINDS, SPEC_NAMES, SPEC_PATH

SCHEMAS = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]
BAD_CONFIGS = {
    "start": {"unexpected": 1},
    "end": {"unexpected": 1},
    "merge": {"unexpected": 1},
    "subtask": {"instructions": 5},
    "review": {"on_reject": "nobody"},
    "logic_gate": {"default": "other"},  # no routes
    "code": {"timeout_seconds": 10},  # no source
    "http": {"url": "https://example.org", "method": "BREW"},
    "llm": {"credential": "c", "model": "m"},  # no prompt
    "evaluation": {"checks": []},
    "loop": {"over": "input", "max_iterations": 0},
}


def test_every_kind_is_a_node_variant():
    mapping = SCHEMAS["Node"]["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(KINDS)
    for kind in KINDS:
        variant = SCHEMAS[SPEC_NAMES[kind].replace("NodeConfig", "Node")]
        assert variant["properties"]["kind"]["enum"] == [kind]


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_config_is_rejected(kind):
    graph = {"nodes": [{"id": "x", "kind": kind, "config": BAD_CONFIGS[kind]}], "edges": []}
    config_errors = [
        e for e in validate_graph(graph) if e.loc[:4] == ("graph", "nodes", 0, "config")
    ]
    assert any(f"Node 'x' ({kind}) config:" in e.message for e in config_errors), config_errors


def test_a_process_without_the_spec_refuses_to_start_naming_it(monkeypatch, tmp_path):
    missing = tmp_path / "pipelines.yaml"
    monkeypatch.setattr(kinds, "SPEC_PATH", missing)
    for cached in (kinds._spec_schemas, kinds.config_schemas, kinds.condition_ops):
        cached.cache_clear()
    try:
        with pytest.raises(RuntimeError, match=str(missing)):
            kinds.check_spec()
    finally:
        for cached in (kinds._spec_schemas, kinds.config_schemas, kinds.condition_ops):
            cached.cache_clear()
