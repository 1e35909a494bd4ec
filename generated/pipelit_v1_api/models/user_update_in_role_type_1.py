from enum import StrEnum


class UserUpdateInRoleType1(StrEnum):
    ADMIN = "admin"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
