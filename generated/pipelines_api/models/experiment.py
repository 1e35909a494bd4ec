from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.experiment_job_status import ExperimentJobStatus
from ..models.experiment_kind import ExperimentKind
from ..models.experiment_status import ExperimentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment_result import ExperimentResult
    from ..models.experiment_variant import ExperimentVariant


T = TypeVar("T", bound="Experiment")


@_attrs_define
class Experiment:
    """
    Attributes:
        experiment_id (str):
        job_id (str): The experiment's job (the same id).
        status (ExperimentStatus):
        variants (list[ExperimentVariant]):
        id (str | Unset):
        kind (ExperimentKind | Unset):
        name (None | str | Unset):
        job_status (ExperimentJobStatus | Unset): The status of the job that creates the copies and tasks.
        project_id (int | None | Unset):
        workflow_id (int | None | Unset): The source workflow.
        count (int | Unset):
        done (int | Unset): Tasks created so far.
        total (int | None | Unset):
        progress (int | None | Unset):
        success_count (int | Unset):
        cancel_requested (bool | Unset):
        error (None | str | Unset):
        result (ExperimentResult | Unset):
        created_at (datetime.datetime | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
    """

    experiment_id: str
    job_id: str
    status: ExperimentStatus
    variants: list[ExperimentVariant]
    id: str | Unset = UNSET
    kind: ExperimentKind | Unset = UNSET
    name: None | str | Unset = UNSET
    job_status: ExperimentJobStatus | Unset = UNSET
    project_id: int | None | Unset = UNSET
    workflow_id: int | None | Unset = UNSET
    count: int | Unset = UNSET
    done: int | Unset = UNSET
    total: int | None | Unset = UNSET
    progress: int | None | Unset = UNSET
    success_count: int | Unset = UNSET
    cancel_requested: bool | Unset = UNSET
    error: None | str | Unset = UNSET
    result: ExperimentResult | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        experiment_id = self.experiment_id

        job_id = self.job_id

        status = self.status.value

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        id = self.id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        job_status: str | Unset = UNSET
        if not isinstance(self.job_status, Unset):
            job_status = self.job_status.value

        project_id: int | None | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        workflow_id: int | None | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        count = self.count

        done = self.done

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        progress: int | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        success_count = self.success_count

        cancel_requested = self.cancel_requested

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "experiment_id": experiment_id,
                "job_id": job_id,
                "status": status,
                "variants": variants,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if job_status is not UNSET:
            field_dict["job_status"] = job_status
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if count is not UNSET:
            field_dict["count"] = count
        if done is not UNSET:
            field_dict["done"] = done
        if total is not UNSET:
            field_dict["total"] = total
        if progress is not UNSET:
            field_dict["progress"] = progress
        if success_count is not UNSET:
            field_dict["success_count"] = success_count
        if cancel_requested is not UNSET:
            field_dict["cancel_requested"] = cancel_requested
        if error is not UNSET:
            field_dict["error"] = error
        if result is not UNSET:
            field_dict["result"] = result
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_result import ExperimentResult
        from ..models.experiment_variant import ExperimentVariant

        d = dict(src_dict)
        experiment_id = d.pop("experiment_id")

        job_id = d.pop("job_id")

        status = ExperimentStatus(d.pop("status"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ExperimentVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        id = d.pop("id", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ExperimentKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ExperimentKind(_kind)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _job_status = d.pop("job_status", UNSET)
        job_status: ExperimentJobStatus | Unset
        if isinstance(_job_status, Unset):
            job_status = UNSET
        else:
            job_status = ExperimentJobStatus(_job_status)

        def _parse_project_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_workflow_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        count = d.pop("count", UNSET)

        done = d.pop("done", UNSET)

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        def _parse_progress(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        success_count = d.pop("success_count", UNSET)

        cancel_requested = d.pop("cancel_requested", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        _result = d.pop("result", UNSET)
        result: ExperimentResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = ExperimentResult.from_dict(_result)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        experiment = cls(
            experiment_id=experiment_id,
            job_id=job_id,
            status=status,
            variants=variants,
            id=id,
            kind=kind,
            name=name,
            job_status=job_status,
            project_id=project_id,
            workflow_id=workflow_id,
            count=count,
            done=done,
            total=total,
            progress=progress,
            success_count=success_count,
            cancel_requested=cancel_requested,
            error=error,
            result=result,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        experiment.additional_properties = d
        return experiment

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
