from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.logic_gate_node_config_routes_item import LogicGateNodeConfigRoutesItem


T = TypeVar("T", bound="LogicGateNodeConfig")


@_attrs_define
class LogicGateNodeConfig:
    """Routes on conditions over the node's variables (input, task, nodes, item, index). Output ports: each route's `port`,
    and `default`; the first route whose condition holds wins; every node on a path not taken becomes na.

        Attributes:
            routes (list[LogicGateNodeConfigRoutesItem]):
            default (str | Unset):
    """

    routes: list[LogicGateNodeConfigRoutesItem]
    default: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        routes = []
        for routes_item_data in self.routes:
            routes_item = routes_item_data.to_dict()
            routes.append(routes_item)

        default = self.default

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "routes": routes,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.logic_gate_node_config_routes_item import (
            LogicGateNodeConfigRoutesItem,
        )

        d = dict(src_dict)
        routes = []
        _routes = d.pop("routes")
        for routes_item_data in _routes:
            routes_item = LogicGateNodeConfigRoutesItem.from_dict(routes_item_data)

            routes.append(routes_item)

        default = d.pop("default", UNSET)

        logic_gate_node_config = cls(
            routes=routes,
            default=default,
        )

        return logic_gate_node_config
