from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.experiment_variant_status import ExperimentVariantStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment_variant_config_overrides import (
        ExperimentVariantConfigOverrides,
    )


T = TypeVar("T", bound="ExperimentVariant")


@_attrs_define
class ExperimentVariant:
    """
    Attributes:
        name (str):
        status (ExperimentVariantStatus):
        workflow_id (int | None): The variant's copy of the workflow (null until created).
        tasks_created (int):
        success_count (int): Same as tasks_created.
        tasks_finished (int):
        tasks_failed (int):
        task_ids (list[int]): The copy's first 1,000 task ids (all are counted in tasks_created).
        tasks_cancelled (int | Unset):
        tasks_pending (int | Unset): Created and not ended yet.
        task_ids_truncated (bool | Unset): More tasks exist than task_ids lists.
        config_overrides (ExperimentVariantConfigOverrides | Unset):
    """

    name: str
    status: ExperimentVariantStatus
    workflow_id: int | None
    tasks_created: int
    success_count: int
    tasks_finished: int
    tasks_failed: int
    task_ids: list[int]
    tasks_cancelled: int | Unset = UNSET
    tasks_pending: int | Unset = UNSET
    task_ids_truncated: bool | Unset = UNSET
    config_overrides: ExperimentVariantConfigOverrides | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        status = self.status.value

        workflow_id: int | None
        workflow_id = self.workflow_id

        tasks_created = self.tasks_created

        success_count = self.success_count

        tasks_finished = self.tasks_finished

        tasks_failed = self.tasks_failed

        task_ids = self.task_ids

        tasks_cancelled = self.tasks_cancelled

        tasks_pending = self.tasks_pending

        task_ids_truncated = self.task_ids_truncated

        config_overrides: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config_overrides, Unset):
            config_overrides = self.config_overrides.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "status": status,
                "workflow_id": workflow_id,
                "tasks_created": tasks_created,
                "success_count": success_count,
                "tasks_finished": tasks_finished,
                "tasks_failed": tasks_failed,
                "task_ids": task_ids,
            }
        )
        if tasks_cancelled is not UNSET:
            field_dict["tasks_cancelled"] = tasks_cancelled
        if tasks_pending is not UNSET:
            field_dict["tasks_pending"] = tasks_pending
        if task_ids_truncated is not UNSET:
            field_dict["task_ids_truncated"] = task_ids_truncated
        if config_overrides is not UNSET:
            field_dict["configOverrides"] = config_overrides

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_variant_config_overrides import (
            ExperimentVariantConfigOverrides,
        )

        d = dict(src_dict)
        name = d.pop("name")

        status = ExperimentVariantStatus(d.pop("status"))

        def _parse_workflow_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id"))

        tasks_created = d.pop("tasks_created")

        success_count = d.pop("success_count")

        tasks_finished = d.pop("tasks_finished")

        tasks_failed = d.pop("tasks_failed")

        task_ids = cast(list[int], d.pop("task_ids"))

        tasks_cancelled = d.pop("tasks_cancelled", UNSET)

        tasks_pending = d.pop("tasks_pending", UNSET)

        task_ids_truncated = d.pop("task_ids_truncated", UNSET)

        _config_overrides = d.pop("configOverrides", UNSET)
        config_overrides: ExperimentVariantConfigOverrides | Unset
        if isinstance(_config_overrides, Unset):
            config_overrides = UNSET
        else:
            config_overrides = ExperimentVariantConfigOverrides.from_dict(_config_overrides)

        experiment_variant = cls(
            name=name,
            status=status,
            workflow_id=workflow_id,
            tasks_created=tasks_created,
            success_count=success_count,
            tasks_finished=tasks_finished,
            tasks_failed=tasks_failed,
            task_ids=task_ids,
            tasks_cancelled=tasks_cancelled,
            tasks_pending=tasks_pending,
            task_ids_truncated=task_ids_truncated,
            config_overrides=config_overrides,
        )

        experiment_variant.additional_properties = d
        return experiment_variant

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
