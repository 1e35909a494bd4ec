"""My work: the subtask and review nodes waiting for the caller; open (claim), submit, release.

A node is named by (project_id, workflow_id, node_db_id), as each item of `list` carries them.
"""

from __future__ import annotations

from pipelines_api.api.work import (
    get_review,
    get_subtask,
    my_work,
    org_my_work,
    project_my_work,
    release_node,
    submit_review,
    submit_subtask,
    view_subtask,
)
from pipelines_api.models import (
    MyWorkKind,
    OrgMyWorkKind,
    ProjectMyWorkKind,
    ReviewSubmission,
    SubtaskSubmission,
)

from ..core import field
from ..errors import NotFound
from ._base import status_of, unset


def item_ids(item) -> tuple[int, int, int]:
    """(project_id, workflow_id, node_db_id) of a work item (as `list` gives them)."""
    return field(item, "project_id"), field(item, "workflow_id"), field(item, "node_db_id")


def is_review(item) -> bool:
    return status_of(item, "kind") == "review"


def _pick(items, node_db_id: int):
    for item in items:
        if field(item, "node_db_id") == node_db_id:
            return item
    raise NotFound(404, f"no work item {node_db_id} is waiting for you")


def _answer_arguments(item, answer: dict) -> tuple[bool, dict]:
    """(is a review, the submit arguments) for a subtask's values or a review's decision."""
    if not isinstance(answer, dict):
        raise TypeError("an answer is a dict: a form's values, or {decision, comment}")
    if is_review(item):
        return True, {"decision": answer.get("decision"), "comment": answer.get("comment")}
    return False, {"data": answer["values"] if "values" in answer else answer}


class Work:
    def __init__(self, client):
        self._client = client

    def list(
        self, org_id: int | None = None, *, project_id: int | None = None, kind=None, tag=None
    ):
        """Open work of the caller (optionally in one organization or one project); `kind` is
        "subtask" or "review"."""

        def filters(kinds) -> dict:
            # Each route has its own generated enum of kinds: a plain string is converted.
            chosen = None if kind is None else kinds(getattr(kind, "value", kind))
            return {"kind": unset(chosen), "tag": unset(tag)}

        if project_id is not None:
            return self._client.paginate(
                project_my_work, project_id=project_id, **filters(ProjectMyWorkKind)
            )
        if org_id is not None:
            return self._client.paginate(org_my_work, org_id=org_id, **filters(OrgMyWorkKind))
        return self._client.paginate(my_work, **filters(MyWorkKind))

    def _node(self, operation, project_id: int, wf_id: int, node_db_id: int, **kw):
        return self._client.call(
            operation, project_id=project_id, workflow_id=wf_id, node_db_id=node_db_id, **kw
        )

    def get(self, project_id: int, wf_id: int, node_db_id: int):
        """A subtask's form, read-only (claims nothing)."""
        return self._node(view_subtask, project_id, wf_id, node_db_id)

    def claim(self, project_id: int, wf_id: int, node_db_id: int):
        """Open a subtask's form, claiming it for the caller."""
        return self._node(get_subtask, project_id, wf_id, node_db_id)

    def submit(self, project_id: int, wf_id: int, node_db_id: int, data: dict):
        """Submit a subtask's values (422 lists every invalid field)."""
        body = SubtaskSubmission.from_dict({"values": data})
        return self._node(submit_subtask, project_id, wf_id, node_db_id, body=body)

    def claim_review(self, project_id: int, wf_id: int, node_db_id: int):
        return self._node(get_review, project_id, wf_id, node_db_id)

    def submit_review(
        self, project_id: int, wf_id: int, node_db_id: int, decision: str, comment=None
    ):
        body = {"decision": decision}
        if comment is not None:
            body["comment"] = comment
        return self._node(
            submit_review, project_id, wf_id, node_db_id, body=ReviewSubmission.from_dict(body)
        )

    def release(self, project_id: int, wf_id: int, node_db_id: int):
        return self._node(release_node, project_id, wf_id, node_db_id)

    # --- by item: what `list` gives, whichever kind it is ----------------------------------------

    def find(self, node_db_id: int, **filters):
        """The caller's open work item with this node id (NotFound if none waits)."""
        return _pick(self.list(**filters), node_db_id)

    def open(self, item):
        """Claim a work item and read it: a subtask's form, or a review."""
        claim = self.claim_review if is_review(item) else self.claim
        return claim(*item_ids(item))

    def answer(self, item, answer: dict):
        """Submit a work item: a subtask's values (or {"values": ...}), a review's
        {"decision": "pass"|"fail", "comment": ...}."""
        review, arguments = _answer_arguments(item, answer)
        submit = self.submit_review if review else self.submit
        return submit(*item_ids(item), **arguments)


class AsyncWork(Work):
    async def find(self, node_db_id: int, **filters):
        return _pick([item async for item in self.list(**filters)], node_db_id)
