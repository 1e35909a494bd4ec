from enum import StrEnum


class TaskStatus(StrEnum):
    CANCELLED = "cancelled"
    ESCALATED = "escalated"
    FAILED = "failed"
    FINISHED = "finished"
    IN_PROGRESS = "in_progress"
    PAUSED = "paused"
    PENDING = "pending"
    QUARANTINED = "quarantined"

    def __str__(self) -> str:
        return str(self.value)
