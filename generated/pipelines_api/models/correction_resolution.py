from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.correction_resolution_action import CorrectionResolutionAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="CorrectionResolution")


@_attrs_define
class CorrectionResolution:
    """
    Attributes:
        action (CorrectionResolutionAction):
        comment (None | str | Unset):
    """

    action: CorrectionResolutionAction
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = CorrectionResolutionAction(d.pop("action"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        correction_resolution = cls(
            action=action,
            comment=comment,
        )

        return correction_resolution
