"""evaluation nodes: regex, JSON Schema and threshold checks over the node's variables.

A failed check is a result, not an error: the node records every check with a message and
ends as "finished" when all pass, else as its `on_failure` outcome ("quarantined" or
"escalated"), so that a person can look at the task. A path that leads nowhere is a failed
check that says so.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

import jsonschema_rs

from ..value_paths import PathError, json_kind, resolve
from .base import NodeContext, NodeResult

DEFAULT_ON_FAILURE = "quarantine"
OUTCOMES = {"quarantine": "quarantined", "escalate": "escalated"}
_MAX_SCHEMA_ERRORS = 5


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    results = []
    criteria_passed = True
    for i, check in enumerate(config.get("checks") or []):
        passed, message = run_check(check, variables)
        results.append(
            {
                "name": check.get("name") or f"{check['type']}_{i + 1}",
                "type": check["type"],
                "passed": passed,
                "message": message,
            }
        )
    if config.get("criteria"):
        # A library evaluation (evaluation_ref, resolved into the workflow version): its
        # criteria score the value at `output_path` (default input) against `expected_path`.
        scored = score_criteria(
            config["criteria"],
            criteria_variables(config, variables),
            pass_threshold=config.get("pass_threshold"),
        )
        criteria_passed = scored["passed"]
        for r in scored["criteria"]:
            results.append(
                {
                    "name": r["name"] or f"criterion_{r['criterion_id']}",
                    "type": r["type"],
                    "passed": r["passed"],
                    "message": r["message"],
                    "score": r["score"],
                }
            )
    if config.get("criteria"):
        passed = criteria_passed and all(r["passed"] for r in results if "score" not in r)
    else:
        passed = all(r["passed"] for r in results)
    on_failure = config.get("on_failure") or DEFAULT_ON_FAILURE
    outcome = "finished" if passed else OUTCOMES.get(on_failure, "quarantined")
    failed = [r for r in results if not r["passed"]]
    log = f"{len(results) - len(failed)}/{len(results)} checks passed"
    if failed:
        log += "; " + "; ".join(f"{r['name']}: {r['message']}" for r in failed)
    return NodeResult(output={"passed": passed, "checks": results}, log=log, outcome=outcome)


def criteria_variables(config: dict, variables: dict) -> dict:
    """The node's variables plus `output` (the value at `output_path`, default input) and
    `expected` (at `expected_path`, when given and present)."""
    out = dict(variables)
    try:
        out["output"] = resolve(config.get("output_path") or "input", variables)
    except PathError:
        out["output"] = None
    if config.get("expected_path"):
        try:
            out["expected"] = resolve(config["expected_path"], variables)
        except PathError:
            pass
    return out


def run_check(check: dict, variables: dict) -> tuple[bool, str]:
    """(passed, message) of one check; never raises for the data or the check's content."""
    path = check["path"]
    try:
        value = resolve(path, variables)
    except PathError as exc:
        return False, f"missing value: {exc}"
    kind = check["type"]
    if kind == "regex":
        return _regex(check, path, value)
    if kind == "json_schema":
        return _json_schema(check, path, value)
    if kind == "threshold":
        return _threshold(check, path, value)
    return False, f"unknown check type {kind!r}"


def _regex(check: dict, path: str, value: Any) -> tuple[bool, str]:
    pattern = check.get("pattern", "")
    if not isinstance(value, str):
        return False, f"{path} is {json_kind(value)}, not a string"
    try:
        matched = re.search(pattern, value) is not None
    except re.error as exc:
        return False, f"invalid pattern {pattern!r}: {exc}"
    if matched:
        return True, f"{path} matches {pattern!r}"
    return False, f"{path} does not match {pattern!r}"


def _json_schema(check: dict, path: str, value: Any) -> tuple[bool, str]:
    try:
        validator = _validator(json.dumps(check.get("schema", {}), sort_keys=True))
    except Exception as exc:  # jsonschema_rs.ValidationError for an invalid schema
        return False, f"invalid JSON Schema: {_first_line(exc)}"
    errors = []
    for error in validator.iter_errors(value):
        where = "/".join(str(p) for p in error.instance_path)
        errors.append(f"{path}/{where}: {error.message}" if where else f"{path}: {error.message}")
        if len(errors) > _MAX_SCHEMA_ERRORS:
            break
    if not errors:
        return True, f"{path} is valid"
    more = " (and more)" if len(errors) > _MAX_SCHEMA_ERRORS else ""
    return False, "; ".join(errors[:_MAX_SCHEMA_ERRORS]) + more


