"""node_instances by (workflow_id, node_id, status): a workflow's counts of node instances by
state (the web UI's workflow page) are one grouped read of this index, not a scan of every
organization's node instances

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_node_instances_workflow_node_status",
        "node_instances",
        ["workflow_id", "node_id", "status"],
    )


def downgrade() -> None:
    op.drop_index("ix_node_instances_workflow_node_status", table_name="node_instances")
