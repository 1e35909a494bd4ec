"""Claims on machine nodes: the exclusive, leased hold a worker takes on a due node before
running it, fair between organizations under a per-organization cap, and its lease."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, text, update

from ..store.db import is_postgres, utc_param
from ..store.leases import deadline, held, lease_end
from ..store.models import NodeInstance, UTCDateTime, utcnow

_NI = NodeInstance.__table__


@dataclass(frozen=True)
class Claimed:
    """A machine node held by one worker until its lease ends."""

    id: int
    task_id: int
    node_id: str
    kind: str
    token: str
    org_id: int = 0
    # Its lease had lapsed under another claim (a dead or stuck worker): a takeover.
    took_over: bool = False


@dataclass(frozen=True)
class OrgLoad:
    """One organization's share of the machine-node queue at the moment of a claim."""

    org_id: int
    due_at: datetime | None  # its earliest due machine node (None: nothing due)
    held: int  # machine nodes its workers hold now (claimed, lease not ended)


def fair_order(loads: Sequence[OrgLoad], cap: int) -> list[int]:
    """The organizations a free worker should serve, best first: the one holding the fewest
    machine nodes, then the one whose work has waited longest, then the lowest id. One
    holding `cap` nodes or more is left out (cap 0: no cap), so a backlog of one organization
    never sits in front of another's work; a single organization is never capped."""
    capped = cap > 0 and len(loads) > 1
    ready = [
        load for load in loads if load.due_at is not None and not (capped and load.held >= cap)
    ]
    ready.sort(key=lambda load: (load.held, load.due_at, load.org_id))
    return [load.org_id for load in ready]


_CLAIM_SET = (
    "UPDATE node_instances SET status = 'claimed', claim_token = :token, "
    "run_at = :lease, updated_at = :now "
)
_RETURNING = " RETURNING id, task_id, node_id, kind, org_id"
# PostgreSQL: a subquery in RETURNING reads the statement's snapshot, so the row as it was
# before this claim: a token there means another claim held it and its lease lapsed.
_RETURNING_PG = (
    _RETURNING + ", (SELECT p.claim_token FROM node_instances p WHERE p.id = node_instances.id) "
    "IS NOT NULL AS took_over"
)
# Machine nodes an organization's workers hold: claimed, lease not ended (a node whose lease
# ended is due again and counts as waiting). Two seeks in ix_node_instances_org_queue.
_HELD = (
    "(SELECT count(*) FROM node_instances h WHERE h.org_id = {org} AND h.queue = 'auto' "
    "AND h.run_at > :now AND h.status = 'claimed')"
)
_LOADS = (
    "SELECT o.id AS org_id, "
    "(SELECT d.run_at FROM node_instances d WHERE d.org_id = o.id AND d.queue = 'auto' "
    "AND d.run_at <= :now ORDER BY d.run_at LIMIT 1) AS due_at, "
    f"{_HELD.format(org='o.id')} AS held "
    "FROM organizations o"
)
# Namespace of the PostgreSQL advisory locks that serialise claims within one organization
# (so that two claimers cannot both see it one node under its cap).
_ORG_CLAIM_LOCK = 0x6F726731


def claim(
    conn: Connection,
    token: str,
    lease_seconds: float,
    limit: int = 1,
    instance_id: int | None = None,
    org_cap: int = 0,
    lapsed_only: bool = False,
) -> list[Claimed]:
    """Claims due machine nodes (or the one given), exclusively: SKIP LOCKED on PostgreSQL,
    one statement under the write lock on SQLite.

    `lapsed_only` claims only a node whose holder's lease lapsed (a dead worker's) or that a
    stopping worker handed back: workers take those before anything else, so that recovery
    never waits behind a backlog (the small ix_node_instances_held index finds them; the cap
    does not apply, the node was counted as held until its lease lapsed).

    With `org_cap` > 0 and more than one organization in the database, claiming is fair:
    no organization holds more than `org_cap` machine nodes at once (counted over every
    process on the database), and a free worker serves the organization holding the fewest
    (`fair_order`); then one node is claimed whatever `limit` says. The node given by id is
    not claimed while its organization is at the cap: it stays due for a later claim."""
    now = utcnow()
    lock = ""
    if is_postgres(conn):
        lock = " FOR UPDATE SKIP LOCKED"
        # A claim need not survive a database crash: a lost claim only means the node is
        # claimed again (and a result recorded under the lost claim is refused), so skip
        # the WAL flush that a durable commit costs.
        conn.execute(text("SET LOCAL synchronous_commit TO OFF"))
    binds = (
        utc_param("now", now),
        utc_param("lease", lease_end(now, lease_seconds)),
        bindparam("token", token),
    )
    if org_cap > 0 and not lapsed_only and instance_id is not None:
        return _claim_capped_instance(conn, binds, lock, instance_id, org_cap, token)
    if org_cap > 0 and not lapsed_only:
        return _claim_fair(conn, now, binds, lock, org_cap, token)
    only = " AND id = :instance_id" if instance_id is not None else ""
    if lapsed_only:
        only += " AND status = 'claimed'"
    params: dict[str, Any] = {"n": limit}
    if instance_id is not None:
        params["instance_id"] = instance_id
    rows = conn.execute(
        text(
            _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE queue = 'auto' "
            f"AND run_at <= :now{only} ORDER BY run_at LIMIT :n{lock})" + _returning(conn)
        ).bindparams(*binds),
        params,
    ).all()
    return _claimed(rows, token)


