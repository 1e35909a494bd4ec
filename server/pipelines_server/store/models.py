"""SQLAlchemy 2.x models: one store behind every surface."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..shared.timestamps import utcnow

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
Id = BigInteger().with_variant(Integer(), "sqlite")
Json = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Sign-in by name and password (the Pipelit surface's users, the web UI): optional, a
    # key-only user has neither. The password is an argon2 hash; the TOTP secret is encrypted
    # like credentials; `mfa_last_step` is the last TOTP time step accepted (no replay);
    # `mfa_login_pending_until` ends the window in which the TOTP step of a login may follow
    # the password step (set when the password is accepted, cleared when the code is).
    username: Mapped[str | None] = mapped_column(
        String(150), unique=True, index=True, nullable=True
    )
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    first_name: Mapped[str] = mapped_column(String(150), default="", server_default="")
    last_name: Mapped[str] = mapped_column(String(150), default="", server_default="")
    mfa_secret: Mapped[str | None] = mapped_column(Text, nullable=True)
    mfa_enabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    mfa_last_step: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    mfa_login_pending_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The first characters of the key, shown in lists where a surface wants a prefix
    # (Pipelit's KeyOut.prefix); not enough to use it. Null for keys made before it.
    prefix: Mapped[str | None] = mapped_column(String(16), nullable=True)


class Project(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Workflow(Base):
    __tablename__ = "workflows"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(32), default="DRAFT")
    fields: Mapped[list] = mapped_column(Json, default=list)
    graph: Mapped[dict] = mapped_column(Json, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    activate_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"))
    status: Mapped[str] = mapped_column(String(32), default="pending")
    fields: Mapped[dict] = mapped_column(Json, default=dict)
    # The workflow version the task runs through, and how many nodes its graph has (the
    # node_summary of a task whose nodes are not instantiated yet).
    workflow_version: Mapped[int] = mapped_column(Integer, default=1)
    node_count: Mapped[int] = mapped_column(Integer, default=0)
    upload_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # Who created it (notifications of its failure or escalation go to them; NULL: created
    # before issue 13, or by a key whose user was removed).
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # The engine: when the task's node instances were created (NULL: waiting to start), the
    # end node's output, why it failed, and when it ended.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    output: Mapped[dict | list | None] = mapped_column(Json, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        # The v1 list seeks on (workflow_id, id) newest first, optionally by status.
        Index("ix_tasks_workflow_id_id", "workflow_id", "id"),
        Index("ix_tasks_workflow_status_id", "workflow_id", "status", "id"),
        # The engine's start queue: only tasks not started yet are in this index.
        Index(
            "ix_tasks_unstarted",
            "id",
            sqlite_where=text("started_at IS NULL"),
            postgresql_where=text("started_at IS NULL"),
        ),
    )


class WorkflowVersion(Base):
    """An immutable snapshot of a workflow's graph and input schema: tasks run through the
    version they were created with, whatever edits come later."""

    __tablename__ = "workflow_versions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    graph: Mapped[dict] = mapped_column(Json)
    fields: Mapped[list] = mapped_column(Json)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("workflow_id", "version", name="uq_workflow_versions"),)


class NodeInstance(Base):
    """One node of one task. The row is also the work queue: `queue` is 'auto' while a
    machine node waits for (or is held by) a worker, 'held' while its task is paused, and
    NULL otherwise; `run_at` is when it is due, or, once claimed, when the claim's lease
    ends (so a worker that died gives its node back by simply not finishing it)."""

    __tablename__ = "node_instances"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"))
    node_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="pending")
    queue: Mapped[str | None] = mapped_column(String(8), nullable=True)
    run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claim_token: Mapped[str | None] = mapped_column(String(36), nullable=True)
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reserved_for_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    excluded_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    route: Mapped[str | None] = mapped_column(String(100), nullable=True)
    input: Mapped[dict | list | None] = mapped_column(Json, nullable=True)
    output: Mapped[dict | list | None] = mapped_column(Json, nullable=True)
    state: Mapped[dict | None] = mapped_column(Json, nullable=True)
    log: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    work_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Celery: when a message for this node was last sent (the sweeper re-sends only what was
    # not picked up some time after that).
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("task_id", "node_id", name="uq_node_instances_task_node"),
        # Workers claim from this index: only queued rows are in it.
        Index(
            "ix_node_instances_queue",
            "queue",
            "run_at",
            sqlite_where=text("queue IS NOT NULL"),
            postgresql_where=text("queue IS NOT NULL"),
        ),
        # Machine nodes held (or handed back): a lapsed one is claimed before anything else.
        Index(
            "ix_node_instances_held",
            "run_at",
            sqlite_where=text("status = 'claimed' AND queue IS NOT NULL"),
            postgresql_where=text("status = 'claimed' AND queue IS NOT NULL"),
        ),
        # Fair claiming: an organization's held machine nodes and its earliest due one.
        Index(
            "ix_node_instances_org_queue",
            "org_id",
            "queue",
            "run_at",
            sqlite_where=text("queue IS NOT NULL"),
            postgresql_where=text("queue IS NOT NULL"),
        ),
        # my-work: open human nodes of an organization, and the ones a user holds.
        Index("ix_node_instances_org_status", "org_id", "status"),
        Index("ix_node_instances_assignee", "assignee_id", "status"),
        # A workflow's node instances counted by node and state (the web UI's workflow page).
        Index("ix_node_instances_workflow_node_status", "workflow_id", "node_id", "status"),
    )


class TaskEvent(Base):
    """The timeline of a task, and the feed of the live event stream (ids only grow)."""

    __tablename__ = "task_events"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    workflow_id: Mapped[int] = mapped_column(Integer)
    node_instance_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    node_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(Json, default=dict)
    actor_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_task_events_task_id", "task_id", "id"),
        Index("ix_task_events_org_id", "org_id", "id"),
    )


class Credential(Base):
    """An organization's endpoint credential (llm nodes): the key is encrypted at rest."""

    __tablename__ = "credentials"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(100))
    base_url: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(Text)
    last4: Mapped[str] = mapped_column(String(4))
    # The model slugs this credential serves (GET /orgs/{id}/models; llm nodes' model_slug).
    models: Mapped[list | None] = mapped_column(Json, nullable=True, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("org_id", "name", name="uq_credentials_org_name"),)


