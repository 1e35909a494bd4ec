from enum import StrEnum


class ChartQueryFiltersItemOp(StrEnum):
    CONTAINS = "contains"
    EQ = "eq"
    GT = "gt"
    GTE = "gte"
    IN = "in"
    IS_NULL = "is_null"
    LT = "lt"
    LTE = "lte"
    NE = "ne"
    NOT_IN = "not_in"
    NOT_NULL = "not_null"

    def __str__(self) -> str:
        return str(self.value)
