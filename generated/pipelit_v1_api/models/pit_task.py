from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pit_task_requirements_type_0 import PitTaskRequirementsType0


T = TypeVar("T", bound="PitTask")


@_attrs_define
class PitTask:
    """
    Attributes:
        id (str):
        epic_id (str):
        title (str):
        description (str):
        tags (list[str]):
        status (str):
        priority (int):
        workflow_source (str):
        depends_on (list[str]):
        created_at (None | str):
        updated_at (None | str):
        retry_count (int):
        max_retries (int):
        notes (list[Any]):
        created_by_node_id (None | str | Unset):
        workflow_id (int | None | Unset):
        workflow_slug (None | str | Unset):
        execution_id (None | str | Unset):
        requirements (None | PitTaskRequirementsType0 | Unset):
        estimated_tokens (int | None | Unset):
        actual_tokens (int | Unset):
        actual_usd (float | Unset):
        llm_calls (int | Unset):
        tool_invocations (int | Unset):
        duration_ms (int | Unset):
        started_at (None | str | Unset):
        completed_at (None | str | Unset):
        result_summary (None | str | Unset):
        error_message (None | str | Unset):
    """

    id: str
    epic_id: str
    title: str
    description: str
    tags: list[str]
    status: str
    priority: int
    workflow_source: str
    depends_on: list[str]
    created_at: None | str
    updated_at: None | str
    retry_count: int
    max_retries: int
    notes: list[Any]
    created_by_node_id: None | str | Unset = UNSET
    workflow_id: int | None | Unset = UNSET
    workflow_slug: None | str | Unset = UNSET
    execution_id: None | str | Unset = UNSET
    requirements: None | PitTaskRequirementsType0 | Unset = UNSET
    estimated_tokens: int | None | Unset = UNSET
    actual_tokens: int | Unset = UNSET
    actual_usd: float | Unset = UNSET
    llm_calls: int | Unset = UNSET
    tool_invocations: int | Unset = UNSET
    duration_ms: int | Unset = UNSET
    started_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    result_summary: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pit_task_requirements_type_0 import PitTaskRequirementsType0

        id = self.id

        epic_id = self.epic_id

        title = self.title

        description = self.description

        tags = self.tags

        status = self.status

        priority = self.priority

        workflow_source = self.workflow_source

        depends_on = self.depends_on

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        retry_count = self.retry_count

        max_retries = self.max_retries

        notes = self.notes

        created_by_node_id: None | str | Unset
        if isinstance(self.created_by_node_id, Unset):
            created_by_node_id = UNSET
        else:
            created_by_node_id = self.created_by_node_id

        workflow_id: int | None | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        workflow_slug: None | str | Unset
        if isinstance(self.workflow_slug, Unset):
            workflow_slug = UNSET
        else:
            workflow_slug = self.workflow_slug

        execution_id: None | str | Unset
        if isinstance(self.execution_id, Unset):
            execution_id = UNSET
        else:
            execution_id = self.execution_id

        requirements: dict[str, Any] | None | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        elif isinstance(self.requirements, PitTaskRequirementsType0):
            requirements = self.requirements.to_dict()
        else:
            requirements = self.requirements

        estimated_tokens: int | None | Unset
        if isinstance(self.estimated_tokens, Unset):
            estimated_tokens = UNSET
        else:
            estimated_tokens = self.estimated_tokens

        actual_tokens = self.actual_tokens

        actual_usd = self.actual_usd

        llm_calls = self.llm_calls

        tool_invocations = self.tool_invocations

        duration_ms = self.duration_ms

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        result_summary: None | str | Unset
        if isinstance(self.result_summary, Unset):
            result_summary = UNSET
        else:
            result_summary = self.result_summary

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "epic_id": epic_id,
                "title": title,
                "description": description,
                "tags": tags,
                "status": status,
                "priority": priority,
                "workflow_source": workflow_source,
                "depends_on": depends_on,
                "created_at": created_at,
                "updated_at": updated_at,
                "retry_count": retry_count,
                "max_retries": max_retries,
                "notes": notes,
            }
        )
        if created_by_node_id is not UNSET:
            field_dict["created_by_node_id"] = created_by_node_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if workflow_slug is not UNSET:
            field_dict["workflow_slug"] = workflow_slug
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if estimated_tokens is not UNSET:
            field_dict["estimated_tokens"] = estimated_tokens
        if actual_tokens is not UNSET:
            field_dict["actual_tokens"] = actual_tokens
        if actual_usd is not UNSET:
            field_dict["actual_usd"] = actual_usd
        if llm_calls is not UNSET:
            field_dict["llm_calls"] = llm_calls
        if tool_invocations is not UNSET:
            field_dict["tool_invocations"] = tool_invocations
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if result_summary is not UNSET:
            field_dict["result_summary"] = result_summary
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_task_requirements_type_0 import PitTaskRequirementsType0

        d = dict(src_dict)
        id = d.pop("id")

        epic_id = d.pop("epic_id")

        title = d.pop("title")

        description = d.pop("description")

        tags = cast(list[str], d.pop("tags"))

        status = d.pop("status")

        priority = d.pop("priority")

        workflow_source = d.pop("workflow_source")

        depends_on = cast(list[str], d.pop("depends_on"))

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        retry_count = d.pop("retry_count")

        max_retries = d.pop("max_retries")

        notes = cast(list[Any], d.pop("notes"))

        def _parse_created_by_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_node_id = _parse_created_by_node_id(d.pop("created_by_node_id", UNSET))

        def _parse_workflow_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        def _parse_workflow_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow_slug = _parse_workflow_slug(d.pop("workflow_slug", UNSET))

        def _parse_execution_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_id = _parse_execution_id(d.pop("execution_id", UNSET))

        def _parse_requirements(data: object) -> None | PitTaskRequirementsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requirements_type_0 = PitTaskRequirementsType0.from_dict(data)

                return requirements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PitTaskRequirementsType0 | Unset, data)

        requirements = _parse_requirements(d.pop("requirements", UNSET))

        def _parse_estimated_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_tokens = _parse_estimated_tokens(d.pop("estimated_tokens", UNSET))

        actual_tokens = d.pop("actual_tokens", UNSET)

        actual_usd = d.pop("actual_usd", UNSET)

        llm_calls = d.pop("llm_calls", UNSET)

        tool_invocations = d.pop("tool_invocations", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_result_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_summary = _parse_result_summary(d.pop("result_summary", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        pit_task = cls(
            id=id,
            epic_id=epic_id,
            title=title,
            description=description,
            tags=tags,
            status=status,
            priority=priority,
            workflow_source=workflow_source,
            depends_on=depends_on,
            created_at=created_at,
            updated_at=updated_at,
            retry_count=retry_count,
            max_retries=max_retries,
            notes=notes,
            created_by_node_id=created_by_node_id,
            workflow_id=workflow_id,
            workflow_slug=workflow_slug,
            execution_id=execution_id,
            requirements=requirements,
            estimated_tokens=estimated_tokens,
            actual_tokens=actual_tokens,
            actual_usd=actual_usd,
            llm_calls=llm_calls,
            tool_invocations=tool_invocations,
            duration_ms=duration_ms,
            started_at=started_at,
            completed_at=completed_at,
            result_summary=result_summary,
            error_message=error_message,
        )

        pit_task.additional_properties = d
        return pit_task

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
