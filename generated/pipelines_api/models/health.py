from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_status import HealthStatus

if TYPE_CHECKING:
    from ..models.health_checks import HealthChecks


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        status (HealthStatus): `ok`: every dependency answers. `degraded` (still 200): Redis or the broker does not
            answer; the server serves (rate limits per process, work sent when the broker returns). `unavailable` (503): the
            database does not answer.
        checks (HealthChecks): One entry per dependency this server uses: `database` always, `redis` when
            PIPELINES_REDIS_URL is set, `broker` when PIPELINES_EXECUTOR=celery.
        version (str):
    """

    status: HealthStatus
    checks: HealthChecks
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        checks = self.checks.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "checks": checks,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_checks import HealthChecks

        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))

        checks = HealthChecks.from_dict(d.pop("checks"))

        version = d.pop("version")

        health = cls(
            status=status,
            checks=checks,
            version=version,
        )

        health.additional_properties = d
        return health

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
