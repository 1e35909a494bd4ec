from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.http_node_kind import HttpNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.http_node_config import HttpNodeConfig


T = TypeVar("T", bound="HttpNode")


@_attrs_define
class HttpNode:
    """
    Attributes:
        id (str):
        kind (HttpNodeKind):
        name (str | Unset):
        config (HttpNodeConfig | Unset): A webhook call (ports in: any, out: object {status, headers, body}). url,
            headers and strings in body are templates; the default body is {task_id, node_id, input}. Every call carries
            Idempotency-Key (the same on a retry). Timeouts, connection errors, 408, 425, 429 and 5xx are retried `retries`
            times (default 3) after backoff_seconds (default 1) doubling each time. Defaults: method POST, timeout_seconds
            10.
    """

    id: str
    kind: HttpNodeKind
    name: str | Unset = UNSET
    config: HttpNodeConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.http_node_config import HttpNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = HttpNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: HttpNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = HttpNodeConfig.from_dict(_config)

        http_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        http_node.additional_properties = d
        return http_node

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
