from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CliLoginSession")


@_attrs_define
class CliLoginSession:
    """
    Attributes:
        session_id (str):
        device_code (str): Secret: send it as X-Device-Code when polling.
        user_code (str):  Example: BCDF-2346.
        verification_url (str):  Example: https://pipelines.example.com/cli-login.
        expires_in (int): Seconds the session lives.
        interval (int): Seconds to wait between polls.
        expires_at (datetime.datetime | Unset):
    """

    session_id: str
    device_code: str
    user_code: str
    verification_url: str
    expires_in: int
    interval: int
    expires_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        device_code = self.device_code

        user_code = self.user_code

        verification_url = self.verification_url

        expires_in = self.expires_in

        interval = self.interval

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "device_code": device_code,
                "user_code": user_code,
                "verification_url": verification_url,
                "expires_in": expires_in,
                "interval": interval,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        device_code = d.pop("device_code")

        user_code = d.pop("user_code")

        verification_url = d.pop("verification_url")

        expires_in = d.pop("expires_in")

        interval = d.pop("interval")

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        cli_login_session = cls(
            session_id=session_id,
            device_code=device_code,
            user_code=user_code,
            verification_url=verification_url,
            expires_in=expires_in,
            interval=interval,
            expires_at=expires_at,
        )

        cli_login_session.additional_properties = d
        return cli_login_session

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
