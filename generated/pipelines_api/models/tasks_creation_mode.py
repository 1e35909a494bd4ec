from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tasks_creation_mode_mode import TasksCreationModeMode
from ..models.workflow_status import WorkflowStatus

if TYPE_CHECKING:
    from ..models.tasks_creation_mode_endpoints import TasksCreationModeEndpoints
    from ..models.tasks_creation_mode_example_type_0 import TasksCreationModeExampleType0
    from ..models.tasks_creation_mode_fields_item import TasksCreationModeFieldsItem


T = TypeVar("T", bound="TasksCreationMode")


@_attrs_define
class TasksCreationMode:
    """
    Attributes:
        workflow_id (int):
        project_id (int):
        workflow_status (WorkflowStatus):
        mode (TasksCreationModeMode):
        accepts_tasks (bool):
        reason (None | str):
        max_batch (int): Rows per create-tasks call.
        fields (list[TasksCreationModeFieldsItem]):
        file_fields (list[str]):
        endpoints (TasksCreationModeEndpoints):
        example (None | TasksCreationModeExampleType0): A valid create-tasks body (json mode).
    """

    workflow_id: int
    project_id: int
    workflow_status: WorkflowStatus
    mode: TasksCreationModeMode
    accepts_tasks: bool
    reason: None | str
    max_batch: int
    fields: list[TasksCreationModeFieldsItem]
    file_fields: list[str]
    endpoints: TasksCreationModeEndpoints
    example: None | TasksCreationModeExampleType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tasks_creation_mode_example_type_0 import (
            TasksCreationModeExampleType0,
        )

        workflow_id = self.workflow_id

        project_id = self.project_id

        workflow_status = self.workflow_status.value

        mode = self.mode.value

        accepts_tasks = self.accepts_tasks

        reason: None | str
        reason = self.reason

        max_batch = self.max_batch

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        file_fields = self.file_fields

        endpoints = self.endpoints.to_dict()

        example: dict[str, Any] | None
        if isinstance(self.example, TasksCreationModeExampleType0):
            example = self.example.to_dict()
        else:
            example = self.example

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "project_id": project_id,
                "workflow_status": workflow_status,
                "mode": mode,
                "accepts_tasks": accepts_tasks,
                "reason": reason,
                "max_batch": max_batch,
                "fields": fields,
                "file_fields": file_fields,
                "endpoints": endpoints,
                "example": example,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tasks_creation_mode_endpoints import TasksCreationModeEndpoints
        from ..models.tasks_creation_mode_example_type_0 import (
            TasksCreationModeExampleType0,
        )
        from ..models.tasks_creation_mode_fields_item import TasksCreationModeFieldsItem

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        workflow_status = WorkflowStatus(d.pop("workflow_status"))

        mode = TasksCreationModeMode(d.pop("mode"))

        accepts_tasks = d.pop("accepts_tasks")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        max_batch = d.pop("max_batch")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = TasksCreationModeFieldsItem.from_dict(fields_item_data)

            fields.append(fields_item)

        file_fields = cast(list[str], d.pop("file_fields"))

        endpoints = TasksCreationModeEndpoints.from_dict(d.pop("endpoints"))

        def _parse_example(data: object) -> None | TasksCreationModeExampleType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                example_type_0 = TasksCreationModeExampleType0.from_dict(data)

                return example_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TasksCreationModeExampleType0, data)

        example = _parse_example(d.pop("example"))

        tasks_creation_mode = cls(
            workflow_id=workflow_id,
            project_id=project_id,
            workflow_status=workflow_status,
            mode=mode,
            accepts_tasks=accepts_tasks,
            reason=reason,
            max_batch=max_batch,
            fields=fields,
            file_fields=file_fields,
            endpoints=endpoints,
            example=example,
        )

        tasks_creation_mode.additional_properties = d
        return tasks_creation_mode

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
