from enum import StrEnum


class CodeNodeKind(StrEnum):
    CODE = "code"

    def __str__(self) -> str:
        return str(self.value)
