from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V2Beta1GetHealthzResponse")


@_attrs_define
class V2Beta1GetHealthzResponse:
    """
    Attributes:
        commit_sha (str | Unset):
        tag_name (str | Unset):
        multi_user (bool | Unset): Always false (the kfp SDK would read a Kubernetes service account otherwise).
        pipeline_store (str | Unset):
    """

    commit_sha: str | Unset = UNSET
    tag_name: str | Unset = UNSET
    multi_user: bool | Unset = UNSET
    pipeline_store: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        commit_sha = self.commit_sha

        tag_name = self.tag_name

        multi_user = self.multi_user

        pipeline_store = self.pipeline_store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if commit_sha is not UNSET:
            field_dict["commit_sha"] = commit_sha
        if tag_name is not UNSET:
            field_dict["tag_name"] = tag_name
        if multi_user is not UNSET:
            field_dict["multi_user"] = multi_user
        if pipeline_store is not UNSET:
            field_dict["pipeline_store"] = pipeline_store

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        commit_sha = d.pop("commit_sha", UNSET)

        tag_name = d.pop("tag_name", UNSET)

        multi_user = d.pop("multi_user", UNSET)

        pipeline_store = d.pop("pipeline_store", UNSET)

        v2_beta_1_get_healthz_response = cls(
            commit_sha=commit_sha,
            tag_name=tag_name,
            multi_user=multi_user,
            pipeline_store=pipeline_store,
        )

        v2_beta_1_get_healthz_response.additional_properties = d
        return v2_beta_1_get_healthz_response

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
