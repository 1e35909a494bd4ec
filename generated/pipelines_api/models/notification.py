from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_data import NotificationData


T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """
    Example:
        {'id': 12, 'user_id': 3, 'type': 'work_assigned', 'title': 'Subtask assigned to you: Label', 'body': 'This node
            is reserved for you.', 'data': {'project_id': 1, 'workflow_id': 3, 'task_id': 40, 'node_db_id': 311, 'node_id':
            'label', 'kind': 'subtask', 'reason': 'assigned'}, 'read': False, 'read_at': None, 'created_at':
            '2026-11-30T10:00:00Z'}

    Attributes:
        id (int):
        type_ (str): One of NotificationType (new types may be added; ignore unknown ones).
        title (str):
        body (str):
        data (NotificationData): What it is about (project_id, workflow_id, task_id, node_db_id, job_id, and per type
            details).
        read (bool):
        read_at (datetime.datetime | None):
        created_at (datetime.datetime):
        user_id (int | Unset):
    """

    id: int
    type_: str
    title: str
    body: str
    data: NotificationData
    read: bool
    read_at: datetime.datetime | None
    created_at: datetime.datetime
    user_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        title = self.title

        body = self.body

        data = self.data.to_dict()

        read = self.read

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        created_at = self.created_at.isoformat()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "title": title,
                "body": body,
                "data": data,
                "read": read,
                "read_at": read_at,
                "created_at": created_at,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification_data import NotificationData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        title = d.pop("title")

        body = d.pop("body")

        data = NotificationData.from_dict(d.pop("data"))

        read = d.pop("read")

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        user_id = d.pop("user_id", UNSET)

        notification = cls(
            id=id,
            type_=type_,
            title=title,
            body=body,
            data=data,
            read=read,
            read_at=read_at,
            created_at=created_at,
            user_id=user_id,
        )

        notification.additional_properties = d
        return notification

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
