from enum import StrEnum


class MergeNodeKind(StrEnum):
    MERGE = "merge"

    def __str__(self) -> str:
        return str(self.value)
