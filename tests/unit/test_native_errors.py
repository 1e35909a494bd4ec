"""Where a native 422 says the problem is: domain rules are relative to the body unless they
located themselves in the request (a query parameter the event stream checks itself)."""

from __future__ import annotations

from pipelines_server.api.native.errors import shape
from pipelines_server.shared.errors import FieldError, ValidationFailed
from pipelines_server.web.errors import to_http_error


def _locs(*errors: FieldError) -> list:
    status, body, _ = shape(to_http_error(ValidationFailed("bad", list(errors))))
    assert status == 422
    return [d["loc"] for d in body["detail"]]


def test_domain_rules_are_located_in_the_body():
    assert _locs(FieldError("x", loc=("fields", 0, "name"))) == [["body", "fields", 0, "name"]]


def test_rules_that_locate_themselves_in_the_request_keep_it():
    assert _locs(
        FieldError("x", loc=("query", "task_id")), FieldError("y", loc=("body", "values"))
    ) == [["query", "task_id"], ["body", "values"]]
