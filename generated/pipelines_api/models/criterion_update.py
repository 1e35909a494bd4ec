from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion_update_scope_type import CriterionUpdateScopeType
from ..models.criterion_update_type import CriterionUpdateType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_config import CriterionConfig
    from ..models.criterion_update_output_schema import CriterionUpdateOutputSchema


T = TypeVar("T", bound="CriterionUpdate")


@_attrs_define
class CriterionUpdate:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        display_label (str | Unset):
        type_ (CriterionUpdateType | Unset):
        config (CriterionConfig | Unset): programmatic: `subtype` exact_match (output equals `expected`;
            `case_sensitive`,
            default true), contains_keywords (`keywords`, `mode` any|all, `case_sensitive` default
            false), regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`); `path`
            (default output) picks the value scored. llm_judge: `prompt_text` (a template over
            output, expected, record, ...), `model_slug` (a model of GET /orgs/{id}/models),
            `pass_threshold` (0-1, default 0.5); the judge answers {score 0-1, reason}.
        output_schema (CriterionUpdateOutputSchema | Unset):
        scope_type (CriterionUpdateScopeType | Unset):
        org_id (int | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    display_label: str | Unset = UNSET
    type_: CriterionUpdateType | Unset = UNSET
    config: CriterionConfig | Unset = UNSET
    output_schema: CriterionUpdateOutputSchema | Unset = UNSET
    scope_type: CriterionUpdateScopeType | Unset = UNSET
    org_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        display_label = self.display_label

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        output_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output_schema, Unset):
            output_schema = self.output_schema.to_dict()

        scope_type: str | Unset = UNSET
        if not isinstance(self.scope_type, Unset):
            scope_type = self.scope_type.value

        org_id = self.org_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if display_label is not UNSET:
            field_dict["display_label"] = display_label
        if type_ is not UNSET:
            field_dict["type"] = type_
        if config is not UNSET:
            field_dict["config"] = config
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema
        if scope_type is not UNSET:
            field_dict["scope_type"] = scope_type
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_config import CriterionConfig
        from ..models.criterion_update_output_schema import CriterionUpdateOutputSchema

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        display_label = d.pop("display_label", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CriterionUpdateType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CriterionUpdateType(_type_)

        _config = d.pop("config", UNSET)
        config: CriterionConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = CriterionConfig.from_dict(_config)

        _output_schema = d.pop("output_schema", UNSET)
        output_schema: CriterionUpdateOutputSchema | Unset
        if isinstance(_output_schema, Unset):
            output_schema = UNSET
        else:
            output_schema = CriterionUpdateOutputSchema.from_dict(_output_schema)

        _scope_type = d.pop("scope_type", UNSET)
        scope_type: CriterionUpdateScopeType | Unset
        if isinstance(_scope_type, Unset):
            scope_type = UNSET
        else:
            scope_type = CriterionUpdateScopeType(_scope_type)

        org_id = d.pop("org_id", UNSET)

        criterion_update = cls(
            name=name,
            description=description,
            display_label=display_label,
            type_=type_,
            config=config,
            output_schema=output_schema,
            scope_type=scope_type,
            org_id=org_id,
        )

        criterion_update.additional_properties = d
        return criterion_update

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
