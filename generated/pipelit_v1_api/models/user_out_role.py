from enum import StrEnum


class UserOutRole(StrEnum):
    ADMIN = "admin"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
