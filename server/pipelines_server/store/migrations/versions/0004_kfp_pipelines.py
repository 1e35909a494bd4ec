"""kfp: pipelines and pipeline versions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Ts = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "kfp_pipelines",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("project_id", Id, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("tags", Json, nullable=False),
        sa.UniqueConstraint("project_id", "name", name="uq_kfp_pipelines_name"),
    )
    op.create_index("ix_kfp_pipelines_org", "kfp_pipelines", ["org_id", "created_at"])
    op.create_table(
        "kfp_pipeline_versions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("pipeline_id", sa.String(36), sa.ForeignKey("kfp_pipelines.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", Ts, nullable=False),
        sa.Column("pipeline_spec", sa.Text(), nullable=False),
        sa.Column("platform_spec", sa.Text(), nullable=True),
        sa.Column("code_source_url", sa.Text(), nullable=False),
        sa.Column("package_url", sa.Text(), nullable=False),
        sa.Column("tags", Json, nullable=False),
        sa.UniqueConstraint("pipeline_id", "name", name="uq_kfp_pipeline_versions_name"),
    )
    op.create_index(
        "ix_kfp_pipeline_versions_pipeline",
        "kfp_pipeline_versions",
        ["pipeline_id", "created_at"],
    )


def downgrade() -> None:
    op.drop_table("kfp_pipeline_versions")
    op.drop_table("kfp_pipelines")