@lru_cache(maxsize=256)
def _validator(schema_json: str) -> jsonschema_rs.Validator:
    # offline: a "$ref" to a URL must not make the server fetch it (no requests on behalf of
    # workflow authors to wherever they point).
    return jsonschema_rs.validator_for(json.loads(schema_json), offline=True)


def _threshold(check: dict, path: str, value: Any) -> tuple[bool, str]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return False, f"{path} is {json_kind(value)}, not a number"
    low, high = check.get("min"), check.get("max")
    if low is not None and value < low:
        return False, f"{path} = {value} is below the minimum {low}"
    if high is not None and value > high:
        return False, f"{path} = {value} is above the maximum {high}"
    bounds = []
    if low is not None:
        bounds.append(f">= {low}")
    if high is not None:
        bounds.append(f"<= {high}")
    return True, f"{path} = {value} is " + " and ".join(bounds) if bounds else f"{path} = {value}"


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# ---- library criteria (issue 11): one scorer for evaluation nodes and dataset runs ----

PROGRAMMATIC_SUBTYPES = ("exact_match", "contains_keywords", "regex", "json_schema", "threshold")
DEFAULT_JUDGE_THRESHOLD = 0.5
JUDGE_TIMEOUT_SECONDS = 60.0
JUDGE_SYSTEM = (
    "You are an evaluator. Answer with a JSON object only: "
    '{"score": <a number from 0 to 1>, "passed": <true|false>, "reason": "<one sentence>"}.'
)

# (model_slug) -> (Credential, model): how an llm_judge criterion reaches its model.
JudgeLookup = Any


def score_criteria(
    criteria: list[dict],
    variables: dict,
    *,
    pass_threshold: float | None = None,
    judge: JudgeLookup = None,
) -> dict:
    """Scores resolved library criteria against `variables` (`output`, `expected`, `record`,
    ...). Each criterion is `{"criterion_id", "version", "name", "type", "config", "weight"}`;
    the result is `{"passed", "score", "criteria": [{..., "passed", "score", "message"}]}`.
    `score` is the weighted mean of the criteria's scores (0 to 1); `passed` is score >=
    `pass_threshold` (default 1: every criterion passes). Never raises for the data: a
    criterion that cannot be scored fails with a message."""
    results = []
    for c in criteria:
        try:
            passed, score, message = score_criterion(c, variables, judge)
        except Exception as exc:  # a scorer bug must not lose the other criteria
            passed, score, message = False, 0.0, f"cannot score: {type(exc).__name__}: {exc}"
        results.append(
            {
                "criterion_id": c.get("criterion_id"),
                "version": c.get("version"),
                "name": c.get("name"),
                "type": c.get("type"),
                "weight": _weight(c),
                "passed": passed,
                "score": score,
                "message": message,
            }
        )
    total_weight = sum(r["weight"] for r in results)
    if total_weight > 0:
        score = sum(r["score"] * r["weight"] for r in results) / total_weight
    else:
        score = 1.0 if all(r["passed"] for r in results) else 0.0
    threshold = 1.0 if pass_threshold is None else float(pass_threshold)
    if threshold >= 1.0:
        passed = all(r["passed"] for r in results)
    else:
        passed = score >= threshold
    return {"passed": passed, "score": round(score, 6), "criteria": results}


def _weight(c: dict) -> float:
    w = c.get("weight")
    return 1.0 if w is None else float(w)


