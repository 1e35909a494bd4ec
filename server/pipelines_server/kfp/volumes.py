"""Server-managed volumes for kfp-kubernetes' `CreatePVC`, `DeletePVC` and `mount_pvc`, and the
per-run workspace (`dsl.PipelineConfig(workspace=...)`).

A Kubernetes PersistentVolumeClaim becomes a folder: `<volumes root>/<org id>/pvc/<name>`
(PIPELINES_KFP_VOLUMES_ROOT), so one organization's claim names never reach another's
folders, whatever name a pipeline gives. A run's workspace is `<volumes root>/<org
id>/workspaces/<run id>`. The size, access modes and storage class a pipeline asks for are
recorded nowhere and enforced by nothing: a folder has the room its file system has.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from pathlib import Path

# A Kubernetes object name (RFC 1123 subdomain): what a claim may be called upstream, and
# never a path of more than one component here.
NAME_RE = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")


class VolumeError(Exception):
    """A volume operation a task asked for cannot be done; the message says why."""


def check_name(name) -> str:
    if not isinstance(name, str) or not NAME_RE.match(name) or ".." in name:
        raise VolumeError(
            f"{name!r} is not a valid volume (PVC) name: lower-case letters, digits, '-' and "
            "'.', starting and ending with a letter or digit, at most 253 characters"
        )
    return name


class Volumes:
    """One organization's volumes and run workspaces under the volumes root."""

    def __init__(self, root: Path | str, org_id: int, owner_uid: int | None = None):
        self.root = Path(root)
        self.org_id = int(org_id)
        # The uid sandboxes of this organization's tasks that mount shared storage run as
        # (isolation/sandbox.py's shared_uid); None: the server's own uid.
        self.owner_uid = owner_uid

    @property
    def org_folder(self) -> Path:
        return self.root / str(self.org_id)

    def path(self, name: str) -> Path:
        return self.org_folder / "pvc" / check_name(name)

    def _make(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o755)
        if self.owner_uid is not None:
            os.chown(path, self.owner_uid, self.owner_uid)
        return path

    # -- CreatePVC / DeletePVC --

    def create(self, arguments: dict) -> str:
        """CreatePVC: the claim's name, as upstream's driver makes it (`pvc_name`, or a
        UUID followed by `pvc_name_suffix`, or a UUID), and its folder, created if it is not
        there yet (creating an existing claim name reuses its folder)."""
        name = arguments.get("pvc_name") or ""
        suffix = arguments.get("pvc_name_suffix") or ""
        if name and suffix:
            raise VolumeError("CreatePVC: at most one of pvc_name and pvc_name_suffix")
        if not name:
            name = str(uuid.uuid4()) + suffix
        self._make(self.path(name))
        return name

    def delete(self, name) -> None:
        """DeletePVC: removes the claim's folder and everything in it."""
        path = self.path(name)
        if not path.is_dir():
            raise VolumeError(f"DeletePVC: there is no volume {name!r} in this organization")
        shutil.rmtree(path)

    def mountable(self, name) -> str:
        """The folder of an existing claim, for mount_pvc."""
        path = self.path(name)
        if not path.is_dir():
            raise VolumeError(
                f"mount_pvc: there is no volume {name!r} in this organization (a pipeline "
                "creates one with kubernetes.CreatePVC)"
            )
        return str(path)

    # -- workspaces --

    def workspace(self, run_id: str) -> str:
        """The run's workspace folder, created on first use."""
        return str(self._make(self.org_folder / "workspaces" / _run_folder(run_id)))

    def remove_workspace(self, run_id: str) -> None:
        shutil.rmtree(self.org_folder / "workspaces" / _run_folder(run_id), ignore_errors=True)


def _run_folder(run_id: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9-]{1,64}", run_id or ""):
        raise VolumeError(f"not a run id: {run_id!r}")
    return run_id
