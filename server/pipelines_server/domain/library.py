"""The library: an organization's prompts, criteria and evaluations, versioned.

Every item has immutable versions 1, 2, ...: creating writes version 1, every update writes
the next one (the item's `version` is the latest). Old versions stay readable and referable
by number (`get_prompt_version`, workflow node references, experiments).

Delete is soft: the item leaves lists and GETs (404), but its versions stay resolvable, so a
workflow version that already references it keeps running exactly as it was snapshotted; a
new workflow edit cannot reference a deleted item (422).

Shapes (besides id, org_id, scope_type "org", name, description, version, versions,
created_at, updated_at, created_by_id):
- prompt: prompt_text (a template with `{{var}}` placeholders), prompt_placeholders
  ([{name}], exactly the variables the text uses), role (user, system, assistant).
- criterion: type programmatic (config.subtype exact_match, contains_keywords, regex,
  json_schema, threshold) or llm_judge (config.prompt_text, model_slug, pass_threshold),
  display_label, output_schema.
- evaluation: criteria [{criterion_id, version, weight}] (each pinned to a criterion version
  when the evaluation version is written), pass_threshold (0 to 1, default 1: every
  criterion passes; below 1, the weighted mean score must reach it).
"""

from __future__ import annotations

import re
from typing import Any

import jsonschema_rs
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..engine.executors.evaluation import PROGRAMMATIC_SUBTYPES, score_criteria
from ..shared.errors import Conflict, FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..store.models import LibraryItem, LibraryVersion, utcnow
from . import text_search

PROMPT, CRITERION, EVALUATION = "prompt", "criterion", "evaluation"
KINDS = (PROMPT, CRITERION, EVALUATION)
TITLES = {PROMPT: "Prompt", CRITERION: "Criterion", EVALUATION: "Evaluation"}
ROLES = ("user", "system", "assistant")
MAX_NAME = 200
MAX_TEXT = 100_000
PLACEHOLDER_RE = re.compile(r"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)")
# Names a template may use without declaring them (loop variables and Jinja literals).
_JINJA_WORDS = frozenset({"true", "false", "none", "True", "False", "None", "loop"})

# The keys of each kind's version data, as they are accepted and shown.
DATA_KEYS = {
    PROMPT: ("description", "prompt_text", "prompt_placeholders", "role"),
    CRITERION: ("description", "display_label", "type", "config", "output_schema"),
    EVALUATION: ("description", "criteria", "pass_threshold"),
}


# ---- reading ----


def _item(
    session: Session, org_id: int, kind: str, item_id: int, deleted_ok: bool, lock: bool = False
) -> LibraryItem:
    # `lock`: concurrent updates of one item take turns (each writes the next version).
    row = session.get(LibraryItem, item_id, with_for_update=lock or None)
    if (
        row is None
        or row.org_id != org_id
        or row.kind != kind
        or (row.deleted_at is not None and not deleted_ok)
    ):
        raise NotFound(f"{TITLES[kind]} {item_id} not found")
    return row


def _version(session: Session, item: LibraryItem, version: int | None) -> LibraryVersion:
    number = item.version if version is None else version
    row = session.scalar(
        select(LibraryVersion).where(
            LibraryVersion.item_id == item.id, LibraryVersion.version == number
        )
    )
    if row is None:
        raise NotFound(f"{TITLES[item.kind]} {item.id} has no version {number}")
    return row


def view(item: LibraryItem, ver: LibraryVersion) -> dict:
    data = ver.data or {}
    out: dict[str, Any] = {
        "id": item.id,
        "org_id": item.org_id,
        "scope_type": "org",
        "name": data.get("name", item.name),
    }
    for key in DATA_KEYS[item.kind]:
        out[key] = data.get(key)
    out.update(
        {
            "version": ver.version,
            "versions": item.version,
            "latest_version": item.version,
            "created_by_id": item.created_by_id,
            "created_at": item.created_at,
            "updated_at": ver.created_at,
        }
    )
    return out


