from enum import StrEnum


class LibraryItemMetaScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
