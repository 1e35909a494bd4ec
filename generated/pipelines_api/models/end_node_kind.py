from enum import StrEnum


class EndNodeKind(StrEnum):
    END = "end"

    def __str__(self) -> str:
        return str(self.value)
