from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.node_summary import NodeSummary
    from ..models.task_detail_fields import TaskDetailFields
    from ..models.task_node import TaskNode


T = TypeVar("T", bound="TaskDetail")


@_attrs_define
class TaskDetail:
    """
    Attributes:
        id (int):
        project_id (int):
        workflow_id (int):
        workflow_version (int):
        status (TaskStatus): Derived from the task's nodes: failed when a node failed; finished when the end node
            finished; escalated or quarantined when a node is; paused while its workflow is paused; in_progress once
            started; pending before. `cancelled` is native only (the External API v1 shows it as failed).
        fields (TaskDetailFields):
        node_summary (NodeSummary):
        nodes (list[TaskNode]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        output (Any | Unset): The end node's input, once the task finished.
        error (None | str | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
    """

    id: int
    project_id: int
    workflow_id: int
    workflow_version: int
    status: TaskStatus
    fields: TaskDetailFields
    node_summary: NodeSummary
    nodes: list[TaskNode]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    output: Any | Unset = UNSET
    error: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        workflow_id = self.workflow_id

        workflow_version = self.workflow_version

        status = self.status.value

        fields = self.fields.to_dict()

        node_summary = self.node_summary.to_dict()

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        output = self.output

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "workflow_id": workflow_id,
                "workflow_version": workflow_version,
                "status": status,
                "fields": fields,
                "node_summary": node_summary,
                "nodes": nodes,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if error is not UNSET:
            field_dict["error"] = error
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_summary import NodeSummary
        from ..models.task_detail_fields import TaskDetailFields
        from ..models.task_node import TaskNode

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        workflow_id = d.pop("workflow_id")

        workflow_version = d.pop("workflow_version")

        status = TaskStatus(d.pop("status"))

        fields = TaskDetailFields.from_dict(d.pop("fields"))

        node_summary = NodeSummary.from_dict(d.pop("node_summary"))

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = TaskNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        output = d.pop("output", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

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

        task_detail = cls(
            id=id,
            project_id=project_id,
            workflow_id=workflow_id,
            workflow_version=workflow_version,
            status=status,
            fields=fields,
            node_summary=node_summary,
            nodes=nodes,
            created_at=created_at,
            updated_at=updated_at,
            output=output,
            error=error,
            started_at=started_at,
            finished_at=finished_at,
        )

        task_detail.additional_properties = d
        return task_detail

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
