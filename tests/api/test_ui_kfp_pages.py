"""KFP pages over plain HTTP: a recurring run whose experiment was deleted still opens, and
list pages carry only their filters from page to page."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.api.ui_client import sign_in

kfp = pytest.importorskip("kfp")

from tests.compat import kfp_pipelines as P  # noqa: E402


@pytest.fixture(scope="module")
def ui(server):
    session = sign_in(server)
    yield session
    session.http.close()


def test_a_recurring_run_of_a_deleted_experiment_still_opens(ui, tmp_path):
    client = kfp.Client(host=ui.account.base_url, existing_token=ui.account.api_key)
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    exp = client.create_experiment("short-lived")
    rec = client.create_recurring_run(
        experiment_id=exp.experiment_id,
        job_name="yearly",
        cron_expression="0 0 0 1 1 *",
        params={"a": 1, "b": 1},
        pipeline_package_path=str(package),
        enabled=False,
    )
    client.delete_experiment(exp.experiment_id)
    page = ui.http.get(f"/ui/kfp/recurring-runs/{rec.recurring_run_id}")
    assert page.status_code == 200, page.text[:300]
    assert "yearly" in page.text and "(deleted)" in page.text


def test_list_links_keep_filters_and_nothing_else(ui):
    with ui.account.api() as api:
        for i in range(21):
            r = api.post("/apis/v2beta1/experiments", json={"display_name": f"paged-{i}"})
            assert r.status_code == 200, r.text
    first = ui.http.get("/ui/kfp/experiments", params={"q": "paged", "endpoint": "x"})
    assert first.status_code == 200, first.text[:300]
    next_url = unescape(re.search(r'href="([^"]+)" rel="next"', first.text).group(1))
    assert "q=paged" in next_url and "endpoint" not in next_url
    second = ui.http.get(next_url)
    assert second.status_code == 200
    first_page = unescape(re.search(r'href="([^"]+)">First page', second.text).group(1))
    assert first_page == "/ui/kfp/experiments?q=paged"
