from enum import StrEnum


class V2Beta1RuntimeState(StrEnum):
    CANCELED = "CANCELED"
    CANCELING = "CANCELING"
    FAILED = "FAILED"
    PAUSED = "PAUSED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    RUNTIME_STATE_UNSPECIFIED = "RUNTIME_STATE_UNSPECIFIED"
    SKIPPED = "SKIPPED"
    SUCCEEDED = "SUCCEEDED"

    def __str__(self) -> str:
        return str(self.value)
