from enum import StrEnum


class ScheduleOutStatus(StrEnum):
    ACTIVE = "active"
    DEAD = "dead"
    DONE = "done"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
