from enum import StrEnum


class DatasetColumnType(StrEnum):
    BOOLEAN = "boolean"
    INTEGER = "integer"
    JSON = "json"
    NULL = "null"
    NUMBER = "number"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
