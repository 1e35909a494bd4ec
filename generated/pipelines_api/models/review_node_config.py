from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.review_node_config_on_exhausted import ReviewNodeConfigOnExhausted
from ..models.review_node_config_on_reject import ReviewNodeConfigOnReject
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewNodeConfig")


@_attrs_define
class ReviewNodeConfig:
    """A person passes or fails an earlier subtask (ports in: object, out: object). `subtask` defaults to the nearest
    upstream subtask; `on_reject` (default pool) sends failed work back to the same worker, the pool, or the pool
    without the original worker; after `max_rereviews` (default 2) rejections the review becomes quarantined
    (`on_exhausted`: quarantine, the default) or escalated; `no_self_review` (default true) forbids reviewing one's own
    submission.

        Attributes:
            subtask (str | Unset):
            on_reject (ReviewNodeConfigOnReject | Unset):
            max_rereviews (int | Unset):
            on_exhausted (ReviewNodeConfigOnExhausted | Unset):
            no_self_review (bool | Unset):
    """

    subtask: str | Unset = UNSET
    on_reject: ReviewNodeConfigOnReject | Unset = UNSET
    max_rereviews: int | Unset = UNSET
    on_exhausted: ReviewNodeConfigOnExhausted | Unset = UNSET
    no_self_review: bool | Unset = UNSET

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        review_node_config = cls(
            subtask=subtask,
            on_reject=on_reject,
            max_rereviews=max_rereviews,
            on_exhausted=on_exhausted,
            no_self_review=no_self_review,
        )

        return review_node_config
