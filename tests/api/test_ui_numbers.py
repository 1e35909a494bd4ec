"""Numbers past a 64-bit id in the web UI's paths and query strings: a 404 for a path (no
such thing), the default for a query argument, never a 500."""

from __future__ import annotations

import pytest

from tests.api.ui_client import sign_in

HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def ui(server):
    session = sign_in(server)
    yield session
    session.http.close()


@pytest.mark.parametrize(
    "path",
    [
        f"/ui/tasks/{HUGE}",
        f"/ui/datasets/{HUGE}",
        f"/ui/files/{HUGE}/x",
        f"/ui/workflows/{HUGE}",
        f"/ui/work/subtask/{HUGE}/1/1",
        "/ui/tasks/9223372036854775808",
    ],
)
def test_ids_past_64_bits_in_paths_are_not_found(ui, path):
    assert ui.http.get(path).status_code == 404


def test_a_post_to_a_huge_id_is_not_found(ui):
    assert ui.post(f"/ui/tasks/{HUGE}/cancel").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/ui/work?page=1e19",
        f"/ui/work?page={HUGE}",
        f"/ui/work?workflow={HUGE}",
        f"/ui/work/submissions?workflow={HUGE}&page={HUGE}",
        f"/ui/experiments?project={HUGE}",
        f"/ui/workflows?page={HUGE}&project_id={HUGE}",
        f"/ui/tasks?page={HUGE}&workflow_id={HUGE}",
        f"/ui/datasets?page={HUGE}",
    ],
)
def test_huge_query_numbers_read_as_absent_or_capped(ui, path):
    assert ui.http.get(path).status_code == 200


def test_work_notices_never_echo_text_from_the_query_string(ui):
    page = ui.http.get(
        "/ui/work",
        params={"done": "submitted", "node": "Call 555-0100 to unlock", "task": "your account"},
    )
    assert page.status_code == 200
    assert "Submitted" in page.text
    assert "555-0100" not in page.text and "your account" not in page.text
    other_org = ui.http.get("/ui/work", params={"done": "released", "node": "1"})
    assert other_org.status_code == 200  # a node of another organization: named by nothing
    assert "Released ? of task ?" in other_org.text
