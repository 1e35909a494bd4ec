from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v2_beta_1_artifact_detail_direction import V2Beta1ArtifactDetailDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_artifact_detail_metadata import V2Beta1ArtifactDetailMetadata


T = TypeVar("T", bound="V2Beta1ArtifactDetail")


@_attrs_define
class V2Beta1ArtifactDetail:
    """Extension (not upstream) - an artifact of a task.

    Attributes:
        name (str | Unset): The task's input or output name.
        direction (V2Beta1ArtifactDetailDirection | Unset):
        artifact_id (str | Unset):
        type_ (str | Unset): The schema title, e.g. system.Dataset.
        uri (str | Unset):
        metadata (V2Beta1ArtifactDetailMetadata | Unset):
    """

    name: str | Unset = UNSET
    direction: V2Beta1ArtifactDetailDirection | Unset = UNSET
    artifact_id: str | Unset = UNSET
    type_: str | Unset = UNSET
    uri: str | Unset = UNSET
    metadata: V2Beta1ArtifactDetailMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        artifact_id = self.artifact_id

        type_ = self.type_

        uri = self.uri

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if direction is not UNSET:
            field_dict["direction"] = direction
        if artifact_id is not UNSET:
            field_dict["artifact_id"] = artifact_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if uri is not UNSET:
            field_dict["uri"] = uri
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_artifact_detail_metadata import (
            V2Beta1ArtifactDetailMetadata,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: V2Beta1ArtifactDetailDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = V2Beta1ArtifactDetailDirection(_direction)

        artifact_id = d.pop("artifact_id", UNSET)

        type_ = d.pop("type", UNSET)

        uri = d.pop("uri", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: V2Beta1ArtifactDetailMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = V2Beta1ArtifactDetailMetadata.from_dict(_metadata)

        v2_beta_1_artifact_detail = cls(
            name=name,
            direction=direction,
            artifact_id=artifact_id,
            type_=type_,
            uri=uri,
            metadata=metadata,
        )

        v2_beta_1_artifact_detail.additional_properties = d
        return v2_beta_1_artifact_detail

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
