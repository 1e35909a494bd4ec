from enum import StrEnum


class TasksExportRequestIncludeItem(StrEnum):
    ERROR = "error"
    FIELDS = "fields"
    OUTPUT = "output"

    def __str__(self) -> str:
        return str(self.value)
