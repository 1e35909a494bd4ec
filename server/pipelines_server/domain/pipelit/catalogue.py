"""Pipelit's node-type catalogue: what `GET /workflows/node-types/` answers and what the edge
checks read (the first output and input port of a type, its model/tools/output_parser/skills
flags).

The catalogue is the union of Pipelit's two versions this surface serves: the 38 types of
HEAD (1af0bd6, with `assertion`) plus `epic_tools` and `task_tools` of 0.3.16, 40 entries.
A node may be created with any of `COMPONENT_TYPES`: those 40 plus `code_execute` and
`error_handler`, which have no catalogue entry (so no edge type check applies to them).
The display names, descriptions and ports are Pipelit's (its API reply), restated here as
data."""

# ruff: noqa: E501 (Pipelit's descriptions are data, kept whole)
from __future__ import annotations

import copy

DATA_TYPES = (
    "string",
    "number",
    "boolean",
    "object",
    "array",
    "message",
    "messages",
    "image",
    "file",
    "any",
)

_FILES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "filename": {"type": "string"},
            "mime_type": {"type": "string"},
            "size_bytes": {"type": "integer"},
            "url": {"type": "string"},
        },
        "required": ["filename", "mime_type", "size_bytes", "url"],
    },
}


def _port(
    name: str,
    data_type: str,
    description: str = "",
    required: bool = False,
    port_schema: dict | None = None,
) -> dict:
    return {
        "name": name,
        "data_type": data_type,
        "description": description,
        "required": required,
        "default": None,
        "port_schema": port_schema,
    }


def _type(
    component_type: str,
    display_name: str,
    description: str,
    category: str,
    inputs: list[dict] | None = None,
    outputs: list[dict] | None = None,
    model: bool = False,
    tools: bool = False,
    output_parser: bool = False,
    skills: bool = False,
    executable: bool = True,
    config_schema: dict | None = None,
) -> dict:
    return {
        "component_type": component_type,
        "display_name": display_name,
        "description": description,
        "category": category,
        "inputs": inputs or [],
        "outputs": outputs or [],
        "requires_model": model,
        "requires_tools": tools,
        "requires_memory": False,
        "requires_output_parser": output_parser,
        "requires_skills": skills,
        "executable": executable,
        "config_schema": config_schema or {},
    }


