from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.llm_analytics_by_model_item import LlmAnalyticsByModelItem
    from ..models.llm_analytics_by_node_item import LlmAnalyticsByNodeItem
    from ..models.llm_analytics_by_node_model_item import LlmAnalyticsByNodeModelItem
    from ..models.llm_analytics_totals import LlmAnalyticsTotals


T = TypeVar("T", bound="LlmAnalytics")


@_attrs_define
class LlmAnalytics:
    """
    Example:
        {'workflow_id': 12, 'since': None, 'until': None, 'totals': {'calls': 3, 'tokens_in': 30, 'tokens_out': 12,
            'errors': 1, 'avg_latency_ms': 420.5, 'p95_latency_ms': 900.1}, 'by_node': [{'node_id': 'translate', 'calls': 3,
            'tokens_in': 30, 'tokens_out': 12, 'errors': 1, 'avg_latency_ms': 420.5, 'p95_latency_ms': 900.1}], 'by_model':
            [{'model': 'gpt-4o-mini', 'calls': 3, 'tokens_in': 30, 'tokens_out': 12, 'errors': 1, 'avg_latency_ms': 420.5,
            'p95_latency_ms': 900.1}], 'by_node_model': [{'node_id': 'translate', 'model': 'gpt-4o-mini', 'calls': 3,
            'tokens_in': 30, 'tokens_out': 12, 'errors': 1, 'avg_latency_ms': 420.5, 'p95_latency_ms': 900.1}]}

    Attributes:
        workflow_id (int):
        since (datetime.datetime | None):
        until (datetime.datetime | None):
        totals (LlmAnalyticsTotals):
        by_node (list[LlmAnalyticsByNodeItem]):
        by_model (list[LlmAnalyticsByModelItem]):
        by_node_model (list[LlmAnalyticsByNodeModelItem]):
    """

    workflow_id: int
    since: datetime.datetime | None
    until: datetime.datetime | None
    totals: LlmAnalyticsTotals
    by_node: list[LlmAnalyticsByNodeItem]
    by_model: list[LlmAnalyticsByModelItem]
    by_node_model: list[LlmAnalyticsByNodeModelItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        since: None | str
        if isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        totals = self.totals.to_dict()

        by_node = []
        for by_node_item_data in self.by_node:
            by_node_item = by_node_item_data.to_dict()
            by_node.append(by_node_item)

        by_model = []
        for by_model_item_data in self.by_model:
            by_model_item = by_model_item_data.to_dict()
            by_model.append(by_model_item)

        by_node_model = []
        for by_node_model_item_data in self.by_node_model:
            by_node_model_item = by_node_model_item_data.to_dict()
            by_node_model.append(by_node_model_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "since": since,
                "until": until,
                "totals": totals,
                "by_node": by_node,
                "by_model": by_model,
                "by_node_model": by_node_model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.llm_analytics_by_model_item import LlmAnalyticsByModelItem
        from ..models.llm_analytics_by_node_item import LlmAnalyticsByNodeItem
        from ..models.llm_analytics_by_node_model_item import (
            LlmAnalyticsByNodeModelItem,
        )
        from ..models.llm_analytics_totals import LlmAnalyticsTotals

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        def _parse_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        since = _parse_since(d.pop("since"))

        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))

        totals = LlmAnalyticsTotals.from_dict(d.pop("totals"))

        by_node = []
        _by_node = d.pop("by_node")
        for by_node_item_data in _by_node:
            by_node_item = LlmAnalyticsByNodeItem.from_dict(by_node_item_data)

            by_node.append(by_node_item)

        by_model = []
        _by_model = d.pop("by_model")
        for by_model_item_data in _by_model:
            by_model_item = LlmAnalyticsByModelItem.from_dict(by_model_item_data)

            by_model.append(by_model_item)

        by_node_model = []
        _by_node_model = d.pop("by_node_model")
        for by_node_model_item_data in _by_node_model:
            by_node_model_item = LlmAnalyticsByNodeModelItem.from_dict(by_node_model_item_data)

            by_node_model.append(by_node_model_item)

        llm_analytics = cls(
            workflow_id=workflow_id,
            since=since,
            until=until,
            totals=totals,
            by_node=by_node,
            by_model=by_model,
            by_node_model=by_node_model,
        )

        llm_analytics.additional_properties = d
        return llm_analytics

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
