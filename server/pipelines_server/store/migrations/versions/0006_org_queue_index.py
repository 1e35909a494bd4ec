"""node_instances: the queue by organization, for fair claiming

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Workers with a per-organization cap count an organization's held machine nodes and
    # find its earliest due one: two seeks in this index instead of scans of the whole queue.
    op.create_index(
        "ix_node_instances_org_queue",
        "node_instances",
        ["org_id", "queue", "run_at"],
        sqlite_where=sa.text("queue IS NOT NULL"),
        postgresql_where=sa.text("queue IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_node_instances_org_queue", table_name="node_instances")
