from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PitEpic")


@_attrs_define
class PitEpic:
    """
    Attributes:
        id (str):
        title (str):
        description (str):
        tags (list[str]):
        status (str):
        priority (int):
        total_tasks (int):
        completed_tasks (int):
        failed_tasks (int):
        created_at (None | str):
        updated_at (None | str):
        created_by_node_id (None | str | Unset):
        workflow_id (int | None | Unset):
        user_profile_id (int | None | Unset):
        budget_tokens (int | None | Unset):
        budget_usd (float | None | Unset):
        spent_tokens (int | Unset):
        spent_usd (float | Unset):
        agent_overhead_tokens (int | Unset):
        agent_overhead_usd (float | Unset):
        completed_at (None | str | Unset):
        result_summary (None | str | Unset):
    """

    id: str
    title: str
    description: str
    tags: list[str]
    status: str
    priority: int
    total_tasks: int
    completed_tasks: int
    failed_tasks: int
    created_at: None | str
    updated_at: None | str
    created_by_node_id: None | str | Unset = UNSET
    workflow_id: int | None | Unset = UNSET
    user_profile_id: int | None | Unset = UNSET
    budget_tokens: int | None | Unset = UNSET
    budget_usd: float | None | Unset = UNSET
    spent_tokens: int | Unset = UNSET
    spent_usd: float | Unset = UNSET
    agent_overhead_tokens: int | Unset = UNSET
    agent_overhead_usd: float | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    result_summary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        description = self.description

        tags = self.tags

        status = self.status

        priority = self.priority

        total_tasks = self.total_tasks

        completed_tasks = self.completed_tasks

        failed_tasks = self.failed_tasks

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

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

        user_profile_id: int | None | Unset
        if isinstance(self.user_profile_id, Unset):
            user_profile_id = UNSET
        else:
            user_profile_id = self.user_profile_id

        budget_tokens: int | None | Unset
        if isinstance(self.budget_tokens, Unset):
            budget_tokens = UNSET
        else:
            budget_tokens = self.budget_tokens

        budget_usd: float | None | Unset
        if isinstance(self.budget_usd, Unset):
            budget_usd = UNSET
        else:
            budget_usd = self.budget_usd

        spent_tokens = self.spent_tokens

        spent_usd = self.spent_usd

        agent_overhead_tokens = self.agent_overhead_tokens

        agent_overhead_usd = self.agent_overhead_usd

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "tags": tags,
                "status": status,
                "priority": priority,
                "total_tasks": total_tasks,
                "completed_tasks": completed_tasks,
                "failed_tasks": failed_tasks,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if created_by_node_id is not UNSET:
            field_dict["created_by_node_id"] = created_by_node_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if user_profile_id is not UNSET:
            field_dict["user_profile_id"] = user_profile_id
        if budget_tokens is not UNSET:
            field_dict["budget_tokens"] = budget_tokens
        if budget_usd is not UNSET:
            field_dict["budget_usd"] = budget_usd
        if spent_tokens is not UNSET:
            field_dict["spent_tokens"] = spent_tokens
        if spent_usd is not UNSET:
            field_dict["spent_usd"] = spent_usd
        if agent_overhead_tokens is not UNSET:
            field_dict["agent_overhead_tokens"] = agent_overhead_tokens
        if agent_overhead_usd is not UNSET:
            field_dict["agent_overhead_usd"] = agent_overhead_usd
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if result_summary is not UNSET:
            field_dict["result_summary"] = result_summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description")

        tags = cast(list[str], d.pop("tags"))

        status = d.pop("status")

        priority = d.pop("priority")

        total_tasks = d.pop("total_tasks")

        completed_tasks = d.pop("completed_tasks")

        failed_tasks = d.pop("failed_tasks")

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

        def _parse_user_profile_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_profile_id = _parse_user_profile_id(d.pop("user_profile_id", UNSET))

        def _parse_budget_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_tokens = _parse_budget_tokens(d.pop("budget_tokens", UNSET))

        def _parse_budget_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        budget_usd = _parse_budget_usd(d.pop("budget_usd", UNSET))

        spent_tokens = d.pop("spent_tokens", UNSET)

        spent_usd = d.pop("spent_usd", UNSET)

        agent_overhead_tokens = d.pop("agent_overhead_tokens", UNSET)

        agent_overhead_usd = d.pop("agent_overhead_usd", UNSET)

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

        pit_epic = cls(
            id=id,
            title=title,
            description=description,
            tags=tags,
            status=status,
            priority=priority,
            total_tasks=total_tasks,
            completed_tasks=completed_tasks,
            failed_tasks=failed_tasks,
            created_at=created_at,
            updated_at=updated_at,
            created_by_node_id=created_by_node_id,
            workflow_id=workflow_id,
            user_profile_id=user_profile_id,
            budget_tokens=budget_tokens,
            budget_usd=budget_usd,
            spent_tokens=spent_tokens,
            spent_usd=spent_usd,
            agent_overhead_tokens=agent_overhead_tokens,
            agent_overhead_usd=agent_overhead_usd,
            completed_at=completed_at,
            result_summary=result_summary,
        )

        pit_epic.additional_properties = d
        return pit_epic

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
