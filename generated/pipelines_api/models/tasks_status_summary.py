from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_status import WorkflowStatus

if TYPE_CHECKING:
    from ..models.tasks_status_summary_nodes_by_status import (
        TasksStatusSummaryNodesByStatus,
    )
    from ..models.tasks_status_summary_tasks_by_status import (
        TasksStatusSummaryTasksByStatus,
    )


T = TypeVar("T", bound="TasksStatusSummary")


@_attrs_define
class TasksStatusSummary:
    """
    Attributes:
        workflow_id (int):
        project_id (int):
        workflow_status (WorkflowStatus):
        total_tasks (int):
        tasks_by_status (TasksStatusSummaryTasksByStatus):
        finished_tasks (int):
        failed_tasks (int):
        open_tasks (int): pending, in_progress, paused and escalated tasks.
        total_nodes (int):
        nodes_by_status (TasksStatusSummaryNodesByStatus):
        last_activity_at (datetime.datetime | None):
    """

    workflow_id: int
    project_id: int
    workflow_status: WorkflowStatus
    total_tasks: int
    tasks_by_status: TasksStatusSummaryTasksByStatus
    finished_tasks: int
    failed_tasks: int
    open_tasks: int
    total_nodes: int
    nodes_by_status: TasksStatusSummaryNodesByStatus
    last_activity_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        project_id = self.project_id

        workflow_status = self.workflow_status.value

        total_tasks = self.total_tasks

        tasks_by_status = self.tasks_by_status.to_dict()

        finished_tasks = self.finished_tasks

        failed_tasks = self.failed_tasks

        open_tasks = self.open_tasks

        total_nodes = self.total_nodes

        nodes_by_status = self.nodes_by_status.to_dict()

        last_activity_at: None | str
        if isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "project_id": project_id,
                "workflow_status": workflow_status,
                "total_tasks": total_tasks,
                "tasks_by_status": tasks_by_status,
                "finished_tasks": finished_tasks,
                "failed_tasks": failed_tasks,
                "open_tasks": open_tasks,
                "total_nodes": total_nodes,
                "nodes_by_status": nodes_by_status,
                "last_activity_at": last_activity_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tasks_status_summary_nodes_by_status import (
            TasksStatusSummaryNodesByStatus,
        )
        from ..models.tasks_status_summary_tasks_by_status import (
            TasksStatusSummaryTasksByStatus,
        )

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        workflow_status = WorkflowStatus(d.pop("workflow_status"))

        total_tasks = d.pop("total_tasks")

        tasks_by_status = TasksStatusSummaryTasksByStatus.from_dict(d.pop("tasks_by_status"))

        finished_tasks = d.pop("finished_tasks")

        failed_tasks = d.pop("failed_tasks")

        open_tasks = d.pop("open_tasks")

        total_nodes = d.pop("total_nodes")

        nodes_by_status = TasksStatusSummaryNodesByStatus.from_dict(d.pop("nodes_by_status"))

        def _parse_last_activity_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at"))

        tasks_status_summary = cls(
            workflow_id=workflow_id,
            project_id=project_id,
            workflow_status=workflow_status,
            total_tasks=total_tasks,
            tasks_by_status=tasks_by_status,
            finished_tasks=finished_tasks,
            failed_tasks=failed_tasks,
            open_tasks=open_tasks,
            total_nodes=total_nodes,
            nodes_by_status=nodes_by_status,
            last_activity_at=last_activity_at,
        )

        tasks_status_summary.additional_properties = d
        return tasks_status_summary

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
