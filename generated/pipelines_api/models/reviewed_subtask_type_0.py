from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_status import NodeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewedSubtaskType0")


@_attrs_define
class ReviewedSubtaskType0:
    """
    Attributes:
        node_db_id (int | Unset):
        node_id (str | Unset):
        status (NodeStatus | Unset): The state of one node instance, as in the External API v1 reference, plus `failed`.
            pending: waiting for its inputs; deferred: queued for later (a retry after backoff, or a subtask waiting for its
            llm-prefilled values); available: ready for a worker or a person; claimed: held by a worker or a person (a loop
            node while it iterates); submitted: a subtask whose values wait for their review; escalated / quarantined:
            stopped for a person to look at; finished; na: on a path not taken; failed.
        values (Any | Unset): The submitted values.
        submitted_by_id (int | None | Unset):
    """

    node_db_id: int | Unset = UNSET
    node_id: str | Unset = UNSET
    status: NodeStatus | Unset = UNSET
    values: Any | Unset = UNSET
    submitted_by_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_db_id = self.node_db_id

        node_id = self.node_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        values = self.values

        submitted_by_id: int | None | Unset
        if isinstance(self.submitted_by_id, Unset):
            submitted_by_id = UNSET
        else:
            submitted_by_id = self.submitted_by_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_db_id is not UNSET:
            field_dict["node_db_id"] = node_db_id
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if status is not UNSET:
            field_dict["status"] = status
        if values is not UNSET:
            field_dict["values"] = values
        if submitted_by_id is not UNSET:
            field_dict["submitted_by_id"] = submitted_by_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_db_id = d.pop("node_db_id", UNSET)

        node_id = d.pop("node_id", UNSET)

        _status = d.pop("status", UNSET)
        status: NodeStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = NodeStatus(_status)

        values = d.pop("values", UNSET)

        def _parse_submitted_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        submitted_by_id = _parse_submitted_by_id(d.pop("submitted_by_id", UNSET))

        reviewed_subtask_type_0 = cls(
            node_db_id=node_db_id,
            node_id=node_id,
            status=status,
            values=values,
            submitted_by_id=submitted_by_id,
        )

        reviewed_subtask_type_0.additional_properties = d
        return reviewed_subtask_type_0

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
