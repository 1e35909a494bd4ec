from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.linked_node_view import LinkedNodeView


T = TypeVar("T", bound="NodeWithLinked")


@_attrs_define
class NodeWithLinked:
    """
    Attributes:
        node (LinkedNodeView): A node's view: NodeWork's keys for a human node; for a machine node the keys every node
            view has, with the task details' `route`, `error`, `log`, `work_seconds`, `finished_at` and `updated_at`.
        upstream (list[LinkedNodeView]):
        downstream (list[LinkedNodeView]):
    """

    node: LinkedNodeView
    upstream: list[LinkedNodeView]
    downstream: list[LinkedNodeView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node = self.node.to_dict()

        upstream = []
        for upstream_item_data in self.upstream:
            upstream_item = upstream_item_data.to_dict()
            upstream.append(upstream_item)

        downstream = []
        for downstream_item_data in self.downstream:
            downstream_item = downstream_item_data.to_dict()
            downstream.append(downstream_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "node": node,
                "upstream": upstream,
                "downstream": downstream,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.linked_node_view import LinkedNodeView

        d = dict(src_dict)
        node = LinkedNodeView.from_dict(d.pop("node"))

        upstream = []
        _upstream = d.pop("upstream")
        for upstream_item_data in _upstream:
            upstream_item = LinkedNodeView.from_dict(upstream_item_data)

            upstream.append(upstream_item)

        downstream = []
        _downstream = d.pop("downstream")
        for downstream_item_data in _downstream:
            downstream_item = LinkedNodeView.from_dict(downstream_item_data)

            downstream.append(downstream_item)

        node_with_linked = cls(
            node=node,
            upstream=upstream,
            downstream=downstream,
        )

        node_with_linked.additional_properties = d
        return node_with_linked

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
