"""Executors of the automatic node kinds: kind -> execute(config, ctx) -> NodeResult."""

from . import code, evaluation, gate, http, llm

EXECUTORS = {
    "code": code.execute,
    "http": http.execute,
    "llm": llm.execute,
    "evaluation": evaluation.execute,
    "logic_gate": gate.execute,
}
