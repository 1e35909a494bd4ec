from enum import StrEnum


class MyWorkItemStatus(StrEnum):
    AVAILABLE = "available"
    CLAIMED = "claimed"

    def __str__(self) -> str:
        return str(self.value)
