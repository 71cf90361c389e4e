"""The checks: each a pure function of the recorded artifacts. Importing this package registers them all."""
from __future__ import annotations

import importlib
import pkgutil

from .base import Check, CheckContext, REGISTRY, register


def load_all() -> dict[str, type[Check]]:
    """Imports every check module below this package, so each registers itself."""
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(info.name)
    return dict(sorted(REGISTRY.items()))


__all__ = ["Check", "CheckContext", "REGISTRY", "register", "load_all"]
