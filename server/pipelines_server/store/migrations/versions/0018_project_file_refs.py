"""project_file_refs: the project files that subtask submissions' file_upload fields refer
to, so that a referenced file is not deleted (enqueue-gc answers 409 while a row exists)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Migrations do not import the models (they must keep describing this revision).
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "project_file_refs",
        sa.Column("id", Id, primary_key=True),
        sa.Column(
            "file_id",
            sa.String(36),
            sa.ForeignKey("project_files.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "submission_id",
            Id,
            sa.ForeignKey("node_submissions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.UniqueConstraint("submission_id", "file_id", name="uq_project_file_refs"),
    )
    op.create_index("ix_project_file_refs_file", "project_file_refs", ["file_id"])


def downgrade() -> None:
    op.drop_table("project_file_refs")
