from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationRef")


@_attrs_define
class EvaluationRef:
    """
    Attributes:
        evaluation_id (int):
        version (int | Unset): Default: the latest when the workflow version is first used.
    """

    evaluation_id: int
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        evaluation_id = self.evaluation_id

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evaluation_id": evaluation_id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        evaluation_id = d.pop("evaluation_id")

        version = d.pop("version", UNSET)

        evaluation_ref = cls(
            evaluation_id=evaluation_id,
            version=version,
        )

        return evaluation_ref
