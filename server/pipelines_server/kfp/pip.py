"""The pip shortcut: a lightweight component's `pip install` line whose requirements are all
installed already is skipped (running it would only print 'already satisfied')."""

from __future__ import annotations

import re
import shlex

_PIP_LINE = re.compile(r"python3 -m pip install (?P<args>[^\n]*?)&& \"\$0\" \"\$@\"")


def _pip_satisfied(script: str) -> bool:
    """True when every requirement the component's pip line names is already installed
    in this interpreter (then running pip would only print 'already satisfied')."""
    from importlib import metadata

    from packaging.requirements import InvalidRequirement, Requirement

    m = _PIP_LINE.search(script)
    if not m:
        return False
    try:
        words = shlex.split(m.group("args"))
    except ValueError:
        return False
    for word in words:
        if word.startswith("-"):
            if word in ("--quiet", "--no-warn-script-location", "--no-deps", "-q"):
                continue
            return False  # an index, a find-links, an editable...: let pip do it
        try:
            req = Requirement(word)
        except InvalidRequirement:
            return False
        if req.marker is not None and not req.marker.evaluate():
            continue
        if req.url:
            return False
        try:
            installed = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            return False
        if req.specifier and not req.specifier.contains(installed, prereleases=True):
            return False
    return True


def strip_satisfied_pip(command: list[str]) -> list[str]:
    """`sh -c <pip install ...; "$0" "$@"> sh -ec <program> ...` runs its tail after pip;
    when pip has nothing to install, run the tail directly."""
    if (
        len(command) > 3
        and command[0] == "sh"
        and command[1] == "-c"
        and "pip install" in command[2]
        and _pip_satisfied(command[2])
    ):
        return command[3:]
    return command


def installs_packages(command: list[str]) -> bool:
    return any("pip install" in part or "pip', 'install" in part for part in command)
