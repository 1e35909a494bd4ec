"""the Pipelit surface: its workflows, nodes, edges, executions, credentials, schedules,
workspaces, memories, epics, tasks, settings and socket broadcasts; users who sign in by name
and password (with TOTP); key prefixes

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

UTCDateTime = sa.DateTime(timezone=True)
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pipelit_broadcasts",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column(
            "data",
            Json,
            nullable=True,
        ),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "pipelit_memories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("agent_id", sa.String(length=255), nullable=True),
        sa.Column("scope", sa.String(length=16), nullable=True),
        sa.Column("fact_type", sa.String(length=32), nullable=True),
        sa.Column("thread_id", sa.String(length=255), nullable=True),
        sa.Column(
            "data",
            Json,
            nullable=False,
        ),
        sa.Column("sort_at", UTCDateTime, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipelit_memories", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pipelit_memories_kind", ["org_id", "kind", "sort_at"], unique=False
        )

    op.create_table(
        "pipelit_settings",
        sa.Column("org_id", Id, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column(
            "value",
            Json,
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("org_id", "key"),
    )
    op.create_table(
        "pipelit_epics",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column(
            "data",
            Json,
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
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
    op.create_table(
        "pipelit_workspaces",
        sa.Column("id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("allow_network", sa.Boolean(), nullable=False),
        sa.Column(
            "env_vars",
            Json,
            nullable=False,
        ),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "name", name="uq_pipelit_workspaces_name"),
    )
    op.create_table(
        "pipelit_credentials",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("credential_type", sa.String(length=16), nullable=False),
        sa.Column(
            "detail",
            Json,
            nullable=False,
        ),
        sa.Column("secret", sa.Text(), nullable=True),
        sa.Column("credential_id", Id, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["credential_id"], ["credentials.id"], ondelete="SET NULL"),
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
    op.create_table(
        "pipelit_tasks",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("epic_id", sa.String(length=32), nullable=False),
        sa.Column(
            "data",
            Json,
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["epic_id"], ["pipelit_epics.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipelit_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pipelit_tasks_epic_id"), ["epic_id"], unique=False)

    op.create_table(
        "pipelit_workflows",
        sa.Column("id", Id, nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("owner_id", Id, nullable=False),
        sa.Column("workflow_id", Id, nullable=True),
        sa.Column("slug", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column(
            "tags",
            Json,
            nullable=True,
        ),
        sa.Column("error_handler_workflow_id", sa.BigInteger(), nullable=True),
        sa.Column("max_execution_seconds", sa.Integer(), nullable=False),
        sa.Column(
            "input_schema",
            Json,
            nullable=True,
        ),
        sa.Column(
            "output_schema",
            Json,
            nullable=True,
        ),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(["workflow_id"], ["workflows.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_id", "slug", name="uq_pipelit_workflows_slug"),
    )
    op.create_table(
        "pipelit_edges",
        sa.Column("id", Id, nullable=False),
        sa.Column("workflow_id", Id, nullable=False),
        sa.Column("source_node_id", sa.String(length=255), nullable=False),
        sa.Column("target_node_id", sa.String(length=255), nullable=False),
        sa.Column("edge_type", sa.String(length=16), nullable=False),
        sa.Column("edge_label", sa.String(length=32), nullable=False),
        sa.Column(
            "condition_mapping",
            Json,
            nullable=True,
        ),
        sa.Column("condition_value", sa.String(length=255), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["workflow_id"], ["pipelit_workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipelit_edges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pipelit_edges_workflow_id"), ["workflow_id"], unique=False
        )

    op.create_table(
        "pipelit_executions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("workflow_id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("task_id", Id, nullable=True),
        sa.Column("trigger", sa.String(length=32), nullable=False),
        sa.Column("trigger_node_id", sa.String(length=255), nullable=True),
        sa.Column(
            "trigger_payload",
            Json,
            nullable=True,
        ),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column("schedule_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column(
            "final_output",
            Json,
            nullable=True,
        ),
        sa.Column("started_at", UTCDateTime, nullable=True),
        sa.Column("completed_at", UTCDateTime, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(["workflow_id"], ["pipelit_workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipelit_executions", schema=None) as batch_op:
        batch_op.create_index("ix_pipelit_executions_org", ["org_id", "created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_pipelit_executions_task_id"), ["task_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pipelit_executions_thread_id"), ["thread_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pipelit_executions_workflow_id"), ["workflow_id"], unique=False
        )

    op.create_table(
        "pipelit_nodes",
        sa.Column("id", Id, nullable=False),
        sa.Column("workflow_id", Id, nullable=False),
        sa.Column("node_id", sa.String(length=255), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=True),
        sa.Column("component_type", sa.String(length=64), nullable=False),
        sa.Column("is_entry_point", sa.Boolean(), nullable=False),
        sa.Column("interrupt_before", sa.Boolean(), nullable=False),
        sa.Column("interrupt_after", sa.Boolean(), nullable=False),
        sa.Column("position_x", sa.Integer(), nullable=False),
        sa.Column("position_y", sa.Integer(), nullable=False),
        sa.Column(
            "config",
            Json,
            nullable=False,
        ),
        sa.Column("subworkflow_id", sa.BigInteger(), nullable=True),
        sa.Column("code_block_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["workflow_id"], ["pipelit_workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workflow_id", "node_id", name="uq_pipelit_nodes_node"),
    )
    with op.batch_alter_table("pipelit_nodes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pipelit_nodes_workflow_id"), ["workflow_id"], unique=False
        )

    op.create_table(
        "pipelit_schedules",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", Id, nullable=False),
        sa.Column("user_id", Id, nullable=False),
        sa.Column("workflow_id", Id, nullable=False),
        sa.Column("trigger_node_id", sa.String(length=255), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("interval_seconds", sa.Integer(), nullable=False),
        sa.Column("total_repeats", sa.Integer(), nullable=False),
        sa.Column("max_retries", sa.Integer(), nullable=False),
        sa.Column("timeout_seconds", sa.Integer(), nullable=False),
        sa.Column(
            "trigger_payload",
            Json,
            nullable=True,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("current_repeat", sa.Integer(), nullable=False),
        sa.Column("current_retry", sa.Integer(), nullable=False),
        sa.Column("run_count", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("last_run_at", UTCDateTime, nullable=True),
        sa.Column("next_run_at", UTCDateTime, nullable=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(["workflow_id"], ["pipelit_workflows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipelit_schedules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pipelit_schedules_next_run_at"), ["next_run_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pipelit_schedules_workflow_id"), ["workflow_id"], unique=False
        )

    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prefix", sa.String(length=16), nullable=True))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username", sa.String(length=150), nullable=True))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("first_name", sa.String(length=150), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("last_name", sa.String(length=150), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("mfa_secret", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("mfa_enabled", sa.Boolean(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("mfa_last_step", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_users_username", ["username"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_username")
        batch_op.drop_column("mfa_last_step")
        batch_op.drop_column("mfa_enabled")
        batch_op.drop_column("mfa_secret")
        batch_op.drop_column("last_name")
        batch_op.drop_column("first_name")
        batch_op.drop_column("password_hash")
        batch_op.drop_column("username")

    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_column("prefix")

    with op.batch_alter_table("pipelit_schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipelit_schedules_workflow_id"))
        batch_op.drop_index(batch_op.f("ix_pipelit_schedules_next_run_at"))

    op.drop_table("pipelit_schedules")
    with op.batch_alter_table("pipelit_nodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipelit_nodes_workflow_id"))

    op.drop_table("pipelit_nodes")
    with op.batch_alter_table("pipelit_executions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipelit_executions_workflow_id"))
        batch_op.drop_index(batch_op.f("ix_pipelit_executions_thread_id"))
        batch_op.drop_index(batch_op.f("ix_pipelit_executions_task_id"))
        batch_op.drop_index("ix_pipelit_executions_org")

    op.drop_table("pipelit_executions")
    with op.batch_alter_table("pipelit_edges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipelit_edges_workflow_id"))

    op.drop_table("pipelit_edges")
    op.drop_table("pipelit_workflows")
    with op.batch_alter_table("pipelit_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pipelit_tasks_epic_id"))

    op.drop_table("pipelit_tasks")
    op.drop_table("pipelit_credentials")
    op.drop_table("pipelit_workspaces")
    op.drop_table("pipelit_epics")
    op.drop_table("pipelit_settings")
    with op.batch_alter_table("pipelit_memories", schema=None) as batch_op:
        batch_op.drop_index("ix_pipelit_memories_kind")

    op.drop_table("pipelit_memories")
    op.drop_table("pipelit_broadcasts")
