from argon2 import PasswordHasher

from pipelines_server.domain import passwords


def test_the_dummy_hash_has_the_parameters_of_real_hashes():
    # A missing user's sign-in verifies the dummy: it must cost what a real password's does.
    assert not PasswordHasher().check_needs_rehash(passwords._DUMMY)
    assert passwords._DUMMY.split("$")[:4] == passwords.hash_password("x").split("$")[:4]


def test_a_missing_password_never_verifies():
    assert passwords.verify_password(None, "not a password of anyone") is False
    assert passwords.verify_password(None, "") is False
    assert passwords.verify_password(passwords.hash_password("right"), "right") is True
    assert passwords.verify_password(passwords.hash_password("right"), "wrong") is False
