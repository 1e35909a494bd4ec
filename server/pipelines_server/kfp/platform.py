"""kfp-kubernetes platform settings (a pipeline package's second YAML document, the platform
spec), mapped onto this server, which has no cluster:

- `use_secret_as_env` / `use_secret_as_volume`: a Kubernetes secret is a **credential of
  the run's organization** of the same name (`POST /api/organizations/{id}/credentials`,
  stored encrypted). Its keys: when the credential's `api_key` is a JSON object of strings,
  that object (`{"username": "user1"}`); otherwise `api_key` and `base_url`. As env, each
  requested key becomes the variable asked for; as a volume, each key is a read-only file
  in a folder mounted at the mount path. A missing secret or key fails the task (unless the
  pipeline marked it optional), and the value is never logged, recorded nor put on a
  command line.
- `add_pod_label` / `add_pod_annotation`: recorded on the task, and readable by the task
  through `use_field_path_as_env` (`metadata.labels['k']`, `metadata.annotations['k']`;
  a label or annotation not set reads as "", as the downward API gives it; also
  `metadata.name`, `metadata.uid`, `metadata.namespace` and `spec.serviceAccountName`).
- `CreatePVC` / `DeletePVC` / `mount_pvc`: kfp/volumes.py's server-managed folders, one
  namespace of names per organization, mounted into the task's sandbox at the mount path.
- the workspace: kfp/workspaces.py.

Scheduling settings (node selectors, affinity, tolerations, image pull secrets and the
like) are accepted and have no meaning here. ConfigMaps, empty-dir and generic ephemeral
volumes are not offered: a task that asks for one fails and says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

from . import task_config, workspaces
from .volumes import VolumeError, Volumes

SecretLookup = Callable[[str], dict]  # secret name -> {key: value}; raises when missing

UNSUPPORTED = {
    "configMapAsEnv": "a ConfigMap as environment variables",
    "configMapAsVolume": "a ConfigMap as a volume",
    "emptyDirMounts": "an empty-dir volume",
    "genericEphemeralVolume": "a generic ephemeral volume",
}
_FIELD_RE = re.compile(r"^metadata\.(labels|annotations)\[['\"](.+)['\"]\]$")
STUBS = {"argostub/createpvc": "createpvc", "argostub/deletepvc": "deletepvc"}


class PlatformError(Exception):
    """A task's platform settings cannot be met; the message says why (never a secret)."""


def secret_data(credential) -> dict:
    """A credential (name, base_url, api_key) as a Kubernetes secret's data."""
    raw = credential.api_key
    with contextlib.suppress(ValueError, TypeError):
        data = json.loads(raw)
        if isinstance(data, dict) and data and all(isinstance(v, str) for v in data.values()):
            return dict(data)
    return {"api_key": raw, "base_url": credential.base_url}


@dataclass
class Mount:
    source: str  # the host folder or file
    target: str  # where the task sees it
    writable: bool


@dataclass
class TaskPlatform:
    """What a component task gets from the platform spec."""

    env: dict = field(default_factory=dict)  # field paths: plain values
    secret_env: dict = field(default_factory=dict)  # never logged, recorded or on a command line
    mounts: list[Mount] = field(default_factory=list)
    shared_storage: bool = False  # mounts a volume or the workspace (kfp/volumes.py's uid)
    workspace: str | None = None  # the path tasks see the workspace at, if it is mounted
    scratch: str | None = None  # a private folder to remove when the task has ended
    claims: list = field(default_factory=list)  # (volume name, mount path) of mount_pvc

    def cleanup(self) -> None:
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)


