from enum import StrEnum


class ChatMessageOutStatus(StrEnum):
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
