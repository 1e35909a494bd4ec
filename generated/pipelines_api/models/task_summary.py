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
    from ..models.task_summary_fields import TaskSummaryFields
    from ..models.task_tag_ref import TaskTagRef


T = TypeVar("T", bound="TaskSummary")


@_attrs_define
class TaskSummary:
    """
    Attributes:
        id (int):
        project_id (int):
        workflow_id (int):
        workflow_version (int):
        status (TaskStatus): Derived from the task's nodes: failed when a node failed; finished when the end node
            finished; escalated or quarantined when a node is; paused while its workflow is paused; in_progress once
            started; pending before. `cancelled` is native only (the External API v1 shows it as failed).
        fields (TaskSummaryFields):
        node_summary (NodeSummary):
        tags (list[TaskTagRef]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        error (None | str | Unset):
        created_by_id (int | None | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
    """

    id: int
    project_id: int
    workflow_id: int
    workflow_version: int
    status: TaskStatus
    fields: TaskSummaryFields
    node_summary: NodeSummary
    tags: list[TaskTagRef]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    error: None | str | Unset = UNSET
    created_by_id: int | None | Unset = UNSET
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

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.to_dict()
            tags.append(tags_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        created_by_id: int | None | Unset
        if isinstance(self.created_by_id, Unset):
            created_by_id = UNSET
        else:
            created_by_id = self.created_by_id

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
                "tags": tags,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_summary import NodeSummary
        from ..models.task_summary_fields import TaskSummaryFields
        from ..models.task_tag_ref import TaskTagRef

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        workflow_id = d.pop("workflow_id")

        workflow_version = d.pop("workflow_version")

        status = TaskStatus(d.pop("status"))

        fields = TaskSummaryFields.from_dict(d.pop("fields"))

        node_summary = NodeSummary.from_dict(d.pop("node_summary"))

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = TaskTagRef.from_dict(tags_item_data)

            tags.append(tags_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

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

        task_summary = cls(
            id=id,
            project_id=project_id,
            workflow_id=workflow_id,
            workflow_version=workflow_version,
            status=status,
            fields=fields,
            node_summary=node_summary,
            tags=tags,
            created_at=created_at,
            updated_at=updated_at,
            error=error,
            created_by_id=created_by_id,
            started_at=started_at,
            finished_at=finished_at,
        )

        task_summary.additional_properties = d
        return task_summary

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
