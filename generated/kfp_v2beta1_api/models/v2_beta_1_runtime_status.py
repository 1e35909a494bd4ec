from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v2_beta_1_runtime_state import V2Beta1RuntimeState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.google_rpc_status import GoogleRpcStatus


T = TypeVar("T", bound="V2Beta1RuntimeStatus")


@_attrs_define
class V2Beta1RuntimeStatus:
    """
    Attributes:
        update_time (datetime.datetime | Unset):
        state (V2Beta1RuntimeState | Unset):
        error (GoogleRpcStatus | Unset):
    """

    update_time: datetime.datetime | Unset = UNSET
    state: V2Beta1RuntimeState | Unset = UNSET
    error: GoogleRpcStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        update_time: str | Unset = UNSET
        if not isinstance(self.update_time, Unset):
            update_time = self.update_time.isoformat()

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if update_time is not UNSET:
            field_dict["update_time"] = update_time
        if state is not UNSET:
            field_dict["state"] = state
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.google_rpc_status import GoogleRpcStatus

        d = dict(src_dict)
        _update_time = d.pop("update_time", UNSET)
        update_time: datetime.datetime | Unset
        if isinstance(_update_time, Unset):
            update_time = UNSET
        else:
            update_time = datetime.datetime.fromisoformat(_update_time)

        _state = d.pop("state", UNSET)
        state: V2Beta1RuntimeState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = V2Beta1RuntimeState(_state)

        _error = d.pop("error", UNSET)
        error: GoogleRpcStatus | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = GoogleRpcStatus.from_dict(_error)

        v2_beta_1_runtime_status = cls(
            update_time=update_time,
            state=state,
            error=error,
        )

        v2_beta_1_runtime_status.additional_properties = d
        return v2_beta_1_runtime_status

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
