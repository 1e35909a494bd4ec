from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status_name import ExecutionStatusName

if TYPE_CHECKING:
    from ..models.execution_status_final_output_type_0 import (
        ExecutionStatusFinalOutputType0,
    )


T = TypeVar("T", bound="ExecutionStatus")


@_attrs_define
class ExecutionStatus:
    """
    Attributes:
        execution_id (str):
        workflow (str):
        status (ExecutionStatusName):
        started_at (None | str):
        completed_at (None | str):
        final_output (ExecutionStatusFinalOutputType0 | None):
        error_message (None | str):
    """

    execution_id: str
    workflow: str
    status: ExecutionStatusName
    started_at: None | str
    completed_at: None | str
    final_output: ExecutionStatusFinalOutputType0 | None
    error_message: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_status_final_output_type_0 import (
            ExecutionStatusFinalOutputType0,
        )

        execution_id = self.execution_id

        workflow = self.workflow

        status = self.status.value

        started_at: None | str
        started_at = self.started_at

        completed_at: None | str
        completed_at = self.completed_at

        final_output: dict[str, Any] | None
        if isinstance(self.final_output, ExecutionStatusFinalOutputType0):
            final_output = self.final_output.to_dict()
        else:
            final_output = self.final_output

        error_message: None | str
        error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "execution_id": execution_id,
                "workflow": workflow,
                "status": status,
                "started_at": started_at,
                "completed_at": completed_at,
                "final_output": final_output,
                "error_message": error_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_status_final_output_type_0 import (
            ExecutionStatusFinalOutputType0,
        )

        d = dict(src_dict)
        execution_id = d.pop("execution_id")

        workflow = d.pop("workflow")

        status = ExecutionStatusName(d.pop("status"))

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

        def _parse_final_output(data: object) -> ExecutionStatusFinalOutputType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                final_output_type_0 = ExecutionStatusFinalOutputType0.from_dict(data)

                return final_output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionStatusFinalOutputType0 | None, data)

        final_output = _parse_final_output(d.pop("final_output"))

        def _parse_error_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_message = _parse_error_message(d.pop("error_message"))

        execution_status = cls(
            execution_id=execution_id,
            workflow=workflow,
            status=status,
            started_at=started_at,
            completed_at=completed_at,
            final_output=final_output,
            error_message=error_message,
        )

        execution_status.additional_properties = d
        return execution_status

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
