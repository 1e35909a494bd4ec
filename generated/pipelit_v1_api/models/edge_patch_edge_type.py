from enum import StrEnum


class EdgePatchEdgeType(StrEnum):
    CONDITIONAL = "conditional"
    DIRECT = "direct"

    def __str__(self) -> str:
        return str(self.value)
