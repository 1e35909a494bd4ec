from enum import StrEnum


class EdgePatchEdgeLabel(StrEnum):
    LLM = "llm"
    LOOP_BODY = "loop_body"
    LOOP_RETURN = "loop_return"
    OUTPUT_PARSER = "output_parser"
    SKILL = "skill"
    TOOL = "tool"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
