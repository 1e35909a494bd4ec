from enum import StrEnum


class SubtaskNodeConfigFieldsItemType(StrEnum):
    BOOLEAN = "boolean"
    CODE = "code"
    DATETIME = "datetime"
    FILE_UPLOAD = "file_upload"
    LONG_TEXT = "long_text"
    NUMERIC = "numeric"
    RATING = "rating"
    SELECT = "select"
    SHORT_TEXT = "short_text"

    def __str__(self) -> str:
        return str(self.value)
