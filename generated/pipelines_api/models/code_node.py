from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_node_kind import CodeNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_node_config import CodeNodeConfig


T = TypeVar("T", bound="CodeNode")


@_attrs_define
class CodeNode:
    """
    Attributes:
        id (str):
        kind (CodeNodeKind):
        name (str | Unset):
        config (CodeNodeConfig | Unset): Python `def main(data)` run in a subprocess; `data` is {input, task, nodes,
            item, index}; the return value (JSON) is the output; stdout and stderr are the node's log. Defaults:
            timeout_seconds 10, memory_mb 256, input_type and output_type any.
    """

    id: str
    kind: CodeNodeKind
    name: str | Unset = UNSET
    config: CodeNodeConfig | Unset = UNSET
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
        from ..models.code_node_config import CodeNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = CodeNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: CodeNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = CodeNodeConfig.from_dict(_config)

        code_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        code_node.additional_properties = d
        return code_node

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
