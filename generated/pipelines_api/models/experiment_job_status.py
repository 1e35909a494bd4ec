from enum import StrEnum


class ExperimentJobStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    COMPLETED_WITH_PARTIAL_RESULTS = "completed_with_partial_results"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
