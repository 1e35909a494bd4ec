from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion_type import CriterionType
from ..models.library_item_meta_scope_type import LibraryItemMetaScopeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_config import CriterionConfig
    from ..models.criterion_output_schema_type_0 import CriterionOutputSchemaType0


T = TypeVar("T", bound="Criterion")


@_attrs_define
class Criterion:
    """
    Example:
        {'id': 7, 'org_id': 2, 'scope_type': 'org', 'name': 'Exact Match', 'description': '', 'display_label': 'Exact
            Match', 'type': 'programmatic', 'config': {'subtype': 'exact_match'}, 'output_schema': {'type': 'boolean'},
            'version': 1, 'versions': 1, 'latest_version': 1, 'created_by_id': 1, 'created_at': '2026-11-30T10:00:00Z',
            'updated_at': '2026-11-30T10:00:00Z'}

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
        type_ (CriterionType):
        config (CriterionConfig): programmatic: `subtype` exact_match (output equals `expected`; `case_sensitive`,
            default true), contains_keywords (`keywords`, `mode` any|all, `case_sensitive` default
            false), regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`); `path`
            (default output) picks the value scored. llm_judge: `prompt_text` (a template over
            output, expected, record, ...), `model_slug` (a model of GET /orgs/{id}/models),
            `pass_threshold` (0-1, default 0.5); the judge answers {score 0-1, reason}.
        latest_version (int | Unset):
        created_by_id (int | None | Unset):
        display_label (None | str | Unset):
        output_schema (CriterionOutputSchemaType0 | None | Unset):
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
    type_: CriterionType
    config: CriterionConfig
    latest_version: int | Unset = UNSET
    created_by_id: int | None | Unset = UNSET
    display_label: None | str | Unset = UNSET
    output_schema: CriterionOutputSchemaType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_output_schema_type_0 import CriterionOutputSchemaType0

        id = self.id

        org_id = self.org_id

        scope_type = self.scope_type.value

        name = self.name

        description = self.description

        version = self.version

        versions = self.versions

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        type_ = self.type_.value

        config = self.config.to_dict()

        latest_version = self.latest_version

        created_by_id: int | None | Unset
        if isinstance(self.created_by_id, Unset):
            created_by_id = UNSET
        else:
            created_by_id = self.created_by_id

        display_label: None | str | Unset
        if isinstance(self.display_label, Unset):
            display_label = UNSET
        else:
            display_label = self.display_label

        output_schema: dict[str, Any] | None | Unset
        if isinstance(self.output_schema, Unset):
            output_schema = UNSET
        elif isinstance(self.output_schema, CriterionOutputSchemaType0):
            output_schema = self.output_schema.to_dict()
        else:
            output_schema = self.output_schema

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
                "type": type_,
                "config": config,
            }
        )
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id
        if display_label is not UNSET:
            field_dict["display_label"] = display_label
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_config import CriterionConfig
        from ..models.criterion_output_schema_type_0 import CriterionOutputSchemaType0

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

        type_ = CriterionType(d.pop("type"))

        config = CriterionConfig.from_dict(d.pop("config"))

        latest_version = d.pop("latest_version", UNSET)

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

        def _parse_display_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_label = _parse_display_label(d.pop("display_label", UNSET))

        def _parse_output_schema(data: object) -> CriterionOutputSchemaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_schema_type_0 = CriterionOutputSchemaType0.from_dict(data)

                return output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CriterionOutputSchemaType0 | None | Unset, data)

        output_schema = _parse_output_schema(d.pop("output_schema", UNSET))

        criterion = cls(
            id=id,
            org_id=org_id,
            scope_type=scope_type,
            name=name,
            description=description,
            version=version,
            versions=versions,
            created_at=created_at,
            updated_at=updated_at,
            type_=type_,
            config=config,
            latest_version=latest_version,
            created_by_id=created_by_id,
            display_label=display_label,
            output_schema=output_schema,
        )

        criterion.additional_properties = d
        return criterion

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
