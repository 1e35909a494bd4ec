"""The web UI's sessions (domain/web_sessions.py) on a real, migrated SQLite database."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from pipelines_server.domain import keys, mfa, orgs, passwords, web_sessions
from pipelines_server.engine.secrets import derive_key, encrypt
from pipelines_server.shared.errors import BadRequest, Forbidden, NotFound, Unauthorized
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import ApiKey, User, WebSession, utcnow

TTL = timedelta(hours=1)
SECRET = derive_key("unit-test-secret")


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def admin(db):
    with db.session() as s:
        b = orgs.bootstrap(s, org_name="Org", email="ada@example.test")
        b.user.username = "ada"
        b.user.password_hash = passwords.hash_password("correct horse")
        return b.user.id, b.api_key


def test_password_sign_in_acts_through_a_key_of_its_own(db, admin):
    user_id, _ = admin
    with db.session() as s:
        token, due = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
    assert not due
    with db.session() as s:
        viewer = web_sessions.resolve(s, token)
        assert viewer.user_id == user_id and viewer.is_admin
        key = s.get(ApiKey, viewer.principal.api_key_id)
        assert key.name == web_sessions.SESSION_KEY_NAME and key.revoked_at is None
        assert key.expires_at is not None  # the session's own key ends with it
        # Only the token's hash is stored.
        assert s.query(WebSession).filter(WebSession.token_hash == token).count() == 0
    with db.session() as s:
        web_sessions.sign_out(s, token)
    with db.session() as s:
        assert web_sessions.resolve(s, token) is None
        assert s.get(ApiKey, viewer.principal.api_key_id).revoked_at is not None


def test_email_signs_in_too_and_wrong_input_is_one_message(db, admin):
    with db.session() as s:
        web_sessions.sign_in_password(s, "ada@example.test", "correct horse", TTL)
    for login, pw in (("ada", "wrong"), ("nobody", "correct horse"), ("", ""), ("a\x00", "x")):
        with db.session() as s, pytest.raises(Unauthorized) as err:
            web_sessions.sign_in_password(s, login, pw, TTL)
        assert err.value.message == web_sessions.INVALID


def test_totp_step_completes_a_pending_session_with_a_new_token(db, admin):
    user_id, _ = admin
    secret = mfa.new_secret()
    with db.session() as s:
        user = s.get(User, user_id)
        user.mfa_secret, user.mfa_enabled = encrypt(secret, SECRET), True
    with db.session() as s:
        pending, due = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
    assert due
    with db.session() as s:
        assert web_sessions.resolve(s, pending) is None  # not signed in before the code
    guard = mfa.Guard("")
    with db.session() as s, pytest.raises(Unauthorized):
        web_sessions.sign_in_code(s, pending, "000000", SECRET, guard, TTL)
    with db.session() as s:
        token = web_sessions.sign_in_code(s, pending, pyotp.TOTP(secret).now(), SECRET, guard, TTL)
    assert token != pending
    with db.session() as s:
        assert web_sessions.resolve(s, token).user_id == user_id
        assert web_sessions.resolve(s, pending) is None
    # The pending session is gone: its token cannot be completed twice.
    with db.session() as s, pytest.raises(Unauthorized):
        web_sessions.sign_in_code(s, pending, pyotp.TOTP(secret).now(), SECRET, guard, TTL)


def test_key_sign_in_survives_sign_out_and_revocation_ends_the_session(db, admin):
    _, raw = admin
    with db.session() as s:
        token = web_sessions.sign_in_key(s, raw, TTL)
    with db.session() as s:
        key_id = web_sessions.resolve(s, token).principal.api_key_id
        web_sessions.sign_out(s, token)
    with db.session() as s:
        assert s.get(ApiKey, key_id).revoked_at is None  # a pasted key is not revoked
        token = web_sessions.sign_in_key(s, raw, TTL)
    with db.session() as s:
        s.get(ApiKey, key_id).revoked_at = utcnow()
    with db.session() as s:
        assert web_sessions.resolve(s, token) is None
    with db.session() as s, pytest.raises(Unauthorized):
        web_sessions.sign_in_key(s, "pk_live_" + "0" * 40, TTL)


def test_expired_and_removed_user_sessions_resolve_to_nobody(db, admin):
    user_id, _ = admin
    with db.session() as s:
        token, _ = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
    with db.session() as s:
        later = utcnow() + TTL + timedelta(seconds=1)
        assert web_sessions.resolve(s, token, now=later) is None
        assert web_sessions.purge_expired(s, now=later) == 1
    with db.session() as s:
        token, _ = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
        s.get(User, user_id).removed_at = utcnow()
    with db.session() as s:
        assert web_sessions.resolve(s, token) is None


def test_csrf_tokens_compare_exactly():
    assert web_sessions.csrf_ok("abc", "abc")
    assert not web_sessions.csrf_ok("abc", "abd")
    assert not web_sessions.csrf_ok("abc", None)
    assert not web_sessions.csrf_ok("abc", "")


def test_set_password_rules(db, admin):
    user_id, raw = admin
    with db.session() as s:
        principal, _ = keys.lookup(s, raw)
        member = User(org_id=principal.org_id, email="m@example.test", name="M", role="member")
        s.add(member)
        s.flush()
        member_id = member.id
        web_sessions.set_password(s, principal, member_id, "long enough")
        assert passwords.verify_password(s.get(User, member_id).password_hash, "long enough")
        with pytest.raises(BadRequest):
            web_sessions.set_password(s, principal, member_id, "short")
        with pytest.raises(NotFound):
            web_sessions.set_password(s, principal, 99999, "long enough")
        member_principal = type(principal)(
            principal.org_id, principal.api_key_id, member_id, "member"
        )
        with pytest.raises(Forbidden):
            web_sessions.set_password(s, member_principal, user_id, "long enough")
        web_sessions.set_password(
            s, member_principal, member_id, "my own password", current_password="long enough"
        )
        assert passwords.verify_password(s.get(User, member_id).password_hash, "my own password")


def test_changing_ones_own_password_takes_the_current_one(db, admin):
    user_id, raw = admin
    with db.session() as s:
        principal, _ = keys.lookup(s, raw)
        # Not without it, nor with a wrong one: the password stays (an admin too).
        for current in (None, "", "wrong horse"):
            with pytest.raises(Unauthorized, match="current password is not correct"):
                web_sessions.set_password(
                    s, principal, user_id, "a new password", current_password=current
                )
        assert passwords.verify_password(s.get(User, user_id).password_hash, "correct horse")
        web_sessions.set_password(
            s, principal, user_id, "a new password", current_password="correct horse"
        )
        assert passwords.verify_password(s.get(User, user_id).password_hash, "a new password")
        # A user with no password yet (signed in with a key) sets one without.
        member = User(org_id=principal.org_id, email="k@example.test", name="K", role="member")
        s.add(member)
        s.flush()
        member_principal = type(principal)(
            principal.org_id, principal.api_key_id, member.id, "member"
        )
        web_sessions.set_password(s, member_principal, member.id, "first password")
        assert passwords.verify_password(member.password_hash, "first password")
        # The operator's command needs none either.
        web_sessions.operator_set_password(s, "ada", "set by the operator")
        assert passwords.verify_password(s.get(User, user_id).password_hash, "set by the operator")


def _three_sessions(db, raw):
    """Two password sessions and one pasted-key session of the admin."""
    with db.session() as s:
        a, _ = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
        b, _ = web_sessions.sign_in_password(s, "ada", "correct horse", TTL)
        k = web_sessions.sign_in_key(s, raw, TTL)
    with db.session() as s:
        return {t: web_sessions.resolve(s, t) for t in (a, b, k)}, (a, b, k)


def test_a_password_change_ends_the_users_other_sessions(db, admin):
    user_id, raw = admin
    viewers, (a, b, k) = _three_sessions(db, raw)
    with db.session() as s:
        web_sessions.set_password(
            s,
            viewers[a].principal,
            user_id,
            "a new password",
            current_password="correct horse",
            keep_session_id=viewers[a].session_id,
        )
    with db.session() as s:
        assert web_sessions.resolve(s, a) is not None  # the session that changed it stays
        assert web_sessions.resolve(s, b) is None
        assert web_sessions.resolve(s, k) is None
        assert s.get(ApiKey, viewers[b].principal.api_key_id).revoked_at is not None
        assert s.get(ApiKey, viewers[k].principal.api_key_id).revoked_at is None  # pasted
        assert s.get(ApiKey, viewers[a].principal.api_key_id).revoked_at is None


def test_a_reset_by_an_admin_or_the_operator_ends_every_session(db, admin):
    user_id, raw = admin
    viewers, tokens = _three_sessions(db, raw)
    with db.session() as s:
        principal, _ = keys.lookup(s, raw)
        member = User(org_id=principal.org_id, email="r@example.test", name="R", role="member")
        member.username = "rui"
        member.password_hash = passwords.hash_password("member horse")
        s.add(member)
    with db.session() as s:
        mine, _ = web_sessions.sign_in_password(s, "rui", "member horse", TTL)
    with db.session() as s:
        member_id = web_sessions.resolve(s, mine).user_id
        # The admin's session id is not the member's: every member session ends.
        web_sessions.set_password(
            s, principal, member_id, "reset password", keep_session_id=viewers[tokens[0]].session_id
        )
    with db.session() as s:
        assert web_sessions.resolve(s, mine) is None
        assert web_sessions.resolve(s, tokens[0]) is not None
        web_sessions.operator_set_password(s, "ada", "set by the operator")
    with db.session() as s:
        assert all(web_sessions.resolve(s, t) is None for t in tokens)


def test_turning_totp_on_ends_the_sessions_signed_in_without_it(db, admin):
    from pipelines_server.domain import user_mfa

    user_id, raw = admin
    viewers, (a, b, k) = _three_sessions(db, raw)
    guard = mfa.Guard("")
    with db.session() as s:
        user = s.get(User, user_id)
        secret = user_mfa.setup(user, SECRET)["secret"]
        user_mfa.verify(
            user, pyotp.TOTP(secret).now(), SECRET, guard, keep_session_id=viewers[a].session_id
        )
    with db.session() as s:
        assert web_sessions.resolve(s, a) is not None
        assert web_sessions.resolve(s, b) is None and web_sessions.resolve(s, k) is None


def test_the_uis_key_list_hides_browser_session_keys_and_admins_end_them(db, admin):
    user_id, raw = admin
    viewers, (a, b, _k) = _three_sessions(db, raw)
    with db.session() as s:
        principal, _ = keys.lookup(s, raw)
        org = principal.org_id
        # A key someone named "web session" by hand stays listed while it works.
        keys.new_key(s, org, user_id, web_sessions.SESSION_KEY_NAME)
    with db.session() as s:
        every = keys.list_keys(s, principal, org)
        shown = keys.list_keys(s, principal, org, hide_session_keys=True)
        assert len(every) == 4 and keys.count_keys(s, principal, org) == 4
        assert len(shown) == 2 and keys.count_keys(s, principal, org, hide_session_keys=True) == 2
        assert viewers[a].principal.api_key_id not in {k.id for k in shown}
        assert web_sessions.count_org_sessions(s, principal, org) == 3
        assert web_sessions.end_org_sessions(s, principal, org, viewers[a].session_id) == 2
    with db.session() as s:
        assert web_sessions.resolve(s, a) is not None and web_sessions.resolve(s, b) is None
        assert web_sessions.count_org_sessions(s, principal, org) == 1
        # b's key, revoked, is still hidden.
        assert len(keys.list_keys(s, principal, org, hide_session_keys=True)) == 2
        member = type(principal)(principal.org_id, principal.api_key_id, user_id, "member")
        with pytest.raises(Forbidden):
            web_sessions.end_org_sessions(s, member, org)