class Upload(Base):
    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"), index=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"), nullable=True)
    uploader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(32), default="pending")
    tasks: Mapped[list | None] = mapped_column(Json, nullable=True)
    file_size_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    received_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    success_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list] = mapped_column(Json, default=list)
    task_ids: Mapped[list] = mapped_column(Json, default=list)
    message: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KfpExperiment(Base):
    """A Kubeflow Pipelines experiment; its namespace is a project of the organization."""

    __tablename__ = "kfp_experiments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    storage_state: Mapped[str] = mapped_column(String(16), default="AVAILABLE")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_run_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        UniqueConstraint("project_id", "display_name", name="uq_kfp_experiments_name"),
        Index("ix_kfp_experiments_org", "org_id", "created_at"),
    )


class KfpPipeline(Base):
    """A Kubeflow Pipelines pipeline: a named, tagged home for versions of a compiled IR; its
    namespace is a project of the organization."""

    __tablename__ = "kfp_pipelines"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    name: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    tags: Mapped[dict] = mapped_column(Json, default=dict)

    __table_args__ = (
        UniqueConstraint("project_id", "name", name="uq_kfp_pipelines_name"),
        Index("ix_kfp_pipelines_org", "org_id", "created_at"),
    )


class KfpPipelineVersion(Base):
    """One version of a KFP pipeline: the compiled IR (`pipeline_spec`, JSON text as
    uploaded) and, when the package had a second YAML document, its platform spec."""

    __tablename__ = "kfp_pipeline_versions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    pipeline_id: Mapped[str] = mapped_column(ForeignKey("kfp_pipelines.id"))
    name: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pipeline_spec: Mapped[str] = mapped_column(Text)
    platform_spec: Mapped[str | None] = mapped_column(Text, nullable=True)
    code_source_url: Mapped[str] = mapped_column(Text, default="")
    package_url: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[dict] = mapped_column(Json, default=dict)

    __table_args__ = (
        UniqueConstraint("pipeline_id", "name", name="uq_kfp_pipeline_versions_name"),
        Index("ix_kfp_pipeline_versions_pipeline", "pipeline_id", "created_at"),
    )


