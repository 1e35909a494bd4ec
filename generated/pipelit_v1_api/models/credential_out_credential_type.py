from enum import StrEnum


class CredentialOutCredentialType(StrEnum):
    GATEWAY = "gateway"
    GIT = "git"
    LLM = "llm"
    TOOL = "tool"

    def __str__(self) -> str:
        return str(self.value)
