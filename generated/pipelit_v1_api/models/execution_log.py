from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_log_status import ExecutionLogStatus

if TYPE_CHECKING:
    from ..models.execution_log_metadata_type_0 import ExecutionLogMetadataType0


T = TypeVar("T", bound="ExecutionLog")


@_attrs_define
class ExecutionLog:
    """
    Attributes:
        id (int):
        node_id (str):
        status (ExecutionLogStatus):
        input_ (Any):
        output (Any):
        error (str):
        error_code (None | str):
        metadata (ExecutionLogMetadataType0 | None):
        duration_ms (int):
        timestamp (None | str):
    """

    id: int
    node_id: str
    status: ExecutionLogStatus
    input_: Any
    output: Any
    error: str
    error_code: None | str
    metadata: ExecutionLogMetadataType0 | None
    duration_ms: int
    timestamp: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_log_metadata_type_0 import ExecutionLogMetadataType0

        id = self.id

        node_id = self.node_id

        status = self.status.value

        input_ = self.input_

        output = self.output

        error = self.error

        error_code: None | str
        error_code = self.error_code

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, ExecutionLogMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        duration_ms = self.duration_ms

        timestamp: None | str
        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "node_id": node_id,
                "status": status,
                "input": input_,
                "output": output,
                "error": error,
                "error_code": error_code,
                "metadata": metadata,
                "duration_ms": duration_ms,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_log_metadata_type_0 import ExecutionLogMetadataType0

        d = dict(src_dict)
        id = d.pop("id")

        node_id = d.pop("node_id")

        status = ExecutionLogStatus(d.pop("status"))

        input_ = d.pop("input")

        output = d.pop("output")

        error = d.pop("error")

        def _parse_error_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_code = _parse_error_code(d.pop("error_code"))

        def _parse_metadata(data: object) -> ExecutionLogMetadataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ExecutionLogMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionLogMetadataType0 | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        duration_ms = d.pop("duration_ms")

        def _parse_timestamp(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timestamp = _parse_timestamp(d.pop("timestamp"))

        execution_log = cls(
            id=id,
            node_id=node_id,
            status=status,
            input_=input_,
            output=output,
            error=error,
            error_code=error_code,
            metadata=metadata,
            duration_ms=duration_ms,
            timestamp=timestamp,
        )

        execution_log.additional_properties = d
        return execution_log

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
