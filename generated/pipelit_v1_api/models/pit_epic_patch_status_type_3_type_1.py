from enum import StrEnum


class PitEpicPatchStatusType3Type1(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    PAUSED = "paused"
    PLANNING = "planning"

    def __str__(self) -> str:
        return str(self.value)
