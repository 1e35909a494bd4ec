from enum import StrEnum


class GateConditionOp(StrEnum):
    CONTAINS = "contains"
    EQ = "eq"
    EXISTS = "exists"
    GT = "gt"
    GTE = "gte"
    IN = "in"
    LT = "lt"
    LTE = "lte"
    MATCHES = "matches"
    NE = "ne"
    NOT_EXISTS = "not_exists"
    NOT_IN = "not_in"

    def __str__(self) -> str:
        return str(self.value)
