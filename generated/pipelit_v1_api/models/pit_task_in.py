from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pit_task_in_requirements_type_0 import PitTaskInRequirementsType0


T = TypeVar("T", bound="PitTaskIn")


@_attrs_define
class PitTaskIn:
    """
    Attributes:
        epic_id (str):
        title (str):
        description (None | str | Unset):
        tags (list[str] | None | Unset):
        depends_on (list[str] | None | Unset):
        priority (int | None | Unset):
        workflow_slug (None | str | Unset):
        estimated_tokens (int | None | Unset):
        max_retries (int | None | Unset):
        requirements (None | PitTaskInRequirementsType0 | Unset):
    """

    epic_id: str
    title: str
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    depends_on: list[str] | None | Unset = UNSET
    priority: int | None | Unset = UNSET
    workflow_slug: None | str | Unset = UNSET
    estimated_tokens: int | None | Unset = UNSET
    max_retries: int | None | Unset = UNSET
    requirements: None | PitTaskInRequirementsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pit_task_in_requirements_type_0 import PitTaskInRequirementsType0

        epic_id = self.epic_id

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        depends_on: list[str] | None | Unset
        if isinstance(self.depends_on, Unset):
            depends_on = UNSET
        elif isinstance(self.depends_on, list):
            depends_on = self.depends_on

        else:
            depends_on = self.depends_on

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        workflow_slug: None | str | Unset
        if isinstance(self.workflow_slug, Unset):
            workflow_slug = UNSET
        else:
            workflow_slug = self.workflow_slug

        estimated_tokens: int | None | Unset
        if isinstance(self.estimated_tokens, Unset):
            estimated_tokens = UNSET
        else:
            estimated_tokens = self.estimated_tokens

        max_retries: int | None | Unset
        if isinstance(self.max_retries, Unset):
            max_retries = UNSET
        else:
            max_retries = self.max_retries

        requirements: dict[str, Any] | None | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        elif isinstance(self.requirements, PitTaskInRequirementsType0):
            requirements = self.requirements.to_dict()
        else:
            requirements = self.requirements

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "epic_id": epic_id,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if depends_on is not UNSET:
            field_dict["depends_on"] = depends_on
        if priority is not UNSET:
            field_dict["priority"] = priority
        if workflow_slug is not UNSET:
            field_dict["workflow_slug"] = workflow_slug
        if estimated_tokens is not UNSET:
            field_dict["estimated_tokens"] = estimated_tokens
        if max_retries is not UNSET:
            field_dict["max_retries"] = max_retries
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_task_in_requirements_type_0 import PitTaskInRequirementsType0

        d = dict(src_dict)
        epic_id = d.pop("epic_id")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_depends_on(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                depends_on_type_0 = cast(list[str], data)

                return depends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        depends_on = _parse_depends_on(d.pop("depends_on", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_workflow_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow_slug = _parse_workflow_slug(d.pop("workflow_slug", UNSET))

        def _parse_estimated_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_tokens = _parse_estimated_tokens(d.pop("estimated_tokens", UNSET))

        def _parse_max_retries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_retries = _parse_max_retries(d.pop("max_retries", UNSET))

        def _parse_requirements(data: object) -> None | PitTaskInRequirementsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requirements_type_0 = PitTaskInRequirementsType0.from_dict(data)

                return requirements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PitTaskInRequirementsType0 | Unset, data)

        requirements = _parse_requirements(d.pop("requirements", UNSET))

        pit_task_in = cls(
            epic_id=epic_id,
            title=title,
            description=description,
            tags=tags,
            depends_on=depends_on,
            priority=priority,
            workflow_slug=workflow_slug,
            estimated_tokens=estimated_tokens,
            max_retries=max_retries,
            requirements=requirements,
        )

        pit_task_in.additional_properties = d
        return pit_task_in

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
