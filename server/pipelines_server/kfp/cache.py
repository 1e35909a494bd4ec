"""The KFP task cache: the fingerprint upstream keys its cache on, the Cache interface a run
uses and its database implementation, and task outputs read back from a cache entry."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..store.db import Database
from ..store.models import KfpCacheEntry, KfpRun
from .records import artifacts_from_dicts, is_artifact


class Cache:
    """Where task outputs are kept by fingerprint (the server keeps them in its database).

    `shared` is the task's caching option: a shared entry serves other runs (upstream's
    cache); every entry also serves this run's own resumption (a retry, a lost server)."""

    def get(self, key: str, shared: bool) -> dict | None:  # pragma: no cover - interface
        return None

    def put(self, key: str, value: dict, shared: bool) -> None:  # pragma: no cover - interface
        return None


def fingerprint(container, arguments: dict, component, custom_key: str = "") -> str:
    """The cache key: what upstream's CacheKey holds (container image and command line,
    input parameter values, input artifacts, output artifact and parameter names)."""
    params, arts = {}, {}
    for key, value in arguments.items():
        if is_artifact(value):
            values = value if isinstance(value, list) else [value]
            arts[key] = [a.uri for a in values]
        else:
            params[key] = value
    key = {
        "image": container.image,
        "cmd_args": list(container.command) + list(container.args),
        "input_parameter_values": params,
        "input_artifact_uris": arts,
        "output_artifacts": sorted(component.output_definitions.artifacts.keys()),
        "output_parameters": sorted(component.output_definitions.parameters.keys()),
        "custom": custom_key or "",
    }
    blob = json.dumps(key, sort_keys=True, default=repr).encode()
    return hashlib.sha256(blob).hexdigest()


def outputs_from_cache(hit: dict, component) -> dict | None:
    outputs: dict = dict(hit.get("parameters") or {})
    for key, items in (hit.get("artifacts") or {}).items():
        if any(not os.path.exists(d.get("path") or "") for d in items):
            return None  # the cached files are gone: run again
        spec = component.output_definitions.artifacts.get(key)
        outputs[key] = artifacts_from_dicts(items, bool(spec and spec.is_artifact_list))
    return outputs


class DbCache(Cache):
    """`token`: the runner's claim on the run; entries are written only while it holds the
    run (a runner that lost its lease records nothing, not even in the cache)."""

    def __init__(self, db: Database, org_id: int, run_id: str, token: str | None = None):
        self.db, self.org_id, self.run_id, self.token = db, org_id, run_id, token

    def _keys(self, key: str, shared: bool) -> list[str]:
        """This run's own entry first, then the organization's when the task shares."""
        return [f"run:{self.run_id}:{key}"] + ([f"org:{self.org_id}:{key}"] if shared else [])

    def get(self, key: str, shared: bool) -> dict | None:
        with self.db.session() as session:
            for k in self._keys(key, shared):
                entry = session.get(KfpCacheEntry, k)
                if entry is not None:
                    return entry.outputs
        return None

    def _held(self) -> bool:
        if self.token is None:
            return True
        with self.db.session() as session:
            held = session.scalar(select(KfpRun.claim_token).where(KfpRun.id == self.run_id))
        return held == self.token

    def put(self, key: str, value: dict, shared: bool) -> None:
        if not self._held():
            return
        for k in self._keys(key, shared):
            with contextlib.suppress(IntegrityError), self.db.session() as session:
                entry = session.get(KfpCacheEntry, k)
                if entry is None:
                    session.add(KfpCacheEntry(key=k, outputs=value))
                else:
                    entry.outputs = value