class KfpRunSource:
    """What a KFP run or recurring run runs, and where: the columns both tables have."""

    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    experiment_id: Mapped[str] = mapped_column(String(36))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    pipeline_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    pipeline_version_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    pipeline_spec: Mapped[str] = mapped_column(Text)
    # The package's platform spec (kfp-kubernetes: secrets, volumes, pod metadata), if any.
    platform_spec: Mapped[str | None] = mapped_column(Text, nullable=True)
    inline_spec: Mapped[bool] = mapped_column(Integer, default=1)
    runtime_config: Mapped[dict] = mapped_column(Json, default=dict)
    service_account: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KfpRun(KfpRunSource, Base):
    """A Kubeflow Pipelines run: a snapshot of the IR it runs, its state as upstream names
    it, and the task details the KFP runner writes while it runs. A runner owns a RUNNING
    run while its lease lasts; a run whose lease ran out (its server died) is taken again
    and resumes from the outputs of the tasks that had finished."""

    __tablename__ = "kfp_runs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default="PENDING")
    storage_state: Mapped[str] = mapped_column(String(20), default="AVAILABLE")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    state_history: Mapped[list] = mapped_column(Json, default=list)
    task_details: Mapped[list] = mapped_column(Json, default=list)
    outputs: Mapped[dict] = mapped_column(Json, default=dict)
    recurring_run_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    claim_token: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attempt: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_kfp_runs_org", "org_id", "created_at"),
        Index("ix_kfp_runs_state", "state"),
        Index("ix_kfp_runs_recurring", "recurring_run_id", "state"),
    )


class KfpRecurringRun(KfpRunSource, Base):
    """A schedule that starts KFP runs (cron or a period), at most `max_concurrency` at once."""

    __tablename__ = "kfp_recurring_runs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    max_concurrency: Mapped[int] = mapped_column(Integer, default=1)
    trigger: Mapped[dict] = mapped_column(Json, default=dict)
    mode: Mapped[str] = mapped_column(String(20), default="ENABLE")
    no_catchup: Mapped[bool] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_kfp_recurring_runs_org", "org_id", "created_at"),
        Index("ix_kfp_recurring_runs_due", "mode", "next_fire_at"),
    )


