from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_via import SubmissionVia
from ..types import UNSET, Unset

T = TypeVar("T", bound="NodeHistoryEventSubmissionType0")


@_attrs_define
class NodeHistoryEventSubmissionType0:
    """
    Attributes:
        id (int | Unset):
        attempt_number (int | Unset):
        via (SubmissionVia | Unset): How the submission came to be: worker (the person who held the node), admin_edit,
            admin_submit, inline_edit, revert, resolve.
        values (Any | Unset):
    """

    id: int | Unset = UNSET
    attempt_number: int | Unset = UNSET
    via: SubmissionVia | Unset = UNSET
    values: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        attempt_number = self.attempt_number

        via: str | Unset = UNSET
        if not isinstance(self.via, Unset):
            via = self.via.value

        values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if attempt_number is not UNSET:
            field_dict["attempt_number"] = attempt_number
        if via is not UNSET:
            field_dict["via"] = via
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        attempt_number = d.pop("attempt_number", UNSET)

        _via = d.pop("via", UNSET)
        via: SubmissionVia | Unset
        if isinstance(_via, Unset):
            via = UNSET
        else:
            via = SubmissionVia(_via)

        values = d.pop("values", UNSET)

        node_history_event_submission_type_0 = cls(
            id=id,
            attempt_number=attempt_number,
            via=via,
            values=values,
        )

        node_history_event_submission_type_0.additional_properties = d
        return node_history_event_submission_type_0

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
