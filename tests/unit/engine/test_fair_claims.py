"""The claim-ordering rule between organizations (engine/claims.fair_order)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pipelines_server.engine.claims import OrgLoad, fair_order

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_the_organization_holding_fewest_nodes_goes_first_even_with_later_work():
    loads = [OrgLoad(1, at(0), held=1), OrgLoad(2, at(50), held=0)]
    assert fair_order(loads, cap=3) == [2, 1]


def test_an_organization_at_its_cap_is_left_out_whatever_its_backlog():
    loads = [OrgLoad(1, at(0), held=2), OrgLoad(2, at(9), held=1), OrgLoad(3, at(5), held=3)]
    assert fair_order(loads, cap=2) == [2]


def test_equal_holdings_serve_the_longest_waiting_work_then_the_lowest_id():
    loads = [OrgLoad(3, at(5), 1), OrgLoad(1, at(7), 1), OrgLoad(2, at(5), 1)]
    assert fair_order(loads, cap=4) == [2, 3, 1]


def test_organizations_with_nothing_due_are_not_candidates():
    loads = [OrgLoad(1, None, held=0), OrgLoad(2, at(1), held=1)]
    assert fair_order(loads, cap=2) == [2]


def test_a_single_organization_is_never_capped():
    assert fair_order([OrgLoad(1, at(0), held=8)], cap=2) == [1]


def test_cap_zero_means_no_limit_but_still_fewest_first():
    loads = [OrgLoad(1, at(0), held=9), OrgLoad(2, at(1), held=4)]
    assert fair_order(loads, cap=0) == [2, 1]
