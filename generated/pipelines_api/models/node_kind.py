from enum import StrEnum


class NodeKind(StrEnum):
    END = "end"
    START = "start"
    SUBTASK = "subtask"

    def __str__(self) -> str:
        return str(self.value)
