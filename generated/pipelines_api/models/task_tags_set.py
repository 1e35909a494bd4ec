from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TaskTagsSet")


@_attrs_define
class TaskTagsSet:
    """
    Attributes:
        tag_ids (list[int]):
    """

    tag_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        tag_ids = self.tag_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tag_ids": tag_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tag_ids = cast(list[int], d.pop("tag_ids"))

        task_tags_set = cls(
            tag_ids=tag_ids,
        )

        return task_tags_set