def score_criterion(c: dict, variables: dict, judge: JudgeLookup = None) -> tuple[bool, float, str]:
    """(passed, score, message) of one resolved criterion."""
    config = c.get("config") or {}
    if c.get("type") == "llm_judge":
        return _judge(config, variables, judge)
    subtype = config.get("subtype")
    path = config.get("path") or "output"
    try:
        value = resolve(path, variables)
    except PathError as exc:
        return False, 0.0, f"missing value: {exc}"
    if subtype == "exact_match":
        ok, msg = _exact(config, path, value, variables)
    elif subtype == "contains_keywords":
        ok, msg = _keywords(config, path, value)
    elif subtype == "regex":
        ok, msg = _regex(config, path, value if isinstance(value, str) else _text(value))
    elif subtype == "json_schema":
        ok, msg = _json_schema(config, path, _maybe_json(value))
    elif subtype == "threshold":
        ok, msg = _threshold(config, path, _maybe_number(value))
    else:
        return False, 0.0, f"unknown criterion subtype {subtype!r}"
    return ok, 1.0 if ok else 0.0, msg


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _maybe_number(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return value
    return value


def _exact(config: dict, path: str, value: Any, variables: dict) -> tuple[bool, str]:
    expected_path = config.get("expected_path") or "expected"
    if "expected" in config:
        expected = config["expected"]
    else:
        try:
            expected = resolve(expected_path, variables)
        except PathError:
            return False, f"no expected value at {expected_path!r} to compare {path} with"
    a, b = _text(value).strip(), _text(expected).strip()
    if not config.get("case_sensitive", True):
        a, b = a.casefold(), b.casefold()
    if a == b:
        return True, f"{path} equals the expected value"
    return False, f"{path} differs from the expected value"


def _keywords(config: dict, path: str, value: Any) -> tuple[bool, str]:
    keywords = [str(k) for k in config.get("keywords") or []]
    if not keywords:
        return False, "no keywords to look for"
    text = _text(value)
    if not config.get("case_sensitive", False):
        text = text.casefold()
        found = [k for k in keywords if k.casefold() in text]
    else:
        found = [k for k in keywords if k in text]
    missing = [k for k in keywords if k not in found]
    if (config.get("mode") or "any") == "all":
        if missing:
            return False, f"{path} lacks " + ", ".join(repr(k) for k in missing)
        return True, f"{path} contains every keyword"
    if found:
        return True, f"{path} contains " + ", ".join(repr(k) for k in found)
    return False, f"{path} contains none of " + ", ".join(repr(k) for k in keywords)


def _judge(config: dict, variables: dict, judge: JudgeLookup) -> tuple[bool, float, str]:
    from ..templating import TemplateError, render
    from .base import NodeFailed
    from .llm import chat_completion

    if judge is None:
        return False, 0.0, "llm_judge criteria cannot run here (no model access)"
    try:
        prompt = render(config.get("prompt_text") or "", variables)
    except TemplateError as exc:
        return False, 0.0, exc.message
    try:
        cred, model = judge(config.get("model_slug"))
        body = {
            "model": model,
            "messages": [
                {"role": "system", "content": JUDGE_SYSTEM},
                {"role": "user", "content": prompt},
            ],
            "response_format": {"type": "json_object"},
        }
        _, _, _, content = chat_completion(cred, body, JUDGE_TIMEOUT_SECONDS)
    except NodeFailed as exc:
        return False, 0.0, f"judge call failed: {exc.message}"
    score, reason = _judge_reply(content)
    if score is None:
        return False, 0.0, f"the judge's answer has no score: {content[:200]!r}"
    threshold = config.get("pass_threshold")
    threshold = DEFAULT_JUDGE_THRESHOLD if threshold is None else float(threshold)
    passed = score >= threshold
    return passed, score, reason or f"judge score {score} (threshold {threshold})"


def _judge_reply(content: str) -> tuple[float | None, str]:
    from .llm import _strip_fence

    text = _strip_fence(content or "")
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = text
    score: Any = None
    reason = ""
    if isinstance(parsed, dict):
        score = parsed.get("score")
        reason = str(parsed.get("reason") or "")
        if score is None and isinstance(parsed.get("passed"), bool):
            score = 1.0 if parsed["passed"] else 0.0
    elif isinstance(parsed, (int, float)) and not isinstance(parsed, bool):
        score = parsed
    elif isinstance(parsed, str):
        m = re.search(r"-?\d+(?:\.\d+)?", parsed)
        score = float(m.group(0)) if m else None
    try:
        score = float(score) if score is not None else None
    except (TypeError, ValueError):
        return None, reason
    if score is not None and score > 1 and score <= 10:  # a 0-10 scale
        score = score / 10
    if score is not None:
        score = max(0.0, min(1.0, score))
    return score, reason


def review_evaluation(config: dict, variables: dict, submission: Any) -> dict | None:
    """A review node's library evaluation (`evaluation_ref`, resolved into `criteria`) of the
    reviewed submission (or of the value at `output_path`); None without one."""
    if not config.get("criteria"):
        return None
    scored = dict(variables)
    if config.get("output_path"):
        try:
            scored["output"] = resolve(config["output_path"], variables)
        except PathError:
            scored["output"] = None
    else:
        scored["output"] = submission
    return score_criteria(config["criteria"], scored, pass_threshold=config.get("pass_threshold"))
