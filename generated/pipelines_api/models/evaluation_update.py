from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_update_scope_type import EvaluationUpdateScopeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_criterion_ref import EvaluationCriterionRef


T = TypeVar("T", bound="EvaluationUpdate")


@_attrs_define
class EvaluationUpdate:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        criteria (list[EvaluationCriterionRef] | Unset):
        pass_threshold (float | Unset):
        scope_type (EvaluationUpdateScopeType | Unset):
        org_id (int | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    criteria: list[EvaluationCriterionRef] | Unset = UNSET
    pass_threshold: float | Unset = UNSET
    scope_type: EvaluationUpdateScopeType | Unset = UNSET
    org_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        criteria: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = []
            for criteria_item_data in self.criteria:
                criteria_item = criteria_item_data.to_dict()
                criteria.append(criteria_item)

        pass_threshold = self.pass_threshold

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
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if pass_threshold is not UNSET:
            field_dict["pass_threshold"] = pass_threshold
        if scope_type is not UNSET:
            field_dict["scope_type"] = scope_type
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_criterion_ref import EvaluationCriterionRef

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _criteria = d.pop("criteria", UNSET)
        criteria: list[EvaluationCriterionRef] | Unset = UNSET
        if _criteria is not UNSET:
            criteria = []
            for criteria_item_data in _criteria:
                criteria_item = EvaluationCriterionRef.from_dict(criteria_item_data)

                criteria.append(criteria_item)

        pass_threshold = d.pop("pass_threshold", UNSET)

        _scope_type = d.pop("scope_type", UNSET)
        scope_type: EvaluationUpdateScopeType | Unset
        if isinstance(_scope_type, Unset):
            scope_type = UNSET
        else:
            scope_type = EvaluationUpdateScopeType(_scope_type)

        org_id = d.pop("org_id", UNSET)

        evaluation_update = cls(
            name=name,
            description=description,
            criteria=criteria,
            pass_threshold=pass_threshold,
            scope_type=scope_type,
            org_id=org_id,
        )

        evaluation_update.additional_properties = d
        return evaluation_update

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
