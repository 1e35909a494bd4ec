from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.loop_node_kind import LoopNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.loop_node_config import LoopNodeConfig


T = TypeVar("T", bound="LoopNode")


@_attrs_define
class LoopNode:
    """
    Attributes:
        id (str):
        kind (LoopNodeKind):
        name (str | Unset):
        config (LoopNodeConfig | Unset): Runs its body (from port `body`, back into port `next`) once per element of the
            array at `over` (a path such as input or nodes.make), at most `max_iterations` elements (more fails the node);
            port `done` carries the array of the body's results.
    """

    id: str
    kind: LoopNodeKind
    name: str | Unset = UNSET
    config: LoopNodeConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.loop_node_config import LoopNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = LoopNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: LoopNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = LoopNodeConfig.from_dict(_config)

        loop_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        loop_node.additional_properties = d
        return loop_node

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
