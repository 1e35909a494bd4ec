"""The first process of a KFP task's sandbox: `python -I -S sandbox_exec.py UID NPROC MEMORY_MB
ENV_JSON -- COMMAND...`. It drops to UID (when >= 0: the server runs as root, and bwrap kept
only CAP_SETUID/CAP_SETGID for this step), sets RLIMIT_NPROC (processes and threads of that
uid; root would ignore it) and RLIMIT_AS (when MEMORY_MB > 0), then execs COMMAND with the
component's own environment variables (ENV_JSON) added. Those variables are the pipeline
author's (LD_PRELOAD among them, possibly), so they must reach nothing that runs before the
drop: this process itself starts with the server's fixed, minimal environment. Standard
library only, and as little as possible of it: it runs once per task.
"""

import json
import os
import resource
import sys


def drop(uid: int, nproc: int, memory_mb: int) -> None:
    if uid >= 0:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # and with it every capability is gone
    if nproc > 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main() -> None:
    uid, nproc, memory_mb, env_json, sep, *command = sys.argv[1:]
    if sep != "--" or not command:
        sys.exit("usage: sandbox_exec.py UID NPROC MEMORY_MB ENV_JSON -- COMMAND...")
    drop(int(uid), int(nproc), int(memory_mb))
    env = dict(os.environ)
    env.update(json.loads(env_json))
    try:
        os.execvpe(command[0], command, env)
    except OSError as exc:
        sys.stderr.write(f"sandbox: cannot run {command[0]}: {exc}\n")
        sys.exit(127)


if __name__ == "__main__":
    main()
