from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion_create_scope_type import CriterionCreateScopeType
from ..models.criterion_create_type import CriterionCreateType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_config import CriterionConfig
    from ..models.criterion_create_output_schema import CriterionCreateOutputSchema


T = TypeVar("T", bound="CriterionCreate")


@_attrs_define
class CriterionCreate:
    """
    Attributes:
        name (str):
        type_ (CriterionCreateType):
        description (str | Unset):
        display_label (str | Unset):
        config (CriterionConfig | Unset): programmatic: `subtype` exact_match (output equals `expected`;
            `case_sensitive`,
            default true), contains_keywords (`keywords`, `mode` any|all, `case_sensitive` default
            false), regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`); `path`
            (default output) picks the value scored. llm_judge: `prompt_text` (a template over
            output, expected, record, ...), `model_slug` (a model of GET /orgs/{id}/models),
            `pass_threshold` (0-1, default 0.5); the judge answers {score 0-1, reason}.
        output_schema (CriterionCreateOutputSchema | Unset):
        scope_type (CriterionCreateScopeType | Unset):
        org_id (int | Unset):
    """

    name: str
    type_: CriterionCreateType
    description: str | Unset = UNSET
    display_label: str | Unset = UNSET
    config: CriterionConfig | Unset = UNSET
    output_schema: CriterionCreateOutputSchema | Unset = UNSET
    scope_type: CriterionCreateScopeType | Unset = UNSET
    org_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        description = self.description

        display_label = self.display_label

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
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if display_label is not UNSET:
            field_dict["display_label"] = display_label
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
        from ..models.criterion_create_output_schema import CriterionCreateOutputSchema

        d = dict(src_dict)
        name = d.pop("name")

        type_ = CriterionCreateType(d.pop("type"))

        description = d.pop("description", UNSET)

        display_label = d.pop("display_label", UNSET)

        _config = d.pop("config", UNSET)
        config: CriterionConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = CriterionConfig.from_dict(_config)

        _output_schema = d.pop("output_schema", UNSET)
        output_schema: CriterionCreateOutputSchema | Unset
        if isinstance(_output_schema, Unset):
            output_schema = UNSET
        else:
            output_schema = CriterionCreateOutputSchema.from_dict(_output_schema)

        _scope_type = d.pop("scope_type", UNSET)
        scope_type: CriterionCreateScopeType | Unset
        if isinstance(_scope_type, Unset):
            scope_type = UNSET
        else:
            scope_type = CriterionCreateScopeType(_scope_type)

        org_id = d.pop("org_id", UNSET)

        criterion_create = cls(
            name=name,
            type_=type_,
            description=description,
            display_label=display_label,
            config=config,
            output_schema=output_schema,
            scope_type=scope_type,
            org_id=org_id,
        )

        criterion_create.additional_properties = d
        return criterion_create

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
