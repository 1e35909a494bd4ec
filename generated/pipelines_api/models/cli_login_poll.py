from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cli_login_poll_state import CliLoginPollState
from ..types import UNSET, Unset

T = TypeVar("T", bound="CliLoginPoll")


@_attrs_define
class CliLoginPoll:
    """
    Attributes:
        state (CliLoginPollState):
        api_key (str | Unset): Only with `authorized`, once.
    """

    state: CliLoginPollState
    api_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if api_key is not UNSET:
            field_dict["api_key"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        state = CliLoginPollState(d.pop("state"))

        api_key = d.pop("api_key", UNSET)

        cli_login_poll = cls(
            state=state,
            api_key=api_key,
        )

        cli_login_poll.additional_properties = d
        return cli_login_poll

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
