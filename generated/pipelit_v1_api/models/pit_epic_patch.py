from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pit_epic_patch_status_type_1 import PitEpicPatchStatusType1
from ..models.pit_epic_patch_status_type_2_type_1 import PitEpicPatchStatusType2Type1
from ..models.pit_epic_patch_status_type_3_type_1 import PitEpicPatchStatusType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="PitEpicPatch")


@_attrs_define
class PitEpicPatch:
    """
    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        tags (list[str] | None | Unset):
        status (None | PitEpicPatchStatusType1 | PitEpicPatchStatusType2Type1 | PitEpicPatchStatusType3Type1 | Unset):
        priority (int | None | Unset):
        budget_tokens (int | None | Unset):
        budget_usd (float | None | Unset):
        result_summary (None | str | Unset):
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    status: (
        None
        | PitEpicPatchStatusType1
        | PitEpicPatchStatusType2Type1
        | PitEpicPatchStatusType3Type1
        | Unset
    ) = UNSET
    priority: int | None | Unset = UNSET
    budget_tokens: int | None | Unset = UNSET
    budget_usd: float | None | Unset = UNSET
    result_summary: None | str | Unset = UNSET
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
            isinstance(self.status, PitEpicPatchStatusType1)
            or isinstance(self.status, PitEpicPatchStatusType2Type1)
            or isinstance(self.status, PitEpicPatchStatusType3Type1)
        ):
            status = self.status.value
        else:
            status = self.status

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        budget_tokens: int | None | Unset
        if isinstance(self.budget_tokens, Unset):
            budget_tokens = UNSET
        else:
            budget_tokens = self.budget_tokens

        budget_usd: float | None | Unset
        if isinstance(self.budget_usd, Unset):
            budget_usd = UNSET
        else:
            budget_usd = self.budget_usd

        result_summary: None | str | Unset
        if isinstance(self.result_summary, Unset):
            result_summary = UNSET
        else:
            result_summary = self.result_summary

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
        if budget_tokens is not UNSET:
            field_dict["budget_tokens"] = budget_tokens
        if budget_usd is not UNSET:
            field_dict["budget_usd"] = budget_usd
        if result_summary is not UNSET:
            field_dict["result_summary"] = result_summary

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
            | PitEpicPatchStatusType1
            | PitEpicPatchStatusType2Type1
            | PitEpicPatchStatusType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PitEpicPatchStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = PitEpicPatchStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = PitEpicPatchStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | PitEpicPatchStatusType1
                | PitEpicPatchStatusType2Type1
                | PitEpicPatchStatusType3Type1
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

        def _parse_budget_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_tokens = _parse_budget_tokens(d.pop("budget_tokens", UNSET))

        def _parse_budget_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        budget_usd = _parse_budget_usd(d.pop("budget_usd", UNSET))

        def _parse_result_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_summary = _parse_result_summary(d.pop("result_summary", UNSET))

        pit_epic_patch = cls(
            title=title,
            description=description,
            tags=tags,
            status=status,
            priority=priority,
            budget_tokens=budget_tokens,
            budget_usd=budget_usd,
            result_summary=result_summary,
        )

        pit_epic_patch.additional_properties = d
        return pit_epic_patch

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
