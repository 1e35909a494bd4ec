"""The run's workspace (`dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(...))`) as a KFP
backend gives it: one folder per run, shared by the run's tasks, seen by them at
`/kfp-workspace` (upstream's mount path), and `dsl.WORKSPACE_PATH_PLACEHOLDER` resolving to
that path, as upstream's driver resolves it in a task's constant inputs. A task is given
the workspace when one of its input parameters names it (the placeholder, or a path under
`/kfp-workspace`, such as what an earlier task returned), as upstream's driver decides.

Without a sandbox there is nothing to mount at `/kfp-workspace`: tasks are given the
folder's own path instead (what kfp.local's SubprocessRunner does with its workspace_root).

The folder (kfp/volumes.py: `<volumes root>/<org>/workspaces/<run id>`) is removed when the
run succeeds or is deleted; a failed or terminated run keeps it, so that a retry goes on
with what its finished tasks left there.
"""

from __future__ import annotations

PLACEHOLDER = "{{$.workspace_path}}"  # dsl.WORKSPACE_PATH_PLACEHOLDER
MOUNT_PATH = "/kfp-workspace"  # kfp.dsl.constants.WORKSPACE_MOUNT_PATH, upstream's mount
# What stands in for the workspace in a component's command line while kfp.local resolves
# the other placeholders (its own resolution asks for a local.init workspace_root).
_SENTINEL = "@@kfp-ws-5e0c9b@@"  # printable: it must survive json.dumps of the executor input


def configured(platform_spec: dict | None) -> bool:
    """Whether the pipeline asks for a workspace (its platform spec's pipeline config)."""
    kubernetes = ((platform_spec or {}).get("platforms") or {}).get("kubernetes") or {}
    return bool((kubernetes.get("pipelineConfig") or {}).get("workspace"))


def resolve(value, path: str):
    """A parameter value with the placeholder replaced by the workspace's path."""
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, path)
    return value


def uses(arguments: dict) -> bool:
    """Whether a task's inputs name the workspace (upstream's needsWorkspaceMount)."""
    for value in arguments.values():
        if isinstance(value, str) and (PLACEHOLDER in value or value.startswith(MOUNT_PATH)):
            return True
    return False


def shield_inputs(executor_input: dict) -> dict:
    """The executor input (as a dict) with the workspace hidden in its parameter values."""
    values = executor_input.get("inputs", {}).get("parameterValues", {})
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.replace(PLACEHOLDER, _SENTINEL).replace(MOUNT_PATH, _SENTINEL)
    return executor_input


def shield(command: list[str]) -> list[str]:
    """The command line with the workspace's placeholder and path hidden from kfp.local."""
    return [part.replace(PLACEHOLDER, _SENTINEL).replace(MOUNT_PATH, _SENTINEL) for part in command]


def restore(command: list[str], path: str) -> list[str]:
    return [part.replace(_SENTINEL, path) for part in command]
