from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_via import SubmissionVia
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_review_type_0 import SubmissionReviewType0


T = TypeVar("T", bound="NodeSubmissionEntry")


@_attrs_define
class NodeSubmissionEntry:
    """
    Attributes:
        id (int):
        attempt_number (int):
        via (SubmissionVia): How the submission came to be: worker (the person who held the node), admin_edit,
            admin_submit, inline_edit, revert, resolve.
        submitted_at (datetime.datetime):
        values (Any | Unset):
        user_id (int | None | Unset):
        user_email (None | str | Unset):
        review (None | SubmissionReviewType0 | Unset): The review outcome of a subtask submission: pending (the node
            waits for its review), passed or rejected (the first verdict after the submission, with the reviewer's comment).
    """

    id: int
    attempt_number: int
    via: SubmissionVia
    submitted_at: datetime.datetime
    values: Any | Unset = UNSET
    user_id: int | None | Unset = UNSET
    user_email: None | str | Unset = UNSET
    review: None | SubmissionReviewType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_review_type_0 import SubmissionReviewType0

        id = self.id

        attempt_number = self.attempt_number

        via = self.via.value

        submitted_at = self.submitted_at.isoformat()

        values = self.values

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        user_email: None | str | Unset
        if isinstance(self.user_email, Unset):
            user_email = UNSET
        else:
            user_email = self.user_email

        review: dict[str, Any] | None | Unset
        if isinstance(self.review, Unset):
            review = UNSET
        elif isinstance(self.review, SubmissionReviewType0):
            review = self.review.to_dict()
        else:
            review = self.review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "attempt_number": attempt_number,
                "via": via,
                "submitted_at": submitted_at,
            }
        )
        if values is not UNSET:
            field_dict["values"] = values
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if user_email is not UNSET:
            field_dict["user_email"] = user_email
        if review is not UNSET:
            field_dict["review"] = review

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.submission_review_type_0 import SubmissionReviewType0

        d = dict(src_dict)
        id = d.pop("id")

        attempt_number = d.pop("attempt_number")

        via = SubmissionVia(d.pop("via"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        values = d.pop("values", UNSET)

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_user_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_email = _parse_user_email(d.pop("user_email", UNSET))

        def _parse_review(data: object) -> None | SubmissionReviewType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_submission_review_type_0 = SubmissionReviewType0.from_dict(data)

                return componentsschemas_submission_review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmissionReviewType0 | Unset, data)

        review = _parse_review(d.pop("review", UNSET))

        node_submission_entry = cls(
            id=id,
            attempt_number=attempt_number,
            via=via,
            submitted_at=submitted_at,
            values=values,
            user_id=user_id,
            user_email=user_email,
            review=review,
        )

        node_submission_entry.additional_properties = d
        return node_submission_entry

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
