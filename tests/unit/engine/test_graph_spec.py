"""The per-kind configuration schemas in openapi/pipelines.yaml and in engine/graph.py are
the same schemas: the spec is what clients see, the Python dicts are what the domain checks."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pipelines_server.engine.graph import KIND_CONFIG_SCHEMAS, KINDS

SPEC = yaml.safe_load(
    (Path(__file__).resolve().parents[3] / "openapi" / "pipelines.yaml").read_text()
)
SCHEMAS = SPEC["components"]["schemas"]
NAMES = {
    "start": "Start",
    "end": "End",
    "subtask": "Subtask",
    "review": "Review",
    "logic_gate": "LogicGate",
    "code": "Code",
    "http": "Http",
    "llm": "Llm",
    "evaluation": "Evaluation",
    "merge": "Merge",
    "loop": "Loop",
}


def from_spec(schema):
    """OpenAPI 3.0 -> the JSON Schema the domain uses ($refs resolved, descriptions dropped,
    boolean exclusiveMinimum converted)."""
    if isinstance(schema, list):
        return [from_spec(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("$ref", "").startswith("#/components/schemas/"):
        return from_spec(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
    out = {}
    for key, value in schema.items():
        if key == "properties":  # property names are data, not keywords
            out[key] = {name: from_spec(sub) for name, sub in value.items()}
            continue
        if key in ("description", "example", "default"):
            continue
        if key == "exclusiveMinimum":
            continue
        if key == "minimum" and schema.get("exclusiveMinimum") is True:
            out["exclusiveMinimum"] = value
            continue
        out[key] = from_spec(value)
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_config_schema_matches_the_spec(kind):
    spec = from_spec(SCHEMAS[f"{NAMES[kind]}NodeConfig"])
    assert spec == copy.deepcopy(KIND_CONFIG_SCHEMAS[kind])


def test_every_kind_is_a_node_variant():
    mapping = SCHEMAS["Node"]["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(KINDS)
    for kind in KINDS:
        variant = SCHEMAS[f"{NAMES[kind]}Node"]
        assert variant["properties"]["kind"]["enum"] == [kind]
