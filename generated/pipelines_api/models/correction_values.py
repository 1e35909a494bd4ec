from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.correction_values_values import CorrectionValuesValues


T = TypeVar("T", bound="CorrectionValues")


@_attrs_define
class CorrectionValues:
    """
    Attributes:
        values (CorrectionValuesValues): Field values by name.
    """

    values: CorrectionValuesValues

    def to_dict(self) -> dict[str, Any]:
        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.correction_values_values import CorrectionValuesValues

        d = dict(src_dict)
        values = CorrectionValuesValues.from_dict(d.pop("values"))

        correction_values = cls(
            values=values,
        )

        return correction_values