class Platform:
    """The platform spec of one run, resolved for its tasks."""

    def __init__(
        self,
        platform_spec: dict | None,
        *,
        run_id: str,
        volumes: Volumes,
        secrets: SecretLookup | None = None,
        sandboxed: bool = True,
        namespace: str = "",
        service_account: str = "",
    ):
        kubernetes = ((platform_spec or {}).get("platforms") or {}).get("kubernetes") or {}
        self.executors = (kubernetes.get("deploymentSpec") or {}).get("executors") or {}
        self.run_id = run_id
        self.volumes = volumes
        self.secrets = secrets
        self.sandboxed = sandboxed
        self.namespace = namespace
        self.service_account = service_account
        self.has_workspace = workspaces.configured(platform_spec)

    # -- the workspace --

    def workspace_path(self) -> str:
        """What the workspace placeholder resolves to: the mount path in a sandbox, the
        folder itself without one."""
        if self.sandboxed:
            return workspaces.MOUNT_PATH
        return self.volumes.workspace(self.run_id)

    def resolve_arguments(self, arguments: dict) -> dict:
        if not any(isinstance(v, str) and workspaces.PLACEHOLDER in v for v in arguments.values()):
            return arguments
        if not self.has_workspace:
            raise PlatformError(
                "The task's inputs use dsl.WORKSPACE_PATH_PLACEHOLDER, but the pipeline has no "
                "workspace: give it dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size=...))"
            )
        path = self.workspace_path()
        return {k: workspaces.resolve(v, path) for k, v in arguments.items()}

    def finished(self, succeeded: bool) -> None:
        """The run has ended: a succeeded run's workspace goes."""
        if succeeded and self.has_workspace:
            self.volumes.remove_workspace(self.run_id)

    # -- CreatePVC / DeletePVC --

    @staticmethod
    def stub(image: str) -> str | None:
        return STUBS.get(image)

    def run_stub(self, kind: str, arguments: dict) -> tuple[bool, dict, str | None]:
        try:
            if kind == "createpvc":
                return True, {"name": self.volumes.create(arguments)}, None
            self.volumes.delete(arguments.get("pvc_name"))
            return True, {}, None
        except VolumeError as exc:
            return False, {}, str(exc)

    # -- component tasks --

    def labels(self, executor_label: str) -> tuple[dict, dict]:
        meta = self.executors.get(executor_label, {}).get("podMetadata") or {}
        return dict(meta.get("labels") or {}), dict(meta.get("annotations") or {})

    def for_task(self, executor_label: str, arguments: dict, store, task_id: str) -> TaskPlatform:
        """The task's environment and mounts; PlatformError when they cannot be given."""
        config = self.executors.get(executor_label) or {}
        out = TaskPlatform()
        try:
            self._check_supported(config)
            self._field_paths(config, executor_label, task_id, out)
            self._secrets(config, store, out)
            self._pvcs(config, store, out)
            if self.has_workspace and workspaces.uses(arguments):
                folder = self.volumes.workspace(self.run_id)
                out.shared_storage = True
                out.workspace = self.workspace_path()
                if self.sandboxed:
                    out.mounts.append(Mount(folder, workspaces.MOUNT_PATH, True))
        except PlatformError:
            out.cleanup()
            raise
        except VolumeError as exc:
            out.cleanup()
            raise PlatformError(str(exc)) from exc
        return out

    def with_task_config(self, component, container, out: TaskPlatform, arguments: dict) -> dict:
        """The arguments with the component's dsl.TaskConfig inputs filled (kfp/task_config.py)."""
        names = task_config.inputs(component)
        if not names:
            return arguments
        struct = task_config.build(
            component,
            container,
            self.executors.get(component.executor_label) or {},
            out.claims,
            f"{self.run_id}-kfp-workspace" if out.workspace else None,
        )
        return {**arguments, **dict.fromkeys(names, struct)}

    @staticmethod
    def _check_supported(config: dict) -> None:
        for key, what in UNSUPPORTED.items():
            if config.get(key):
                raise PlatformError(
                    f"The task asks for {what} ({key}), which this server does not offer"
                )

    def _field_paths(self, config, executor_label, task_id, out: TaskPlatform) -> None:
        labels, annotations = self.labels(executor_label)
        fixed = {
            "metadata.name": task_id,
            "metadata.uid": task_id,
            "metadata.namespace": self.namespace,
            "spec.serviceAccountName": self.service_account,
        }
        for item in config.get("fieldPathAsEnv") or []:
            path, name = item.get("fieldPath", ""), item.get("name", "")
            match = _FIELD_RE.match(path)
            if match:
                source = labels if match.group(1) == "labels" else annotations
                out.env[name] = str(source.get(match.group(2), ""))
            elif path in fixed:
                out.env[name] = fixed[path]
            else:
                raise PlatformError(
                    f"use_field_path_as_env: {path!r} is not available here (only "
                    "metadata.labels['...'], metadata.annotations['...'], "
                    + ", ".join(sorted(fixed))
                    + ")"
                )

    def _secret(self, item: dict, store) -> tuple[str, dict | None]:
        name = _resolve(item, "secretNameParameter", "secretName", store)
        if not isinstance(name, str) or not name:
            raise PlatformError("A secret's name did not resolve to a non-empty string")
        if self.secrets is None:
            raise PlatformError(f"Secret {name!r}: this server has no secret store")
        try:
            return name, self.secrets(name)
        except Exception as exc:  # noqa: BLE001 - missing, or cannot be decrypted
            if item.get("optional"):
                return name, None
            raise PlatformError(
                f"Secret {name!r} cannot be read: {exc}. A Kubernetes secret is a credential "
                "of the run's organization with the same name (its api_key a JSON object of "
                "the secret's keys)"
            ) from None

    def _secrets(self, config, store, out: TaskPlatform) -> None:
        for item in config.get("secretAsEnv") or []:
            name, data = self._secret(item, store)
            if data is None:
                continue
            for pair in item.get("keyToEnv") or []:
                key = pair.get("secretKey")
                if key not in data:
                    if item.get("optional"):
                        continue
                    raise PlatformError(f"Secret {name!r} has no key {key!r}")
                out.secret_env[pair.get("envVar")] = data[key]
        for item in config.get("secretAsVolume") or []:
            name, data = self._secret(item, store)
            if data is None:
                continue
            target = _mount_path(item)
            folder = os.path.join(self._scratch(out), f"secret-{len(out.mounts)}")
            os.mkdir(folder, 0o755)
            for key, value in data.items():
                if not re.fullmatch(r"[-._a-zA-Z0-9]+", key) or key in (".", ".."):
                    continue  # not a file name Kubernetes would accept either
                path = os.path.join(folder, key)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(value)
            out.mounts.append(Mount(folder, target, False))

    def _pvcs(self, config, store, out: TaskPlatform) -> None:
        for item in config.get("pvcMount") or []:
            name = _resolve(item, "pvcNameParameter", "constant", store)
            if not name:
                name = _resolve_legacy(item, store)
            target = _mount_path(item)
            if target == workspaces.MOUNT_PATH or target.startswith(workspaces.MOUNT_PATH + "/"):
                raise PlatformError(
                    f"mount_pvc at {target} conflicts with the workspace at {workspaces.MOUNT_PATH}"
                )
            out.mounts.append(Mount(self.volumes.mountable(name), target, True))
            out.claims.append((name, target))
            out.shared_storage = True

    def _scratch(self, out: TaskPlatform) -> str:
        if out.scratch is None:
            out.scratch = tempfile.mkdtemp(prefix="kfp-task-")
        return out.scratch

    def env_file(self, out: TaskPlatform, env: dict) -> str:
        """A file holding `env` (JSON) for the sandbox's first process to read before it
        drops to the task's uid: readable by the server's uid only."""
        path = os.path.join(self._scratch(out), "env.json")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(env, f)
        return path


