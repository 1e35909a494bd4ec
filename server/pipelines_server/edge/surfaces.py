"""The surfaces (native, External v1, KFP) by URL prefix: the table the app registers, and
which surface a path is on, so that every error takes that surface's body and headers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the 431 of edge.httpproto is shaped without loading the web stack early
    from ..web.errors import HttpError


@dataclass
class Surface:
    prefix: str
    shape: Callable[[HttpError], tuple[int, dict, dict[str, str]]]
    headers: dict[str, str] = field(default_factory=dict)


_table: list[Surface] = []


def register(surfaces: Iterable[Surface]) -> None:
    """The app's surfaces (it calls this when it is imported; again is harmless)."""
    # Longest prefix first: /api/v1 is matched before /api.
    _table[:] = sorted(surfaces, key=lambda s: len(s.prefix), reverse=True)


def registered() -> bool:
    return bool(_table)


def find(path: str) -> Surface | None:
    """The surface `path` is on: the longest registered prefix it equals or extends."""
    for s in _table:
        if path == s.prefix or path.startswith(s.prefix + "/"):
            return s
    return None


def shape(surface: Surface | None, err: HttpError) -> tuple[int, dict, dict[str, str]]:
    """(status, body, headers) of `err` in the error body of `surface`; off every surface a
    plain {"detail": message}. The surface's own headers are not included."""
    if surface is None:
        return err.status, {"detail": err.message}, {}
    return surface.shape(err)
