from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_runtime_config_parameters import (
        V2Beta1RuntimeConfigParameters,
    )


T = TypeVar("T", bound="V2Beta1RuntimeConfig")


@_attrs_define
class V2Beta1RuntimeConfig:
    """
    Attributes:
        parameters (V2Beta1RuntimeConfigParameters | Unset): The pipeline's arguments by input name.
        pipeline_root (str | Unset): Recorded; artifacts are written under the server's PIPELINES_KFP_PIPELINE_ROOT.
    """

    parameters: V2Beta1RuntimeConfigParameters | Unset = UNSET
    pipeline_root: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        pipeline_root = self.pipeline_root

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if pipeline_root is not UNSET:
            field_dict["pipeline_root"] = pipeline_root

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_runtime_config_parameters import (
            V2Beta1RuntimeConfigParameters,
        )

        d = dict(src_dict)
        _parameters = d.pop("parameters", UNSET)
        parameters: V2Beta1RuntimeConfigParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = V2Beta1RuntimeConfigParameters.from_dict(_parameters)

        pipeline_root = d.pop("pipeline_root", UNSET)

        v2_beta_1_runtime_config = cls(
            parameters=parameters,
            pipeline_root=pipeline_root,
        )

        v2_beta_1_runtime_config.additional_properties = d
        return v2_beta_1_runtime_config

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
