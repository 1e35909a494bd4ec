from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_review_type_0_status import SubmissionReviewType0Status
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmissionReviewType0")


@_attrs_define
class SubmissionReviewType0:
    """The review outcome of a subtask submission: pending (the node waits for its review), passed or rejected (the first
    verdict after the submission, with the reviewer's comment).

        Attributes:
            status (SubmissionReviewType0Status):
            comment (None | str | Unset):
            reviewer_id (int | None | Unset):
            review_node_db_id (int | None | Unset):
            review_submission_id (int | None | Unset):
            reviewed_at (datetime.datetime | None | Unset):
    """

    status: SubmissionReviewType0Status
    comment: None | str | Unset = UNSET
    reviewer_id: int | None | Unset = UNSET
    review_node_db_id: int | None | Unset = UNSET
    review_submission_id: int | None | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        reviewer_id: int | None | Unset
        if isinstance(self.reviewer_id, Unset):
            reviewer_id = UNSET
        else:
            reviewer_id = self.reviewer_id

        review_node_db_id: int | None | Unset
        if isinstance(self.review_node_db_id, Unset):
            review_node_db_id = UNSET
        else:
            review_node_db_id = self.review_node_db_id

        review_submission_id: int | None | Unset
        if isinstance(self.review_submission_id, Unset):
            review_submission_id = UNSET
        else:
            review_submission_id = self.review_submission_id

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if reviewer_id is not UNSET:
            field_dict["reviewer_id"] = reviewer_id
        if review_node_db_id is not UNSET:
            field_dict["review_node_db_id"] = review_node_db_id
        if review_submission_id is not UNSET:
            field_dict["review_submission_id"] = review_submission_id
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = SubmissionReviewType0Status(d.pop("status"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_reviewer_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reviewer_id = _parse_reviewer_id(d.pop("reviewer_id", UNSET))

        def _parse_review_node_db_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_node_db_id = _parse_review_node_db_id(d.pop("review_node_db_id", UNSET))

        def _parse_review_submission_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_submission_id = _parse_review_submission_id(d.pop("review_submission_id", UNSET))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))

        submission_review_type_0 = cls(
            status=status,
            comment=comment,
            reviewer_id=reviewer_id,
            review_node_db_id=review_node_db_id,
            review_submission_id=review_submission_id,
            reviewed_at=reviewed_at,
        )

        submission_review_type_0.additional_properties = d
        return submission_review_type_0

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
