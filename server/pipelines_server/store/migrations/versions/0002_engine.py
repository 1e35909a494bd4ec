"""engine: node instances as the work queue, workflow versions, task events, credentials

node_instances was created by 0001 but nothing wrote to it before the engine existed, so it
is dropped and created again in its real shape rather than altered column by column.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Ts = sa.DateTime(timezone=True)


def _user(name: str) -> sa.Column:
    return sa.Column(name, Id, sa.ForeignKey("users.id"), nullable=True)


def upgrade() -> None:
    op.drop_table("node_instances")
    op.create_table(
        "node_instances",
        sa.Column("id", Id, primary_key=True),
        sa.Column("task_id", Id, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("workflow_id", Id, sa.ForeignKey("workflows.id"), nullable=False),
        sa.Column("node_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("queue", sa.String(8), nullable=True),
        sa.Column("run_at", Ts, nullable=True),
        sa.Column("claim_token", sa.String(36), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        _user("assignee_id"),
        sa.Column("lease_expires_at", Ts, nullable=True),
        _user("reserved_for_id"),
        _user("excluded_user_id"),
        _user("submitted_by_id"),
        sa.Column("route", sa.String(100), nullable=True),
        sa.Column("input", Json, nullable=True),
        sa.Column("output", Json, nullable=True),
        sa.Column("state", Json, nullable=True),
        sa.Column("log", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("work_seconds", sa.Float(), nullable=True),
        sa.Column("finished_at", Ts, nullable=True),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("updated_at", Ts, nullable=False),
        sa.UniqueConstraint("task_id", "node_id", name="uq_node_instances_task_node"),
    )
    op.create_index("ix_node_instances_task_id", "node_instances", ["task_id"])
    op.create_index(
        "ix_node_instances_queue",
        "node_instances",
        ["queue", "run_at"],
        sqlite_where=sa.text("queue IS NOT NULL"),
        postgresql_where=sa.text("queue IS NOT NULL"),
    )
    op.create_index("ix_node_instances_org_status", "node_instances", ["org_id", "status"])
    op.create_index("ix_node_instances_assignee", "node_instances", ["assignee_id", "status"])

    op.create_table(
        "workflow_versions",
        sa.Column("id", Id, primary_key=True),
        sa.Column(
            "workflow_id", Id, sa.ForeignKey("workflows.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("graph", Json, nullable=False),
        sa.Column("fields", Json, nullable=False),
        sa.Column("created_at", Ts, nullable=False),
        sa.UniqueConstraint("workflow_id", "version", name="uq_workflow_versions"),
    )
    op.create_table(
        "task_events",
        sa.Column("id", Id, primary_key=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("task_id", Id, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("workflow_id", sa.Integer(), nullable=False),
        sa.Column("node_instance_id", sa.BigInteger(), nullable=True),
        sa.Column("node_id", sa.String(100), nullable=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", Ts, nullable=False),
    )
    op.create_index("ix_task_events_task_id", "task_events", ["task_id", "id"])
    op.create_index("ix_task_events_org_id", "task_events", ["org_id", "id"])
    op.create_table(
        "credentials",
        sa.Column("id", Id, primary_key=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("base_url", sa.Text(), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("last4", sa.String(4), nullable=False),
        _user("created_by_id"),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("updated_at", Ts, nullable=False),
        sa.UniqueConstraint("org_id", "name", name="uq_credentials_org_name"),
    )
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("started_at", Ts, nullable=True))
        batch.add_column(sa.Column("output", Json, nullable=True))
        batch.add_column(sa.Column("error", sa.Text(), nullable=True))
        batch.add_column(sa.Column("finished_at", Ts, nullable=True))
    op.create_index(
        "ix_tasks_unstarted",
        "tasks",
        ["id"],
        sqlite_where=sa.text("started_at IS NULL"),
        postgresql_where=sa.text("started_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_tasks_unstarted", table_name="tasks")
    with op.batch_alter_table("tasks") as batch:
        for name in ("finished_at", "error", "output", "started_at"):
            batch.drop_column(name)
    op.drop_table("credentials")
    op.drop_table("task_events")
    op.drop_table("workflow_versions")
    op.drop_table("node_instances")
    op.create_table(
        "node_instances",
        sa.Column("id", Id, primary_key=True),
        sa.Column("task_id", Id, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("node_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("updated_at", Ts, nullable=False),
    )
    op.create_index("ix_node_instances_task_id", "node_instances", ["task_id"])
