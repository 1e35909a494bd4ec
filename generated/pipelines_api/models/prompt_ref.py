from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PromptRef")


@_attrs_define
class PromptRef:
    """
    Attributes:
        prompt_id (int):
        version (int | Unset): Default: the latest when the workflow version is first used.
    """

    prompt_id: int
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt_id = self.prompt_id

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt_id": prompt_id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prompt_id = d.pop("prompt_id")

        version = d.pop("version", UNSET)

        prompt_ref = cls(
            prompt_id=prompt_id,
            version=version,
        )

        return prompt_ref
