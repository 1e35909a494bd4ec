from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.evaluation_node_config_checks_item_type import (
    EvaluationNodeConfigChecksItemType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_node_config_checks_item_schema import (
        EvaluationNodeConfigChecksItemSchema,
    )


T = TypeVar("T", bound="EvaluationNodeConfigChecksItem")


@_attrs_define
class EvaluationNodeConfigChecksItem:
    """
    Attributes:
        type_ (EvaluationNodeConfigChecksItemType):
        path (str):
        name (str | Unset):
        pattern (str | Unset):
        schema (EvaluationNodeConfigChecksItemSchema | Unset):
        min_ (float | Unset):
        max_ (float | Unset):
    """

    type_: EvaluationNodeConfigChecksItemType
    path: str
    name: str | Unset = UNSET
    pattern: str | Unset = UNSET
    schema: EvaluationNodeConfigChecksItemSchema | Unset = UNSET
    min_: float | Unset = UNSET
    max_: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        path = self.path

        name = self.name

        pattern = self.pattern

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        min_ = self.min_

        max_ = self.max_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "path": path,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if schema is not UNSET:
            field_dict["schema"] = schema
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_node_config_checks_item_schema import (
            EvaluationNodeConfigChecksItemSchema,
        )

        d = dict(src_dict)
        type_ = EvaluationNodeConfigChecksItemType(d.pop("type"))

        path = d.pop("path")

        name = d.pop("name", UNSET)

        pattern = d.pop("pattern", UNSET)

        _schema = d.pop("schema", UNSET)
        schema: EvaluationNodeConfigChecksItemSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EvaluationNodeConfigChecksItemSchema.from_dict(_schema)

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        evaluation_node_config_checks_item = cls(
            type_=type_,
            path=path,
            name=name,
            pattern=pattern,
            schema=schema,
            min_=min_,
            max_=max_,
        )

        return evaluation_node_config_checks_item
