from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_recurring_run import V2Beta1RecurringRun


T = TypeVar("T", bound="V2Beta1ListRecurringRunsResponse")


@_attrs_define
class V2Beta1ListRecurringRunsResponse:
    """
    Attributes:
        recurring_runs (list[V2Beta1RecurringRun] | Unset):
        total_size (int | Unset):
        next_page_token (str | Unset):
    """

    recurring_runs: list[V2Beta1RecurringRun] | Unset = UNSET
    total_size: int | Unset = UNSET
    next_page_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recurring_runs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recurring_runs, Unset):
            recurring_runs = []
            for recurring_runs_item_data in self.recurring_runs:
                recurring_runs_item = recurring_runs_item_data.to_dict()
                recurring_runs.append(recurring_runs_item)

        total_size = self.total_size

        next_page_token = self.next_page_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if recurring_runs is not UNSET:
            field_dict["recurringRuns"] = recurring_runs
        if total_size is not UNSET:
            field_dict["total_size"] = total_size
        if next_page_token is not UNSET:
            field_dict["next_page_token"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_recurring_run import V2Beta1RecurringRun

        d = dict(src_dict)
        _recurring_runs = d.pop("recurringRuns", UNSET)
        recurring_runs: list[V2Beta1RecurringRun] | Unset = UNSET
        if _recurring_runs is not UNSET:
            recurring_runs = []
            for recurring_runs_item_data in _recurring_runs:
                recurring_runs_item = V2Beta1RecurringRun.from_dict(recurring_runs_item_data)

                recurring_runs.append(recurring_runs_item)

        total_size = d.pop("total_size", UNSET)

        next_page_token = d.pop("next_page_token", UNSET)

        v2_beta_1_list_recurring_runs_response = cls(
            recurring_runs=recurring_runs,
            total_size=total_size,
            next_page_token=next_page_token,
        )

        v2_beta_1_list_recurring_runs_response.additional_properties = d
        return v2_beta_1_list_recurring_runs_response

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