def _mount_path(item: dict) -> str:
    target = item.get("mountPath") or ""
    if not target.startswith("/") or ".." in target.split("/") or target == "/":
        raise PlatformError(f"{target!r} is not an absolute mount path")
    return os.path.normpath(target)


def _resolve(item: dict, param_key: str, constant_key: str, store):
    """A name given as a constant, a pipeline input or an upstream task's output."""
    spec = item.get(param_key) or {}
    if spec:
        if "runtimeValue" in spec:
            return (spec["runtimeValue"] or {}).get("constant")
        if "componentInputParameter" in spec:
            return _parent_input(store, spec["componentInputParameter"])
        if "taskOutputParameter" in spec:
            out = spec["taskOutputParameter"]
            return store.get_task_output(out.get("producerTask"), out.get("outputParameterKey"))
    return item.get(constant_key)


def _resolve_legacy(item: dict, store):
    if "componentInputParameter" in item:
        return _parent_input(store, item["componentInputParameter"])
    if "taskOutputParameter" in item:
        out = item["taskOutputParameter"]
        return store.get_task_output(out.get("producerTask"), out.get("outputParameterKey"))
    return None


def _parent_input(store, name: str):
    try:
        return store.get_parent_input(name)
    except ValueError:
        return store.get_parent_input(f"pipelinechannel--{name}")
