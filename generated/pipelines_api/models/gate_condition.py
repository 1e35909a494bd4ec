from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.gate_condition_op import GateConditionOp
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_condition_all_item import GateConditionAllItem
    from ..models.gate_condition_any_item import GateConditionAnyItem
    from ..models.gate_condition_not import GateConditionNot


T = TypeVar("T", bound="GateCondition")


@_attrs_define
class GateCondition:
    """{path, op, value} (value not needed for exists / not_exists), or {all: [...]}, {any: [...]}, {not: ...}.

    Attributes:
        path (str | Unset):
        op (GateConditionOp | Unset):
        value (Any | Unset):
        all_ (list[GateConditionAllItem] | Unset):
        any_ (list[GateConditionAnyItem] | Unset):
        not_ (GateConditionNot | Unset): A nested condition.
    """

    path: str | Unset = UNSET
    op: GateConditionOp | Unset = UNSET
    value: Any | Unset = UNSET
    all_: list[GateConditionAllItem] | Unset = UNSET
    any_: list[GateConditionAnyItem] | Unset = UNSET
    not_: GateConditionNot | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        value = self.value

        all_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.all_, Unset):
            all_ = []
            for all_item_data in self.all_:
                all_item = all_item_data.to_dict()
                all_.append(all_item)

        any_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.any_, Unset):
            any_ = []
            for any_item_data in self.any_:
                any_item = any_item_data.to_dict()
                any_.append(any_item)

        not_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.not_, Unset):
            not_ = self.not_.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if path is not UNSET:
            field_dict["path"] = path
        if op is not UNSET:
            field_dict["op"] = op
        if value is not UNSET:
            field_dict["value"] = value
        if all_ is not UNSET:
            field_dict["all"] = all_
        if any_ is not UNSET:
            field_dict["any"] = any_
        if not_ is not UNSET:
            field_dict["not"] = not_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gate_condition_all_item import GateConditionAllItem
        from ..models.gate_condition_any_item import GateConditionAnyItem
        from ..models.gate_condition_not import GateConditionNot

        d = dict(src_dict)
        path = d.pop("path", UNSET)

        _op = d.pop("op", UNSET)
        op: GateConditionOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = GateConditionOp(_op)

        value = d.pop("value", UNSET)

        _all_ = d.pop("all", UNSET)
        all_: list[GateConditionAllItem] | Unset = UNSET
        if _all_ is not UNSET:
            all_ = []
            for all_item_data in _all_:
                all_item = GateConditionAllItem.from_dict(all_item_data)

                all_.append(all_item)

        _any_ = d.pop("any", UNSET)
        any_: list[GateConditionAnyItem] | Unset = UNSET
        if _any_ is not UNSET:
            any_ = []
            for any_item_data in _any_:
                any_item = GateConditionAnyItem.from_dict(any_item_data)

                any_.append(any_item)

        _not_ = d.pop("not", UNSET)
        not_: GateConditionNot | Unset
        if isinstance(_not_, Unset):
            not_ = UNSET
        else:
            not_ = GateConditionNot.from_dict(_not_)

        gate_condition = cls(
            path=path,
            op=op,
            value=value,
            all_=all_,
            any_=any_,
            not_=not_,
        )

        return gate_condition
