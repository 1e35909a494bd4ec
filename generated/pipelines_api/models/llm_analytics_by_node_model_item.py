from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LlmAnalyticsByNodeModelItem")


@_attrs_define
class LlmAnalyticsByNodeModelItem:
    """
    Attributes:
        calls (int):
        tokens_in (int): Sum of the replies' prompt tokens.
        tokens_out (int): Sum of the replies' completion tokens.
        errors (int): Calls that failed.
        avg_latency_ms (float | None): null when there were no calls.
        node_id (str):
        model (str):
        p95_latency_ms (float | None):
    """

    calls: int
    tokens_in: int
    tokens_out: int
    errors: int
    avg_latency_ms: float | None
    node_id: str
    model: str
    p95_latency_ms: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calls = self.calls

        tokens_in = self.tokens_in

        tokens_out = self.tokens_out

        errors = self.errors

        avg_latency_ms: float | None
        avg_latency_ms = self.avg_latency_ms

        node_id = self.node_id

        model = self.model

        p95_latency_ms: float | None
        p95_latency_ms = self.p95_latency_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calls": calls,
                "tokens_in": tokens_in,
                "tokens_out": tokens_out,
                "errors": errors,
                "avg_latency_ms": avg_latency_ms,
                "node_id": node_id,
                "model": model,
                "p95_latency_ms": p95_latency_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        calls = d.pop("calls")

        tokens_in = d.pop("tokens_in")

        tokens_out = d.pop("tokens_out")

        errors = d.pop("errors")

        def _parse_avg_latency_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_latency_ms = _parse_avg_latency_ms(d.pop("avg_latency_ms"))

        node_id = d.pop("node_id")

        model = d.pop("model")

        def _parse_p95_latency_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p95_latency_ms = _parse_p95_latency_ms(d.pop("p95_latency_ms"))

        llm_analytics_by_node_model_item = cls(
            calls=calls,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            errors=errors,
            avg_latency_ms=avg_latency_ms,
            node_id=node_id,
            model=model,
            p95_latency_ms=p95_latency_ms,
        )

        llm_analytics_by_node_model_item.additional_properties = d
        return llm_analytics_by_node_model_item

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
