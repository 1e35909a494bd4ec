from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LoopNodeConfig")


@_attrs_define
class LoopNodeConfig:
    """Runs its body (from port `body`, back into port `next`) once per element of the array at `over` (a path such as
    input or nodes.make), at most `max_iterations` elements (more fails the node); port `done` carries the array of the
    body's results.

        Attributes:
            over (str):
            max_iterations (int):
    """

    over: str
    max_iterations: int

    def to_dict(self) -> dict[str, Any]:
        over = self.over

        max_iterations = self.max_iterations

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "over": over,
                "max_iterations": max_iterations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        over = d.pop("over")

        max_iterations = d.pop("max_iterations")

        loop_node_config = cls(
            over=over,
            max_iterations=max_iterations,
        )

        return loop_node_config
