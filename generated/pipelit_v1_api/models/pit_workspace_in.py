from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pit_env_var import PitEnvVar


T = TypeVar("T", bound="PitWorkspaceIn")


@_attrs_define
class PitWorkspaceIn:
    """
    Attributes:
        name (str):
        path (None | str | Unset):
        allow_network (bool | Unset):
        env_vars (list[PitEnvVar] | None | Unset):
    """

    name: str
    path: None | str | Unset = UNSET
    allow_network: bool | Unset = UNSET
    env_vars: list[PitEnvVar] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        path: None | str | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        else:
            path = self.path

        allow_network = self.allow_network

        env_vars: list[dict[str, Any]] | None | Unset
        if isinstance(self.env_vars, Unset):
            env_vars = UNSET
        elif isinstance(self.env_vars, list):
            env_vars = []
            for env_vars_type_0_item_data in self.env_vars:
                env_vars_type_0_item = env_vars_type_0_item_data.to_dict()
                env_vars.append(env_vars_type_0_item)

        else:
            env_vars = self.env_vars

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if allow_network is not UNSET:
            field_dict["allow_network"] = allow_network
        if env_vars is not UNSET:
            field_dict["env_vars"] = env_vars

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_env_var import PitEnvVar

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        path = _parse_path(d.pop("path", UNSET))

        allow_network = d.pop("allow_network", UNSET)

        def _parse_env_vars(data: object) -> list[PitEnvVar] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                env_vars_type_0 = []
                _env_vars_type_0 = data
                for env_vars_type_0_item_data in _env_vars_type_0:
                    env_vars_type_0_item = PitEnvVar.from_dict(env_vars_type_0_item_data)

                    env_vars_type_0.append(env_vars_type_0_item)

                return env_vars_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PitEnvVar] | None | Unset, data)

        env_vars = _parse_env_vars(d.pop("env_vars", UNSET))

        pit_workspace_in = cls(
            name=name,
            path=path,
            allow_network=allow_network,
            env_vars=env_vars,
        )

        pit_workspace_in.additional_properties = d
        return pit_workspace_in

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
