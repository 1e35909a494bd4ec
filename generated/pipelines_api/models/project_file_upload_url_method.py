from enum import StrEnum


class ProjectFileUploadUrlMethod(StrEnum):
    PUT = "PUT"

    def __str__(self) -> str:
        return str(self.value)
