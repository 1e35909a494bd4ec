"""The type vocabulary of ports and fields: the types of a form or input field, the rule for
a field's name, and which port types an edge may join. Workflow input fields and subtask
forms use the same words, so the engine and the domain share them from here (the port types
themselves are the `PortType` enum of openapi/pipelines.yaml)."""

from __future__ import annotations

import re

FIELD_TYPES = (
    "short_text",
    "long_text",
    "code",
    "boolean",
    "numeric",
    "datetime",
    "select",
    "rating",
    "file_upload",
)
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def port_compatible(source_type: str, target_type: str) -> bool:
    """Whether an edge may carry a value from a port of one type to a port of another."""
    return source_type == target_type or "any" in (source_type, target_type)
