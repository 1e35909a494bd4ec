"""Pipelit's workflow DSL dry-run (`POST /workflows/validate-dsl/`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...shared.principal import Principal


def validate(session: Session, principal: Principal, yaml_str: str) -> dict:
    return {
        "valid": False,
        "errors": ["Parse error: not implemented yet"],
        "node_count": 0,
        "edge_count": 0,
    }
