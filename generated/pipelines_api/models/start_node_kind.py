from enum import StrEnum


class StartNodeKind(StrEnum):
    START = "start"

    def __str__(self) -> str:
        return str(self.value)
