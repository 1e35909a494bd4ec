from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualExecuteIn")


@_attrs_define
class ManualExecuteIn:
    """
    Attributes:
        text (str | Unset):  Default: ''.
        trigger_node_id (None | str | Unset):
    """

    text: str | Unset = ""
    trigger_node_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        trigger_node_id: None | str | Unset
        if isinstance(self.trigger_node_id, Unset):
            trigger_node_id = UNSET
        else:
            trigger_node_id = self.trigger_node_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if trigger_node_id is not UNSET:
            field_dict["trigger_node_id"] = trigger_node_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        def _parse_trigger_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_node_id = _parse_trigger_node_id(d.pop("trigger_node_id", UNSET))

        manual_execute_in = cls(
            text=text,
            trigger_node_id=trigger_node_id,
        )

        manual_execute_in.additional_properties = d
        return manual_execute_in

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
