from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="InputField")


@_attrs_define
class InputField:
    """
    Attributes:
        name (str): The key tasks send; letters, digits and _.
        type_ (FieldType): `file_upload`: in a workflow's input fields, a file of the tasks' ZIP upload (the upload
            flow); in a subtask's form, a reference `{"file_id": "<id>"}` to a confirmed file of the task's project (see
            submit-subtask).
        title (str | Unset):
        required (bool | Unset):  Default: False.
        description (str | Unset):
        options (list[str] | Unset): Select fields only.
        max_rating (int | Unset): Rating fields only (default 5).
    """

    name: str
    type_: FieldType
    title: str | Unset = UNSET
    required: bool | Unset = False
    description: str | Unset = UNSET
    options: list[str] | Unset = UNSET
    max_rating: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        title = self.title

        required = self.required

        description = self.description

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        max_rating = self.max_rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if required is not UNSET:
            field_dict["required"] = required
        if description is not UNSET:
            field_dict["description"] = description
        if options is not UNSET:
            field_dict["options"] = options
        if max_rating is not UNSET:
            field_dict["max_rating"] = max_rating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = FieldType(d.pop("type"))

        title = d.pop("title", UNSET)

        required = d.pop("required", UNSET)

        description = d.pop("description", UNSET)

        options = cast(list[str], d.pop("options", UNSET))

        max_rating = d.pop("max_rating", UNSET)

        input_field = cls(
            name=name,
            type_=type_,
            title=title,
            required=required,
            description=description,
            options=options,
            max_rating=max_rating,
        )

        input_field.additional_properties = d
        return input_field

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
