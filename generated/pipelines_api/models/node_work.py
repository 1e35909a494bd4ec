from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_status import NodeStatus
from ..models.node_work_kind import NodeWorkKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_score import EvaluationScore
    from ..models.input_field import InputField
    from ..models.node_work_task_fields import NodeWorkTaskFields
    from ..models.node_work_values import NodeWorkValues
    from ..models.reviewed_subtask_type_0 import ReviewedSubtaskType0


T = TypeVar("T", bound="NodeWork")


@_attrs_define
class NodeWork:
    """
    Attributes:
        node_db_id (int):
        task_id (int):
        workflow_id (int):
        project_id (int):
        node_id (str):
        kind (NodeWorkKind):
        name (str):
        status (NodeStatus): The state of one node instance, as in the External API v1 reference, plus `failed`.
            pending: waiting for its inputs; deferred: queued for later (a retry after backoff, or a subtask waiting for its
            llm-prefilled values); available: ready for a worker or a person; claimed: held by a worker or a person (a loop
            node while it iterates); submitted: a subtask whose values wait for their review; escalated / quarantined:
            stopped for a person to look at; finished; na: on a path not taken; failed.
        attempt (int):
        task_fields (NodeWorkTaskFields): The task's input.
        assignee_id (int | None | Unset):
        lease_expires_at (datetime.datetime | None | Unset):
        input_ (Any | Unset): What reached the node from upstream.
        output (Any | Unset): Subtask: the submitted values; review: the verdict.
        instructions (str | Unset): Subtask only.
        fields (list[InputField] | Unset): Subtask only; the form.
        values (NodeWorkValues | Unset): Subtask only; prefilled values (task input, static, llm).
        subtask (None | ReviewedSubtaskType0 | Unset):
        rejections (int | Unset): Review only; times the work was sent back.
        max_rereviews (int | Unset): Review only.
        evaluation (EvaluationScore | Unset):
    """

    node_db_id: int
    task_id: int
    workflow_id: int
    project_id: int
    node_id: str
    kind: NodeWorkKind
    name: str
    status: NodeStatus
    attempt: int
    task_fields: NodeWorkTaskFields
    assignee_id: int | None | Unset = UNSET
    lease_expires_at: datetime.datetime | None | Unset = UNSET
    input_: Any | Unset = UNSET
    output: Any | Unset = UNSET
    instructions: str | Unset = UNSET
    fields: list[InputField] | Unset = UNSET
    values: NodeWorkValues | Unset = UNSET
    subtask: None | ReviewedSubtaskType0 | Unset = UNSET
    rejections: int | Unset = UNSET
    max_rereviews: int | Unset = UNSET
    evaluation: EvaluationScore | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reviewed_subtask_type_0 import ReviewedSubtaskType0

        node_db_id = self.node_db_id

        task_id = self.task_id

        workflow_id = self.workflow_id

        project_id = self.project_id

        node_id = self.node_id

        kind = self.kind.value

        name = self.name

        status = self.status.value

        attempt = self.attempt

        task_fields = self.task_fields.to_dict()

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        elif isinstance(self.lease_expires_at, datetime.datetime):
            lease_expires_at = self.lease_expires_at.isoformat()
        else:
            lease_expires_at = self.lease_expires_at

        input_ = self.input_

        output = self.output

        instructions = self.instructions

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        subtask: dict[str, Any] | None | Unset
        if isinstance(self.subtask, Unset):
            subtask = UNSET
        elif isinstance(self.subtask, ReviewedSubtaskType0):
            subtask = self.subtask.to_dict()
        else:
            subtask = self.subtask

        rejections = self.rejections

        max_rereviews = self.max_rereviews

        evaluation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evaluation, Unset):
            evaluation = self.evaluation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "node_db_id": node_db_id,
                "task_id": task_id,
                "workflow_id": workflow_id,
                "project_id": project_id,
                "node_id": node_id,
                "kind": kind,
                "name": name,
                "status": status,
                "attempt": attempt,
                "task_fields": task_fields,
            }
        )
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if lease_expires_at is not UNSET:
            field_dict["lease_expires_at"] = lease_expires_at
        if input_ is not UNSET:
            field_dict["input"] = input_
        if output is not UNSET:
            field_dict["output"] = output
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if fields is not UNSET:
            field_dict["fields"] = fields
        if values is not UNSET:
            field_dict["values"] = values
        if subtask is not UNSET:
            field_dict["subtask"] = subtask
        if rejections is not UNSET:
            field_dict["rejections"] = rejections
        if max_rereviews is not UNSET:
            field_dict["max_rereviews"] = max_rereviews
        if evaluation is not UNSET:
            field_dict["evaluation"] = evaluation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_score import EvaluationScore
        from ..models.input_field import InputField
        from ..models.node_work_task_fields import NodeWorkTaskFields
        from ..models.node_work_values import NodeWorkValues
        from ..models.reviewed_subtask_type_0 import ReviewedSubtaskType0

        d = dict(src_dict)
        node_db_id = d.pop("node_db_id")

        task_id = d.pop("task_id")

        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        node_id = d.pop("node_id")

        kind = NodeWorkKind(d.pop("kind"))

        name = d.pop("name")

        status = NodeStatus(d.pop("status"))

        attempt = d.pop("attempt")

        task_fields = NodeWorkTaskFields.from_dict(d.pop("task_fields"))

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_lease_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lease_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return lease_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("lease_expires_at", UNSET))

        input_ = d.pop("input", UNSET)

        output = d.pop("output", UNSET)

        instructions = d.pop("instructions", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[InputField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = InputField.from_dict(fields_item_data)

                fields.append(fields_item)

        _values = d.pop("values", UNSET)
        values: NodeWorkValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = NodeWorkValues.from_dict(_values)

        def _parse_subtask(data: object) -> None | ReviewedSubtaskType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_reviewed_subtask_type_0 = ReviewedSubtaskType0.from_dict(data)

                return componentsschemas_reviewed_subtask_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewedSubtaskType0 | Unset, data)

        subtask = _parse_subtask(d.pop("subtask", UNSET))

        rejections = d.pop("rejections", UNSET)

        max_rereviews = d.pop("max_rereviews", UNSET)

        _evaluation = d.pop("evaluation", UNSET)
        evaluation: EvaluationScore | Unset
        if isinstance(_evaluation, Unset):
            evaluation = UNSET
        else:
            evaluation = EvaluationScore.from_dict(_evaluation)

        node_work = cls(
            node_db_id=node_db_id,
            task_id=task_id,
            workflow_id=workflow_id,
            project_id=project_id,
            node_id=node_id,
            kind=kind,
            name=name,
            status=status,
            attempt=attempt,
            task_fields=task_fields,
            assignee_id=assignee_id,
            lease_expires_at=lease_expires_at,
            input_=input_,
            output=output,
            instructions=instructions,
            fields=fields,
            values=values,
            subtask=subtask,
            rejections=rejections,
            max_rereviews=max_rereviews,
            evaluation=evaluation,
        )

        node_work.additional_properties = d
        return node_work

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
