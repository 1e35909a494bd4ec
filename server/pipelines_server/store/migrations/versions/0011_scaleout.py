"""scale-out: when each machine node was last sent to the broker, and process-wide leases

`node_instances.dispatched_at` lets the one sweeper re-send only the nodes whose message was
not picked up (never each due node on every sweep). `process_leases` holds the leases that
make a background duty (the dispatch sweeper, recurring-run firing, ...) run in one process
at a time across every server and worker on the database. `ix_node_instances_held` finds
the nodes workers hold, so that one whose holder died is claimed before any backlog.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("node_instances", sa.Column("dispatched_at", UTCDateTime, nullable=True))
    # The nodes workers hold: one whose holder died is found at once and claimed first.
    op.create_index(
        "ix_node_instances_held",
        "node_instances",
        ["run_at"],
        sqlite_where=sa.text("status = 'claimed' AND queue IS NOT NULL"),
        postgresql_where=sa.text("status = 'claimed' AND queue IS NOT NULL"),
    )
    op.create_table(
        "process_leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(64), nullable=True),
        sa.Column("lease_until", UTCDateTime, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("process_leases")
    op.drop_index("ix_node_instances_held", table_name="node_instances")
    op.drop_column("node_instances", "dispatched_at")