class KfpCacheEntry(Base):
    """A finished task's outputs by fingerprint: `org:<id>:<fp>` for upstream-style caching
    across runs, `run:<id>:<fp>` for a run's own resumption (retry, a lost server)."""

    __tablename__ = "kfp_cache_entries"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    outputs: Mapped[dict] = mapped_column(Json, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Job(Base):
    """One long operation (async task creation, seeding, exports, dataset imports and
    evaluations, experiments): durable, leased to one runner at a time, resumable from its
    checkpoint, cancellable, with progress (done of total)."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    kind: Mapped[str] = mapped_column(String(40))
    # queued, running, completed, completed_with_partial_results, failed, cancelled
    status: Mapped[str] = mapped_column(String(40), default="queued")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # What the job is about, for scoping its status routes (either may be NULL).
    workflow_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    dataset_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    params: Mapped[dict] = mapped_column(Json, default=dict)
    done: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # Where a resumed run goes on from; written in the same transaction as the work it counts.
    checkpoint: Mapped[dict] = mapped_column(Json, default=dict)
    result: Mapped[dict] = mapped_column(Json, default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    cancel_requested: Mapped[bool] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim_token: Mapped[str | None] = mapped_column(String(36), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        # Runners claim from this index: only unfinished jobs are in it.
        Index(
            "ix_jobs_open",
            "lease_until",
            sqlite_where=text("finished_at IS NULL"),
            postgresql_where=text("finished_at IS NULL"),
        ),
        Index("ix_jobs_org_kind", "org_id", "kind", "created_at"),
    )


class IdempotencyKey(Base):
    """A creating POST's Idempotency-Key: the first request's body hash and, once it is
    answered, its reply, replayed for the same key and body for `expires_at`."""

    __tablename__ = "idempotency_keys"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    # NULL while the first request is being answered.
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("org_id", "key", name="uq_idempotency_keys_org_key"),
        Index("ix_idempotency_keys_expires", "expires_at"),
    )


# ---- library (issue 11, area 3) ----


class LibraryItem(Base):
    """A prompt, criterion or evaluation of an organization: its versions are immutable
    (every update adds one); a deleted item keeps them, so that references still resolve."""

    __tablename__ = "library_items"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    kind: Mapped[str] = mapped_column(String(20))  # prompt, criterion, evaluation
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)  # the latest version
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_library_items_org_kind", "org_id", "kind", "id"),)


class LibraryVersion(Base):
    __tablename__ = "library_versions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("library_items.id"))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(Json)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("item_id", "version", name="uq_library_versions"),)


# ---- datasets (issue 11, area 4) ----


class Dataset(Base):
    """A table of rows imported from a CSV or JSONL file. `columns` are in file order, each
    `{"name", "type", "type_counts"}`; `analytics` is computed on first request and kept
    (a dataset's rows never change once imported)."""

    __tablename__ = "datasets"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    # importing, ready, failed, cancelled
    status: Mapped[str] = mapped_column(String(20), default="importing")
    source_format: Mapped[str] = mapped_column(String(10))  # csv, jsonl
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    row_count: Mapped[int] = mapped_column(BigInteger, default=0)
    error_count: Mapped[int] = mapped_column(BigInteger, default=0)
    columns: Mapped[list] = mapped_column(Json, default=list)
    analytics: Mapped[dict | None] = mapped_column(Json, nullable=True)
    import_job_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_datasets_org_created", "org_id", "created_at"),)


class DatasetRow(Base):
    """One row of a dataset: `data` maps column names to values (CSV cells as the file
    wrote them, JSONL values as parsed)."""

    __tablename__ = "dataset_rows"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    row_index: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[dict] = mapped_column(Json, default=dict)

    __table_args__ = (UniqueConstraint("dataset_id", "row_index", name="uq_dataset_rows_index"),)


class DatasetEvalResult(Base):
    """The score of one dataset row in a dataset evaluation run (a `dataset_eval` job)."""

    __tablename__ = "dataset_eval_results"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    job_id: Mapped[str] = mapped_column(String(36))
    dataset_id: Mapped[int] = mapped_column(BigInteger)
    row_index: Mapped[int] = mapped_column(BigInteger)
    passed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    detail: Mapped[dict] = mapped_column(Json, default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (UniqueConstraint("job_id", "row_index", name="uq_dataset_eval_results_row"),)


class ProcessLease(Base):
    """A background duty that one process at a time performs across every process on the
    database (the dispatch sweeper, recurring-run firing, ...): `holder` keeps it until
    `lease_until` and renews it while alive (`store/process_leases.py`)."""

    __tablename__ = "process_leases"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


# ---- the people side (issue 13) ----


class NodeSubmission(Base):
    """Every submission of a human node, numbered per node instance from 1: a worker's subtask
    values or review verdict, an admin's edit or submission, an inline edit, a revert. Node
    history, my-submissions and revert read these; the node's output is the latest one."""

    __tablename__ = "node_submissions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(BigInteger)
    workflow_id: Mapped[int] = mapped_column(BigInteger)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    node_instance_id: Mapped[int] = mapped_column(
        ForeignKey("node_instances.id", ondelete="CASCADE")
    )
    node_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # subtask, review
    attempt_number: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # worker, admin_edit, admin_submit, inline_edit, revert, resolve
    via: Mapped[str] = mapped_column(String(24), default="worker")
    values: Mapped[dict | list | None] = mapped_column(Json, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("node_instance_id", "attempt_number", name="uq_node_submissions_attempt"),
        Index("ix_node_submissions_user", "user_id", "org_id", "id"),
    )


class Notification(Base):
    """A message to one user: work assigned to them, their submission rejected, a task they
    own failed or escalated, a job they started finished. `data` links what it is about
    (project_id, workflow_id, task_id, node_db_id, job_id)."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(Json, default=dict)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_notifications_user", "user_id", "org_id", "id"),
        Index(
            "ix_notifications_unread",
            "user_id",
            "org_id",
            sqlite_where=text("read_at IS NULL"),
            postgresql_where=text("read_at IS NULL"),
        ),
    )


class Tag(Base):
    """A label of a workflow; its tasks may carry it (task_tags)."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(BigInteger)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("workflow_id", "name", name="uq_tags_workflow_name"),)


class TaskTag(Base):
    __tablename__ = "task_tags"
    task_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_task_tags_tag", "tag_id", "task_id"),)


class ProjectInstruction(Base):
    """Ordered guidance shown to the people who work in a project."""

    __tablename__ = "project_instructions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_project_instructions_position", "project_id", "position"),)


class ProjectFile(Base):
    """A file of a project, uploaded through a signed upload URL: pending (URL issued),
    uploaded (bytes received), ready (confirmed), gc_pending (collection requested; removed
    after the grace), deleted."""

    __tablename__ = "project_files"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    declared_size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    size_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    uploader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    gc_after: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_project_files_project", "project_id", "created_at"),)


class ProjectFileRef(Base):
    """A project file that a subtask submission's `file_upload` field refers to: while any
    such row exists the file cannot be deleted (enqueue-gc answers 409); deleting the task
    (and so its submissions) removes the rows."""

    __tablename__ = "project_file_refs"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("project_files.id", ondelete="CASCADE"))
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("node_submissions.id", ondelete="CASCADE")
    )

    __table_args__ = (
        UniqueConstraint("submission_id", "file_id", name="uq_project_file_refs"),
        Index("ix_project_file_refs_file", "file_id"),
    )


