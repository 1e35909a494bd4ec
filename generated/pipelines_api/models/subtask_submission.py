from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.subtask_submission_values import SubtaskSubmissionValues


T = TypeVar("T", bound="SubtaskSubmission")


@_attrs_define
class SubtaskSubmission:
    """
    Attributes:
        values (SubtaskSubmissionValues): Field values by name; they override prefilled values. A `file_upload` field
            takes `{"file_id": "<id>"}`, a confirmed file of the task's project (see submit-subtask); the submission stores
            the file's `{file_id, filename, content_type, size, sha256}`.
    """

    values: SubtaskSubmissionValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.subtask_submission_values import SubtaskSubmissionValues

        d = dict(src_dict)
        values = SubtaskSubmissionValues.from_dict(d.pop("values"))

        subtask_submission = cls(
            values=values,
        )

        subtask_submission.additional_properties = d
        return subtask_submission

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