def _returning(conn: Connection) -> str:
    return _RETURNING_PG if is_postgres(conn) else _RETURNING


def _claimed(rows, token: str) -> list[Claimed]:
    return [
        Claimed(
            r.id, r.task_id, r.node_id, r.kind, token, r.org_id, bool(getattr(r, "took_over", 0))
        )
        for r in rows
    ]


def _lock_org(conn: Connection, org_id: int, wait: bool = True) -> bool:
    """PostgreSQL: until this transaction ends, no other claim counts this organization's
    held nodes; the claim statement that follows sees every earlier claim committed. Only a
    transaction's first such lock may wait (`wait`), so that two claimers never wait for
    each other. SQLite needs none: a claim is one statement under its write lock."""
    if not is_postgres(conn):
        return True
    fn = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    got = conn.execute(
        text(f"SELECT {fn}(:ns, CAST(mod(:org, 2147483647) AS INTEGER))"),
        {"ns": _ORG_CLAIM_LOCK, "org": org_id},
    ).scalar()
    return wait or bool(got)


def org_loads(conn: Connection, now: datetime | None = None) -> list[OrgLoad]:
    """Every organization with its earliest due machine node and the nodes it holds."""
    rows = conn.execute(
        text(_LOADS)
        .bindparams(utc_param("now", now or utcnow()))
        .columns(org_id=Integer, due_at=UTCDateTime(), held=Integer)
    ).all()
    return [OrgLoad(r.org_id, r.due_at, int(r.held or 0)) for r in rows]


def _claim_fair(conn, now, binds, lock: str, org_cap: int, token: str) -> list[Claimed]:
    loads = org_loads(conn, now)
    cap = org_cap if len(loads) > 1 else 0
    guard = f" AND {_HELD.format(org=':org')} < :cap" if cap else ""
    statement = text(
        _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE org_id = :org "
        f"AND queue = 'auto' AND run_at <= :now ORDER BY run_at LIMIT 1{lock}){guard}"
        + _returning(conn)
    ).bindparams(*binds)
    # The first choice usually wins; another claimer may have taken that organization's last
    # due node or its last free place meanwhile, then the next organization is tried.
    for attempt, org_id in enumerate(fair_order(loads, cap)[:3]):
        if cap and not _lock_org(conn, org_id, wait=attempt == 0):
            continue
        rows = conn.execute(statement, {"org": org_id, "cap": cap}).all()
        if rows:
            return _claimed(rows, token)
    return []


def _claim_capped_instance(
    conn, binds, lock: str, instance_id: int, org_cap: int, token: str
) -> list[Claimed]:
    if is_postgres(conn):
        org_id = conn.execute(
            text("SELECT org_id FROM node_instances WHERE id = :id"), {"id": instance_id}
        ).scalar()
        if org_id is None:
            return []
        _lock_org(conn, org_id)
    rows = conn.execute(
        text(
            _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE queue = 'auto' "
            f"AND run_at <= :now AND id = :instance_id{lock}) "
            "AND ((SELECT count(*) FROM organizations) < 2 "
            f"OR {_HELD.format(org='node_instances.org_id')} < :cap)" + _returning(conn)
        ).bindparams(*binds),
        {"instance_id": instance_id, "cap": org_cap},
    ).all()
    return _claimed(rows, token)


def next_due(conn: Connection, org_id: int) -> int | None:
    """The organization's earliest due machine node, when the database holds more than one
    organization (a capped worker may have passed it over); else None."""
    return conn.execute(
        text(
            "SELECT id FROM node_instances WHERE org_id = :org AND queue = 'auto' "
            "AND run_at <= :now AND (SELECT count(*) FROM organizations) > 1 "
            "ORDER BY run_at LIMIT 1"
        ).bindparams(utc_param("now", utcnow())),
        {"org": org_id},
    ).scalar()


def renew(conn: Connection, claimed: Claimed, seconds: float) -> bool:
    """The heartbeat of a running node: its lease ends `seconds` from now again. False when
    the claim no longer holds it (taken over after its lease lapsed, or handed back)."""
    return (
        conn.execute(
            update(_NI)
            .where(held(_NI.c.id, _NI.c.claim_token, claimed.id, claimed.token))
            .where(_NI.c.status == "claimed")
            .values(run_at=deadline(seconds))
        ).rowcount
        == 1
    )


def hand_back(conn: Connection, claimed: Claimed) -> bool:
    """A stopping worker gives a node it holds back, unfinished: due at once for another
    claim, which is not a takeover (no token left), and never sent (so the sweeper sends it
    if the caller's own message is lost). False when the claim no longer held it."""
    return (
        conn.execute(
            update(_NI)
            .where(held(_NI.c.id, _NI.c.claim_token, claimed.id, claimed.token))
            .where(_NI.c.status == "claimed")
            .values(claim_token=None, run_at=utcnow(), dispatched_at=None)
        ).rowcount
        == 1
    )
