"""YAML read with the line of every key and value, so that a problem found later can say `file:line`;
the syntax errors, duplicate keys and anchor bombs that YAML itself would pass or garble are refused here."""
from __future__ import annotations

from typing import Any

import yaml

from .model import MAX_VALUES, ProfileError

Loc = tuple  # a place in the data: its keys and list indexes from the top


class _Lines:
    def __init__(self) -> None:
        self.values: dict[Loc, int] = {}
        self.keys: dict[Loc, int] = {}

    def value(self, path: Loc) -> int | None:
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def key(self, path: Loc) -> int | None:
        return self.keys.get(path) or self.value(path)


class _Loader(yaml.SafeLoader):
    def construct_object(self, node, deep=False):
        # A value the resolver accepted but Python cannot build (0x_, 2025-02-30) is reported at its line.
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError) as e:
            raise yaml.constructor.ConstructorError(None, None, f"cannot read {node.value!r} ({e})",
                                                    node.start_mark) from None


def _read_yaml(text: str, file: str) -> tuple[Any, _Lines]:
    loader = None
    try:
        loader = _Loader(text)  # the reader refuses control characters right here
        node = loader.get_single_node()
        if node is None:
            return {}, _Lines()
        _check_shape(node, file)
        data = loader.construct_document(node)
        lines = _Lines()
        _index(node, (), lines, loader)
        return data, lines
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = f"YAML syntax: {e.problem or e.context or 'unreadable'}"
        raise ProfileError(file, mark.line + 1 if mark else None, message, _syntax_hint(str(e))) from None
    except yaml.reader.ReaderError as e:
        line = text[:e.position].count("\n") + 1
        raise ProfileError(file, line, f"character {e.character!r} is not allowed in YAML") from None
    except yaml.YAMLError as e:
        raise ProfileError(file, None, f"YAML: {e}") from None
    except RecursionError:
        raise ProfileError(file, None, "the YAML is nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_hint(error: str) -> str | None:
    if "\\t" in error or "tab" in error:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in error:
        return "a value containing ': ' needs quotes"
    if "could not find expected ':'" in error:
        return "each key needs a colon, and every quote opened must be closed"
    if "found undefined tag" in error or "could not determine a constructor" in error:
        return "profiles are plain YAML: no !tags"
    if "expected a single document" in error:
        return "one profile per file: remove the '---' separator"
    return None


def _check_shape(node, file: str) -> None:
    """Refuses duplicate keys (YAML silently keeps the last), recursive anchors and anchor bombs, before
    anything is built from the nodes."""
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(n) -> int:
        if id(n) in memo:
            return memo[id(n)]
        if id(n) in active:
            raise ProfileError(file, n.start_mark.line + 1, "an anchor refers to itself")
        active.add(id(n))
        total = 1
        if isinstance(n, yaml.MappingNode):
            seen: dict[tuple, int] = {}
            for k, v in n.value:
                if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                    if (k.tag, k.value) in seen:
                        raise ProfileError(file, k.start_mark.line + 1, f"duplicate key {k.value!r}",
                                           f"first given at line {seen[(k.tag, k.value)]}")
                    seen[(k.tag, k.value)] = k.start_mark.line + 1
                total += size(k) + size(v)
        elif isinstance(n, yaml.SequenceNode):
            total += sum(size(item) for item in n.value)
        if total > MAX_VALUES:
            raise ProfileError(file, n.start_mark.line + 1, f"the profile expands to more than {MAX_VALUES} values",
                               "anchors and aliases multiply; write the values out")
        active.discard(id(n))
        memo[id(n)] = total
        return total

    size(node)


def _index(node, path: Loc, lines: _Lines, loader) -> None:
    lines.values.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            try:
                key = loader.construct_object(k, deep=True)
                hash(key)
            except Exception:  # the constructor already refused such keys; nothing to index
                continue
            lines.keys.setdefault(path + (key,), k.start_mark.line + 1)
            _index(v, path + (key,), lines, loader)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines, loader)
