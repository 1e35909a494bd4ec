"""Regenerate generated/<package> from each spec with openapi-python-client.

`make generate` runs this; CI checks that it leaves no diff (the committed clients can never
drift from the specs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = {
    "pipelines.yaml": "pipelines_api",
    "external-v1.yaml": "external_v1_api",
    "kfp-v2beta1.yaml": "kfp_v2beta1_api",
    "kfp-v1alpha1.yaml": "kfp_v1alpha1_api",
    "pipelit-v1.yaml": "pipelit_v1_api",
}
CONFIG = """\
package_name_override: {package}
project_name_override: {package}
post_hooks:
  - "ruff check . --fix-only --isolated --no-cache --quiet --target-version py311"
  - "ruff format . --isolated --no-cache --quiet --line-length 100"
"""


def main() -> int:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    for spec, package in CLIENTS.items():
        target = ROOT / "generated" / package
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "config.yaml"
            config.write_text(CONFIG.format(package=package))
            out = Path(tmp) / package
            subprocess.run(
                [
                    str(bin_dir / "openapi-python-client"),
                    "generate",
                    "--path",
                    str(ROOT / "openapi" / spec),
                    "--meta",
                    "none",
                    "--output-path",
                    str(out),
                    "--config",
                    str(config),
                    "--overwrite",
                ],
                check=True,
                env=env,
                cwd=tmp,
            )
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(
                out, target, ignore=shutil.ignore_patterns(".ruff_cache", "__pycache__")
            )
        print(f"generated/{package} <- openapi/{spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
