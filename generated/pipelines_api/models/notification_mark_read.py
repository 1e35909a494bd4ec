from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationMarkRead")


@_attrs_define
class NotificationMarkRead:
    """
    Attributes:
        notification_ids (list[int] | Unset):
        all_ (bool | Unset):
    """

    notification_ids: list[int] | Unset = UNSET
    all_: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        notification_ids: list[int] | Unset = UNSET
        if not isinstance(self.notification_ids, Unset):
            notification_ids = self.notification_ids

        all_ = self.all_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if notification_ids is not UNSET:
            field_dict["notification_ids"] = notification_ids
        if all_ is not UNSET:
            field_dict["all"] = all_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        notification_ids = cast(list[int], d.pop("notification_ids", UNSET))

        all_ = d.pop("all", UNSET)

        notification_mark_read = cls(
            notification_ids=notification_ids,
            all_=all_,
        )

        return notification_mark_read
