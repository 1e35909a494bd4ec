from enum import StrEnum


class InboundCommandResultStatus(StrEnum):
    CANCELLED = "cancelled"
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"

    def __str__(self) -> str:
        return str(self.value)
