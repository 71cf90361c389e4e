"""Every `parity-check` command line the README shows: run for real where it needs no network (profiles,
checks, a saved run), parsed by the real command line where it would crawl a site; an option or a command
that does not exist fails. And the options block the README quotes is what `check --help` prints."""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parity_check.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _strip_comment(line: str) -> str:
    return re.split(r"\s+#\s", line, maxsplit=1)[0].strip()


def readme_commands() -> list[str]:
    """The command lines: lines of code blocks starting with parity-check (or `$ parity-check`,
    `python -m parity_check`), and inline code that starts with parity-check."""
    found = []
    for lang, block in re.findall(r"```([a-z]*)\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = line.strip()
            if lang != "sh" and not line.startswith("$ "):
                continue  # a transcript: only its prompt lines are commands, the rest is output
            line = line.removeprefix("$ ")
            if re.match(r"^(parity-check|python -m parity_check)(\s|$)", line):
                found.append(_strip_comment(line))
    outside = re.sub(r"```.*?```", "", README, flags=re.S)
    found += [c.strip() for c in re.findall(r"`(parity-check(?: [^`]*)?)`", outside)]
    return list(dict.fromkeys(found))


def _args(line: str) -> list[str]:
    line = re.sub(r"^python -m parity_check", "parity-check", line)
    line = line.replace("<run folder>", "RUN_FOLDER")
    return shlex.split(line)[1:]


def parse_only(args: list[str]) -> None:
    """Resolves the command and parses its options exactly as a run would, without running it. Raises
    click.NoSuchOption (or another usage error) for an option or command that does not exist; a path that
    is only a placeholder (click.BadParameter) is fine."""
    ctx = main.make_context("parity-check", list(args))
    cmd: click.Command = main
    while isinstance(cmd, click.Group):
        rest = [*ctx._protected_args, *ctx.args]
        if not rest:
            return
        name, sub, rest = cmd.resolve_command(ctx, rest)
        ctx = sub.make_context(name, rest, parent=ctx)
        cmd = sub


OFFLINE = re.compile(r"^(profiles (list|schema|data|show \w+)|checks|--version)\b|(^|\s)(--help|-h)$")

COMMANDS = readme_commands()


def test_the_readme_shows_commands():
    assert len(COMMANDS) >= 15
    assert any(c.startswith("parity-check report merge-shards") for c in COMMANDS)


@pytest.mark.parametrize("line", COMMANDS)
def test_every_readme_command_line_is_valid(line, tmp_path, monkeypatch):
    args = _args(line)
    monkeypatch.chdir(tmp_path)
    rest = " ".join(args)
    if OFFLINE.search(rest):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0, res.output
        return
    if args[:1] == ["--from-artifacts"]:  # a saved run: the checks re-run for real
        run = tmp_path / "reports" / "X"
        shutil.copytree(ROOT / "tests" / "artifacts" / "content", run / "artifacts")
        res = CliRunner().invoke(main, args)
        assert res.exit_code in (0, 1), res.output
        assert (run / "report.json").is_file()
        return
    try:
        parse_only(args)
    except click.BadParameter:
        pass  # a placeholder path (reports/X, shards/1) that does not exist here
    except click.UsageError as e:
        pytest.fail(f"{line}: {e.format_message()}")


def test_a_wrong_option_is_caught():
    with pytest.raises(click.NoSuchOption):
        parse_only(["report", "merge", "--out", "merged", "run1", "run2"])  # the old README's line


def test_the_readme_quotes_check_help_as_it_is():
    shown = re.search(r"### Options \(`parity-check check --help`\)\n\n```text\n(.*?)```", README, re.S)[1]
    actual = CliRunner().invoke(main, ["check", "--help"]).output
    words = lambda text: " ".join(text.split())  # noqa: E731 (the wrapping depends on the terminal)
    assert words(shown) == words(actual[actual.index("Options:"):actual.index("Exit codes")])
