from enum import StrEnum


class V2Beta1PipelineTaskDetailKind(StrEnum):
    COMPONENT = "component"
    CONDITION = "condition"
    DAG = "dag"
    EXIT = "exit"
    IMPORTER = "importer"
    ITERATION = "iteration"
    LOOP = "loop"
    ROOT = "root"

    def __str__(self) -> str:
        return str(self.value)
