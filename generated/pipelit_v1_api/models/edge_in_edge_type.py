from enum import StrEnum


class EdgeInEdgeType(StrEnum):
    CONDITIONAL = "conditional"
    DIRECT = "direct"

    def __str__(self) -> str:
        return str(self.value)
