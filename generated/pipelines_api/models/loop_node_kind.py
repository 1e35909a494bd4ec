from enum import StrEnum


class LoopNodeKind(StrEnum):
    LOOP = "loop"

    def __str__(self) -> str:
        return str(self.value)
