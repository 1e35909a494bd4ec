"""datasets: imported tables, their rows, and dataset evaluation results

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTCDateTime = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "datasets",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source_format", sa.String(10), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("file_bytes", sa.BigInteger, nullable=False),
        sa.Column("row_count", sa.BigInteger, nullable=False),
        sa.Column("error_count", sa.BigInteger, nullable=False),
        sa.Column("columns", Json, nullable=False),
        sa.Column("analytics", Json, nullable=True),
        sa.Column("import_job_id", sa.String(36), nullable=True),
        sa.Column("created_by_id", Id, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_datasets_org_created", "datasets", ["org_id", "created_at"])
    op.create_table(
        "dataset_rows",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column(
            "dataset_id", Id, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("row_index", sa.BigInteger, nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.UniqueConstraint("dataset_id", "row_index", name="uq_dataset_rows_index"),
    )
    op.create_table(
        "dataset_eval_results",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("job_id", sa.String(36), nullable=False),
        sa.Column("dataset_id", sa.BigInteger, nullable=False),
        sa.Column("row_index", sa.BigInteger, nullable=False),
        sa.Column("passed", sa.Integer, nullable=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("detail", Json, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.UniqueConstraint("job_id", "row_index", name="uq_dataset_eval_results_row"),
    )


def downgrade() -> None:
    op.drop_table("dataset_eval_results")
    op.drop_table("dataset_rows")
    op.drop_table("datasets")
