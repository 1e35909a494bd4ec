"""Reading a log a task controls: never through a link, only a regular file, so that a task
cannot make the server read or block on something else. (Artifacts are read after the task's
folder has been scrubbed of links and special files: kfp/process.py.)"""

from __future__ import annotations

import os
import stat


def read_regular_tail(path: str, limit: int) -> bytes | None:
    """The last `limit` bytes of the regular file at `path`, None when there is none. The
    last component is opened without following a link and must be a regular file: a task
    that is still running controls its folder's entries (its log among them), and could
    otherwise swap one for a link or a fifo between the caller's check and this read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        f.seek(max(0, info.st_size - limit))
        return f.read(limit)
