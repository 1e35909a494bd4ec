from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody")


@_attrs_define
class PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody:
    """
    Attributes:
        thread_ids (list[str] | None | Unset):
        checkpoint_ids (list[str] | None | Unset):
    """

    thread_ids: list[str] | None | Unset = UNSET
    checkpoint_ids: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thread_ids: list[str] | None | Unset
        if isinstance(self.thread_ids, Unset):
            thread_ids = UNSET
        elif isinstance(self.thread_ids, list):
            thread_ids = self.thread_ids

        else:
            thread_ids = self.thread_ids

        checkpoint_ids: list[str] | None | Unset
        if isinstance(self.checkpoint_ids, Unset):
            checkpoint_ids = UNSET
        elif isinstance(self.checkpoint_ids, list):
            checkpoint_ids = self.checkpoint_ids

        else:
            checkpoint_ids = self.checkpoint_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thread_ids is not UNSET:
            field_dict["thread_ids"] = thread_ids
        if checkpoint_ids is not UNSET:
            field_dict["checkpoint_ids"] = checkpoint_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_thread_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                thread_ids_type_0 = cast(list[str], data)

                return thread_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        thread_ids = _parse_thread_ids(d.pop("thread_ids", UNSET))

        def _parse_checkpoint_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checkpoint_ids_type_0 = cast(list[str], data)

                return checkpoint_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        checkpoint_ids = _parse_checkpoint_ids(d.pop("checkpoint_ids", UNSET))

        pipelines_server_api_pipelit_memories_delete_checkpoints_body = cls(
            thread_ids=thread_ids,
            checkpoint_ids=checkpoint_ids,
        )

        pipelines_server_api_pipelit_memories_delete_checkpoints_body.additional_properties = d
        return pipelines_server_api_pipelit_memories_delete_checkpoints_body

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
