from enum import StrEnum


class UserCreateInRole(StrEnum):
    ADMIN = "admin"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
