from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.review_node_config_on_exhausted import ReviewNodeConfigOnExhausted
from ..models.review_node_config_on_reject import ReviewNodeConfigOnReject
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_ref import EvaluationRef


T = TypeVar("T", bound="ReviewNodeConfig")


@_attrs_define
class ReviewNodeConfig:
    """A person passes or fails an earlier subtask (ports in: object, out: object). `assign_to` (a user id of the
    organization): the review is reserved for that user when it becomes available, with a `work_assigned` notification,
    unless that user submitted the reviewed work and `no_self_review` holds (then it goes to the pool without them). A
    review's rejection notifies the submitter (`submission_rejected`); with `on_reject: same_worker` they also get
    `work_assigned`. `subtask` defaults to the nearest upstream subtask; `on_reject` (default pool) sends failed work
    back to the same worker, the pool, or the pool without the original worker; after `max_rereviews` (default 2)
    rejections the review becomes quarantined (`on_exhausted`: quarantine, the default) or escalated; `no_self_review`
    (default true) forbids reviewing one's own submission. `evaluation_ref` ({evaluation_id, version}, programmatic
    criteria): the evaluation scores the reviewed submission (the value at `output_path`, default the reviewed subtask's
    values) and the review shows it as `evaluation` to the reviewer; the verdict records it.

        Attributes:
            subtask (str | Unset):
            on_reject (ReviewNodeConfigOnReject | Unset):
            max_rereviews (int | Unset):
            on_exhausted (ReviewNodeConfigOnExhausted | Unset):
            no_self_review (bool | Unset):
            evaluation_ref (EvaluationRef | Unset):
            output_path (str | Unset):
            assign_to (int | Unset):
    """

    subtask: str | Unset = UNSET
    on_reject: ReviewNodeConfigOnReject | Unset = UNSET
    max_rereviews: int | Unset = UNSET
    on_exhausted: ReviewNodeConfigOnExhausted | Unset = UNSET
    no_self_review: bool | Unset = UNSET
    evaluation_ref: EvaluationRef | Unset = UNSET
    output_path: str | Unset = UNSET
    assign_to: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subtask = self.subtask

        on_reject: str | Unset = UNSET
        if not isinstance(self.on_reject, Unset):
            on_reject = self.on_reject.value

        max_rereviews = self.max_rereviews

        on_exhausted: str | Unset = UNSET
        if not isinstance(self.on_exhausted, Unset):
            on_exhausted = self.on_exhausted.value

        no_self_review = self.no_self_review

        evaluation_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evaluation_ref, Unset):
            evaluation_ref = self.evaluation_ref.to_dict()

        output_path = self.output_path

        assign_to = self.assign_to

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if subtask is not UNSET:
            field_dict["subtask"] = subtask
        if on_reject is not UNSET:
            field_dict["on_reject"] = on_reject
        if max_rereviews is not UNSET:
            field_dict["max_rereviews"] = max_rereviews
        if on_exhausted is not UNSET:
            field_dict["on_exhausted"] = on_exhausted
        if no_self_review is not UNSET:
            field_dict["no_self_review"] = no_self_review
        if evaluation_ref is not UNSET:
            field_dict["evaluation_ref"] = evaluation_ref
        if output_path is not UNSET:
            field_dict["output_path"] = output_path
        if assign_to is not UNSET:
            field_dict["assign_to"] = assign_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_ref import EvaluationRef

        d = dict(src_dict)
        subtask = d.pop("subtask", UNSET)

        _on_reject = d.pop("on_reject", UNSET)
        on_reject: ReviewNodeConfigOnReject | Unset
        if isinstance(_on_reject, Unset):
            on_reject = UNSET
        else:
            on_reject = ReviewNodeConfigOnReject(_on_reject)

        max_rereviews = d.pop("max_rereviews", UNSET)

        _on_exhausted = d.pop("on_exhausted", UNSET)
        on_exhausted: ReviewNodeConfigOnExhausted | Unset
        if isinstance(_on_exhausted, Unset):
            on_exhausted = UNSET
        else:
            on_exhausted = ReviewNodeConfigOnExhausted(_on_exhausted)

        no_self_review = d.pop("no_self_review", UNSET)

        _evaluation_ref = d.pop("evaluation_ref", UNSET)
        evaluation_ref: EvaluationRef | Unset
        if isinstance(_evaluation_ref, Unset):
            evaluation_ref = UNSET
        else:
            evaluation_ref = EvaluationRef.from_dict(_evaluation_ref)

        output_path = d.pop("output_path", UNSET)

        assign_to = d.pop("assign_to", UNSET)

        review_node_config = cls(
            subtask=subtask,
            on_reject=on_reject,
            max_rereviews=max_rereviews,
            on_exhausted=on_exhausted,
            no_self_review=no_self_review,
            evaluation_ref=evaluation_ref,
            output_path=output_path,
            assign_to=assign_to,
        )

        return review_node_config
