"""Every place the server relies on a third-party library's private or undocumented behaviour,
gathered here so that an upgrade has one module to check. Each patch has a test in
tests/unit/patches/ that fails loudly when the library changes what the patch relies on.

No imports from the rest of the server: every layer may use this module."""

from __future__ import annotations

# -- connexion and Starlette -----------------------------------------------------------------


# -- kfp.local -------------------------------------------------------------------------------
