from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.setup_status_environment_type_0 import SetupStatusEnvironmentType0


T = TypeVar("T", bound="SetupStatus")


@_attrs_define
class SetupStatus:
    """
    Attributes:
        needs_setup (bool):
        environment (None | SetupStatusEnvironmentType0):
    """

    needs_setup: bool
    environment: None | SetupStatusEnvironmentType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.setup_status_environment_type_0 import SetupStatusEnvironmentType0

        needs_setup = self.needs_setup

        environment: dict[str, Any] | None
        if isinstance(self.environment, SetupStatusEnvironmentType0):
            environment = self.environment.to_dict()
        else:
            environment = self.environment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "needs_setup": needs_setup,
                "environment": environment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.setup_status_environment_type_0 import SetupStatusEnvironmentType0

        d = dict(src_dict)
        needs_setup = d.pop("needs_setup")

        def _parse_environment(data: object) -> None | SetupStatusEnvironmentType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                environment_type_0 = SetupStatusEnvironmentType0.from_dict(data)

                return environment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SetupStatusEnvironmentType0, data)

        environment = _parse_environment(d.pop("environment"))

        setup_status = cls(
            needs_setup=needs_setup,
            environment=environment,
        )

        setup_status.additional_properties = d
        return setup_status

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
