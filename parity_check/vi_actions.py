"""The small language in which a profile says how to switch a site's mode for the visually impaired on.

After pa11y's actions: one step per line, in plain words, checked when the profile loads, so a typo fails
before the browser starts instead of halfway through a crawl. gather/vi.py performs them.

    click <selector>              click the first element matching a CSS selector
    click text <text>             click the first element whose text contains <text>
    set cookie <name>=<value>     set a cookie for the current page's site (bvi keeps its state in cookies)
    set localStorage <key>=<value>
    open <url | /path | ?query>   go to a URL, resolved against the current page
    wait <ms>                     pause, 0..60000 ms ("500", "500ms" and "2s" are accepted)
    wait for <selector>           wait until an element matching the selector is there
    press <key>                   a key or chord as Playwright names it: Enter, Tab, Alt+Shift+V

pa11y's spellings `click element X`, `wait for element X [to be visible]` and `navigate to X` are accepted
too and read as the forms above. Selectors are not validated beyond being non-empty: the browser is the
only reliable judge of CSS, and a selector that matches nothing is reported by the VI check.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

VERBS = ("click", "click text", "set cookie", "set localStorage", "open", "wait", "wait for", "press")
SYNTAX = ("click <selector> | click text <text> | set cookie <name>=<value> | set localStorage <key>=<value>"
          " | open <url|/path|?query> | wait <ms> | wait for <selector> | press <key>")
MAX_WAIT_MS = 60_000

# Longest forms first, so "click text x" is not read as a click on the selector "text x".
_FORMS = (
    (r"click\s+text", "click text"),
    (r"click\s+element", "click"),
    (r"click", "click"),
    (r"set\s+cookie", "set cookie"),
    (r"set\s+local\s*storage", "set localStorage"),
    (r"navigate\s+to", "open"),
    (r"open", "open"),
    (r"wait\s+for\s+element", "wait for"),
    (r"wait\s+for", "wait for"),
    (r"wait", "wait"),
    (r"press", "press"),
)
_FORM_RES = tuple((re.compile(rf"{words}(?:\s+|$)", re.I), verb) for words, verb in _FORMS)

_MODIFIERS = ("Alt", "Control", "Meta", "Shift", "ControlOrMeta")
_NAMED_KEYS = (
    "Enter", "Tab", "Escape", "Space", "Backspace", "Delete", "Insert", "Home", "End", "PageUp", "PageDown",
    "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Backquote", "Minus", "Equal", "Backslash",
    "BracketLeft", "BracketRight", "Semicolon", "Quote", "Comma", "Period", "Slash", "CapsLock",
    "ContextMenu", *_MODIFIERS,
)
_PATTERN_KEYS = re.compile(r"^(Key[A-Z]|Digit[0-9]|F([1-9]|1[0-9]|2[0-4])|Numpad[0-9A-Za-z]+)$")
_COOKIE_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")  # an RFC 6265 token


@dataclass(frozen=True)
class Action:
    """One step. `target` is the selector, text, cookie name, storage key, URL, milliseconds (as text, so
    every target has one type) or key; `value` is the cookie or storage value, else None."""

    verb: str
    target: str
    value: str | None = None

    def __str__(self) -> str:
        if self.verb in ("set cookie", "set localStorage"):
            return f"{self.verb} {self.target}={self.value or ''}"
        if self.verb == "click text" and (self.target != self.target.strip() or self.target[:1] in "\"'"):
            return f'{self.verb} "{self.target}"'
        return f"{self.verb} {self.target}"


def parse_action(s: str) -> Action:
    """Reads one action; raises ValueError saying what is wrong and how to write it."""
    if not isinstance(s, str):
        raise ValueError(f"an action is a line of text such as 'click .bvi-open', not {type(s).__name__}")
    text = s.strip()
    if not text:
        raise ValueError(f"empty action; write one of: {SYNTAX}")
    for form, verb in _FORM_RES:
        m = form.match(text)
        if m:
            return _PARSERS[verb](verb, text[m.end():].strip())
    first = text.split()[0].lower()
    guess = difflib.get_close_matches(first, sorted({v.split()[0] for v in VERBS}), n=1, cutoff=0.6)
    hint = f" (did you mean '{guess[0]}'?)" if guess else ""
    raise ValueError(f"unknown action {text!r}{hint}; write one of: {SYNTAX}")


def _selector(verb: str, rest: str) -> Action:
    if verb == "wait for":
        # pa11y's "wait for element X to be visible|added": Playwright waits for a visible element anyway
        rest = re.sub(r"\s+to\s+be\s+(visible|added)$", "", rest, flags=re.I)
    if not rest:
        raise ValueError(f"'{verb}' needs a CSS selector, e.g. '{verb} .bvi-open'")
    return Action(verb, rest)


def _text(verb: str, rest: str) -> Action:
    if len(rest) >= 2 and rest[0] == rest[-1] and rest[0] in "\"'":
        rest = rest[1:-1]
    if not rest.strip():
        raise ValueError("'click text' needs the text to click, e.g. 'click text Версия для слабовидящих'")
    return Action(verb, rest)


def _assignment(verb: str, rest: str) -> Action:
    example = "bvi_panelActive=true" if verb == "set cookie" else "special=1"
    name, eq, value = rest.partition("=")
    name = name.strip()
    if not eq or not name:
        raise ValueError(f"'{verb}' needs name=value, e.g. '{verb} {example}'")
    if verb == "set cookie":
        value = value.strip()
        if not _COOKIE_NAME.match(name):
            raise ValueError(f"cookie name {name!r} may not contain spaces or any of ()<>@,;:\\\"/[]?={{}}")
        if re.search(r"[\s;,\"\\]", value):
            raise ValueError(f"cookie value {value!r} may not contain spaces, quotes, commas, semicolons or "
                             f"backslashes (percent-encode them)")
    return Action(verb, name, value)


def _open(verb: str, rest: str) -> Action:
    if not rest or re.search(r"\s", rest) or not re.match(r"^(https?://[^/]|/|\?|#|\./|\.\./)", rest, re.I):
        raise ValueError(f"'open {rest}': give a URL (https://...), a path (/special) or a query (?special=1)")
    return Action(verb, rest)


def _wait(verb: str, rest: str) -> Action:
    m = re.fullmatch(r"(\d+)\s*(ms|s)?", rest, re.I)
    if not m:
        raise ValueError(f"'wait {rest}': give milliseconds ('wait 500'); to wait for an element write "
                         f"'wait for <selector>'")
    digits, unit = m.group(1).lstrip("0") or "0", (m.group(2) or "").lower()
    ms = int(digits[:9]) * (1000 if unit == "s" else 1)  # more than 9 digits is over the cap anyway
    if len(digits) > 9 or ms > MAX_WAIT_MS:
        raise ValueError(f"'wait {rest}' is longer than {MAX_WAIT_MS} ms; wait for an element instead")
    return Action(verb, str(ms))


def _press(verb: str, rest: str) -> Action:
    if not rest:
        raise ValueError("'press' needs a key, e.g. 'press Enter' or 'press Alt+Shift+V'")
    # "Shift++" presses Shift and the plus key: the last "+" belongs to the key
    parts = rest[:-2].split("+") + ["+"] if rest.endswith("++") else rest.split("+")
    *mods, key = parts
    for mod in mods:
        if mod not in _MODIFIERS:
            raise ValueError(f"'press {rest}': {mod!r} is not a modifier{_guess(mod, _MODIFIERS)}; "
                             f"modifiers are {', '.join(_MODIFIERS)}")
    if not (len(key) == 1 or key in _NAMED_KEYS or _PATTERN_KEYS.match(key)):
        raise ValueError(f"'press {rest}': unknown key {key!r}{_guess(key, _NAMED_KEYS)}; use a single "
                         f"character or a key name as Playwright writes it (Enter, Tab, Escape, ArrowDown, F2)")
    return Action(verb, rest)


def _guess(word: str, choices) -> str:
    exact = [c for c in choices if c.lower() == word.lower()]
    found = exact or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{found[0]}'?)" if found else ""


_PARSERS = {
    "click": _selector, "wait for": _selector, "click text": _text, "set cookie": _assignment,
    "set localStorage": _assignment, "open": _open, "wait": _wait, "press": _press,
}
