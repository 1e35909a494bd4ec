from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SchemaField")


@_attrs_define
class SchemaField:
    """
    Attributes:
        name (str): The key to send in `fields`.
        title (str): The label shown in the UI.
        type_ (FieldType):
        required (bool):
        description (str):
        format_hint (None | str): For select fields, the valid options.
        options (list[str] | Unset): Select fields only.
        max_rating (int | Unset): Rating fields only.
    """

    name: str
    title: str
    type_: FieldType
    required: bool
    description: str
    format_hint: None | str
    options: list[str] | Unset = UNSET
    max_rating: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        type_ = self.type_.value

        required = self.required

        description = self.description

        format_hint: None | str
        format_hint = self.format_hint

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        max_rating = self.max_rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "type": type_,
                "required": required,
                "description": description,
                "format_hint": format_hint,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if max_rating is not UNSET:
            field_dict["max_rating"] = max_rating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        type_ = FieldType(d.pop("type"))

        required = d.pop("required")

        description = d.pop("description")

        def _parse_format_hint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        format_hint = _parse_format_hint(d.pop("format_hint"))

        options = cast(list[str], d.pop("options", UNSET))

        max_rating = d.pop("max_rating", UNSET)

        schema_field = cls(
            name=name,
            title=title,
            type_=type_,
            required=required,
            description=description,
            format_hint=format_hint,
            options=options,
            max_rating=max_rating,
        )

        schema_field.additional_properties = d
        return schema_field

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
