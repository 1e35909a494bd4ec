from enum import StrEnum


class UserUpdateInRoleType2Type1(StrEnum):
    ADMIN = "admin"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
