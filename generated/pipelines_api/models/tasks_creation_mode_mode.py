from enum import StrEnum


class TasksCreationModeMode(StrEnum):
    JSON = "json"
    ZIP_UPLOAD = "zip_upload"

    def __str__(self) -> str:
        return str(self.value)
