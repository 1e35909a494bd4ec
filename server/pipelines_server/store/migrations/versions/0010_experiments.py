"""experiments: no table of their own

An experiment is a row of `jobs` (kind `experiment`, migration 0007): its request and each
variant's graph in `params`, each variant's copy of the workflow in `result`, its progress in
`checkpoint`; the copies are ordinary workflows and their tasks ordinary tasks. This revision
keeps its number in the chain and changes nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
