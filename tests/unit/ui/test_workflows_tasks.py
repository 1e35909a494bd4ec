"""The workflow and task pages' helpers: the editor's text read as a definition (JSON or
YAML) and written back, the graph drawn with counts or states, the session cookie of the live
stream, and the node counts as one grouped query whatever the number of tasks."""

from __future__ import annotations

import pytest
from sqlalchemy import event, insert

from pipelines_server.domain import orgs, workflow_progress
from pipelines_server.domain import tasks as tasks_domain
from pipelines_server.domain import workflows as wf_domain
from pipelines_server.shared.errors import NotFound
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import NodeInstance, utcnow
from pipelines_server.ui import definitions, graphs
from pipelines_server.web.session_cookie import token as cookie_token

GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start"},
        {"id": "gate", "kind": "logic_gate", "name": "Gate"},
        {"id": "end", "kind": "end"},
    ],
    "edges": [
        {"source": "start", "target": "gate"},
        {"source": "gate", "target": "end", "source_port": "long"},
    ],
}


# A valid graph with a node `gate` for the database tests.
RUNNABLE = {
    "nodes": [
        {"id": "start", "kind": "start"},
        {"id": "gate", "kind": "code", "config": {"source": "def main(data):\n    return 1\n"}},
        {"id": "end", "kind": "end"},
    ],
    "edges": [{"source": "start", "target": "gate"}, {"source": "gate", "target": "end"}],
}


# -- definitions ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_definition_round_trips_in_both_formats(fmt):
    fields = [{"name": "text", "type": "short_text"}]
    text = definitions.dump(fields, GRAPH, fmt)
    assert definitions.parse(text, fmt) == (fields, GRAPH)


def test_yaml_reads_json_too_and_fields_may_be_left_out():
    assert definitions.parse('{"graph": {"nodes": [], "edges": []}}', "yaml") == (
        [],
        {"nodes": [], "edges": []},
    )


@pytest.mark.parametrize(
    ("text", "fmt", "where", "says"),
    [
        ("", "json", "definition", "empty"),
        ("{not json", "json", "definition", "not valid JSON"),
        ('{"graph": {"x": NaN}}', "json", "definition", "finite"),
        ("graph: [unclosed", "yaml", "definition", "Not valid YAML"),
        ("[1, 2]", "json", "definition", "mapping"),
        ('{"graph": [], "fields": {}}', "json", "fields", "must be a list"),
        ('{"graph": {}, "extra": 1}', "json", "definition", "Unknown members: extra"),
        ('{"graph": {}}', "toml", "format", "Unknown format"),
        ("1: a\ngraph: {}", "yaml", "definition", "Keys must be text"),
        ("null: 1", "yaml", "definition", "Keys must be text"),
        ("graph:\n  nodes:\n    - {true: x}", "yaml", "definition.graph.nodes.0", "quote"),
    ],
)
def test_unreadable_definitions_say_why_and_where(text, fmt, where, says):
    with pytest.raises(definitions.DefinitionError) as err:
        definitions.parse(text, fmt)
    assert any(loc == where and says in msg for loc, msg in err.value.reasons), err.value.reasons


def test_every_reading_problem_is_listed_at_once():
    with pytest.raises(definitions.DefinitionError) as err:
        definitions.parse('{"fields": 3, "graph": 4, "more": 5}')
    assert {loc for loc, _ in err.value.reasons} == {"definition", "fields", "graph"}


def test_a_yaml_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
    )
    with pytest.raises(definitions.DefinitionError):
        definitions.parse(bomb, "yaml")


def test_task_inputs_are_a_json_object():
    assert definitions.parse_inputs('{"text": "hi"}') == {"text": "hi"}
    assert (
        definitions.task_skeleton([{"name": "a"}, {"name": "b"}]) == '{\n  "a": "",\n  "b": ""\n}'
    )
    for bad in ("[1]", "{", '"text"'):
        with pytest.raises(definitions.DefinitionError):
            definitions.parse_inputs(bad)


# -- graphs -------------------------------------------------------------------------------


def test_edges_are_labelled_with_their_ports():
    assert graphs.edge_label({"source_port": "long"}) == "long"
    assert graphs.edge_label({"source_port": "a", "target_port": "b"}) == "a → b"
    assert graphs.edge_label({"target_port": "b"}) == "→ b"
    assert graphs.edge_label({}) == ""


