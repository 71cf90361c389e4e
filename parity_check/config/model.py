"""The profile's data: the constants, the frozen dataclasses a loaded profile is made of, and ProfileError
with its file:line problems. The other modules of the package build on these; this one needs none of them."""
from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..vi_actions import Action


def _shipped_profiles() -> Path:
    """The shipped profiles' folder. In the source tree it is the top-level `profiles/`; setup.py installs it
    as `parity_check.profiles` (package data), which the import system finds in a wheel and in an editable
    install alike. Run straight from a checkout that is not installed, the folder beside the package."""
    try:
        spec = importlib.util.find_spec("parity_check.profiles")
    except ImportError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / DEFAULTS_FILE).is_file():
            return Path(location).resolve()
    return Path(__file__).resolve().parents[2] / "profiles"


DEFAULTS_FILE = "_defaults.yaml"
PACKAGE_PROFILES = _shipped_profiles()
LANGUAGES = ("kk", "ru", "en")
URL_STYLES = ("prefix", "query", "auto")
IMPACT_LEVELS = ("critical", "serious", "moderate", "minor", "none")
MAX_VALUES = 50_000  # YAML anchors can expand a small file into a huge tree; refuse past this many values


# ---------------------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    file: str | None
    line: int | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        return f"{where}{self.message}" + (f" ({self.hint})" if self.hint else "")


class ProfileError(Exception):
    """A profile that cannot be used. str() gives one `file:line: message (hint)` per problem found."""

    def __init__(self, file: str | None, line: int | None, message: str, hint: str | None = None,
                 also: tuple[Problem, ...] = ()):
        self.problems = (Problem(file, line, message, hint), *also)
        super().__init__(str(self))

    @classmethod
    def of(cls, problems: list[Problem]) -> "ProfileError":
        first, *rest = problems
        return cls(first.file, first.line, first.message, first.hint, tuple(rest))

    file = property(lambda self: self.problems[0].file)
    line = property(lambda self: self.problems[0].line)
    message = property(lambda self: self.problems[0].message)
    hint = property(lambda self: self.problems[0].hint)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


# ---------------------------------------------------------------------------------------------------------
# The profile
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LanguageUrls:
    """How a language shows in the site's URLs. `codes` holds only what the profile states (language ->
    code written in URLs); a language not in it is written as the site already writes it, and Kazakh is
    recognised as both `kk` and `kz` (urls.py)."""

    style: str = "auto"
    param: str = "lang"
    codes: dict[str, str] = field(default_factory=dict)

    def url_code(self, lang: str) -> str:
        return self.codes.get(lang, lang)

    def accepted_codes(self, lang: str) -> tuple[str, ...]:
        extra = ("kz",) if lang == "kk" else ()
        return tuple(dict.fromkeys((self.url_code(lang), lang, *extra)))


@dataclass(frozen=True)
class Scope:
    hosts: tuple[str, ...] = ()  # empty: the target's host
    include: tuple[str, ...] = ()  # regexes searched in the URL; none = everything on the hosts
    exclude: tuple[str, ...] = ()

    def effective_hosts(self, target: str | None) -> tuple[str, ...]:
        own = (_split(target).hostname or "").lower() if target else ""
        return tuple(dict.fromkeys(h for h in (own, *self.hosts) if h))


@dataclass(frozen=True)
class ViConfig:
    steps: tuple[Action, ...] = ()  # empty: find the switch (bvi widget, the mode's name in kk/ru/en)
    active_selector: str | None = None  # present only while the mode is on
    languages: tuple[str, ...] | None = None  # None: every language of the profile


@dataclass(frozen=True)
class SectionRule:
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> link texts / headings
    url_patterns: tuple[str, ...] = ()  # regexes searched in the URL
    not_names: tuple[str, ...] = ()  # look-alikes that are something else ("Кері байланыс" is not contacts)

    def all_names(self) -> tuple[str, ...]:
        return tuple(n for names in self.names.values() for n in names)


@dataclass(frozen=True)
class Suppression:
    check: str  # a check id; `*` globs allowed (axe-*)
    reason: str
    url: str | None = None  # regex searched in the URL
    selector: str | None = None
    expires: dt.date | None = None  # suppress.py applies these (matching, expiry) to the findings


@dataclass(frozen=True)
class Profile:
    """A merged, validated profile. Treat the dicts as read-only. `load_profile(None)` gives the full
    defaults (with the required sections); the field defaults here only mirror its scalar values."""

    name: str
    title: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    target: str | None = None
    languages: tuple[str, ...] = LANGUAGES
    language_urls: LanguageUrls = field(default_factory=LanguageUrls)
    start_urls: tuple[str, ...] = ()
    scope: Scope = field(default_factory=Scope)
    max_pages: int = 200
    max_depth: int = 5
    concurrency: int = 2
    timeout_ms: int = 30000
    settle_ms: int = 300
    wait_for: str | None = None
    vi: ViConfig = field(default_factory=ViConfig)
    sections: dict[str, SectionRule] = field(default_factory=dict)
    ignore: tuple[Suppression, ...] = ()
    fail_on: str = "serious"
    thresholds: dict[str, float | int] = field(default_factory=dict)
    facts: dict[str, tuple[str, ...]] = field(default_factory=lambda: {"confirmed": (), "assumed": ()})
    aliases: tuple[str, ...] = ()  # other domains that lead to this site (a body's former own domain)
    params: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)  # data sets (datasets.py): shipped < profile layers

    @property
    def ref(self) -> str:
        """A reference that loads this profile again (`govkz?slug=mz`), e.g. to re-check saved artifacts."""
        return self.name + (f"?{urlencode(sorted(self.params.items()))}" if self.params else "")

    @property
    def vi_languages(self) -> tuple[str, ...]:
        return self.vi.languages if self.vi.languages is not None else self.languages


# Scope needs it, and so do the Url validator and the template matching: it lives at the bottom of the package
def _split(url: str):
    """urlsplit that answers "no host" instead of raising on text such as 'http://[::1'."""
    try:
        parts = urlsplit(url)
        parts.hostname, parts.port
        return parts
    except ValueError:
        return urlsplit("")
