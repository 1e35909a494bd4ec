from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.gate_condition import GateCondition


T = TypeVar("T", bound="LogicGateNodeConfigRoutesItem")


@_attrs_define
class LogicGateNodeConfigRoutesItem:
    """
    Attributes:
        port (str):
        when (GateCondition): {path, op, value} (value not needed for exists / not_exists), or {all: [...]}, {any:
            [...]}, {not: ...}.
    """

    port: str
    when: GateCondition

    def to_dict(self) -> dict[str, Any]:
        port = self.port

        when = self.when.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "port": port,
                "when": when,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gate_condition import GateCondition

        d = dict(src_dict)
        port = d.pop("port")

        when = GateCondition.from_dict(d.pop("when"))

        logic_gate_node_config_routes_item = cls(
            port=port,
            when=when,
        )

        return logic_gate_node_config_routes_item
