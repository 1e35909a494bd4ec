from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cli_login_request_state import CliLoginRequestState
from ..types import UNSET, Unset

T = TypeVar("T", bound="CliLoginRequest")


@_attrs_define
class CliLoginRequest:
    """
    Attributes:
        user_code (str):
        hostname (str):
        client_name (None | str):
        state (CliLoginRequestState):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        decided_at (datetime.datetime | None | Unset):
        approved_by_user_id (int | None | Unset):
    """

    user_code: str
    hostname: str
    client_name: None | str
    state: CliLoginRequestState
    created_at: datetime.datetime
    expires_at: datetime.datetime
    decided_at: datetime.datetime | None | Unset = UNSET
    approved_by_user_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_code = self.user_code

        hostname = self.hostname

        client_name: None | str
        client_name = self.client_name

        state = self.state.value

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        approved_by_user_id: int | None | Unset
        if isinstance(self.approved_by_user_id, Unset):
            approved_by_user_id = UNSET
        else:
            approved_by_user_id = self.approved_by_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_code": user_code,
                "hostname": hostname,
                "client_name": client_name,
                "state": state,
                "created_at": created_at,
                "expires_at": expires_at,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if approved_by_user_id is not UNSET:
            field_dict["approved_by_user_id"] = approved_by_user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_code = d.pop("user_code")

        hostname = d.pop("hostname")

        def _parse_client_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_name = _parse_client_name(d.pop("client_name"))

        state = CliLoginRequestState(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_approved_by_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_by_user_id = _parse_approved_by_user_id(d.pop("approved_by_user_id", UNSET))

        cli_login_request = cls(
            user_code=user_code,
            hostname=hostname,
            client_name=client_name,
            state=state,
            created_at=created_at,
            expires_at=expires_at,
            decided_at=decided_at,
            approved_by_user_id=approved_by_user_id,
        )

        cli_login_request.additional_properties = d
        return cli_login_request

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
