"""A dataset's page over plain HTTP: no chart unless one is asked for (a chart reads every
row), and a histogram of integers whose range is past a float's precision."""

from __future__ import annotations

from tests.api.helpers import wait_for
from tests.api.ui_client import sign_in


def _import(api, content: str) -> int:
    r = api.post(
        "/api/datasets/import/file",
        files={"file": ("big.csv", content.encode(), "text/csv")},
        data={"name": "big numbers"},
    )
    assert r.status_code == 202, r.text
    job_id, dataset_id = r.json()["job_id"], r.json()["dataset_id"]

    def done():
        status = api.get(f"/api/datasets/import/jobs/{job_id}").json()["status"]
        return status if status not in ("queued", "running") else None

    assert wait_for(done, timeout=120) == "completed"
    return dataset_id


def test_a_chart_is_drawn_on_request_even_for_a_range_past_2_to_the_53(server):
    ui = sign_in(server)
    with ui.account.api() as api:
        dataset_id = _import(api, "n,label\n0,a\n120000000000000000,b\n5,c\n")
    try:
        page = ui.http.get(f"/ui/datasets/{dataset_id}")
        assert page.status_code == 200
        assert "Chart a column: choose it and press Draw" in page.text
        assert "Rows by value of" not in page.text
        chart = ui.http.get(f"/ui/datasets/{dataset_id}", params={"chart": "n"})
        assert chart.status_code == 200, chart.text[:300]
        assert "Rows by value of n" in chart.text
        assert "120000000000000000" in chart.text
        missing = ui.http.get(f"/ui/datasets/{dataset_id}", params={"chart": "nope"})
        assert missing.status_code == 404
    finally:
        ui.http.close()
