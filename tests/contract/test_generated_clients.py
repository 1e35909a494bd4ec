"""The committed clients in generated/ are exactly what `make generate` makes from the specs."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _diff(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__", ".ruff_cache"])
    out = [f"only in {a}: {n}" for n in cmp.left_only] + [
        f"only in {b}: {n}" for n in cmp.right_only
    ]
    out += [f"differs: {a / n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += _diff(a / sub, b / sub)
    return out


def test_generated_clients_match_the_specs(tmp_path):
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    (copy / "scripts" / "generate_clients.py").write_bytes(
        (ROOT / "scripts" / "generate_clients.py").read_bytes()
    )
    (copy / "openapi").symlink_to(ROOT / "openapi")
    (copy / "generated").mkdir()
    subprocess.run(
        [sys.executable, str(copy / "scripts" / "generate_clients.py"), "--only", "python"],
        check=True,
        capture_output=True,
    )
    for package in (
        "pipelines_api",
        "external_v1_api",
        "kfp_v2beta1_api",
        "kfp_v1alpha1_api",
        "pipelit_v1_api",
    ):
        diff = _diff(ROOT / "generated" / package, copy / "generated" / package)
        assert not diff, "generated/ is stale; run `make generate`:\n" + "\n".join(diff)
