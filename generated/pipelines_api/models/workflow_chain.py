from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.field_mapping import FieldMapping
    from ..models.workflow_chain_stats import WorkflowChainStats


T = TypeVar("T", bound="WorkflowChain")


@_attrs_define
class WorkflowChain:
    """
    Attributes:
        id (int):
        project_id (int):
        name (str):
        source_workflow_id (int):
        target_workflow_id (int):
        field_mapping (FieldMapping): Target field name -> path in the finished source task: `output`, `output.<path>`,
            `fields`, `fields.<name>[.<path>]` or `task_id`.
             Example: {'text': 'output.translation', 'source_text': 'fields.input_text'}.
        enabled (bool):
        created_by_id (int | None): The user the chain's tasks are created as.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        stats (WorkflowChainStats):
    """

    id: int
    project_id: int
    name: str
    source_workflow_id: int
    target_workflow_id: int
    field_mapping: FieldMapping
    enabled: bool
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    stats: WorkflowChainStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        name = self.name

        source_workflow_id = self.source_workflow_id

        target_workflow_id = self.target_workflow_id

        field_mapping = self.field_mapping.to_dict()

        enabled = self.enabled

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "name": name,
                "source_workflow_id": source_workflow_id,
                "target_workflow_id": target_workflow_id,
                "field_mapping": field_mapping,
                "enabled": enabled,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "stats": stats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_mapping import FieldMapping
        from ..models.workflow_chain_stats import WorkflowChainStats

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        name = d.pop("name")

        source_workflow_id = d.pop("source_workflow_id")

        target_workflow_id = d.pop("target_workflow_id")

        field_mapping = FieldMapping.from_dict(d.pop("field_mapping"))

        enabled = d.pop("enabled")

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        stats = WorkflowChainStats.from_dict(d.pop("stats"))

        workflow_chain = cls(
            id=id,
            project_id=project_id,
            name=name,
            source_workflow_id=source_workflow_id,
            target_workflow_id=target_workflow_id,
            field_mapping=field_mapping,
            enabled=enabled,
            created_by_id=created_by_id,
            created_at=created_at,
            updated_at=updated_at,
            stats=stats,
        )

        workflow_chain.additional_properties = d
        return workflow_chain

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
