"""library: prompts, criteria and evaluations (versioned), and credentials' model slugs

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTCDateTime = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("credentials") as batch:
        batch.add_column(sa.Column("models", Json, nullable=True))
    op.create_table(
        "library_items",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("org_id", Id, sa.ForeignKey("organizations.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by_id", Id, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("deleted_at", UTCDateTime, nullable=True),
    )
    op.create_index("ix_library_items_org_kind", "library_items", ["org_id", "kind", "id"])
    op.create_table(
        "library_versions",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("item_id", Id, sa.ForeignKey("library_items.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", Json, nullable=False),
        sa.Column("created_by_id", Id, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("item_id", "version", name="uq_library_versions"),
    )


def downgrade() -> None:
    op.drop_table("library_versions")
    op.drop_table("library_items")
    with op.batch_alter_table("credentials") as batch:
        batch.drop_column("models")
