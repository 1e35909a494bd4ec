from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_status import NodeStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.linked_node_view_task_fields import LinkedNodeViewTaskFields


T = TypeVar("T", bound="LinkedNodeView")


@_attrs_define
class LinkedNodeView:
    """A node's view: NodeWork's keys for a human node; for a machine node the keys every node view has, with the task
    details' `route`, `error`, `log`, `work_seconds`, `finished_at` and `updated_at`.

        Attributes:
            task_id (int):
            workflow_id (int):
            project_id (int):
            node_id (str):
            kind (str):
            name (str):
            status (NodeStatus): The state of one node instance, as in the External API v1 reference, plus `failed`.
                pending: waiting for its inputs; deferred: queued for later (a retry after backoff, or a subtask waiting for its
                llm-prefilled values); available: ready for a worker or a person; claimed: held by a worker or a person (a loop
                node while it iterates); submitted: a subtask whose values wait for their review; escalated / quarantined:
                stopped for a person to look at; finished; na: on a path not taken; failed.
            attempt (int):
            node_db_id (int | None | Unset):
            assignee_id (int | None | Unset):
            lease_expires_at (datetime.datetime | None | Unset):
            task_fields (LinkedNodeViewTaskFields | Unset):
            input_ (Any | Unset):
            output (Any | Unset):
            route (None | str | Unset):
            error (None | str | Unset):
            log (None | str | Unset): A machine node's log (as in the task's details).
            work_seconds (float | None | Unset):
            finished_at (datetime.datetime | None | Unset):
            updated_at (datetime.datetime | None | Unset):
    """

    task_id: int
    workflow_id: int
    project_id: int
    node_id: str
    kind: str
    name: str
    status: NodeStatus
    attempt: int
    node_db_id: int | None | Unset = UNSET
    assignee_id: int | None | Unset = UNSET
    lease_expires_at: datetime.datetime | None | Unset = UNSET
    task_fields: LinkedNodeViewTaskFields | Unset = UNSET
    input_: Any | Unset = UNSET
    output: Any | Unset = UNSET
    route: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    log: None | str | Unset = UNSET
    work_seconds: float | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        workflow_id = self.workflow_id

        project_id = self.project_id

        node_id = self.node_id

        kind = self.kind

        name = self.name

        status = self.status.value

        attempt = self.attempt

        node_db_id: int | None | Unset
        if isinstance(self.node_db_id, Unset):
            node_db_id = UNSET
        else:
            node_db_id = self.node_db_id

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        elif isinstance(self.lease_expires_at, datetime.datetime):
            lease_expires_at = self.lease_expires_at.isoformat()
        else:
            lease_expires_at = self.lease_expires_at

        task_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_fields, Unset):
            task_fields = self.task_fields.to_dict()

        input_ = self.input_

        output = self.output

        route: None | str | Unset
        if isinstance(self.route, Unset):
            route = UNSET
        else:
            route = self.route

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        log: None | str | Unset
        if isinstance(self.log, Unset):
            log = UNSET
        else:
            log = self.log

        work_seconds: float | None | Unset
        if isinstance(self.work_seconds, Unset):
            work_seconds = UNSET
        else:
            work_seconds = self.work_seconds

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "workflow_id": workflow_id,
                "project_id": project_id,
                "node_id": node_id,
                "kind": kind,
                "name": name,
                "status": status,
                "attempt": attempt,
            }
        )
        if node_db_id is not UNSET:
            field_dict["node_db_id"] = node_db_id
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if lease_expires_at is not UNSET:
            field_dict["lease_expires_at"] = lease_expires_at
        if task_fields is not UNSET:
            field_dict["task_fields"] = task_fields
        if input_ is not UNSET:
            field_dict["input"] = input_
        if output is not UNSET:
            field_dict["output"] = output
        if route is not UNSET:
            field_dict["route"] = route
        if error is not UNSET:
            field_dict["error"] = error
        if log is not UNSET:
            field_dict["log"] = log
        if work_seconds is not UNSET:
            field_dict["work_seconds"] = work_seconds
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.linked_node_view_task_fields import LinkedNodeViewTaskFields

        d = dict(src_dict)
        task_id = d.pop("task_id")

        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        node_id = d.pop("node_id")

        kind = d.pop("kind")

        name = d.pop("name")

        status = NodeStatus(d.pop("status"))

        attempt = d.pop("attempt")

        def _parse_node_db_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        node_db_id = _parse_node_db_id(d.pop("node_db_id", UNSET))

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

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

        _task_fields = d.pop("task_fields", UNSET)
        task_fields: LinkedNodeViewTaskFields | Unset
        if isinstance(_task_fields, Unset):
            task_fields = UNSET
        else:
            task_fields = LinkedNodeViewTaskFields.from_dict(_task_fields)

        input_ = d.pop("input", UNSET)

        output = d.pop("output", UNSET)

        def _parse_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        route = _parse_route(d.pop("route", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_log(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log = _parse_log(d.pop("log", UNSET))

        def _parse_work_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        work_seconds = _parse_work_seconds(d.pop("work_seconds", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        linked_node_view = cls(
            task_id=task_id,
            workflow_id=workflow_id,
            project_id=project_id,
            node_id=node_id,
            kind=kind,
            name=name,
            status=status,
            attempt=attempt,
            node_db_id=node_db_id,
            assignee_id=assignee_id,
            lease_expires_at=lease_expires_at,
            task_fields=task_fields,
            input_=input_,
            output=output,
            route=route,
            error=error,
            log=log,
            work_seconds=work_seconds,
            finished_at=finished_at,
            updated_at=updated_at,
        )

        linked_node_view.additional_properties = d
        return linked_node_view

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
