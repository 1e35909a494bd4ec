from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status_name import ExecutionStatusName

T = TypeVar("T", bound="Execution")


@_attrs_define
class Execution:
    """
    Attributes:
        execution_id (str):
        workflow_slug (str):
        status (ExecutionStatusName):
        error_message (str):
        started_at (None | str):
        completed_at (None | str):
        total_tokens (int):
        total_cost_usd (float):
        llm_calls (int):
    """

    execution_id: str
    workflow_slug: str
    status: ExecutionStatusName
    error_message: str
    started_at: None | str
    completed_at: None | str
    total_tokens: int
    total_cost_usd: float
    llm_calls: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        workflow_slug = self.workflow_slug

        status = self.status.value

        error_message = self.error_message

        started_at: None | str
        started_at = self.started_at

        completed_at: None | str
        completed_at = self.completed_at

        total_tokens = self.total_tokens

        total_cost_usd = self.total_cost_usd

        llm_calls = self.llm_calls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "execution_id": execution_id,
                "workflow_slug": workflow_slug,
                "status": status,
                "error_message": error_message,
                "started_at": started_at,
                "completed_at": completed_at,
                "total_tokens": total_tokens,
                "total_cost_usd": total_cost_usd,
                "llm_calls": llm_calls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        execution_id = d.pop("execution_id")

        workflow_slug = d.pop("workflow_slug")

        status = ExecutionStatusName(d.pop("status"))

        error_message = d.pop("error_message")

        def _parse_started_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_completed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        total_tokens = d.pop("total_tokens")

        total_cost_usd = d.pop("total_cost_usd")

        llm_calls = d.pop("llm_calls")

        execution = cls(
            execution_id=execution_id,
            workflow_slug=workflow_slug,
            status=status,
            error_message=error_message,
            started_at=started_at,
            completed_at=completed_at,
            total_tokens=total_tokens,
            total_cost_usd=total_cost_usd,
            llm_calls=llm_calls,
        )

        execution.additional_properties = d
        return execution

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
