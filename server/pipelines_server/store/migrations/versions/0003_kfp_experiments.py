"""kfp: experiments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Ts = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kfp_experiments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("project_id", Id, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("storage_state", sa.String(16), nullable=False),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("last_run_created_at", Ts, nullable=True),
        sa.UniqueConstraint("project_id", "display_name", name="uq_kfp_experiments_name"),
    )
    op.create_index("ix_kfp_experiments_org", "kfp_experiments", ["org_id", "created_at"])


def downgrade() -> None:
    op.drop_table("kfp_experiments")
