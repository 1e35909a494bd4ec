from enum import StrEnum


class ExperimentVariantStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    CREATING = "creating"
    FAILED = "failed"
    PENDING = "pending"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
