from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subtask_node_config_fields_item_source import (
    SubtaskNodeConfigFieldsItemSource,
)
from ..models.subtask_node_config_fields_item_type import (
    SubtaskNodeConfigFieldsItemType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubtaskNodeConfigFieldsItem")


@_attrs_define
class SubtaskNodeConfigFieldsItem:
    """
    Attributes:
        name (str):
        type_ (SubtaskNodeConfigFieldsItemType):
        title (str | Unset):
        description (str | Unset):
        required (bool | Unset):
        options (list[str] | Unset):
        max_rating (int | Unset):
        source (SubtaskNodeConfigFieldsItemSource | Unset):
        input_field (str | Unset):
        value (Any | Unset):
        prompt (str | Unset):
        credential (str | Unset):
        model (str | Unset):
    """

    name: str
    type_: SubtaskNodeConfigFieldsItemType
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    required: bool | Unset = UNSET
    options: list[str] | Unset = UNSET
    max_rating: int | Unset = UNSET
    source: SubtaskNodeConfigFieldsItemSource | Unset = UNSET
    input_field: str | Unset = UNSET
    value: Any | Unset = UNSET
    prompt: str | Unset = UNSET
    credential: str | Unset = UNSET
    model: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        title = self.title

        description = self.description

        required = self.required

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        max_rating = self.max_rating

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        input_field = self.input_field

        value = self.value

        prompt = self.prompt

        credential = self.credential

        model = self.model

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if required is not UNSET:
            field_dict["required"] = required
        if options is not UNSET:
            field_dict["options"] = options
        if max_rating is not UNSET:
            field_dict["max_rating"] = max_rating
        if source is not UNSET:
            field_dict["source"] = source
        if input_field is not UNSET:
            field_dict["input_field"] = input_field
        if value is not UNSET:
            field_dict["value"] = value
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if credential is not UNSET:
            field_dict["credential"] = credential
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = SubtaskNodeConfigFieldsItemType(d.pop("type"))

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        required = d.pop("required", UNSET)

        options = cast(list[str], d.pop("options", UNSET))

        max_rating = d.pop("max_rating", UNSET)

        _source = d.pop("source", UNSET)
        source: SubtaskNodeConfigFieldsItemSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = SubtaskNodeConfigFieldsItemSource(_source)

        input_field = d.pop("input_field", UNSET)

        value = d.pop("value", UNSET)

        prompt = d.pop("prompt", UNSET)

        credential = d.pop("credential", UNSET)

        model = d.pop("model", UNSET)

        subtask_node_config_fields_item = cls(
            name=name,
            type_=type_,
            title=title,
            description=description,
            required=required,
            options=options,
            max_rating=max_rating,
            source=source,
            input_field=input_field,
            value=value,
            prompt=prompt,
            credential=credential,
            model=model,
        )

        return subtask_node_config_fields_item
