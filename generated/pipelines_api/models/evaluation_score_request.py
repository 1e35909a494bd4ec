from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_score_request_variables import (
        EvaluationScoreRequestVariables,
    )


T = TypeVar("T", bound="EvaluationScoreRequest")


@_attrs_define
class EvaluationScoreRequest:
    """
    Attributes:
        version (int | Unset): Default the latest.
        variables (EvaluationScoreRequestVariables | Unset): output, expected, record, ...
    """

    version: int | Unset = UNSET
    variables: EvaluationScoreRequestVariables | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = self.variables.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_score_request_variables import (
            EvaluationScoreRequestVariables,
        )

        d = dict(src_dict)
        version = d.pop("version", UNSET)

        _variables = d.pop("variables", UNSET)
        variables: EvaluationScoreRequestVariables | Unset
        if isinstance(_variables, Unset):
            variables = UNSET
        else:
            variables = EvaluationScoreRequestVariables.from_dict(_variables)

        evaluation_score_request = cls(
            version=version,
            variables=variables,
        )

        evaluation_score_request.additional_properties = d
        return evaluation_score_request

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
