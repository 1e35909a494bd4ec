from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewVerdict")


@_attrs_define
class ReviewVerdict:
    """
    Attributes:
        id (int): The verdict's submission id.
        review_node_db_id (int):
        review_node_id (str):
        attempt_number (int):
        reviewed_at (datetime.datetime):
        decision (None | str | Unset): pass or fail.
        comment (None | str | Unset):
        reviewer_id (int | None | Unset):
        reviewer_email (None | str | Unset):
        subtask_submission_id (int | None | Unset): The subtask submission the verdict judged.
    """

    id: int
    review_node_db_id: int
    review_node_id: str
    attempt_number: int
    reviewed_at: datetime.datetime
    decision: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    reviewer_id: int | None | Unset = UNSET
    reviewer_email: None | str | Unset = UNSET
    subtask_submission_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        review_node_db_id = self.review_node_db_id

        review_node_id = self.review_node_id

        attempt_number = self.attempt_number

        reviewed_at = self.reviewed_at.isoformat()

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        else:
            decision = self.decision

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

        reviewer_email: None | str | Unset
        if isinstance(self.reviewer_email, Unset):
            reviewer_email = UNSET
        else:
            reviewer_email = self.reviewer_email

        subtask_submission_id: int | None | Unset
        if isinstance(self.subtask_submission_id, Unset):
            subtask_submission_id = UNSET
        else:
            subtask_submission_id = self.subtask_submission_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_node_db_id": review_node_db_id,
                "review_node_id": review_node_id,
                "attempt_number": attempt_number,
                "reviewed_at": reviewed_at,
            }
        )
        if decision is not UNSET:
            field_dict["decision"] = decision
        if comment is not UNSET:
            field_dict["comment"] = comment
        if reviewer_id is not UNSET:
            field_dict["reviewer_id"] = reviewer_id
        if reviewer_email is not UNSET:
            field_dict["reviewer_email"] = reviewer_email
        if subtask_submission_id is not UNSET:
            field_dict["subtask_submission_id"] = subtask_submission_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        review_node_db_id = d.pop("review_node_db_id")

        review_node_id = d.pop("review_node_id")

        attempt_number = d.pop("attempt_number")

        reviewed_at = datetime.datetime.fromisoformat(d.pop("reviewed_at"))

        def _parse_decision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))

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

        def _parse_reviewer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer_email = _parse_reviewer_email(d.pop("reviewer_email", UNSET))

        def _parse_subtask_submission_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subtask_submission_id = _parse_subtask_submission_id(d.pop("subtask_submission_id", UNSET))

        review_verdict = cls(
            id=id,
            review_node_db_id=review_node_db_id,
            review_node_id=review_node_id,
            attempt_number=attempt_number,
            reviewed_at=reviewed_at,
            decision=decision,
            comment=comment,
            reviewer_id=reviewer_id,
            reviewer_email=reviewer_email,
            subtask_submission_id=subtask_submission_id,
        )

        review_verdict.additional_properties = d
        return review_verdict

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
