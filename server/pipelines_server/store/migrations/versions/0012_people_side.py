"""the people side: submissions, notifications, tags, instructions, files, chains,
templates, LLM calls, CLI logins, and who created each task

`node_submissions` keeps every submission of a human node (history, my-submissions, revert);
`tasks.created_by_id` says whose task it is (its failure notifies them). SQLite gets the new
column without a foreign key (adding one there would copy the whole tasks table).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

UTCDateTime = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "data",
            Json,
            nullable=False,
        ),
        sa.Column("read_at", UTCDateTime, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_unread",
            ["user_id", "org_id"],
            unique=False,
            sqlite_where=sa.text("read_at IS NULL"),
            postgresql_where=sa.text("read_at IS NULL"),
        )
        batch_op.create_index("ix_notifications_user", ["user_id", "org_id", "id"], unique=False)

    op.create_table(
        "project_files",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("project_id", Id, nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("declared_size", sa.BigInteger(), nullable=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("uploader_id", Id, nullable=True),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=True),
        sa.Column("confirmed_at", UTCDateTime, nullable=True),
        sa.Column("gc_after", UTCDateTime, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["uploader_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("project_files", schema=None) as batch_op:
        batch_op.create_index(
            "ix_project_files_project", ["project_id", "created_at"], unique=False
        )

    op.create_table(
        "project_instructions",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("project_id", Id, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_by_id", Id, nullable=True),
        sa.Column("updated_by_id", Id, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("project_instructions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_project_instructions_position", ["project_id", "position"], unique=False
        )

    op.create_table(
        "workflow_templates",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "definition",
            Json,
            nullable=False,
        ),
        sa.Column("created_by_id", Id, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("workflow_templates", schema=None) as batch_op:
        batch_op.create_index("ix_workflow_templates_org", ["org_id", "id"], unique=False)

    op.create_table(
        "cli_login_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_code_hash", sa.String(length=64), nullable=False),
        sa.Column("user_code", sa.String(length=16), nullable=False),
        sa.Column("hostname", sa.String(length=255), nullable=False),
        sa.Column("client_name", sa.String(length=255), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("user_id", Id, nullable=True),
        sa.Column("org_id", Id, nullable=True),
        sa.Column("api_key_id", Id, nullable=True),
        sa.Column("approved_at", UTCDateTime, nullable=True),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("last_poll_at", UTCDateTime, nullable=True),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["api_key_id"],
            ["api_keys.id"],
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cli_login_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cli_login_sessions_user_code"), ["user_code"], unique=False
        )
        batch_op.create_index(
            "ix_cli_login_sessions_client", ["client_ip", "created_at"], unique=False
        )

    op.create_table(
        "tags",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("project_id", sa.BigInteger(), nullable=False),
        sa.Column("workflow_id", Id, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("color", sa.String(length=20), nullable=True),
        sa.Column("created_by_id", Id, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["workflow_id"], ["workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workflow_id", "name", name="uq_tags_workflow_name"),
    )
    op.create_table(
        "workflow_chains",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("project_id", Id, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "source_workflow_id",
            Id,
            nullable=False,
        ),
        sa.Column(
            "target_workflow_id",
            Id,
            nullable=False,
        ),
        sa.Column(
            "field_mapping",
            Json,
            nullable=False,
        ),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", Id, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("tasks_created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_run_at", UTCDateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_workflow_id"], ["workflows.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_workflow_id"], ["workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("workflow_chains", schema=None) as batch_op:
        batch_op.create_index("ix_workflow_chains_source", ["source_workflow_id"], unique=False)

    op.create_table(
        "llm_calls",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("workflow_id", sa.BigInteger(), nullable=False),
        sa.Column("task_id", Id, nullable=False),
        sa.Column("node_instance_id", sa.BigInteger(), nullable=True),
        sa.Column("node_id", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("tokens_in", sa.Integer(), nullable=True),
        sa.Column("tokens_out", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("llm_calls", schema=None) as batch_op:
        batch_op.create_index(
            "ix_llm_calls_workflow", ["workflow_id", "node_id", "model"], unique=False
        )

    op.create_table(
        "task_tags",
        sa.Column("task_id", Id, nullable=False),
        sa.Column("tag_id", Id, nullable=False),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("task_id", "tag_id"),
    )
    with op.batch_alter_table("task_tags", schema=None) as batch_op:
        batch_op.create_index("ix_task_tags_tag", ["tag_id", "task_id"], unique=False)

    op.create_table(
        "node_submissions",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("project_id", sa.BigInteger(), nullable=False),
        sa.Column("workflow_id", sa.BigInteger(), nullable=False),
        sa.Column("task_id", Id, nullable=False),
        sa.Column("node_instance_id", Id, nullable=False),
        sa.Column("node_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("attempt_number", sa.Integer(), nullable=False),
        sa.Column("user_id", Id, nullable=True),
        sa.Column("via", sa.String(length=24), nullable=False),
        sa.Column(
            "values",
            Json,
            nullable=True,
        ),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["node_instance_id"], ["node_instances.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "node_instance_id", "attempt_number", name="uq_node_submissions_attempt"
        ),
    )
    with op.batch_alter_table("node_submissions", schema=None) as batch_op:
        batch_op.create_index("ix_node_submissions_user", ["user_id", "org_id", "id"], unique=False)

    op.add_column(
        "tasks",
        sa.Column("created_by_id", Id, nullable=True),
    )
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key("fk_tasks_created_by_id", "tasks", "users", ["created_by_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_tasks_created_by_id", "tasks", type_="foreignkey")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_column("created_by_id")

    with op.batch_alter_table("node_submissions", schema=None) as batch_op:
        batch_op.drop_index("ix_node_submissions_user")

    op.drop_table("node_submissions")
    with op.batch_alter_table("task_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_task_tags_tag")

    op.drop_table("task_tags")
    with op.batch_alter_table("llm_calls", schema=None) as batch_op:
        batch_op.drop_index("ix_llm_calls_workflow")

    op.drop_table("llm_calls")
    with op.batch_alter_table("workflow_chains", schema=None) as batch_op:
        batch_op.drop_index("ix_workflow_chains_source")

    op.drop_table("workflow_chains")
    op.drop_table("tags")
    with op.batch_alter_table("cli_login_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_cli_login_sessions_client")
        batch_op.drop_index(batch_op.f("ix_cli_login_sessions_user_code"))

    op.drop_table("cli_login_sessions")
    with op.batch_alter_table("workflow_templates", schema=None) as batch_op:
        batch_op.drop_index("ix_workflow_templates_org")

    op.drop_table("workflow_templates")
    with op.batch_alter_table("project_instructions", schema=None) as batch_op:
        batch_op.drop_index("ix_project_instructions_position")

    op.drop_table("project_instructions")
    with op.batch_alter_table("project_files", schema=None) as batch_op:
        batch_op.drop_index("ix_project_files_project")

    op.drop_table("project_files")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user")
        batch_op.drop_index(
            "ix_notifications_unread",
            sqlite_where=sa.text("read_at IS NULL"),
            postgresql_where=sa.text("read_at IS NULL"),
        )

    op.drop_table("notifications")
