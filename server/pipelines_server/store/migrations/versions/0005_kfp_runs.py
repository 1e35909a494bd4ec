"""kfp: runs, recurring runs and the task cache

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Ts = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _source_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("project_id", Id, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("experiment_id", sa.String(36), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("pipeline_id", sa.String(36), nullable=True),
        sa.Column("pipeline_version_id", sa.String(36), nullable=True),
        sa.Column("pipeline_spec", sa.Text(), nullable=False),
        sa.Column("inline_spec", sa.Integer(), nullable=False),
        sa.Column("runtime_config", Json, nullable=False),
        sa.Column("service_account", sa.String(200), nullable=False),
        sa.Column("created_at", Ts, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "kfp_runs",
        *_source_columns(),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("storage_state", sa.String(20), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("scheduled_at", Ts, nullable=False),
        sa.Column("finished_at", Ts, nullable=True),
        sa.Column("state_history", Json, nullable=False),
        sa.Column("task_details", Json, nullable=False),
        sa.Column("outputs", Json, nullable=False),
        sa.Column("recurring_run_id", sa.String(36), nullable=True),
        sa.Column("claim_token", sa.String(40), nullable=True),
        sa.Column("lease_until", Ts, nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
    )
    op.create_index("ix_kfp_runs_org", "kfp_runs", ["org_id", "created_at"])
    op.create_index("ix_kfp_runs_state", "kfp_runs", ["state"])
    op.create_index("ix_kfp_runs_recurring", "kfp_runs", ["recurring_run_id", "state"])
    op.create_table(
        "kfp_recurring_runs",
        *_source_columns(),
        sa.Column("max_concurrency", sa.Integer(), nullable=False),
        sa.Column("trigger", Json, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("no_catchup", sa.Integer(), nullable=False),
        sa.Column("updated_at", Ts, nullable=False),
        sa.Column("next_fire_at", Ts, nullable=True),
        sa.Column("last_fire_at", Ts, nullable=True),
    )
    op.create_index("ix_kfp_recurring_runs_org", "kfp_recurring_runs", ["org_id", "created_at"])
    op.create_index("ix_kfp_recurring_runs_due", "kfp_recurring_runs", ["mode", "next_fire_at"])
    op.create_table(
        "kfp_cache_entries",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("outputs", Json, nullable=False),
        sa.Column("created_at", Ts, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kfp_cache_entries")
    op.drop_table("kfp_recurring_runs")
    op.drop_table("kfp_runs")
