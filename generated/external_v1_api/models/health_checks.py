from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.health_check import HealthCheck


T = TypeVar("T", bound="HealthChecks")


@_attrs_define
class HealthChecks:
    """One entry per dependency this server uses: `database` always, `redis` when PIPELINES_REDIS_URL is set, `broker` when
    PIPELINES_EXECUTOR=celery.

        Attributes:
            database (HealthCheck):
            redis (HealthCheck | Unset):
            broker (HealthCheck | Unset):
    """

    database: HealthCheck
    redis: HealthCheck | Unset = UNSET
    broker: HealthCheck | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database = self.database.to_dict()

        redis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redis, Unset):
            redis = self.redis.to_dict()

        broker: dict[str, Any] | Unset = UNSET
        if not isinstance(self.broker, Unset):
            broker = self.broker.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
            }
        )
        if redis is not UNSET:
            field_dict["redis"] = redis
        if broker is not UNSET:
            field_dict["broker"] = broker

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_check import HealthCheck

        d = dict(src_dict)
        database = HealthCheck.from_dict(d.pop("database"))

        _redis = d.pop("redis", UNSET)
        redis: HealthCheck | Unset
        if isinstance(_redis, Unset):
            redis = UNSET
        else:
            redis = HealthCheck.from_dict(_redis)

        _broker = d.pop("broker", UNSET)
        broker: HealthCheck | Unset
        if isinstance(_broker, Unset):
            broker = UNSET
        else:
            broker = HealthCheck.from_dict(_broker)

        health_checks = cls(
            database=database,
            redis=redis,
            broker=broker,
        )

        health_checks.additional_properties = d
        return health_checks

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
