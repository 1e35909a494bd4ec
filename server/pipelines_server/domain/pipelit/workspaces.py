"""Pipelit's workspaces: a folder per workspace where code steps may work, owned by one user
and seen by them only (admins included: other users' workspaces are 404 as if missing).

Every user's workspaces live under their own root, `<data_dir>/pipelit-workspaces/<user id>`;
a path given at creation must resolve under it (400 otherwise), and the default path is
`<root>/<name>`. Each user has a `default` workspace (network allowed, as upstream's setup
creates it), made the first time they list or create workspaces; it cannot be deleted.

`env_vars` are `{key, value?, credential_id?, credential_field?, source}`: `raw` ones carry
their value, `credential` ones name a Pipelit credential of the owner's organization (and a
field of it) to be resolved when a step runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...shared.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
)
from ...shared.principal import Principal
from ...store.models import PipelitWorkspace
from . import access
from .access import iso, page

DEFAULT = "default"
NOT_FOUND = "Workspace not found."
NAME_TAKEN = "Workspace with this name already exists."
CANNOT_DELETE_DEFAULT = "Cannot delete the default workspace."
FOLDER = "pipelit-workspaces"


def root_for(data_dir: Path, user_id: int) -> Path:
    """The folder every workspace of `user_id` lives under."""
    return (Path(data_dir) / FOLDER / str(user_id)).resolve()


def resolve_path(root: Path, name: str, path: str | None) -> Path:
    """The workspace's folder: `path` (resolved) or `<root>/<name>`; it must be `root` or
    under it, else 400 "Workspace path must be under <root>/"."""
    if access.unmatchable(name, path):
        raise BadRequest(f"Workspace path must be under {root}/")
    wanted = Path(path) if path else root / name
    if not wanted.is_absolute():
        wanted = root / wanted
    try:
        resolved = wanted.resolve()
    except OSError as exc:  # a component over the file system's limit, a loop of links
        raise unusable(exc) from exc
    if resolved != root and root not in resolved.parents:
        raise BadRequest(f"Workspace path must be under {root}/")
    return resolved


def check_env_vars(session: Session, principal: Principal, env_vars: list[dict]) -> list[dict]:
    """The env_vars as stored: every field present; a `credential` one must name a credential
    of the caller's organization that they see (422 otherwise)."""
    out = []
    for i, item in enumerate(env_vars):
        entry = {
            "key": item["key"],
            "value": item.get("value"),
            "credential_id": item.get("credential_id"),
            "credential_field": item.get("credential_field"),
            "source": item.get("source") or "raw",
        }
        if entry["source"] == "credential":
            if not access.may_use_credential(session, principal, entry["credential_id"]):
                raise access.credential_refused(
                    "credential_id", ("body", "env_vars", i, "credential_id")
                )
            entry["value"] = None
        out.append(entry)
    return out


def workspace_out(row: PipelitWorkspace) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "path": row.path,
        "allow_network": bool(row.allow_network),
        "env_vars": list(row.env_vars or []),
        "created_at": iso(row.created_at),
    }


def unusable(exc: OSError) -> BadRequest:
    """The 400 of a path the file system refuses (the reason only, never the path)."""
    return BadRequest(f"Workspace path cannot be used: {exc.strerror or 'invalid path'}")


def _make_folder(path: str) -> None:
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".tmp").mkdir(exist_ok=True)
    except OSError as exc:  # a name too long for the file system, a file in the way, ...
        raise unusable(exc) from exc


def _own(principal: Principal):
    return select(PipelitWorkspace).where(PipelitWorkspace.user_id == principal.user_id)


def ensure_default(session: Session, principal: Principal, data_dir: Path) -> None:
    found = session.scalar(_own(principal).where(PipelitWorkspace.name == DEFAULT))
    if found is not None:
        return
    path = root_for(data_dir, principal.user_id) / DEFAULT
    session.add(
        PipelitWorkspace(
            user_id=principal.user_id,
            name=DEFAULT,
            path=str(path),
            allow_network=True,
            env_vars=[],
        )
    )
    session.flush()
    _make_folder(str(path))


def workspace_for(session: Session, principal: Principal, workspace_id: int) -> PipelitWorkspace:
    in_range = 0 < workspace_id <= access.MAX_INT64
    row = session.get(PipelitWorkspace, workspace_id) if in_range else None
    if row is None or row.user_id != principal.user_id:
        raise NotFound(NOT_FOUND)
    return row


def list_workspaces(session, principal, data_dir, limit, offset) -> tuple[list[dict], int]:
    ensure_default(session, principal, data_dir)
    rows, total = page(session, _own(principal).order_by(PipelitWorkspace.id), limit, offset)
    return [workspace_out(r) for r in rows], total


def create_workspace(session: Session, principal: Principal, data_dir: Path, body: dict) -> dict:
    ensure_default(session, principal, data_dir)
    name = body["name"]
    if session.scalar(_own(principal).where(PipelitWorkspace.name == name)) is not None:
        raise Conflict(NAME_TAKEN)
    path = resolve_path(root_for(data_dir, principal.user_id), name, body.get("path"))
    row = PipelitWorkspace(
        user_id=principal.user_id,
        name=name,
        path=str(path),
        allow_network=bool(body.get("allow_network") or False),
        env_vars=check_env_vars(session, principal, body.get("env_vars") or []),
    )
    session.add(row)
    session.flush()
    _make_folder(row.path)
    return workspace_out(row)


def update_workspace(session: Session, principal: Principal, workspace_id: int, body: dict):
    row = workspace_for(session, principal, workspace_id)
    if body.get("allow_network") is not None:
        row.allow_network = bool(body["allow_network"])
    if body.get("env_vars") is not None:
        row.env_vars = check_env_vars(session, principal, body["env_vars"])
    session.flush()
    return workspace_out(row)


def delete_workspace(session: Session, principal: Principal, workspace_id: int) -> None:
    """Deletes the record; the folder stays (as upstream: another workspace may share it)."""
    row = workspace_for(session, principal, workspace_id)
    if row.name == DEFAULT:
        raise Forbidden(CANNOT_DELETE_DEFAULT)
    session.delete(row)


def batch_delete(session: Session, principal: Principal, ids: list[int]) -> None:
    if not ids:
        return
    for row in list(session.scalars(_own(principal).where(PipelitWorkspace.id.in_(ids)))):
        if row.name != DEFAULT:
            session.delete(row)


def _inside(root: Path, path: Path) -> bool:
    return path == root or root in path.parents


def reset(session: Session, principal: Principal, data_dir: Path, workspace_id: int) -> dict:
    """Empties the workspace's folder (it is made again with its `.tmp`)."""
    row = workspace_for(session, principal, workspace_id)
    folder = Path(row.path).resolve()
    # Only ever remove what lies under the owner's root (paths are checked at creation).
    if _inside(root_for(data_dir, principal.user_id), folder) and folder.is_dir():
        shutil.rmtree(folder)
    _make_folder(str(folder))
    return {"ok": True, "message": f"Workspace '{row.name}' has been reset."}


def reset_rootfs(session: Session, principal: Principal, data_dir: Path, workspace_id: int):
    row = workspace_for(session, principal, workspace_id)
    rootfs = Path(row.path).resolve() / ".rootfs"
    if _inside(root_for(data_dir, principal.user_id), rootfs):
        shutil.rmtree(rootfs, ignore_errors=True)
    return {
        "ok": True,
        "message": f"Rootfs cleared for workspace '{row.name}'. "
        "Will be re-created on next execution.",
    }
