from enum import StrEnum


class CliLoginPollState(StrEnum):
    AUTHORIZED = "authorized"
    CONSUMED = "consumed"
    DENIED = "denied"
    EXPIRED = "expired"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
