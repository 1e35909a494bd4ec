from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorrectionInlineEdit")


@_attrs_define
class CorrectionInlineEdit:
    """
    Attributes:
        field (str): The name of one of the subtask's fields.
        value (Any | Unset): Its new value (null clears it, if the field is optional).
    """

    field: str
    value: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        value = d.pop("value", UNSET)

        correction_inline_edit = cls(
            field=field,
            value=value,
        )

        return correction_inline_edit
