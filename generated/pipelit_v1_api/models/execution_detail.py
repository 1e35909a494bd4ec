from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status_name import ExecutionStatusName

if TYPE_CHECKING:
    from ..models.execution_detail_final_output_type_0 import (
        ExecutionDetailFinalOutputType0,
    )
    from ..models.execution_detail_trigger_payload_type_0 import (
        ExecutionDetailTriggerPayloadType0,
    )
    from ..models.execution_log import ExecutionLog


T = TypeVar("T", bound="ExecutionDetail")


@_attrs_define
class ExecutionDetail:
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
        final_output (ExecutionDetailFinalOutputType0 | None):
        trigger_payload (ExecutionDetailTriggerPayloadType0 | None):
        logs (list[ExecutionLog]):
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
    final_output: ExecutionDetailFinalOutputType0 | None
    trigger_payload: ExecutionDetailTriggerPayloadType0 | None
    logs: list[ExecutionLog]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_detail_final_output_type_0 import (
            ExecutionDetailFinalOutputType0,
        )
        from ..models.execution_detail_trigger_payload_type_0 import (
            ExecutionDetailTriggerPayloadType0,
        )

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

        final_output: dict[str, Any] | None
        if isinstance(self.final_output, ExecutionDetailFinalOutputType0):
            final_output = self.final_output.to_dict()
        else:
            final_output = self.final_output

        trigger_payload: dict[str, Any] | None
        if isinstance(self.trigger_payload, ExecutionDetailTriggerPayloadType0):
            trigger_payload = self.trigger_payload.to_dict()
        else:
            trigger_payload = self.trigger_payload

        logs = []
        for logs_item_data in self.logs:
            logs_item = logs_item_data.to_dict()
            logs.append(logs_item)

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
                "final_output": final_output,
                "trigger_payload": trigger_payload,
                "logs": logs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_detail_final_output_type_0 import (
            ExecutionDetailFinalOutputType0,
        )
        from ..models.execution_detail_trigger_payload_type_0 import (
            ExecutionDetailTriggerPayloadType0,
        )
        from ..models.execution_log import ExecutionLog

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

        def _parse_final_output(data: object) -> ExecutionDetailFinalOutputType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                final_output_type_0 = ExecutionDetailFinalOutputType0.from_dict(data)

                return final_output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionDetailFinalOutputType0 | None, data)

        final_output = _parse_final_output(d.pop("final_output"))

        def _parse_trigger_payload(data: object) -> ExecutionDetailTriggerPayloadType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_payload_type_0 = ExecutionDetailTriggerPayloadType0.from_dict(data)

                return trigger_payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionDetailTriggerPayloadType0 | None, data)

        trigger_payload = _parse_trigger_payload(d.pop("trigger_payload"))

        logs = []
        _logs = d.pop("logs")
        for logs_item_data in _logs:
            logs_item = ExecutionLog.from_dict(logs_item_data)

            logs.append(logs_item)

        execution_detail = cls(
            execution_id=execution_id,
            workflow_slug=workflow_slug,
            status=status,
            error_message=error_message,
            started_at=started_at,
            completed_at=completed_at,
            total_tokens=total_tokens,
            total_cost_usd=total_cost_usd,
            llm_calls=llm_calls,
            final_output=final_output,
            trigger_payload=trigger_payload,
            logs=logs,
        )

        execution_detail.additional_properties = d
        return execution_detail

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
