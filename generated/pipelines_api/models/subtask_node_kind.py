from enum import StrEnum


class SubtaskNodeKind(StrEnum):
    SUBTASK = "subtask"

    def __str__(self) -> str:
        return str(self.value)
