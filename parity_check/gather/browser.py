"""Which Chromium to drive and how to launch it: configuration, then the system, then Playwright's own."""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

SYSTEM_CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome",
                     "google-chrome-stable")
CONFIG_NAME = "playwright.config.toml"


class BrowserNotFound(Exception):
    pass


@dataclass(frozen=True)
class BrowserSettings:
    executable: str | None = None  # None: let Playwright use its own downloaded Chromium
    headless: bool = True
    args: tuple[str, ...] = ()
    viewport: tuple[int, int] = (1280, 900)
    source: str = "defaults"


def _config_file() -> Path | None:
    env = os.environ.get("PARITY_CHECK_BROWSER_CONFIG")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / CONFIG_NAME).is_file():
            return base / CONFIG_NAME
    return None


def _resolve_executable(configured: str | None) -> tuple[str | None, str]:
    env = os.environ.get("PARITY_CHECK_CHROMIUM")
    if env:
        path = shutil.which(env) or env
        if not os.path.exists(path):
            raise BrowserNotFound(f"PARITY_CHECK_CHROMIUM={env!r} does not exist")
        return path, "environment"
    if configured:
        path = shutil.which(configured) or configured
        if not os.path.exists(path):
            raise BrowserNotFound(f"the browser configured in {CONFIG_NAME} ({configured!r}) does not exist")
        return path, "configuration"
    for candidate in SYSTEM_CANDIDATES:
        path = shutil.which(candidate) if "/" not in candidate else (candidate if os.path.exists(candidate) else None)
        if path:
            return _unwrap_debian_launcher(path), "system"
    return None, "playwright"


def _unwrap_debian_launcher(path: str) -> str:
    """Debian's /usr/bin/chromium is a shell script; Playwright needs the real binary beside it."""
    real = "/usr/lib/chromium/chromium"
    if os.path.realpath(path) == "/usr/bin/chromium" and os.path.exists(real):
        return real
    return path


def sandbox_available() -> bool:
    # Chromium refuses to start its sandbox as root; everywhere else it stays on.
    return not (hasattr(os, "geteuid") and os.geteuid() == 0)


def load_settings() -> BrowserSettings:
    path = _config_file()
    data: dict = {}
    if path:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    browser = data.get("browser", {})
    page = data.get("page", {})
    executable, how = _resolve_executable(browser.get("executable") or None)
    args = list(browser.get("args", []))
    if not sandbox_available() and "--no-sandbox" not in args:
        args.append("--no-sandbox")
    return BrowserSettings(
        executable=executable,
        headless=bool(browser.get("headless", True)),
        args=tuple(args),
        viewport=(int(page.get("viewport_width", 1280)), int(page.get("viewport_height", 900))),
        source=f"{how} ({path})" if path else how,
    )