class WorkflowChain(Base):
    """When a task of the source workflow finishes, a task is created in the target workflow
    with fields taken from the finished task through `field_mapping`."""

    __tablename__ = "workflow_chains"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    source_workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    target_workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id", ondelete="CASCADE"))
    field_mapping: Mapped[dict] = mapped_column(Json, default=dict)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What the chain did (its jobs' outcomes): target tasks created, runs that failed.
    tasks_created: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_workflow_chains_source", "source_workflow_id"),)


class WorkflowTemplate(Base):
    """An organization's reusable workflow definition (graph and input fields)."""

    __tablename__ = "workflow_templates"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    definition: Mapped[dict] = mapped_column(Json, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_workflow_templates_org", "org_id", "id"),)


class LlmCall(Base):
    """One call an llm node made: model, tokens in and out, latency (llm-analytics)."""

    __tablename__ = "llm_calls"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    workflow_id: Mapped[int] = mapped_column(BigInteger)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    node_instance_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    node_id: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(200))
    tokens_in: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tokens_out: Mapped[int | None] = mapped_column(Integer, nullable=True)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_llm_calls_workflow", "workflow_id", "node_id", "model"),)


class CliLoginSession(Base):
    """A device-style CLI login: the CLI starts it (device code kept hashed, user code shown
    to the person), a signed-in user approves it, and the CLI's next poll receives a new API
    key for that user, once (the key is minted at that poll; its plaintext is never stored)."""

    __tablename__ = "cli_login_sessions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_code_hash: Mapped[str] = mapped_column(String(64))
    user_code: Mapped[str] = mapped_column(String(16), index=True)
    hostname: Mapped[str] = mapped_column(String(255), default="")
    client_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), nullable=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The address that started the session: starts are limited per client address.
    client_ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_cli_login_sessions_client", "client_ip", "created_at"),)