def test_workflow_nodes_carry_their_counts():
    counts = {"gate": {"pending": 0, "running": 2, "done": 5, "failed": 0, "skipped": 1}}
    layout = graphs.workflow_dag(GRAPH, counts)
    gate = layout.by_id["gate"]
    assert gate.label == "Gate" and gate.kind == "logic_gate"
    assert gate.detail == "2 running, 5 done" and gate.state == "running"
    assert layout.by_id["start"].state == "" and layout.by_id["start"].detail == ""
    assert [e.label for e in layout.edges] == ["", "long"]


@pytest.mark.parametrize(
    ("counts", "state"),
    [
        ({"failed": 1, "running": 3}, "failed"),
        ({"done": 4, "pending": 1}, "pending"),
        ({"done": 4}, "succeeded"),
        ({"skipped": 2}, "skipped"),
        ({}, ""),
    ],
)
def test_a_workflow_node_takes_the_colour_of_its_most_urgent_state(counts, state):
    assert graphs.overall_state(counts) == state


def test_task_nodes_carry_their_instance_state():
    layout = graphs.task_dag(
        GRAPH,
        [{"node_id": "start", "status": "finished", "kind": "start", "name": "start"}],
    )
    assert layout.by_id["start"].state == "finished"
    assert layout.by_id["gate"].state == "pending"  # not reached yet
    assert layout.by_id["gate"].href == "#node-gate"


# -- the live stream's cookie ---------------------------------------------------------------


def test_the_session_cookie_is_read_from_the_cookie_headers():
    scope = {
        "headers": [
            (b"accept", b"text/event-stream"),
            (b"cookie", b"a=1; pipelines_session=tok123; b=2"),
        ]
    }
    assert cookie_token(scope) == "tok123"
    assert cookie_token({"headers": [(b"cookie", b"pipelines_sessionx=1")]}) is None
    assert cookie_token({"headers": []}) is None


# -- node counts ----------------------------------------------------------------------------


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    migrate(url)
    db = Database(url)
    yield db
    db.dispose()


def _workflow_with_tasks(db, n: int):
    with db.session() as session:
        b = orgs.bootstrap(session, org_name=f"org {n}", email=f"a{n}@example.test")
        me = Principal(org_id=b.org.id, api_key_id=0, user_id=b.user.id, role=b.user.role)
        wf = wf_domain.create_workflow(session, me, b.project.id, "wf", "", [], RUNNABLE)
        ids = tasks_domain.insert_tasks(session, wf, [{}] * n, created_by=b.user.id)
        now = utcnow()
        rows = [
            {
                "task_id": t,
                "org_id": b.org.id,
                "workflow_id": wf.id,
                "node_id": node,
                "kind": "start",
                "status": status,
                "created_at": now,
                "updated_at": now,
            }
            for i, t in enumerate(ids)
            for node, status in (("start", "finished"), ("gate", "claimed" if i % 2 else "na"))
        ]
        session.execute(insert(NodeInstance.__table__), rows)
        return me, wf.id


def _statements(db, fn) -> tuple[object, int]:
    seen = []

    def count(*_args):
        seen.append(1)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        result = fn()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return result, len(seen)


def test_node_counts_are_one_grouped_query_whatever_the_number_of_tasks(database):
    small, small_wf = _workflow_with_tasks(database, 2)
    big, big_wf = _workflow_with_tasks(database, 60)

    def counts(me, wf_id):
        with database.session() as session:
            return workflow_progress.node_counts(session, me, wf_id)

    few, few_queries = _statements(database, lambda: counts(small, small_wf))
    many, many_queries = _statements(database, lambda: counts(big, big_wf))
    assert few_queries == many_queries
    assert few["start"] == {"pending": 0, "running": 0, "done": 2, "failed": 0, "skipped": 0}
    assert many["gate"] == {"pending": 0, "running": 30, "done": 0, "failed": 0, "skipped": 30}
    assert "end" not in many
    with database.session() as session, pytest.raises(NotFound):
        workflow_progress.node_counts(session, small, big_wf)  # another organization's


def test_a_task_is_located_only_in_its_own_organization(database):
    me, wf_id = _workflow_with_tasks(database, 1)
    other, _ = _workflow_with_tasks(database, 3)
    with database.session() as session:
        task_id = (
            session.execute(
                NodeInstance.__table__.select().where(NodeInstance.workflow_id == wf_id)
            )
            .first()
            .task_id
        )
        project_id, found_wf = workflow_progress.locate_task(session, me, task_id)
        assert found_wf == wf_id and project_id
        with pytest.raises(NotFound):
            workflow_progress.locate_task(session, other, task_id)
        counts = workflow_progress.task_counts(session, me, [wf_id, 10**9])
        assert counts == {wf_id: 1, 10**9: 0}
