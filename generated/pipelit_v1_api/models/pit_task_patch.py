from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pit_task_patch_status_type_1 import PitTaskPatchStatusType1
from ..models.pit_task_patch_status_type_2_type_1 import PitTaskPatchStatusType2Type1
from ..models.pit_task_patch_status_type_3_type_1 import PitTaskPatchStatusType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="PitTaskPatch")


@_attrs_define
class PitTaskPatch:
    """
    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        tags (list[str] | None | Unset):
        status (None | PitTaskPatchStatusType1 | PitTaskPatchStatusType2Type1 | PitTaskPatchStatusType3Type1 | Unset):
        priority (int | None | Unset):
        workflow_slug (None | str | Unset):
        execution_id (None | str | Unset):
        result_summary (None | str | Unset):
        error_message (None | str | Unset):
        notes (list[Any] | None | Unset):
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    status: (
        None
        | PitTaskPatchStatusType1
        | PitTaskPatchStatusType2Type1
        | PitTaskPatchStatusType3Type1
        | Unset
    ) = UNSET
    priority: int | None | Unset = UNSET
    workflow_slug: None | str | Unset = UNSET
    execution_id: None | str | Unset = UNSET
    result_summary: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    notes: list[Any] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif (
            isinstance(self.status, PitTaskPatchStatusType1)
            or isinstance(self.status, PitTaskPatchStatusType2Type1)
            or isinstance(self.status, PitTaskPatchStatusType3Type1)
        ):
            status = self.status.value
        else:
            status = self.status

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

        execution_id: None | str | Unset
        if isinstance(self.execution_id, Unset):
            execution_id = UNSET
        else:
            execution_id = self.execution_id

        result_summary: None | str | Unset
        if isinstance(self.result_summary, Unset):
            result_summary = UNSET
        else:
            result_summary = self.result_summary

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        notes: list[Any] | None | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        elif isinstance(self.notes, list):
            notes = self.notes

        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if workflow_slug is not UNSET:
            field_dict["workflow_slug"] = workflow_slug
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
        if result_summary is not UNSET:
            field_dict["result_summary"] = result_summary
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

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

        def _parse_status(
            data: object,
        ) -> (
            None
            | PitTaskPatchStatusType1
            | PitTaskPatchStatusType2Type1
            | PitTaskPatchStatusType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PitTaskPatchStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = PitTaskPatchStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = PitTaskPatchStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | PitTaskPatchStatusType1
                | PitTaskPatchStatusType2Type1
                | PitTaskPatchStatusType3Type1
                | Unset,
                data,
            )

        status = _parse_status(d.pop("status", UNSET))

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

        def _parse_execution_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_id = _parse_execution_id(d.pop("execution_id", UNSET))

        def _parse_result_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_summary = _parse_result_summary(d.pop("result_summary", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        def _parse_notes(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                notes_type_0 = cast(list[Any], data)

                return notes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        pit_task_patch = cls(
            title=title,
            description=description,
            tags=tags,
            status=status,
            priority=priority,
            workflow_slug=workflow_slug,
            execution_id=execution_id,
            result_summary=result_summary,
            error_message=error_message,
            notes=notes,
        )

        pit_task_patch.additional_properties = d
        return pit_task_patch

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