# -- the Pipelit surface (/pipelit/api/v1) ---------------------------------------------------
# Pipelit's workflows are edited node by node and edge by edge, by slug; each is backed by a
# native workflow (`workflow_id`), to which an execution compiles the Pipelit graph and on
# whose engine it runs as a native task (`pipelit_executions.task_id`).


class PipelitWorkflow(Base):
    __tablename__ = "pipelit_workflows"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    workflow_id: Mapped[int | None] = mapped_column(
        ForeignKey("workflows.id", ondelete="SET NULL"), nullable=True
    )
    slug: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    tags: Mapped[list | None] = mapped_column(Json, nullable=True)
    error_handler_workflow_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    max_execution_seconds: Mapped[int] = mapped_column(Integer, default=600)
    input_schema: Mapped[dict | None] = mapped_column(Json, nullable=True)
    output_schema: Mapped[dict | None] = mapped_column(Json, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("org_id", "slug", name="uq_pipelit_workflows_slug"),)


class PipelitNode(Base):
    __tablename__ = "pipelit_nodes"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    workflow_id: Mapped[int] = mapped_column(
        ForeignKey("pipelit_workflows.id", ondelete="CASCADE"), index=True
    )
    node_id: Mapped[str] = mapped_column(String(255))
    label: Mapped[str | None] = mapped_column(String(255), nullable=True)
    component_type: Mapped[str] = mapped_column(String(64))
    is_entry_point: Mapped[bool] = mapped_column(Boolean, default=False)
    interrupt_before: Mapped[bool] = mapped_column(Boolean, default=False)
    interrupt_after: Mapped[bool] = mapped_column(Boolean, default=False)
    position_x: Mapped[int] = mapped_column(Integer, default=0)
    position_y: Mapped[int] = mapped_column(Integer, default=0)
    config: Mapped[dict] = mapped_column(Json, default=dict)
    subworkflow_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    code_block_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("workflow_id", "node_id", name="uq_pipelit_nodes_node"),)


