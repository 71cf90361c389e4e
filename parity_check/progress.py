"""Progress, one rule for every command: on stderr (stdout carries only the results); a bar with counts and
an ETA on a terminal (tqdm), plain lines in logs and CI; what a page controls neutralised.

The crawl reports through a plain `progress(message)` callable. Its page lines are `Line`s: a `str` (so any
callable that prints or collects strings works unchanged) that also carries the counts for a bar and keeps
the page-controlled part (a URL, an error a server chose) apart from the tool's own words, so a sink can
neutralise exactly that part.

Neutralising: control characters (newlines that would start a forged line, terminal escape sequences, bidi
overrides that reorder what a reader sees) are shown as escapes, and the markers of CI log commands are
broken: `##` anywhere (GitHub's `##[command]` and Azure's `##vso[` are read anywhere in a line), `::` at the
start of a text (GitHub's `::command::` is read only there, and a text with no line breaks cannot start one
elsewhere). Under `parity-check ci`
the page-controlled lines are also printed between `::stop-commands::<random token>` and `::<token>::`, so
the runner executes no workflow command a page might have smuggled past the escaping.
"""
from __future__ import annotations

import os
import re
import secrets
import sys
from typing import Callable, TextIO

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def neutral(text: object) -> str:
    """`text` safe to print on one line of a terminal or a CI log."""
    s = "" if text is None else str(text)
    s = _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", s)
    s = s.replace("##", "#%23")  # `##[command]` is read anywhere in a line (Azure's `##vso[` too)
    return re.sub(r"^(\s*):", r"\1%3A", s) if s.lstrip().startswith("::") else s  # `::command` only at its start


class Line(str):
    """A progress line: `own` (the tool's words) then `page` (what a page controls), and for a page's line
    `done` of `total` page views."""

    own: str
    page: str
    done: int | None
    total: int | None

    def __new__(cls, own: str, page: str = "", done: int | None = None, total: int | None = None) -> "Line":
        line = super().__new__(cls, f"{own} {page}" if own and page else own or page)
        line.own, line.page, line.done, line.total = own, page, done, total
        return line


def safe_line(message: str) -> str:
    """A message as printed: a Line's page part neutralised; any other message is the tool's own text but
    may quote an exception, so it is neutralised too."""
    if isinstance(message, Line):
        return f"{message.own} {neutral(message.page)}" if message.own and message.page else \
            message.own or neutral(message.page)
    return neutral(message)


class PlainProgress:
    """One line per event, for logs and CI."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream

    def _out(self) -> TextIO:
        return self.stream or sys.stderr  # looked up late: a test runner may swap sys.stderr

    def __call__(self, message: str) -> None:
        print(safe_line(message), file=self._out(), flush=True)

    def command(self, text: str) -> None:
        """A workflow command of the tool's own (`::group::...`), printed as it is, in order with the rest."""
        print(text, file=self._out(), flush=True)

    def close(self) -> None:
        pass


class BarProgress(PlainProgress):
    """A terminal: a bar with counts, rate and ETA (tqdm) for the page views; other lines, and pages that
    failed, are printed above it."""

    def __init__(self, stream: TextIO | None = None):
        super().__init__(stream)
        self.bar = None

    def __call__(self, message: str) -> None:
        from tqdm import tqdm

        if isinstance(message, Line) and message.total:
            if self.bar is None:
                self.bar = tqdm(total=message.total, unit="view", file=self._out(), dynamic_ncols=True,
                                desc="audit", leave=True, smoothing=0.1)
            self.bar.total = max(message.total, message.done or 0)
            self.bar.update(max(0, (message.done or 0) - self.bar.n))
            if " failed " in f" {message.own} ":
                self.bar.write(safe_line(message), file=self._out())
            return
        if self.bar is not None:
            self.bar.write(safe_line(message), file=self._out())
        else:
            super().__call__(message)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class QuietProgress(PlainProgress):
    def __call__(self, message: str) -> None:
        pass


class GithubProgress(PlainProgress):
    """`parity-check ci`: plain lines; `guarded()` wraps a phase in which pages speak (the crawl) in
    ::stop-commands::, so nothing printed there is run as a workflow command."""

    def guarded(self) -> "_StopCommands":
        return _StopCommands(self)


class _StopCommands:
    def __init__(self, progress: PlainProgress):
        self.progress, self.token = progress, secrets.token_hex(16)

    def __enter__(self) -> PlainProgress:
        self.progress.command(f"::stop-commands::{self.token}")
        return self.progress

    def __exit__(self, *exc) -> None:
        self.progress.command(f"::{self.token}::")


def on_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return bool(tty) and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def progress_for(quiet: bool = False) -> PlainProgress:
    """The progress sink for a command: nothing, a bar on a terminal, else plain lines."""
    if quiet:
        return QuietProgress()
    return BarProgress() if on_terminal() else PlainProgress()


Progress = Callable[[str], None]
