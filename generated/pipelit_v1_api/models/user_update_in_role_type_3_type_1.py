from enum import StrEnum


class UserUpdateInRoleType3Type1(StrEnum):
    ADMIN = "admin"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
