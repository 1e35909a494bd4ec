"""Regenerate the clients in generated/ from the specs in openapi/.

Python: generated/<package> from each spec with openapi-python-client.
TypeScript: generated/typescript/src/<name>.ts from the native and v1 specs with
openapi-typescript, pinned in generated/typescript/package-lock.json (`npm ci` first).

`make generate` runs this; CI checks that it leaves no diff (the committed clients can never
drift from the specs). `--only python` or `--only typescript` runs one of the two;
`--typescript-out DIR` writes the TypeScript sources elsewhere (the drift test compares them).
"""

from __future__ import annotations

import argparse
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
TYPESCRIPT = ROOT / "generated" / "typescript"
# spec -> generated/typescript/src/<file>; src/index.ts beside them is hand-written.
TYPESCRIPT_CLIENTS = {
    "pipelines.yaml": "pipelines.ts",
    "external-v1.yaml": "external-v1.ts",
}


def python_clients() -> None:
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


def npm_ci(package_dir: Path = TYPESCRIPT) -> None:
    """Install the pinned generator and compiler into package_dir/node_modules."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "npm is missing: install Node.js 20+ and npm to generate the TypeScript client "
            "(or run with --only python)"
        )
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], check=True, cwd=package_dir
    )


def typescript_clients(out_dir: Path | None = None, *, install: bool = True) -> None:
    if install:
        npm_ci()
    out_dir = out_dir or TYPESCRIPT / "src"
    out_dir.mkdir(parents=True, exist_ok=True)
    generator = TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript"
    for spec, name in TYPESCRIPT_CLIENTS.items():
        subprocess.run(
            [str(generator), str(ROOT / "openapi" / spec), "--output", str(out_dir / name)],
            check=True,
            cwd=TYPESCRIPT,
            stdout=subprocess.DEVNULL,
        )
        print(f"generated/typescript/src/{name} <- openapi/{spec}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("python", "typescript"))
    parser.add_argument("--typescript-out", type=Path, help="write the .ts files here instead")
    parser.add_argument(
        "--no-install", action="store_true", help="use generated/typescript/node_modules as is"
    )
    args = parser.parse_args(argv)
    if args.only in (None, "python"):
        python_clients()
    if args.only in (None, "typescript"):
        typescript_clients(args.typescript_out, install=not args.no_install)
    return 0


if __name__ == "__main__":
    sys.exit(main())
