from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_view_task_fields import SubmissionViewTaskFields


T = TypeVar("T", bound="SubmissionViewTask")


@_attrs_define
class SubmissionViewTask:
    """
    Attributes:
        id (int):
        status (TaskStatus): Derived from the task's nodes: failed when a node failed; finished when the end node
            finished; escalated or quarantined when a node is; paused while its workflow is paused; in_progress once
            started; pending before. `cancelled` is native only (the External API v1 shows it as failed).
        workflow_id (int):
        project_id (int):
        fields (SubmissionViewTaskFields | Unset):
        workflow_name (str | Unset):
    """

    id: int
    status: TaskStatus
    workflow_id: int
    project_id: int
    fields: SubmissionViewTaskFields | Unset = UNSET
    workflow_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        workflow_id = self.workflow_id

        project_id = self.project_id

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        workflow_name = self.workflow_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "workflow_id": workflow_id,
                "project_id": project_id,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if workflow_name is not UNSET:
            field_dict["workflow_name"] = workflow_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.submission_view_task_fields import SubmissionViewTaskFields

        d = dict(src_dict)
        id = d.pop("id")

        status = TaskStatus(d.pop("status"))

        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        _fields = d.pop("fields", UNSET)
        fields: SubmissionViewTaskFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = SubmissionViewTaskFields.from_dict(_fields)

        workflow_name = d.pop("workflow_name", UNSET)

        submission_view_task = cls(
            id=id,
            status=status,
            workflow_id=workflow_id,
            project_id=project_id,
            fields=fields,
            workflow_name=workflow_name,
        )

        submission_view_task.additional_properties = d
        return submission_view_task

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
