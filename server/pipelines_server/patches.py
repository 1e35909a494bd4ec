"""Every place the server relies on a third-party library's private or undocumented behaviour,
gathered here so that an upgrade has one module to check. Each patch has a test in
tests/unit/patches/ that fails loudly when the library changes what the patch relies on.

No imports from the rest of the server: every layer may use this module."""

from __future__ import annotations

# -- connexion and Starlette -----------------------------------------------------------------


# -- kfp.local -------------------------------------------------------------------------------
# kfp.local decides which tasks of a DAG are ParallelFor loops and which are exit-handler tasks
# with two private functions of its DAG orchestrator; the KFP runner (kfp/dag.py) walks DAGs
# itself but must decide exactly as kfp.local does, so it asks the same functions, here.


def kfp_is_parallel_for(task_spec) -> bool:
    """kfp.local's `_has_valid_iterator`: the task (a PipelineTaskSpec) is a ParallelFor
    loop with items kfp.local can iterate (a raw list or an input parameter, or an input
    artifact)."""
    from kfp.local.orchestrator.enhanced_dag_orchestrator import _has_valid_iterator

    return _has_valid_iterator(task_spec)


def kfp_is_exit_task(task_spec) -> bool:
    """kfp.local's `_has_task_final_status_input`: the task takes a PipelineTaskFinalStatus,
    which only a dsl.ExitHandler's exit task does."""
    from kfp.local.orchestrator.enhanced_dag_orchestrator import _has_task_final_status_input

    return _has_task_final_status_input(task_spec)
