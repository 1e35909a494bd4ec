from enum import StrEnum


class DatasetStatus(StrEnum):
    CANCELLED = "cancelled"
    FAILED = "failed"
    IMPORTING = "importing"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
