from enum import StrEnum


class HttpNodeKind(StrEnum):
    HTTP = "http"

    def __str__(self) -> str:
        return str(self.value)