class PipelitEdge(Base):
    __tablename__ = "pipelit_edges"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    workflow_id: Mapped[int] = mapped_column(
        ForeignKey("pipelit_workflows.id", ondelete="CASCADE"), index=True
    )
    source_node_id: Mapped[str] = mapped_column(String(255))
    target_node_id: Mapped[str] = mapped_column(String(255), default="")
    edge_type: Mapped[str] = mapped_column(String(16), default="direct")
    edge_label: Mapped[str] = mapped_column(String(32), default="")
    condition_mapping: Mapped[dict | None] = mapped_column(Json, nullable=True)
    condition_value: Mapped[str] = mapped_column(String(255), default="")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelitExecution(Base):
    """A Pipelit execution: one native task (`task_id`) of the workflow's native graph. Its
    status, logs and output are read from the task; `status` here is only what the task
    cannot say (pending before the task exists, interrupted, cancelled by this surface)."""

    __tablename__ = "pipelit_executions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    workflow_id: Mapped[int] = mapped_column(
        ForeignKey("pipelit_workflows.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="SET NULL"), nullable=True, index=True
    )
    trigger: Mapped[str] = mapped_column(String(32), default="manual")
    trigger_node_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    trigger_payload: Mapped[dict | None] = mapped_column(Json, nullable=True)
    # Chat executions carry their thread (`<user id>:<workflow id>`); clearing the history
    # unsets it.
    thread_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    schedule_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    final_output: Mapped[dict | None] = mapped_column(Json, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_pipelit_executions_org", "org_id", "created_at"),)


class PipelitCredential(Base):
    """A Pipelit credential: `detail` without its secrets, `secret` the encrypted rest; an llm
    credential is also a native credential (`credential_id`) that llm nodes use."""

    __tablename__ = "pipelit_credentials"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(255))
    credential_type: Mapped[str] = mapped_column(String(16))
    detail: Mapped[dict] = mapped_column(Json, default=dict)
    secret: Mapped[str | None] = mapped_column(Text, nullable=True)
    credential_id: Mapped[int | None] = mapped_column(
        ForeignKey("credentials.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelitSchedule(Base):
    __tablename__ = "pipelit_schedules"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    workflow_id: Mapped[int] = mapped_column(
        ForeignKey("pipelit_workflows.id", ondelete="CASCADE"), index=True
    )
    trigger_node_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    interval_seconds: Mapped[int] = mapped_column(Integer)
    total_repeats: Mapped[int] = mapped_column(Integer, default=0)
    max_retries: Mapped[int] = mapped_column(Integer, default=3)
    timeout_seconds: Mapped[int] = mapped_column(Integer, default=600)
    trigger_payload: Mapped[dict | None] = mapped_column(Json, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    current_repeat: Mapped[int] = mapped_column(Integer, default=0)
    current_retry: Mapped[int] = mapped_column(Integer, default=0)
    run_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelitWorkspace(Base):
    __tablename__ = "pipelit_workspaces"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(255))
    path: Mapped[str] = mapped_column(Text)
    allow_network: Mapped[bool] = mapped_column(Boolean, default=False)
    env_vars: Mapped[list] = mapped_column(Json, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_pipelit_workspaces_name"),)


class PipelitMemory(Base):
    """Pipelit's agent memory, every kind in one table: facts, episodes, procedures, users
    (memory identities) and checkpoints; `data` holds the kind's own fields, `sort_at` the
    time its list is ordered by."""

    __tablename__ = "pipelit_memories"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    kind: Mapped[str] = mapped_column(String(16))
    agent_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    scope: Mapped[str | None] = mapped_column(String(16), nullable=True)
    fact_type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    thread_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    data: Mapped[dict] = mapped_column(Json, default=dict)
    sort_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_pipelit_memories_kind", "org_id", "kind", "sort_at"),)


class PipelitEpic(Base):
    __tablename__ = "pipelit_epics"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    data: Mapped[dict] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="planning")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelitTask(Base):
    __tablename__ = "pipelit_tasks"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    epic_id: Mapped[str] = mapped_column(
        ForeignKey("pipelit_epics.id", ondelete="CASCADE"), index=True
    )
    data: Mapped[dict] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelitSetting(Base):
    """A setting changed through Pipelit's PATCH /settings/, per organization."""

    __tablename__ = "pipelit_settings"
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(
        Json, nullable=True
    )


class PipelitBroadcast(Base):
    """A Pipelit WebSocket event this surface raises itself (node_created, edge_deleted,
    workflow_updated, epic and task events, execution_cancelled): written in the transaction
    of its cause, read by every process's socket reader in id order, pruned when old. Engine
    events are not copied here: the reader translates the native task events."""

    __tablename__ = "pipelit_broadcasts"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    channel: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict | None] = mapped_column(Json, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- the web UI (/ui) ------------------------------------------------------------------------


class WebSession(Base):
    """A signed-in browser: the cookie carries a random token whose hash is kept here, with
    the CSRF token the session's forms must echo. Each session acts through a native API key
    (the principal of every domain call): its own key, named `web session` and revoked when
    the session ends, after a password sign-in; the pasted key after a key sign-in (not
    revoked on sign-out). `mfa_pending` marks a password accepted whose TOTP step is due."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"), nullable=True)
    owns_key: Mapped[bool] = mapped_column(Boolean, default=False)
    mfa_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
