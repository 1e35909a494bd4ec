from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_submission_entry import NodeSubmissionEntry
    from ..models.node_work import NodeWork
    from ..models.review_verdict import ReviewVerdict
    from ..models.submission_view_task import SubmissionViewTask


T = TypeVar("T", bound="SubmissionView")


@_attrs_define
class SubmissionView:
    """
    Attributes:
        node (NodeWork):
        task (SubmissionViewTask):
        submissions (list[NodeSubmissionEntry]):
        reviews (list[ReviewVerdict]):
    """

    node: NodeWork
    task: SubmissionViewTask
    submissions: list[NodeSubmissionEntry]
    reviews: list[ReviewVerdict]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node = self.node.to_dict()

        task = self.task.to_dict()

        submissions = []
        for submissions_item_data in self.submissions:
            submissions_item = submissions_item_data.to_dict()
            submissions.append(submissions_item)

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "node": node,
                "task": task,
                "submissions": submissions,
                "reviews": reviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_submission_entry import NodeSubmissionEntry
        from ..models.node_work import NodeWork
        from ..models.review_verdict import ReviewVerdict
        from ..models.submission_view_task import SubmissionViewTask

        d = dict(src_dict)
        node = NodeWork.from_dict(d.pop("node"))

        task = SubmissionViewTask.from_dict(d.pop("task"))

        submissions = []
        _submissions = d.pop("submissions")
        for submissions_item_data in _submissions:
            submissions_item = NodeSubmissionEntry.from_dict(submissions_item_data)

            submissions.append(submissions_item)

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewVerdict.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        submission_view = cls(
            node=node,
            task=task,
            submissions=submissions,
            reviews=reviews,
        )

        submission_view.additional_properties = d
        return submission_view

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
