from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.timeline_event_data import TimelineEventData


T = TypeVar("T", bound="TimelineEvent")


@_attrs_define
class TimelineEvent:
    """
    Attributes:
        id (int):
        type_ (str):  Example: node.finished.
        task_id (int):
        workflow_id (int):
        data (TimelineEventData):
        created_at (datetime.datetime):
        node_db_id (int | None | Unset):
        node_id (None | str | Unset):
        actor_id (int | None | Unset): The user whose request caused it; null for the engine.
    """

    id: int
    type_: str
    task_id: int
    workflow_id: int
    data: TimelineEventData
    created_at: datetime.datetime
    node_db_id: int | None | Unset = UNSET
    node_id: None | str | Unset = UNSET
    actor_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        task_id = self.task_id

        workflow_id = self.workflow_id

        data = self.data.to_dict()

        created_at = self.created_at.isoformat()

        node_db_id: int | None | Unset
        if isinstance(self.node_db_id, Unset):
            node_db_id = UNSET
        else:
            node_db_id = self.node_db_id

        node_id: None | str | Unset
        if isinstance(self.node_id, Unset):
            node_id = UNSET
        else:
            node_id = self.node_id

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "task_id": task_id,
                "workflow_id": workflow_id,
                "data": data,
                "created_at": created_at,
            }
        )
        if node_db_id is not UNSET:
            field_dict["node_db_id"] = node_db_id
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.timeline_event_data import TimelineEventData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        task_id = d.pop("task_id")

        workflow_id = d.pop("workflow_id")

        data = TimelineEventData.from_dict(d.pop("data"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_node_db_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        node_db_id = _parse_node_db_id(d.pop("node_db_id", UNSET))

        def _parse_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_id = _parse_node_id(d.pop("node_id", UNSET))

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        timeline_event = cls(
            id=id,
            type_=type_,
            task_id=task_id,
            workflow_id=workflow_id,
            data=data,
            created_at=created_at,
            node_db_id=node_db_id,
            node_id=node_id,
            actor_id=actor_id,
        )

        timeline_event.additional_properties = d
        return timeline_event

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
