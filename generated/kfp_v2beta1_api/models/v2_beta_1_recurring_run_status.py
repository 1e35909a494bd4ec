from enum import StrEnum


class V2Beta1RecurringRunStatus(StrEnum):
    DISABLED = "DISABLED"
    ENABLED = "ENABLED"
    STATUS_UNSPECIFIED = "STATUS_UNSPECIFIED"

    def __str__(self) -> str:
        return str(self.value)
