from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.library_item_meta_scope_type import LibraryItemMetaScopeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_criterion_ref import EvaluationCriterionRef


T = TypeVar("T", bound="Evaluation")


@_attrs_define
class Evaluation:
    """Criteria scored together: the score is the weighted mean of the criteria's scores (0-1);
    it passes when every criterion passes (`pass_threshold` 1, the default) or when the
    score reaches `pass_threshold`. Evaluation nodes reference one with
    `evaluation_ref: {evaluation_id, version}`.

        Example:
            {'id': 4, 'org_id': 2, 'scope_type': 'org', 'name': 'Quality evaluation', 'description': '', 'criteria':
                [{'criterion_id': 7, 'version': 1, 'weight': 1, 'name': 'Exact Match'}], 'pass_threshold': None, 'version': 1,
                'versions': 1, 'latest_version': 1, 'created_by_id': 1, 'created_at': '2026-11-30T10:00:00Z', 'updated_at':
                '2026-11-30T10:00:00Z'}

        Attributes:
            id (int):
            org_id (int):
            scope_type (LibraryItemMetaScopeType):
            name (str):
            description (str):
            version (int): The version shown (immutable; updates add versions).
            versions (int): How many versions the item has (= its latest version).
            created_at (datetime.datetime):
            updated_at (datetime.datetime): When this version was written.
            criteria (list[EvaluationCriterionRef]):
            latest_version (int | Unset):
            created_by_id (int | None | Unset):
            pass_threshold (float | None | Unset):
    """

    id: int
    org_id: int
    scope_type: LibraryItemMetaScopeType
    name: str
    description: str
    version: int
    versions: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    criteria: list[EvaluationCriterionRef]
    latest_version: int | Unset = UNSET
    created_by_id: int | None | Unset = UNSET
    pass_threshold: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        scope_type = self.scope_type.value

        name = self.name

        description = self.description

        version = self.version

        versions = self.versions

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        latest_version = self.latest_version

        created_by_id: int | None | Unset
        if isinstance(self.created_by_id, Unset):
            created_by_id = UNSET
        else:
            created_by_id = self.created_by_id

        pass_threshold: float | None | Unset
        if isinstance(self.pass_threshold, Unset):
            pass_threshold = UNSET
        else:
            pass_threshold = self.pass_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "scope_type": scope_type,
                "name": name,
                "description": description,
                "version": version,
                "versions": versions,
                "created_at": created_at,
                "updated_at": updated_at,
                "criteria": criteria,
            }
        )
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id
        if pass_threshold is not UNSET:
            field_dict["pass_threshold"] = pass_threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_criterion_ref import EvaluationCriterionRef

        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        scope_type = LibraryItemMetaScopeType(d.pop("scope_type"))

        name = d.pop("name")

        description = d.pop("description")

        version = d.pop("version")

        versions = d.pop("versions")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = EvaluationCriterionRef.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        latest_version = d.pop("latest_version", UNSET)

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

        def _parse_pass_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_threshold = _parse_pass_threshold(d.pop("pass_threshold", UNSET))

        evaluation = cls(
            id=id,
            org_id=org_id,
            scope_type=scope_type,
            name=name,
            description=description,
            version=version,
            versions=versions,
            created_at=created_at,
            updated_at=updated_at,
            criteria=criteria,
            latest_version=latest_version,
            created_by_id=created_by_id,
            pass_threshold=pass_threshold,
        )

        evaluation.additional_properties = d
        return evaluation

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