_TYPES = [
    _type(
        "trigger_telegram",
        "Telegram Trigger",
        "Receives messages from Telegram via msg-gateway",
        "trigger",
        outputs=[
            _port("text", "string", "Message text"),
            _port("chat_id", "number", "Telegram chat ID"),
            _port("files", "array", "Document files", port_schema=_FILES),
            _port("payload", "object", "Full trigger payload"),
        ],
        executable=False,
    ),
    _type(
        "trigger_manual",
        "Manual Trigger",
        "Manually triggered workflow execution",
        "trigger",
        outputs=[_port("payload", "object", "Manual trigger payload")],
        executable=False,
    ),
    _type(
        "trigger_schedule",
        "Schedule Trigger",
        "Executes workflow on a scheduled interval",
        "trigger",
        outputs=[
            _port("timestamp", "string", "ISO 8601 timestamp of when the job fired"),
            _port("payload", "object", "Scheduled job payload"),
        ],
        executable=False,
    ),
    _type(
        "trigger_chat",
        "Chat Trigger",
        "Receives messages from external chat clients via msg-gateway generic adapter",
        "trigger",
        outputs=[
            _port("text", "string", "Chat message text"),
            _port("files", "array", "Document files", port_schema=_FILES),
            _port("payload", "object", "Full chat trigger payload"),
        ],
        executable=False,
    ),
    _type(
        "trigger_workflow",
        "Workflow Trigger",
        "Triggered by another workflow execution",
        "trigger",
        outputs=[
            _port("text", "string", "Text content from workflow trigger"),
            _port("payload", "object", "Full trigger payload object"),
        ],
        executable=False,
    ),
    _type(
        "trigger_error",
        "Error Trigger",
        "Triggered when a workflow execution encounters an error",
        "trigger",
        outputs=[_port("error", "object", "")],
        executable=False,
    ),
    _type(
        "reply_chat",
        "Reply to Chat",
        "Sends a message back to the chat caller and ends the workflow",
        "output",
        inputs=[_port("input", "any", "")],
        outputs=[_port("output", "string", "")],
        config_schema={
            "message": {
                "type": "string",
                "description": "Message to send back (supports {{ node.output }} templates)",
                "default": "",
            }
        },
    ),
    _type(
        "agent",
        "Agent",
        "LangGraph react agent with tools",
        "ai",
        inputs=[_port("messages", "messages", "", required=True)],
        outputs=[_port("messages", "messages", ""), _port("output", "string", "")],
        model=True,
        tools=True,
        skills=True,
        config_schema={
            "type": "object",
            "properties": {
                "conversation_memory": {
                    "type": "boolean",
                    "default": False,
                    "description": "Enable conversation memory across executions",
                }
            },
        },
    ),
    _type(
        "deep_agent",
        "Deep Agent",
        "Advanced agent with built-in task planning, filesystem tools, and subagents",
        "ai",
        inputs=[_port("messages", "messages", "", required=True)],
        outputs=[_port("messages", "messages", ""), _port("output", "string", "")],
        model=True,
        tools=True,
        skills=True,
        config_schema={
            "type": "object",
            "properties": {
                "conversation_memory": {
                    "type": "boolean",
                    "default": False,
                    "description": "Enable conversation memory across executions",
                },
                "enable_filesystem": {
                    "type": "boolean",
                    "default": False,
                    "description": "Enable built-in filesystem tools",
                },
                "filesystem_backend": {
                    "type": "string",
                    "enum": ["state", "filesystem", "store"],
                    "default": "state",
                    "description": "Filesystem storage backend",
                },
                "filesystem_root_dir": {
                    "type": "string",
                    "default": "",
                    "description": "Root directory for filesystem backend (filesystem mode only)",
                },
                "enable_todos": {
                    "type": "boolean",
                    "default": False,
                    "description": "Enable built-in task planning (todos)",
                },
                "subagents": {
                    "type": "array",
                    "default": [],
                    "description": "Inline subagent definitions",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "description": {"type": "string"},
                            "system_prompt": {"type": "string"},
                            "model": {"type": "string", "default": ""},
                        },
                        "required": ["name", "description", "system_prompt"],
                    },
                },
            },
        },
    ),
    _type(
        "categorizer",
        "Categorizer",
        "Classifies input into categories",
        "ai",
        inputs=[_port("messages", "messages", "", required=True)],
        outputs=[_port("category", "string", ""), _port("raw", "string", "Raw LLM response")],
        model=True,
        output_parser=True,
    ),
    _type(
        "router",
        "Router",
        "Routes to different branches based on input",
        "ai",
        inputs=[_port("messages", "messages", "", required=True)],
        outputs=[_port("route", "string", "")],
        model=True,
        output_parser=True,
    ),
    _type(
        "extractor",
        "Extractor",
        "Extracts structured data from input",
        "ai",
        inputs=[_port("messages", "messages", "", required=True)],
        outputs=[_port("extracted", "object", "")],
        model=True,
        output_parser=True,
    ),
    _type(
        "ai_model",
        "AI Model",
        "",
        "sub_component",
        outputs=[_port("model", "object", "")],
        executable=False,
    ),
    _type(
        "run_command",
        "Run Command",
        "",
        "sub_component",
        inputs=[_port("command", "string", "")],
        outputs=[_port("result", "string", "")],
    ),
    _type(
        "platform_api",
        "Platform API",
        "Make authenticated requests to the platform API",
        "agent",
        outputs=[_port("response", "string", "JSON response from API")],
        config_schema={
            "type": "object",
            "properties": {
                "api_base_url": {
                    "type": "string",
                    "default": "http://localhost:8000",
                    "description": "Base URL for API",
                }
            },
        },
    ),
    _type(
        "whoami",
        "Who Am I",
        "Get self-awareness - workflow, node ID, and how to modify yourself",
        "agent",
        outputs=[
            _port("identity", "string", "JSON with identity and self-modification instructions")
        ],
    ),
    _type(
        "get_totp_code",
        "Get TOTP Code",
        "Retrieve the current TOTP code for agent identity verification",
        "agent",
        outputs=[_port("totp_code", "string", "JSON with username and current TOTP code")],
    ),
    _type(
        "spawn_and_await",
        "Spawn & Await",
        "Spawn a child workflow and wait for its result inside an agent's reasoning loop",
        "agent",
        outputs=[_port("result", "string", "JSON result from child workflow")],
    ),
    _type(
        "workflow_create",
        "Workflow Create",
        "Create workflows programmatically from a YAML DSL specification",
        "agent",
        outputs=[_port("result", "string", "JSON with workflow_id, slug, and counts")],
    ),
    _type(
        "workflow_discover",
        "Workflow Discover",
        "Search existing workflows by requirements and get reuse recommendations",
        "sub_component",
        outputs=[_port("result", "string", "JSON with matches, scores, and recommendations")],
    ),
    _type(
        "scheduler_tools",
        "Scheduler Tools",
        "Create, pause, resume, stop, and list scheduled recurring jobs",
        "agent",
        outputs=[_port("result", "string", "JSON result from schedule operations")],
    ),
    _type(
        "system_health",
        "System Health",
        "Check platform infrastructure health: Redis, RQ workers, queues, stuck executions, failed executions, and scheduled jobs",
        "agent",
        outputs=[_port("result", "string", "JSON health report with summary, checks, and issues")],
    ),
    _type(
        "validate_gherkin",
        "Validate Gherkin",
        "Validate Gherkin .feature specs for syntax errors and lint warnings",
        "sub_component",
        inputs=[_port("gherkin_spec", "string", "Gherkin feature spec text")],
        outputs=[_port("result", "string", "JSON validation result")],
    ),
    _type(
        "validate_topology",
        "Validate Topology",
        "Validate a topology YAML string via the DSL compiler dry-run",
        "sub_component",
        inputs=[_port("topology_yaml", "string", "Workflow topology YAML to validate")],
        outputs=[_port("result", "string", "JSON validation result")],
    ),
    _type(
        "output_parser",
        "Output Parser",
        "",
        "sub_component",
        inputs=[_port("text", "string", "")],
        outputs=[_port("parsed", "object", "")],
        executable=False,
    ),
    _type(
        "skill",
        "Skill",
        "SKILL.md behavioral instructions for agents via progressive disclosure",
        "sub_component",
        outputs=[_port("skill_path", "string", "Path to skills directory")],
        executable=False,
        config_schema={
            "type": "object",
            "properties": {
                "skill_path": {
                    "type": "string",
                    "default": "",
                    "description": "Directory containing skill subdirectories with SKILL.md files. Empty = platform default (~/.config/pipelit/skills/)",
                },
                "skill_source": {
                    "type": "string",
                    "enum": ["filesystem"],
                    "default": "filesystem",
                    "description": "Skill source type (filesystem only for now; git and registry planned)",
                },
            },
        },
    ),
    _type(
        "memory_read",
        "Memory Read",
        "Recall tool — retrieves information from global memory",
        "sub_component",
        outputs=[_port("result", "string", "Retrieved memory content")],
        config_schema={
            "type": "object",
            "properties": {
                "memory_type": {
                    "type": "string",
                    "enum": ["facts", "episodes", "procedures", "all"],
                    "default": "facts",
                    "description": "Type of memory to search",
                },
                "limit": {
                    "type": "integer",
                    "default": 10,
                    "minimum": 1,
                    "maximum": 100,
                    "description": "Maximum results to return",
                },
                "min_confidence": {
                    "type": "number",
                    "default": 0.5,
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Minimum confidence for facts",
                },
            },
        },
    ),
    _type(
        "memory_write",
        "Memory Write",
        "Remember tool — stores information in global memory",
        "sub_component",
        outputs=[_port("result", "string", "Confirmation of what was stored")],
        config_schema={
            "type": "object",
            "properties": {
                "fact_type": {
                    "type": "string",
                    "enum": [
                        "user_preference",
                        "world_knowledge",
                        "self_knowledge",
                        "correction",
                        "relationship",
                    ],
                    "default": "world_knowledge",
                    "description": "Type of fact being stored",
                },
                "overwrite": {
                    "type": "boolean",
                    "default": True,
                    "description": "Overwrite if key exists",
                },
            },
        },
    ),
    _type(
        "identify_user",
        "Identify User",
        "Identify who is talking and load their context",
        "memory",
        inputs=[
            _port("trigger_input", "object", "Raw trigger payload", required=True),
            _port("channel", "string", "Channel type (telegram, webhook, etc.)", required=True),
        ],
        outputs=[
            _port("user_id", "string", "Canonical user ID"),
            _port("user_context", "object", "User facts, preferences, history"),
            _port("is_new_user", "boolean", "Whether this is a first-time user"),
        ],
    ),
    _type(
        "switch",
        "Switch",
        "Routes to different branches based on a state field or expression",
        "logic",
        inputs=[_port("input", "any", "", required=True)],
        outputs=[_port("route", "string", "")],
    ),
    _type(
        "assertion",
        "Assertion",
        "Evaluates all rules against state and routes pass/fail",
        "logic",
        inputs=[_port("input", "any", "", required=True)],
        outputs=[
            _port("output", "object", "Results with passed flag and per-rule details"),
            _port("route", "string", "'pass' or 'fail'"),
        ],
    ),
    _type(
        "code",
        "Code",
        "",
        "logic",
        inputs=[_port("input", "any", "")],
        outputs=[_port("output", "any", "")],
    ),
    _type(
        "merge",
        "Merge",
        "Merge outputs from multiple branches into one",
        "logic",
        inputs=[_port("branches", "any", "", required=True)],
        outputs=[_port("merged", "any", "")],
    ),
    _type(
        "filter",
        "Filter",
        "Filter array items using rule-based matching",
        "logic",
        inputs=[_port("input", "array", "", required=True)],
        outputs=[_port("filtered", "array", "")],
    ),
    _type(
        "loop",
        "Loop",
        "Iterate over an array, executing body nodes for each item",
        "logic",
        inputs=[_port("items", "array", "", required=True)],
        outputs=[_port("results", "array", "")],
    ),
    _type(
        "wait",
        "Wait",
        "Delay downstream execution by a specified duration",
        "logic",
        inputs=[_port("input", "any", "")],
        outputs=[_port("output", "string", "")],
    ),
    _type(
        "human_confirmation",
        "Human Confirmation",
        "",
        "flow",
        inputs=[_port("prompt", "string", "")],
        outputs=[
            _port("confirmed", "boolean", "Whether the user confirmed"),
            _port("user_response", "string", "User's response text"),
        ],
    ),
    _type(
        "workflow",
        "Subworkflow",
        "Execute another workflow as a child and return its output",
        "logic",
        inputs=[_port("payload", "any", "Data passed to child workflow")],
        outputs=[_port("output", "any", "Child workflow final output")],
        config_schema={
            "type": "object",
            "properties": {
                "target_workflow": {
                    "type": "string",
                    "description": "Slug of the workflow to invoke",
                },
                "trigger_mode": {
                    "type": "string",
                    "enum": ["implicit", "explicit"],
                    "default": "implicit",
                    "description": "implicit = call workflow directly; explicit = go through trigger resolver",
                },
                "input_mapping": {
                    "type": "object",
                    "default": {},
                    "description": "Map parent state fields to child trigger payload",
                },
            },
            "required": ["target_workflow"],
        },
    ),
    _type(
        "epic_tools",
        "Epic Tools",
        "Create, query, update, and search epics for task delegation",
        "agent",
        outputs=[_port("result", "string", "JSON result from epic operations")],
    ),
    _type(
        "task_tools",
        "Task Tools",
        "Create, list, update, and cancel tasks within epics",
        "agent",
        outputs=[_port("result", "string", "JSON result from task operations")],
    ),
]

CATALOGUE: dict[str, dict] = {t["component_type"]: t for t in _TYPES}

# What node create accepts: the catalogue and two types without an entry.
COMPONENT_TYPES: tuple[str, ...] = (*CATALOGUE, "code_execute", "error_handler")

EDGE_TYPES = ("direct", "conditional")
EDGE_LABELS = ("", "llm", "tool", "output_parser", "loop_body", "loop_return", "skill")


def node_types() -> dict[str, dict]:
    """The reply of GET /node-types/ (a copy: callers may not change the catalogue)."""
    return copy.deepcopy(CATALOGUE)


def spec(component_type: str) -> dict | None:
    return CATALOGUE.get(component_type)
