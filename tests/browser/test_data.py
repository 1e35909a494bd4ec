"""Experiments and datasets in the browser, over data seeded through the API: a dataset's rows a
page at a time and its charts (a text column's values, a numeric column's histogram); an
experiment's variants, their copies and their tasks counted by state, refreshed until done,
each copy and task linking to its page."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import expect

from tests.api.helpers import wait_for
from tests.browser.conftest import sign_in
from tests.browser.support import new_account

REGIONS = ["north", "north", "south", "east"]  # north twice as often as south and east


def sales_csv(rows: int) -> str:
    lines = ["region,amount,note"]
    for i in range(rows):
        lines.append(f"{REGIONS[i % 4]},{i},row {i + 1}")
    return "\n".join(lines) + "\n"


def import_dataset(api, name: str, content: str) -> int:
    r = api.post(
        "/api/datasets/import/file",
        files={"file": ("sales.csv", content.encode(), "text/csv")},
        data={"name": name, "description": "Sales by region"},
    )
    assert r.status_code == 202, r.text
    job_id, dataset_id = r.json()["job_id"], r.json()["dataset_id"]

    def done():
        status = api.get(f"/api/datasets/import/jobs/{job_id}").json()["status"]
        return status if status not in ("queued", "running") else None

    assert wait_for(done, timeout=120) == "completed"
    return dataset_id


def test_dataset_rows_and_charts(server, page, shot):
    account = new_account(server)
    name = f"sales-{secrets.token_hex(3)}"
    with account.api() as api:
        dataset_id = import_dataset(api, name, sales_csv(60))
    sign_in(page, account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Datasets").click()
    row = page.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text("ready")
    expect(row).to_contain_text("60")
    shot(page, "list")
    row.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dataset {name}")
    expect(page).to_have_url(re.compile(rf"/ui/datasets/{dataset_id}"))

    # Rows: 25 a page.
    rows = page.get_by_role("table").filter(has_text="row 1").get_by_role("row")
    expect(rows).to_have_count(26)  # the header and 25 rows
    expect(rows.nth(1)).to_contain_text("north")
    expect(page.get_by_text("Page 1 of 3 (60 in all)")).to_be_visible()

    # No chart until one is asked for (it reads every row); region: rows per value, north
    # first with 30.
    expect(page.get_by_text("Chart a column: choose it and press Draw")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Rows per value"))).to_have_count(0)
    page.get_by_label("Column").select_option("region")
    page.get_by_role("button", name="Draw").click()
    chart = page.get_by_role("img", name=re.compile("^Rows per value of region"))
    expect(chart).to_be_visible()
    bars = chart.locator("g.bar-row")
    expect(bars).to_have_count(3)
    expect(bars.nth(0)).to_contain_text("north")
    expect(bars.nth(0).locator(".bar-count")).to_have_text("30")
    expect(bars.nth(1).locator(".bar-count")).to_have_text("15")
    shot(page, "region-chart")

    # amount (0..59, integers): a histogram of 12 bins of 5.
    page.get_by_label("Column").select_option("amount")
    page.get_by_role("button", name="Draw").click()
    chart = page.get_by_role("img", name=re.compile("^Rows by value of amount"))
    bars = chart.locator("g.bar-row")
    expect(bars).to_have_count(12)
    expect(bars.nth(0).locator(".bar-label")).to_have_text("0–4")
    expect(bars.nth(11).locator(".bar-label")).to_have_text("55–59")
    expect(bars.nth(11).locator(".bar-count")).to_have_text("5")
    shot(page, "amount-histogram")

    # The chart's choice is kept while paging the rows.
    page.get_by_role("navigation", name="Row pages").get_by_role("link", name="Next").click()
    expect(page.get_by_text("Page 2 of 3 (60 in all)")).to_be_visible()
    expect(page.get_by_role("cell", name="row 26", exact=True)).to_be_visible()
    expect(page.get_by_label("Column")).to_have_value("amount")


def test_experiment_variants_and_progress(server, page, shot):
    account = new_account(server)
    with account.api() as api:
        base = f"/api/projects/{account.project_id}/workflows"
        r = api.post(
            base,
            json={
                "name": "greeter",
                "fields": [],
                "graph": {
                    "nodes": [
                        {"id": "start", "kind": "start", "name": "start"},
                        {"id": "end", "kind": "end", "name": "end"},
                    ],
                    "edges": [{"source": "start", "target": "end"}],
                },
            },
        )
        assert r.status_code == 201, r.text
        wf_id = r.json()["id"]
        assert api.post(f"{base}/{wf_id}/activate").status_code == 200
        r = api.post(
            f"{base}/{wf_id}/experiments",
            json={
                "name": "baseline vs copy",
                "count": 3,
                "variants": [{"name": "baseline"}, {"name": "second"}],
            },
        )
        assert r.status_code == 202, r.text

    sign_in(page, account)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Experiments").click()
    expect(page.get_by_label("Project")).to_have_value(str(account.project_id))
    row = page.get_by_role("row").filter(has_text="baseline vs copy")
    expect(row).to_contain_text("greeter")
    expect(row).to_contain_text("2 × 3 tasks")
    shot(page, "list")
    row.get_by_role("link", name="baseline vs copy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Experiment baseline vs copy")

    # The variants' table refreshes itself until every task has ended.
    variants = page.locator("#variants")
    expect(variants.get_by_text(re.compile(r"^Status: completed"))).to_be_visible(timeout=120_000)
    for name in ("baseline", "second"):
        line = variants.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=name, exact=True)
        )
        expect(line).to_contain_text("completed")
        expect(line.get_by_role("cell").nth(2)).to_have_text("3 of 3")  # created
        expect(line.get_by_role("cell").nth(4)).to_have_text("3")  # finished
        expect(line).to_contain_text("3 of 3 ended")
    expect(variants).to_contain_text("6 of 6 tasks created")
    shot(page, "experiment")

    # A variant's copy and its tasks link to their pages.
    line = variants.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="second", exact=True)
    )
    copy = line.get_by_role("link", name=re.compile(r"^workflow #\d+$"))
    copy_id = copy.inner_text().split("#")[1]
    variants.get_by_text("Variant second: configuration and tasks").click()
    task_link = variants.locator("details[open]").get_by_role("link").first
    task_id = task_link.inner_text().lstrip("#")
    task_link.click()
    expect(page).to_have_url(re.compile(rf"/ui/tasks/{task_id}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(task_id)
    page.go_back()
    page.locator("#variants").get_by_role("link", name=f"workflow #{copy_id}").click()
    expect(page).to_have_url(re.compile(rf"/ui/workflows/{copy_id}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("greeter")
    shot(page, "copy")
