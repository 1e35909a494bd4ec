"""The global options of one pipectl run and the client they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
import yaml

from . import config
from .output import Format


@dataclass
class State:
    profile: str | None = None
    output: Format | None = None
    timeout: float = 30.0
    _client: Any = field(default=None, repr=False)

    def resolved(self) -> config.Resolved:
        return config.resolve(self.profile)

    def client(self):
        if self._client is None:
            from ..client import Client

            where = self.resolved()
            self._client = Client(where.base_url, where.api_key, timeout=self.timeout)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


# The global options of this run: the root callback sets them once per process.
_current = State()


def set_state(value: State) -> None:
    global _current
    _current = value


def state() -> State:
    return _current


def client():
    """The client of this run (made on first use from the profile and the environment)."""
    return state().client()


def read_document(path: Path) -> Any:
    """A YAML or JSON file (`-` reads stdin); YAML is a superset of JSON, so one parser."""
    import sys

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text()
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise typer.BadParameter(f"{path} is not valid YAML or JSON: {exc}") from exc
