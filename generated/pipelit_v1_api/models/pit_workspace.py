from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pit_env_var import PitEnvVar


T = TypeVar("T", bound="PitWorkspace")


@_attrs_define
class PitWorkspace:
    """
    Attributes:
        id (int):
        name (str):
        path (str):
        allow_network (bool):
        env_vars (list[PitEnvVar]):
        created_at (str):
    """

    id: int
    name: str
    path: str
    allow_network: bool
    env_vars: list[PitEnvVar]
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        path = self.path

        allow_network = self.allow_network

        env_vars = []
        for env_vars_item_data in self.env_vars:
            env_vars_item = env_vars_item_data.to_dict()
            env_vars.append(env_vars_item)

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "path": path,
                "allow_network": allow_network,
                "env_vars": env_vars,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_env_var import PitEnvVar

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        path = d.pop("path")

        allow_network = d.pop("allow_network")

        env_vars = []
        _env_vars = d.pop("env_vars")
        for env_vars_item_data in _env_vars:
            env_vars_item = PitEnvVar.from_dict(env_vars_item_data)

            env_vars.append(env_vars_item)

        created_at = d.pop("created_at")

        pit_workspace = cls(
            id=id,
            name=name,
            path=path,
            allow_network=allow_network,
            env_vars=env_vars,
            created_at=created_at,
        )

        pit_workspace.additional_properties = d
        return pit_workspace

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