def list_items(
    session: Session,
    principal: Principal,
    kind: str,
    offset: int,
    limit: int,
    search: str | None = None,
) -> tuple[list[dict], int]:
    """The organization's live items of `kind`, newest first; `search` matches the name
    (case-insensitive substring)."""
    where = [
        LibraryItem.org_id == principal.org_id,
        LibraryItem.kind == kind,
        LibraryItem.deleted_at.is_(None),
    ]
    if search:
        where.append(text_search.contains(search.lower(), LibraryItem.name))
    total = session.scalar(select(func.count()).select_from(LibraryItem).where(*where))
    rows = session.execute(
        select(LibraryItem, LibraryVersion)
        .join(
            LibraryVersion,
            (LibraryVersion.item_id == LibraryItem.id)
            & (LibraryVersion.version == LibraryItem.version),
        )
        .where(*where)
        .order_by(LibraryItem.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [view(i, v) for i, v in rows], total


def get_item(
    session: Session, principal: Principal, kind: str, item_id: int, version: int | None = None
) -> dict:
    item = _item(session, principal.org_id, kind, item_id, deleted_ok=False)
    return view(item, _version(session, item, version))


def list_versions(
    session: Session, principal: Principal, kind: str, item_id: int, offset: int, limit: int
) -> tuple[list[dict], int]:
    """Every version of an item, newest first."""
    item = _item(session, principal.org_id, kind, item_id, deleted_ok=False)
    rows = session.scalars(
        select(LibraryVersion)
        .where(LibraryVersion.item_id == item.id)
        .order_by(LibraryVersion.version.desc())
        .offset(offset)
        .limit(limit)
    )
    return [view(item, v) for v in rows], item.version


# ---- writing ----


def _check_scope(principal: Principal, body: dict) -> None:
    """`org_id`/`scope_type` in a body are accepted when they name the caller's organization;
    another organization's id is 404 (as if it did not exist), never written elsewhere."""
    org_id = body.get("org_id")
    if org_id is not None and org_id != principal.org_id:
        raise NotFound("Organization not found")
    scope = body.get("scope_type")
    if scope is not None and scope != "org":
        raise ValidationFailed(
            "scope_type: only 'org' is supported",
            [FieldError("only 'org' is supported", loc=("scope_type",))],
        )


def create_item(session: Session, principal: Principal, kind: str, body: dict) -> dict:
    _check_scope(principal, body)
    data = _validated(session, principal.org_id, kind, body, None)
    now = utcnow()
    item = LibraryItem(
        org_id=principal.org_id,
        kind=kind,
        name=data["name"],
        version=1,
        created_by_id=principal.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(item)
    session.flush()
    ver = LibraryVersion(
        item_id=item.id, version=1, data=data, created_by_id=principal.user_id, created_at=now
    )
    session.add(ver)
    session.flush()
    return view(item, ver)


def update_item(
    session: Session, principal: Principal, kind: str, item_id: int, body: dict
) -> dict:
    """A new version: the latest version's data with the body's keys replaced."""
    item = _item(session, principal.org_id, kind, item_id, deleted_ok=False, lock=True)
    _check_scope(principal, body)
    latest = _version(session, item, None)
    data = _validated(session, principal.org_id, kind, body, latest.data or {})
    now = utcnow()
    item.version += 1
    item.name = data["name"]
    item.updated_at = now
    ver = LibraryVersion(
        item_id=item.id,
        version=item.version,
        data=data,
        created_by_id=principal.user_id,
        created_at=now,
    )
    session.add(ver)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent update wrote this version number first
        raise Conflict(f"{TITLES[kind]} {item_id} was updated concurrently; retry") from exc
    return view(item, ver)


def delete_item(session: Session, principal: Principal, kind: str, item_id: int) -> None:
    item = _item(session, principal.org_id, kind, item_id, deleted_ok=False)
    item.deleted_at = utcnow()


def _validated(session: Session, org_id: int, kind: str, body: dict, previous: dict | None) -> dict:
    """The version data of `body` (over `previous` for an update); ValidationFailed naming
    every problem."""
    data: dict[str, Any] = dict(previous or {})
    for key in ("name", *DATA_KEYS[kind]):
        if key in body:
            data[key] = body[key]
    errors: list[FieldError] = []

    def err(message: str, *loc: str | int) -> None:
        errors.append(FieldError(message, loc=loc))

    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        err(f"name: 1 to {MAX_NAME} characters", "name")
    if data.get("description") is None:
        data["description"] = ""
    elif not isinstance(data["description"], str):
        err("description must be a string", "description")
    if kind == PROMPT:
        _check_prompt(data, err)
    elif kind == CRITERION:
        _check_criterion(data, err)
    else:
        _check_evaluation(session, org_id, data, err, errors)
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    return data


def placeholders_of(text: str) -> list[str]:
    """The variables a `{{...}}` template uses (the first name of each expression)."""
    seen: list[str] = []
    for name in PLACEHOLDER_RE.findall(text or ""):
        if name not in seen and name not in _JINJA_WORDS:
            seen.append(name)
    return seen


def _check_prompt(data: dict, err) -> None:
    text = data.get("prompt_text")
    if not isinstance(text, str) or not text.strip():
        err("prompt_text is required", "prompt_text")
        return
    if len(text) > MAX_TEXT:
        err(f"prompt_text is longer than {MAX_TEXT} characters", "prompt_text")
    used = placeholders_of(text)
    declared_raw = data.get("prompt_placeholders")
    if declared_raw is None:
        declared_raw = [{"name": n} for n in used]
    if not isinstance(declared_raw, list):
        err("prompt_placeholders must be a list of {name}", "prompt_placeholders")
        return
    declared: list[str] = []
    normalized = []
    for j, p in enumerate(declared_raw):
        pname = p.get("name") if isinstance(p, dict) else p
        if not isinstance(pname, str) or not pname:
            err(f"prompt_placeholders[{j}] needs a name", "prompt_placeholders", j)
            continue
        declared.append(pname)
        normalized.append(p if isinstance(p, dict) else {"name": pname})
    undeclared = [n for n in used if n not in declared]
    unused = [n for n in declared if n not in used]
    if undeclared:
        err(
            "prompt_text uses undeclared placeholders: " + ", ".join(undeclared),
            "prompt_placeholders",
        )
    if unused:
        err(
            "prompt_placeholders declares placeholders the text does not use: " + ", ".join(unused),
            "prompt_placeholders",
        )
    data["prompt_placeholders"] = normalized
    role = data.get("role") or "user"
    if role not in ROLES:
        err(f"role must be one of {', '.join(ROLES)}", "role")
    data["role"] = role


def _check_criterion(data: dict, err) -> None:
    ctype = data.get("type")
    config = data.get("config")
    if config is None:
        config = data["config"] = {}
    if not isinstance(config, dict):
        err("config must be an object", "config")
        return
    if data.get("display_label") is None:
        data["display_label"] = data.get("name")
    if data.get("output_schema") is not None and not isinstance(data["output_schema"], dict):
        err("output_schema must be an object", "output_schema")
    if ctype == "programmatic":
        subtype = config.get("subtype")
        if subtype not in PROGRAMMATIC_SUBTYPES:
            err(
                f"config.subtype must be one of {', '.join(PROGRAMMATIC_SUBTYPES)}",
                "config",
                "subtype",
            )
        elif subtype == "contains_keywords":
            kw = config.get("keywords")
            if not isinstance(kw, list) or not kw or not all(isinstance(k, str) for k in kw):
                err("contains_keywords needs config.keywords, a list of strings", "config")
            if config.get("mode", "any") not in ("any", "all"):
                err("config.mode must be any or all", "config", "mode")
        elif subtype == "regex":
            pattern = config.get("pattern")
            if not isinstance(pattern, str):
                err("regex needs config.pattern", "config", "pattern")
            else:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    err(f"config.pattern is not a valid regex: {exc}", "config", "pattern")
        elif subtype == "json_schema":
            schema = config.get("schema")
            if not isinstance(schema, dict):
                err("json_schema needs config.schema, an object", "config", "schema")
            else:
                try:
                    jsonschema_rs.validator_for(schema, offline=True)
                except Exception as exc:  # the library's error types vary by version
                    err(f"config.schema is not a valid JSON Schema: {exc}", "config", "schema")
        elif subtype == "threshold":
            bounds = [config.get(k) for k in ("min", "max") if config.get(k) is not None]
            if not bounds or not all(
                isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds
            ):
                err("threshold needs config.min and/or config.max (numbers)", "config")
    elif ctype == "llm_judge":
        if not isinstance(config.get("prompt_text"), str) or not config["prompt_text"].strip():
            err("llm_judge needs config.prompt_text", "config", "prompt_text")
        if not isinstance(config.get("model_slug"), str) or not config["model_slug"]:
            err("llm_judge needs config.model_slug", "config", "model_slug")
        _check_threshold(config.get("pass_threshold"), err, "config", "pass_threshold")
    else:
        err("type must be programmatic or llm_judge", "type")


def _check_threshold(value: Any, err, *loc: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        err(f"{'.'.join(loc)} must be a number from 0 to 1", *loc)


def _check_evaluation(session: Session, org_id: int, data: dict, err, errors: list) -> None:
    criteria = data.get("criteria")
    if criteria is None:
        criteria = []
    if not isinstance(criteria, list):
        err("criteria must be a list of {criterion_id, version?, weight?}", "criteria")
        return
    _check_threshold(data.get("pass_threshold"), err, "pass_threshold")
    pinned = []
    for j, ref in enumerate(criteria):
        if not isinstance(ref, dict) or not isinstance(ref.get("criterion_id"), int):
            err(f"criteria[{j}] needs an integer criterion_id", "criteria", j, "criterion_id")
            continue
        cid, number = ref["criterion_id"], ref.get("version")
        weight = ref.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            err(f"criteria[{j}].weight must be a number >= 0", "criteria", j, "weight")
        if number is not None and (not isinstance(number, int) or number < 1):
            err(f"criteria[{j}].version must be a positive integer", "criteria", j, "version")
            continue
        try:
            item = _item(session, org_id, CRITERION, cid, deleted_ok=False)
            ver = _version(session, item, number)
        except NotFound as exc:
            err(f"criteria[{j}]: {exc.message}", "criteria", j, "criterion_id")
            continue
        pinned.append(
            {"criterion_id": cid, "version": ver.version, "weight": weight, "name": item.name}
        )
    data["criteria"] = pinned


# ---- references (workflows, experiments, dataset evaluation runs) ----


def _org_version(
    session: Session, org_id: int, kind: str, item_id: int, version: int | None
) -> tuple[LibraryItem, LibraryVersion]:
    """A version of an item of the organization, deleted or not (references stay valid)."""
    item = _item(session, org_id, kind, item_id, deleted_ok=True)
    return item, _version(session, item, version)


def prompt_version(session: Session, org_id: int, prompt_id: int, version: int | None) -> dict:
    item, ver = _org_version(session, org_id, PROMPT, prompt_id, version)
    return {**view(item, ver), "deleted": item.deleted_at is not None}


def evaluation_version(
    session: Session, org_id: int, evaluation_id: int, version: int | None
) -> dict:
    """The evaluation version with its criteria resolved: each is `{"criterion_id",
    "version", "weight", "name", "type", "config", "output_schema"}`."""
    item, ver = _org_version(session, org_id, EVALUATION, evaluation_id, version)
    out = {**view(item, ver), "deleted": item.deleted_at is not None}
    resolved = []
    for ref in out.get("criteria") or []:
        citem, cver = _org_version(
            session, org_id, CRITERION, ref["criterion_id"], ref.get("version")
        )
        cdata = cver.data or {}
        resolved.append(
            {
                "criterion_id": citem.id,
                "version": cver.version,
                "weight": ref.get("weight", 1),
                "name": cdata.get("name", citem.name),
                "type": cdata.get("type"),
                "config": cdata.get("config") or {},
                "output_schema": cdata.get("output_schema"),
            }
        )
    out["criteria"] = resolved
    out["pass_threshold"] = out.get("pass_threshold")
    return out


def get_prompt_version(
    session: Session, principal: Principal, prompt_id: int, version: int | None
) -> dict:
    """A prompt version of the caller's organization (`version` None: the latest); NotFound
    for an unknown prompt or version (a deleted prompt's versions stay readable here)."""
    return prompt_version(session, principal.org_id, prompt_id, version)


def get_evaluation_version(
    session: Session, principal: Principal, evaluation_id: int, version: int | None
) -> dict:
    """An evaluation version with its criteria resolved (see `evaluation_version`)."""
    return evaluation_version(session, principal.org_id, evaluation_id, version)


def credential_key(settings=None) -> str:
    """The credentials' encryption key as the server derives it from `settings`
    (PIPELINES_SECRET_KEY, else the key kept in the data directory); from the environment's
    settings when none are given."""
    from ..engine.secrets import derive_key
    from ..settings import Settings

    return derive_key((settings or Settings.from_env()).ensure_secret_key())


def judge_lookup(session: Session, org_id: int, fernet_key: str | None = None):
    """(model_slug) -> (engine Credential, model) for llm_judge criteria: the organization's
    credential serving the slug, decrypted with the server's key."""
    from ..engine.executors.base import Credential as EngineCredential
    from ..engine.executors.base import NodeFailed
    from ..engine.secrets import decrypt
    from ..store.models import Credential
    from . import models

    keys: list[str] = [fernet_key] if fernet_key else []  # derived once, and only if needed

    def lookup(slug: str):
        try:
            name, model = models.model_for(session, org_id, slug)
        except Exception as exc:
            raise NodeFailed(getattr(exc, "message", str(exc))) from None
        row = session.scalar(
            select(Credential).where(Credential.org_id == org_id, Credential.name == name)
        )
        try:
            if not keys:
                keys.append(credential_key())
            api_key = decrypt(row.secret, keys[0])
        except Exception:
            raise NodeFailed(
                f"credential {name!r} cannot be decrypted with this server's key"
            ) from None
        return EngineCredential(name=row.name, base_url=row.base_url, api_key=api_key), model

    return lookup


class Scorer:
    """An evaluation version with its llm_judge criteria's credentials already looked up:
    `score(variables)` needs no database, so a caller can close its session (and its
    transaction) before the judges' HTTP calls."""

    def __init__(self, evaluation: dict, judges: dict):
        self.evaluation, self._judges = evaluation, judges

    def _judge(self, slug):
        from ..engine.executors.base import NodeFailed

        found = self._judges.get(slug)
        if not isinstance(found, tuple):
            raise NodeFailed(found or f"no credential serves model {slug!r}")
        return found

    def score(self, variables: dict) -> dict:
        """Scores one record: `variables` are what the criteria see (`output`, the value
        scored; `expected`, for exact_match; `record`, the whole row; anything else the
        llm_judge prompts name). Returns {"passed", "score", "criteria": [{criterion_id,
        version, name, type, weight, passed, score, message}]}; llm_judge criteria call the
        credential looked up for their model_slug (the llm nodes' path: outbound policy,
        key scrubbed)."""
        return score_criteria(
            self.evaluation["criteria"],
            variables,
            pass_threshold=self.evaluation.get("pass_threshold"),
            judge=self._judge,
        )


def prepare_scoring(
    session: Session,
    principal: Principal,
    evaluation_id: int,
    version: int | None,
    *,
    fernet_key: str | None = None,
) -> Scorer:
    """The evaluation version and, for each llm_judge criterion, its credential and model
    (or why there is none), read now, in `session`."""
    from ..engine.executors.base import NodeFailed

    ev = get_evaluation_version(session, principal, evaluation_id, version)
    lookup = judge_lookup(session, principal.org_id, fernet_key)
    judges: dict = {}
    for c in ev["criteria"]:
        if c.get("type") == "llm_judge":
            slug = (c.get("config") or {}).get("model_slug")
            if slug not in judges:
                try:
                    judges[slug] = lookup(slug)
                except NodeFailed as exc:
                    judges[slug] = exc.message
    return Scorer(ev, judges)
