from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_node_kind import ReviewNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.review_node_config import ReviewNodeConfig


T = TypeVar("T", bound="ReviewNode")


@_attrs_define
class ReviewNode:
    """
    Attributes:
        id (str):
        kind (ReviewNodeKind):
        name (str | Unset):
        config (ReviewNodeConfig | Unset): A person passes or fails an earlier subtask (ports in: object, out: object).
            `assign_to` (a user id of the organization): the review is reserved for that user when it becomes available,
            with a `work_assigned` notification, unless that user submitted the reviewed work and `no_self_review` holds
            (then it goes to the pool without them). A review's rejection notifies the submitter (`submission_rejected`);
            with `on_reject: same_worker` they also get `work_assigned`. `subtask` defaults to the nearest upstream subtask;
            `on_reject` (default pool) sends failed work back to the same worker, the pool, or the pool without the original
            worker; after `max_rereviews` (default 2) rejections the review becomes quarantined (`on_exhausted`: quarantine,
            the default) or escalated; `no_self_review` (default true) forbids reviewing one's own submission.
            `evaluation_ref` ({evaluation_id, version}, programmatic criteria): the evaluation scores the reviewed
            submission (the value at `output_path`, default the reviewed subtask's values) and the review shows it as
            `evaluation` to the reviewer; the verdict records it.
    """

    id: str
    kind: ReviewNodeKind
    name: str | Unset = UNSET
    config: ReviewNodeConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.review_node_config import ReviewNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = ReviewNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: ReviewNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = ReviewNodeConfig.from_dict(_config)

        review_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        review_node.additional_properties = d
        return review_node

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
