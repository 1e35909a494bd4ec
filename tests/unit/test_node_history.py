"""The pure rules of the work area: which verdict judged which subtask submission, and which
history event recorded which submission."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pipelines_server.domain.node_history import (
    attach_submissions,
    next_ids,
    review_outcome,
)
from pipelines_server.engine.compiled_graph import CompiledGraph

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def verdict(id_, decision, comment=None, user=7, node=50):
    values = {"decision": decision, "comment": comment}
    return {
        "id": id_,
        "values": values,
        "user_id": user,
        "node_instance_id": node,
        "created_at": T0,
    }


def test_the_first_verdict_after_a_submission_and_before_the_next_one_judges_it():
    verdicts = [verdict(12, "fail", "redo"), verdict(14, "pass", "good")]
    first = review_outcome(10, 13, verdicts, reviewed=True, awaiting_review=False)
    assert first["status"] == "rejected" and first["comment"] == "redo"
    assert first["review_submission_id"] == 12 and first["reviewer_id"] == 7
    second = review_outcome(13, None, verdicts, reviewed=True, awaiting_review=False)
    assert second["status"] == "passed" and second["review_submission_id"] == 14


def test_without_a_verdict_pending_only_for_the_latest_submission_awaiting_review():
    assert review_outcome(10, None, [], reviewed=True, awaiting_review=True)["status"] == "pending"
    assert review_outcome(10, None, [], reviewed=True, awaiting_review=False) is None
    # replaced by a later submission (an admin edit, say) before any verdict
    assert review_outcome(10, 11, [verdict(12, "pass")], True, True) is None
    # nothing reviews the node
    assert (
        review_outcome(10, None, [verdict(12, "pass")], reviewed=False, awaiting_review=True)
        is None
    )


def test_verdict_values_that_are_not_a_mapping_count_as_rejected_without_comment():
    odd = {"id": 3, "values": None, "user_id": None, "node_instance_id": 1, "created_at": T0}
    outcome = review_outcome(1, None, [odd], True, False)
    assert outcome["status"] == "rejected" and outcome["comment"] is None


def test_next_ids():
    assert next_ids([5, 2, 9]) == {2: 5, 5: 9, 9: None}
    assert next_ids([]) == {}


def test_reviewers_of_a_subtask():
    graph = CompiledGraph(
        {
            "nodes": [
                {"id": "s", "kind": "start"},
                {"id": "a", "kind": "subtask"},
                {"id": "r1", "kind": "review"},
                {"id": "b", "kind": "subtask"},
                {"id": "r2", "kind": "review", "config": {"subtask": "a"}},
                {"id": "e", "kind": "end"},
            ],
            "edges": [
                {"source": "s", "target": "a"},
                {"source": "a", "target": "r1"},
                {"source": "r1", "target": "b"},
                {"source": "b", "target": "r2"},
                {"source": "r2", "target": "e"},
            ],
        }
    )
    assert graph.reviewers("a") == ["r1", "r2"]
    assert graph.reviewers("b") == []
    # Worked out once per graph; a caller changing its list does not change the graph's.
    graph.reviewers("a").append("x")
    assert graph.reviewers("a") == ["r1", "r2"]


def _event(id_, type_, node, user, at, **data):
    return {"id": id_, "type": type_, "node_db_id": node, "user_id": user, "at": at, "data": data}


def _sub(id_, node, number, user, at):
    return {
        "id": id_,
        "node_instance_id": node,
        "attempt_number": number,
        "user_id": user,
        "created_at": at,
    }


def test_events_get_the_submission_they_name_or_the_one_of_their_transaction():
    later = T0 + timedelta(seconds=5)
    events = [
        _event(1, "node.claimed", 10, 3, T0),
        _event(2, "node.submitted", 10, 3, T0, submission=1),
        _event(3, "node.finished", 10, 3, T0),
        _event(4, "review.rejected", 50, 7, later, subtask="a"),
        _event(5, "node.quarantined", 50, 7, later),
        _event(6, "node.admin_edited", 10, 8, later, attempt_number=2),
    ]
    subs = [_sub(100, 10, 1, 3, T0), _sub(101, 50, 1, 7, later), _sub(102, 10, 2, 8, later)]
    attach_submissions(events, subs)
    got = {e["id"]: (e["submission"] or {}).get("id") for e in events}
    # the claim was another transaction (another time) in real runs; here the named one wins
    assert got == {1: None, 2: 100, 3: None, 4: 101, 5: None, 6: 102}


def test_an_event_of_another_user_or_node_gets_no_submission():
    events = [_event(1, "node.reverted", 10, 9, T0), _event(2, "node.resolved", 11, 3, T0)]
    attach_submissions(events, [_sub(100, 10, 1, 3, T0)])
    assert [e["submission"] for e in events] == [None, None]


def test_a_comment_edited_into_something_else_reads_as_text():
    edited = verdict(12, "fail", comment=["not", "text"])
    assert review_outcome(10, None, [edited], True, False)["comment"] == "['not', 'text']"
