from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeNodeConfig")


@_attrs_define
class MergeNodeConfig:
    """Waits for every input and outputs them as an object keyed by source node id."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        merge_node_config = cls()

        return merge_node_config
