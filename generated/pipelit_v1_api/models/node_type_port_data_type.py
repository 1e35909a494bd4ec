from enum import StrEnum


class NodeTypePortDataType(StrEnum):
    ANY = "any"
    ARRAY = "array"
    BOOLEAN = "boolean"
    FILE = "file"
    IMAGE = "image"
    MESSAGE = "message"
    MESSAGES = "messages"
    NUMBER = "number"
    OBJECT = "object"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
