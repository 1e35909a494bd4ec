"""The `library` tag: an organization's prompts, criteria and evaluations, versioned."""

from ...domain import library
from ...domain.library import CRITERION, EVALUATION, PROMPT
from ...runtime import current
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def _list(kind: str, page: int, page_size: int, search: str | None):
    with caller_session() as (session, me):
        items, total = library.list_items(
            session, me, kind, shapes.offset(page, page_size), page_size, search
        )
        return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def _create(kind: str, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        return once.answer(shapes.jsonable(library.create_item(session, me, kind, body)), 201)


def _get(kind: str, item_id: int, version: int | None):
    with caller_session() as (session, me):
        return shapes.jsonable(library.get_item(session, me, kind, item_id, version)), 200


def _update(kind: str, item_id: int, body: dict):
    with caller_session() as (session, me):
        return shapes.jsonable(library.update_item(session, me, kind, item_id, body)), 200


def _delete(kind: str, item_id: int):
    with caller_session() as (session, me):
        library.delete_item(session, me, kind, item_id)
    return None, 204


def _versions(kind: str, item_id: int, page: int, page_size: int):
    with caller_session() as (session, me):
        items, total = library.list_versions(
            session, me, kind, item_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page(shapes.jsonable(items), total, page, page_size), 200


# ---- prompts ----


def list_prompts(page: int = 1, page_size: int = 50, search: str | None = None):
    return _list(PROMPT, page, page_size, search)


def create_prompt(body: dict):
    return _create(PROMPT, body)


def get_prompt(prompt_id: int, version: int | None = None):
    return _get(PROMPT, prompt_id, version)


def update_prompt(prompt_id: int, body: dict):
    return _update(PROMPT, prompt_id, body)


def delete_prompt(prompt_id: int):
    return _delete(PROMPT, prompt_id)


def list_prompt_versions(prompt_id: int, page: int = 1, page_size: int = 50):
    return _versions(PROMPT, prompt_id, page, page_size)


def get_prompt_version(prompt_id: int, version: int):
    return _get(PROMPT, prompt_id, version)


# ---- criteria ----


def list_criteria(page: int = 1, page_size: int = 50, search: str | None = None):
    return _list(CRITERION, page, page_size, search)


def create_criterion(body: dict):
    return _create(CRITERION, body)


def get_criterion(criterion_id: int, version: int | None = None):
    return _get(CRITERION, criterion_id, version)


def update_criterion(criterion_id: int, body: dict):
    return _update(CRITERION, criterion_id, body)


def delete_criterion(criterion_id: int):
    return _delete(CRITERION, criterion_id)


def list_criterion_versions(criterion_id: int, page: int = 1, page_size: int = 50):
    return _versions(CRITERION, criterion_id, page, page_size)


def get_criterion_version(criterion_id: int, version: int):
    return _get(CRITERION, criterion_id, version)


# ---- evaluations ----


def list_evaluations(page: int = 1, page_size: int = 50, search: str | None = None):
    return _list(EVALUATION, page, page_size, search)


def create_evaluation(body: dict):
    return _create(EVALUATION, body)


def get_evaluation(evaluation_id: int, version: int | None = None):
    return _get(EVALUATION, evaluation_id, version)


def update_evaluation(evaluation_id: int, body: dict):
    return _update(EVALUATION, evaluation_id, body)


def delete_evaluation(evaluation_id: int):
    return _delete(EVALUATION, evaluation_id)


def list_evaluation_versions(evaluation_id: int, page: int = 1, page_size: int = 50):
    return _versions(EVALUATION, evaluation_id, page, page_size)


def get_evaluation_version(evaluation_id: int, version: int):
    return _get(EVALUATION, evaluation_id, version)


def score_evaluation(evaluation_id: int, body: dict):
    """Scores one record with an evaluation version (a dry run: nothing is stored)."""
    with caller_session() as (session, me):
        scorer = library.prepare_scoring(
            session, me, evaluation_id, body.get("version"), fernet_key=current().credential_key
        )
    # The judges' HTTP calls run after the session (and its transaction) closed.
    return shapes.jsonable(scorer.score(body.get("variables") or {})), 200
