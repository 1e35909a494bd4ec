from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.code_node_config_input_type import CodeNodeConfigInputType
from ..models.code_node_config_output_type import CodeNodeConfigOutputType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeNodeConfig")


@_attrs_define
class CodeNodeConfig:
    """Python `def main(data)` run in a subprocess; `data` is {input, task, nodes, item, index}; the return value (JSON) is
    the output; stdout and stderr are the node's log. Defaults: timeout_seconds 10, memory_mb 256, input_type and
    output_type any.

        Attributes:
            source (str):
            timeout_seconds (float | Unset):
            memory_mb (int | Unset):
            input_type (CodeNodeConfigInputType | Unset):
            output_type (CodeNodeConfigOutputType | Unset):
    """

    source: str
    timeout_seconds: float | Unset = UNSET
    memory_mb: int | Unset = UNSET
    input_type: CodeNodeConfigInputType | Unset = UNSET
    output_type: CodeNodeConfigOutputType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        timeout_seconds = self.timeout_seconds

        memory_mb = self.memory_mb

        input_type: str | Unset = UNSET
        if not isinstance(self.input_type, Unset):
            input_type = self.input_type.value

        output_type: str | Unset = UNSET
        if not isinstance(self.output_type, Unset):
            output_type = self.output_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
            }
        )
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if memory_mb is not UNSET:
            field_dict["memory_mb"] = memory_mb
        if input_type is not UNSET:
            field_dict["input_type"] = input_type
        if output_type is not UNSET:
            field_dict["output_type"] = output_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = d.pop("source")

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        memory_mb = d.pop("memory_mb", UNSET)

        _input_type = d.pop("input_type", UNSET)
        input_type: CodeNodeConfigInputType | Unset
        if isinstance(_input_type, Unset):
            input_type = UNSET
        else:
            input_type = CodeNodeConfigInputType(_input_type)

        _output_type = d.pop("output_type", UNSET)
        output_type: CodeNodeConfigOutputType | Unset
        if isinstance(_output_type, Unset):
            output_type = UNSET
        else:
            output_type = CodeNodeConfigOutputType(_output_type)

        code_node_config = cls(
            source=source,
            timeout_seconds=timeout_seconds,
            memory_mb=memory_mb,
            input_type=input_type,
            output_type=output_type,
        )

        return code_node_config
