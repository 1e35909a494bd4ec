from enum import StrEnum


class WorkflowStatus(StrEnum):
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"
    COMPLETED = "COMPLETED"
    DRAFT = "DRAFT"
    PAUSED = "PAUSED"
    PENDING_ACTIVATION = "PENDING_ACTIVATION"

    def __str__(self) -> str:
        return str(self.value)
