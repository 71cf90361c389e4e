"""From what the user typed to RunSettings: defaults < profile < command line."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

from .config import Profile, load_profile, find_profile_for, ProfileError
from .pipeline import RunSettings, InputError, target_url


def user_cache_dir() -> Path:
    """Where incremental runs keep their page records unless --cache says otherwise: the user's cache folder
    ($PARITY_CHECK_CACHE, else $XDG_CACHE_HOME/parity-check or ~/.cache/parity-check; ~/Library/Caches on
    macOS, %LOCALAPPDATA% on Windows), not the working directory, so runs from anywhere share it and a
    report folder never carries it."""
    own = os.environ.get("PARITY_CHECK_CACHE")
    if own:
        return Path(own).expanduser()
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "parity-check"


def _looks_like_profile_name(target: str) -> bool:
    return "/" not in target and "." not in target and ":" not in target


def resolve_profile(target: str | None, profile_ref: str | None, overrides: dict) -> tuple[Profile, str | None]:
    """The profile to use, and the target it leads to. A target that is a shipped profile's name or domain
    selects that profile unless --profile names another. A domain or URL target overrides the profile's
    own (and fills a template such as govkz's {slug})."""
    if target and not _looks_like_profile_name(target):
        overrides = {**overrides, "target": target_url(target)}
    if profile_ref:
        return load_profile(profile_ref, overrides), target
    if target and _looks_like_profile_name(target):
        try:
            return load_profile(target, overrides), None
        except ProfileError as e:
            raise InputError(f"{target!r} is neither a domain, a URL nor a shipped profile ({e})") from None
    if target:
        found = find_profile_for(target)
        if found:
            return load_profile(found, overrides), target
    return load_profile(None, overrides), target


def build_settings(target: str | None, profile_ref: str | None, *, langs=None, max_pages=None, max_depth=None,
                   concurrency=None, fail_on=None, out_dir: Path | None = None, formats=None, no_vi=False,
                   default_out: Callable[[str], Path] | None = None) -> RunSettings:
    overrides = {"languages": tuple(langs) if langs else None, "max_pages": max_pages, "max_depth": max_depth,
                 "concurrency": concurrency, "fail_on": fail_on}
    profile, explicit_target = resolve_profile(target, profile_ref, overrides)
    start = explicit_target or profile.target
    if not start:
        raise InputError("no target: the profile names none, so give a domain or URL")
    url = target_url(start)
    out = out_dir or (default_out(url) if default_out else Path("reports") / "run")
    vi = profile.vi
    return RunSettings(
        target=url, out_dir=Path(out), languages=tuple(profile.languages),
        formats=tuple(formats or ("json", "html")), fail_on=profile.fail_on, max_pages=profile.max_pages,
        max_depth=profile.max_depth, concurrency=profile.concurrency, start_urls=tuple(profile.start_urls),
        extra_hosts=tuple(profile.scope.hosts), include=tuple(profile.scope.include),
        exclude=tuple(profile.scope.exclude), url_codes=dict(profile.language_urls.codes),
        vi_steps=tuple(vi.steps), vi_active_selector=vi.active_selector, wait_for=profile.wait_for,
        timeout_ms=profile.timeout_ms, settle_ms=profile.settle_ms, thresholds=dict(profile.thresholds),
        profile_name=None if profile.source is None else profile.ref, profile=profile,
        modes=("normal",) if no_vi else ("normal", "vi"),
    )
