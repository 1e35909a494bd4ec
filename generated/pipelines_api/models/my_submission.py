from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.my_submission_kind import MySubmissionKind
from ..models.node_status import NodeStatus
from ..models.submission_via import SubmissionVia
from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_review_type_0 import SubmissionReviewType0


T = TypeVar("T", bound="MySubmission")


@_attrs_define
class MySubmission:
    """
    Attributes:
        id (int):
        attempt_number (int): Numbered per node instance from 1.
        via (SubmissionVia): How the submission came to be: worker (the person who held the node), admin_edit,
            admin_submit, inline_edit, revert, resolve.
        submitted_at (datetime.datetime):
        node_db_id (int):
        node_id (str):
        kind (MySubmissionKind):
        status (NodeStatus): The state of one node instance, as in the External API v1 reference, plus `failed`.
            pending: waiting for its inputs; deferred: queued for later (a retry after backoff, or a subtask waiting for its
            llm-prefilled values); available: ready for a worker or a person; claimed: held by a worker or a person (a loop
            node while it iterates); submitted: a subtask whose values wait for their review; escalated / quarantined:
            stopped for a person to look at; finished; na: on a path not taken; failed.
        task_id (int):
        task_status (TaskStatus): Derived from the task's nodes: failed when a node failed; finished when the end node
            finished; escalated or quarantined when a node is; paused while its workflow is paused; in_progress once
            started; pending before. `cancelled` is native only (the External API v1 shows it as failed).
        workflow_id (int):
        project_id (int):
        values (Any | Unset): Subtask: the submitted values; review: the verdict (decision, comment, ...).
        workflow_name (str | Unset):
        review (None | SubmissionReviewType0 | Unset): The review outcome of a subtask submission: pending (the node
            waits for its review), passed or rejected (the first verdict after the submission, with the reviewer's comment).
    """

    id: int
    attempt_number: int
    via: SubmissionVia
    submitted_at: datetime.datetime
    node_db_id: int
    node_id: str
    kind: MySubmissionKind
    status: NodeStatus
    task_id: int
    task_status: TaskStatus
    workflow_id: int
    project_id: int
    values: Any | Unset = UNSET
    workflow_name: str | Unset = UNSET
    review: None | SubmissionReviewType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.submission_review_type_0 import SubmissionReviewType0

        id = self.id

        attempt_number = self.attempt_number

        via = self.via.value

        submitted_at = self.submitted_at.isoformat()

        node_db_id = self.node_db_id

        node_id = self.node_id

        kind = self.kind.value

        status = self.status.value

        task_id = self.task_id

        task_status = self.task_status.value

        workflow_id = self.workflow_id

        project_id = self.project_id

        values = self.values

        workflow_name = self.workflow_name

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
                "node_db_id": node_db_id,
                "node_id": node_id,
                "kind": kind,
                "status": status,
                "task_id": task_id,
                "task_status": task_status,
                "workflow_id": workflow_id,
                "project_id": project_id,
            }
        )
        if values is not UNSET:
            field_dict["values"] = values
        if workflow_name is not UNSET:
            field_dict["workflow_name"] = workflow_name
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

        node_db_id = d.pop("node_db_id")

        node_id = d.pop("node_id")

        kind = MySubmissionKind(d.pop("kind"))

        status = NodeStatus(d.pop("status"))

        task_id = d.pop("task_id")

        task_status = TaskStatus(d.pop("task_status"))

        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        values = d.pop("values", UNSET)

        workflow_name = d.pop("workflow_name", UNSET)

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

        my_submission = cls(
            id=id,
            attempt_number=attempt_number,
            via=via,
            submitted_at=submitted_at,
            node_db_id=node_db_id,
            node_id=node_id,
            kind=kind,
            status=status,
            task_id=task_id,
            task_status=task_status,
            workflow_id=workflow_id,
            project_id=project_id,
            values=values,
            workflow_name=workflow_name,
            review=review,
        )

        my_submission.additional_properties = d
        return my_submission

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
