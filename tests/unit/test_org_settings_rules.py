"""Pure rules of the org-settings area: CLI login user codes and states, tag names and
colors, select-option matching."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pipelines_server.domain import cli_login, select_options, tags
from pipelines_server.shared.errors import ValidationFailed
from pipelines_server.store.models import CliLoginSession, utcnow


def test_user_codes_are_unambiguous_and_typed_forgivingly():
    codes = {cli_login.new_user_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert len(code) == 8 and set(code) <= set(cli_login.USER_CODE_ALPHABET)
        shown = cli_login.format_user_code(code)
        assert shown[4] == "-"
        assert cli_login.normalize_user_code(shown.lower()) == code
        assert cli_login.normalize_user_code(f" {shown[:4]} {shown[5:]} ") == code
    for look_alike in "01OILS5AEU":
        assert look_alike not in cli_login.USER_CODE_ALPHABET
    for bad in (None, "", "BCDF", "BCDF-GHJK-M", "BCDF-GHJ0", "ABCD-EFGH"):
        assert cli_login.normalize_user_code(bad) is None


def test_states_expire_only_pending_and_approved_sessions():
    now = utcnow()
    past = now - timedelta(seconds=1)
    for status, expected in (
        ("pending", "expired"),
        ("approved", "expired"),
        ("consumed", "consumed"),
        ("denied", "denied"),
    ):
        row = CliLoginSession(status=status, expires_at=past)
        assert cli_login.state_of(row, now) == expected
    assert (
        cli_login.state_of(CliLoginSession(status="pending", expires_at=now + timedelta(1)), now)
        == "pending"
    )


def test_device_codes_are_compared_by_digest():
    assert cli_login.hash_code("a") != cli_login.hash_code("b")
    assert len(cli_login.hash_code("a")) == 64


def test_tag_names_and_colors():
    assert tags.clean_name("  hot  ") == "hot"
    assert tags.clean_name("x" * 100) == "x" * 100
    for bad in (None, "", "   ", "x" * 101):
        with pytest.raises(ValidationFailed):
            tags.clean_name(bad)
    assert tags.clean_color("#ABC") == "#abc"
    assert tags.clean_color("#A1b2C3") == "#a1b2c3"
    assert tags.clean_color(None) is None and tags.clean_color("") is None
    for bad in ("red", "#abcd", "abc", "#ggg"):
        with pytest.raises(ValidationFailed):
            tags.clean_color(bad)


def test_select_option_search_and_roles():
    assert select_options.matches({"value": 3, "label": "Acme Corp"}, "acme")
    assert select_options.matches({"value": "org_admin", "label": "Organization admin"}, "ORG_")
    assert not select_options.matches({"value": 3, "label": "Acme"}, "zeta")
    assert select_options.matches({"value": 3, "label": "Acme"}, "  ")
    items, total = select_options.roles("member", 100)
    assert items == [{"value": "member", "label": "Member"}] and total == 1
    items, total = select_options.roles(None, 1)
    assert len(items) == 1 and total == 2
