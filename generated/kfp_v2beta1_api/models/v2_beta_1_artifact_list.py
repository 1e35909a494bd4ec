from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V2Beta1ArtifactList")


@_attrs_define
class V2Beta1ArtifactList:
    """
    Attributes:
        artifact_ids (list[str] | Unset):
    """

    artifact_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artifact_ids: list[str] | Unset = UNSET
        if not isinstance(self.artifact_ids, Unset):
            artifact_ids = self.artifact_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if artifact_ids is not UNSET:
            field_dict["artifact_ids"] = artifact_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        artifact_ids = cast(list[str], d.pop("artifact_ids", UNSET))

        v2_beta_1_artifact_list = cls(
            artifact_ids=artifact_ids,
        )

        v2_beta_1_artifact_list.additional_properties = d
        return v2_beta_1_artifact_list

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
