from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.node_history_event_data import NodeHistoryEventData
    from ..models.node_history_event_submission_type_0 import (
        NodeHistoryEventSubmissionType0,
    )


T = TypeVar("T", bound="NodeHistoryEvent")


@_attrs_define
class NodeHistoryEvent:
    """
    Attributes:
        id (int): The task event's id.
        type_ (str): node.claimed, node.released, node.submitted, review.passed, ...
        at (datetime.datetime):
        node_id (None | str):
        data (NodeHistoryEventData):
        user_id (int | None | Unset):
        user_email (None | str | Unset):
        node_db_id (int | None | Unset): The node the event is on (a review node for its verdicts on a subtask).
        submission (NodeHistoryEventSubmissionType0 | None | Unset):
    """

    id: int
    type_: str
    at: datetime.datetime
    node_id: None | str
    data: NodeHistoryEventData
    user_id: int | None | Unset = UNSET
    user_email: None | str | Unset = UNSET
    node_db_id: int | None | Unset = UNSET
    submission: NodeHistoryEventSubmissionType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.node_history_event_submission_type_0 import (
            NodeHistoryEventSubmissionType0,
        )

        id = self.id

        type_ = self.type_

        at = self.at.isoformat()

        node_id: None | str
        node_id = self.node_id

        data = self.data.to_dict()

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

        node_db_id: int | None | Unset
        if isinstance(self.node_db_id, Unset):
            node_db_id = UNSET
        else:
            node_db_id = self.node_db_id

        submission: dict[str, Any] | None | Unset
        if isinstance(self.submission, Unset):
            submission = UNSET
        elif isinstance(self.submission, NodeHistoryEventSubmissionType0):
            submission = self.submission.to_dict()
        else:
            submission = self.submission

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "at": at,
                "node_id": node_id,
                "data": data,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if user_email is not UNSET:
            field_dict["user_email"] = user_email
        if node_db_id is not UNSET:
            field_dict["node_db_id"] = node_db_id
        if submission is not UNSET:
            field_dict["submission"] = submission

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_history_event_data import NodeHistoryEventData
        from ..models.node_history_event_submission_type_0 import (
            NodeHistoryEventSubmissionType0,
        )

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_node_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        node_id = _parse_node_id(d.pop("node_id"))

        data = NodeHistoryEventData.from_dict(d.pop("data"))

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

        def _parse_node_db_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        node_db_id = _parse_node_db_id(d.pop("node_db_id", UNSET))

        def _parse_submission(data: object) -> NodeHistoryEventSubmissionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                submission_type_0 = NodeHistoryEventSubmissionType0.from_dict(data)

                return submission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeHistoryEventSubmissionType0 | None | Unset, data)

        submission = _parse_submission(d.pop("submission", UNSET))

        node_history_event = cls(
            id=id,
            type_=type_,
            at=at,
            node_id=node_id,
            data=data,
            user_id=user_id,
            user_email=user_email,
            node_db_id=node_db_id,
            submission=submission,
        )

        node_history_event.additional_properties = d
        return node_history_event

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
