from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EndNodeConfig")


@_attrs_define
class EndNodeConfig:
    """The task ends when this node finishes; its input becomes the task's output (input port `in`: any)."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        end_node_config = cls()

        return end_node_config
