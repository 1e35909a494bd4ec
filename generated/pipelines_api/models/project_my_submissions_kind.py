from enum import StrEnum


class ProjectMySubmissionsKind(StrEnum):
    REVIEW = "review"
    SUBTASK = "subtask"

    def __str__(self) -> str:
        return str(self.value)
