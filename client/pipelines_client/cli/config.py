"""Profiles: where a server is and which key calls it, kept in one JSON file.

The file is `$PIPECTL_CONFIG`, else `$XDG_CONFIG_HOME/pipectl/config.json` (by default
`~/.config/pipectl/config.json`). It is written with mode 0600 (its folder 0700), atomically.
A profile stored with `--keyring` keeps its key in the system keyring (service `pipectl`,
user name = the profile's name) and only `"keyring": true` in the file.

The environment variables PIPELINES_BASE_URL and PIPELINES_API_KEY win over the profile.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core import DEFAULT_BASE_URL

KEYRING_SERVICE = "pipectl"
DEFAULT_PROFILE = "default"


class ConfigError(Exception):
    """The config file cannot be read or a profile is missing."""


def config_path() -> Path:
    explicit = os.environ.get("PIPECTL_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "pipectl" / "config.json"


def load() -> dict:
    path = config_path()
    if not path.exists():
        return {"current": DEFAULT_PROFILE, "profiles": {}}
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    data.setdefault("current", DEFAULT_PROFILE)
    data.setdefault("profiles", {})
    return data


def save(data: dict) -> Path:
    """Write the file with mode 0600 from its first byte (never readable by others)."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".json")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@dataclass(frozen=True)
class Resolved:
    profile: str
    base_url: str
    api_key: str | None
    source: str  # where the key came from: env, keyring, config, none


def _keyring_get(profile: str) -> str | None:
    import keyring

    return keyring.get_password(KEYRING_SERVICE, profile)


def chosen_profile(explicit: str | None) -> str | None:
    """The profile asked for: --profile, else PIPECTL_PROFILE; None when neither is set."""
    return explicit or os.environ.get("PIPECTL_PROFILE") or None


def saved_base_url(name: str) -> str | None:
    """The base URL saved in profile `name`, if there is one."""
    return (load()["profiles"].get(name) or {}).get("base_url")


def resolve(profile: str | None) -> Resolved:
    """The server and key to use: environment variables, else the profile (--profile, else
    PIPECTL_PROFILE, else the current one)."""
    data = load()
    name = chosen_profile(profile) or data["current"]
    entry = data["profiles"].get(name)
    if profile and entry is None:
        raise ConfigError(f"no profile named {name!r} in {config_path()} (run `pipectl login`)")
    entry = entry or {}
    base_url = (
        os.environ.get("PIPELINES_BASE_URL") or entry.get("base_url") or DEFAULT_BASE_URL
    ).rstrip("/")
    env_key = os.environ.get("PIPELINES_API_KEY")
    if env_key:
        return Resolved(name, base_url, env_key, "env")
    if entry.get("keyring"):
        return Resolved(name, base_url, _keyring_get(name), "keyring")
    if entry.get("api_key"):
        return Resolved(name, base_url, entry["api_key"], "config")
    return Resolved(name, base_url, None, "none")


def store(name: str, base_url: str, api_key: str, *, use_keyring: bool) -> Path:
    data = load()
    entry: dict = {"base_url": base_url.rstrip("/")}
    if use_keyring:
        import keyring

        keyring.set_password(KEYRING_SERVICE, name, api_key)
        entry["keyring"] = True
    else:
        entry["api_key"] = api_key
    data["profiles"][name] = entry
    data["current"] = name
    return save(data)


def forget(name: str) -> bool:
    """Remove a profile (and its keyring entry); False when there was none."""
    data = load()
    entry = data["profiles"].pop(name, None)
    if entry is None:
        return False
    if entry.get("keyring"):
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, name)
        except PasswordDeleteError:
            pass
    if data["current"] == name:
        data["current"] = next(iter(data["profiles"]), DEFAULT_PROFILE)
    save(data)
    return True
