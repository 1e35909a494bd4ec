from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.my_work_item_kind import MyWorkItemKind
from ..models.my_work_item_status import MyWorkItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MyWorkItem")


@_attrs_define
class MyWorkItem:
    """
    Attributes:
        node_db_id (int):
        task_id (int):
        workflow_id (int):
        project_id (int):
        node_id (str):
        kind (MyWorkItemKind):
        status (MyWorkItemStatus):
        claimed_by_me (bool):
        workflow_name (str | Unset):
        lease_expires_at (datetime.datetime | None | Unset):
        attempt (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    node_db_id: int
    task_id: int
    workflow_id: int
    project_id: int
    node_id: str
    kind: MyWorkItemKind
    status: MyWorkItemStatus
    claimed_by_me: bool
    workflow_name: str | Unset = UNSET
    lease_expires_at: datetime.datetime | None | Unset = UNSET
    attempt: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_db_id = self.node_db_id

        task_id = self.task_id

        workflow_id = self.workflow_id

        project_id = self.project_id

        node_id = self.node_id

        kind = self.kind.value

        status = self.status.value

        claimed_by_me = self.claimed_by_me

        workflow_name = self.workflow_name

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        elif isinstance(self.lease_expires_at, datetime.datetime):
            lease_expires_at = self.lease_expires_at.isoformat()
        else:
            lease_expires_at = self.lease_expires_at

        attempt = self.attempt

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "node_db_id": node_db_id,
                "task_id": task_id,
                "workflow_id": workflow_id,
                "project_id": project_id,
                "node_id": node_id,
                "kind": kind,
                "status": status,
                "claimed_by_me": claimed_by_me,
            }
        )
        if workflow_name is not UNSET:
            field_dict["workflow_name"] = workflow_name
        if lease_expires_at is not UNSET:
            field_dict["lease_expires_at"] = lease_expires_at
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_db_id = d.pop("node_db_id")

        task_id = d.pop("task_id")

        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        node_id = d.pop("node_id")

        kind = MyWorkItemKind(d.pop("kind"))

        status = MyWorkItemStatus(d.pop("status"))

        claimed_by_me = d.pop("claimed_by_me")

        workflow_name = d.pop("workflow_name", UNSET)

        def _parse_lease_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lease_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return lease_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("lease_expires_at", UNSET))

        attempt = d.pop("attempt", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        my_work_item = cls(
            node_db_id=node_db_id,
            task_id=task_id,
            workflow_id=workflow_id,
            project_id=project_id,
            node_id=node_id,
            kind=kind,
            status=status,
            claimed_by_me=claimed_by_me,
            workflow_name=workflow_name,
            lease_expires_at=lease_expires_at,
            attempt=attempt,
            created_at=created_at,
            updated_at=updated_at,
        )

        my_work_item.additional_properties = d
        return my_work_item

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
