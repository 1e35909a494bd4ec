"""Paged lists of the UI (workflows, tasks, admin and data pages): the page number from the
query string, and what templates/_paged.html needs to draw "Previous / Page n of m / Next"
links."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request

from .core import bp
from .params import page_arg


@dataclass(frozen=True)
class Paged:
    number: int
    size: int
    total: int = 0

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number * self.size < self.total

    def with_total(self, total: int) -> Paged:
        return Paged(self.number, self.size, total)


def requested(size: int, arg: str = "page") -> Paged:
    """The page the query string asks for (1 when absent or not a positive number; at most
    params.MAX_PAGE)."""
    return Paged(page_arg(arg), size)


@bp.app_template_global("page_url")
def page_url(number: int, arg: str = "page") -> str:
    """This page's URL with another page number (other query arguments kept)."""
    from urllib.parse import urlencode

    args = request.args.to_dict(flat=True)
    args[arg] = str(number)
    return f"{request.path}?{urlencode(args)}"
