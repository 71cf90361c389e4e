"""What a hostile page or shard can put in front of a person or a CI runner: progress lines, CSV cells,
the Markdown summary, shard folders. Hostile strings in, nothing live out."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity_check.artifacts import ArtifactStore, PageRecord
from parity_check.cli import main
from parity_check.progress import GithubProgress, Line, PlainProgress, neutral, safe_line
from parity_check.report import write_reports
from parity_check.report.markdown_report import md, md_url
from parity_check.report.sample import sample_result, tiny_png

FORGED = ["\n::set-output name=exit-code::0", "\r\n::add-mask::secret", "::error::forged", "  ::warning::x",
          "##[error]forged", "x ##vso[task.setvariable variable=a]b", "\x1b[2J\x1b[31mred", "\u202egnp.exe",
          "a\u2028::notice::b", "\x00\x07\x7f\x9b"]


@pytest.mark.parametrize("text", FORGED, ids=range(len(FORGED)))
def test_neutral_text_cannot_start_a_line_a_command_or_a_terminal_sequence(text):
    out = neutral(text)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out)
    assert "##" not in out
    assert not out.lstrip().startswith("::")


def test_ordinary_text_is_kept_readable():
    assert neutral("net::ERR_CONNECTION_REFUSED at https://a.kz/x?y=1#z") == \
        "net::ERR_CONNECTION_REFUSED at https://a.kz/x?y=1#z"
    assert neutral("Қазақ тілі — русский") == "Қазақ тілі — русский"


def test_a_progress_line_neutralises_only_the_page_part():
    line = Line("[3/9] failed   kk normal", "http://x/\n::error::pwned  (HTTP 500)", 3, 9)
    assert line.startswith("[3/") and line.done == 3 and line.total == 9  # still a str for old callers
    shown = safe_line(line)
    assert shown.startswith("[3/9] failed   kk normal http://x/") and "\n" not in shown and "\\x0a" in shown
    buf = io.StringIO()
    PlainProgress(buf)(line)
    assert buf.getvalue().count("\n") == 1


def test_ci_progress_stops_workflow_commands_while_pages_speak():
    buf = io.StringIO()
    progress = GithubProgress(buf)
    with progress.guarded() as p:
        p(Line("[1/1] audited  kk normal", "http://x/::warning::a"))
    with progress.guarded():
        pass
    lines = buf.getvalue().splitlines()
    first, second = lines[0], lines[2]
    token = first.removeprefix("::stop-commands::")
    assert first.startswith("::stop-commands::") and len(token) == 32 and re.fullmatch(r"[0-9a-f]+", token)
    assert lines[1].startswith("[1/1]") and lines[2] == f"::{token}::"
    assert lines[3] != first, "each guard has its own random token"


def _finding_with(url: str, message: str):
    result = sample_result()
    f = replace(result.findings[0], url=url, message=message, selector="a[href='x']", evidence={"n": -1, "t": "=1"})
    return replace(result, findings=[f])


def test_csv_quotes_every_field_and_no_part_starts_a_formula_whatever_the_separator(tmp_path):
    hostile_url = "https://a.kz/a;=1+1;b,+SUM(A1)\t@x|-2"
    result = _finding_with(hostile_url, "ok;=HYPERLINK(\"http://evil\",\"x\"), -3 \r\n=2")
    path = write_reports(result, tmp_path, ["csv"])["csv"]
    raw = path.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(raw, newline="")))
    assert all(row for row in records)
    # every field quoted: each record, read back with quoting kept, is "..." , "..."
    for row in records:
        rebuilt = io.StringIO()
        csv.writer(rebuilt, quoting=csv.QUOTE_ALL, lineterminator="").writerow(row)
        assert rebuilt.getvalue() in raw
    assert raw.startswith('"fingerprint","check"')
    # a spreadsheet that splits on ; , tab or | (Excel in ru/kk locales uses ;) sees no formula start
    for piece in re.split(r"[;,\t|\r\n]", raw):
        assert not re.match(r'^[ "]*[=+\-@]', piece), piece
    row = dict(zip(records[0], records[1]))
    assert row["url"] == "https://a.kz/a;'=1+1;b,'+SUM(A1)\t'@x|'-2"


def _outside_code(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


def test_markdown_has_no_link_mention_or_markup_from_a_page(tmp_path):
    url = "https://evil.example/p?<img src=x onerror=alert(1)>|`code`"
    message = ("Visit https://evil.example/login or www.evil.example, write to admin@evil.example, "
               "ping @org/security, <b>bold</b> [x](https://evil.example) ![i](https://evil.example/i.png)")
    text = write_reports(_finding_with(url, message), tmp_path, ["markdown"])["markdown"].read_text(encoding="utf-8")
    live = _outside_code(text)
    assert not re.search(r"https?://evil", live) and "www.evil" not in live
    assert not re.search(r"@[\w]", live), "no e-mail autolink or mention"
    assert "<img" not in text and "<b>" not in text and "](https" not in live
    row = next(line for line in text.splitlines() if "evil.example/p" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 8, "the URL cannot add a table cell"
    assert md_url(url) == "`https://evil.example/p?%3Cimg%20src=x%20onerror=alert(1)%3E%7C%60code%60`"
    assert md("a@b.kz") == "a&#64;&#8203;b.kz"


def _shard(tmp_path: Path, name: str) -> Path:
    store = ArtifactStore(tmp_path / name / "artifacts").create()
    store.write_page(PageRecord(url="http://127.0.0.1:9/kz/", lang="kk", mode="normal", outcome="audited",
                                status=200, artifacts={"dom": {"declared_lang": "kk", "title": "x", "segments": []}}))
    store.write_run({"target": "http://127.0.0.1:9/", "languages": ["kk"], "started_at": "2026-01-01T00:00:00Z",
                     "captured_at": "2026-01-01T00:00:01Z", "pages_admitted": 1})
    (store.root / "crops").mkdir()
    (store.root / "crops" / "0123456789abcdef.png").write_bytes(tiny_png())
    return tmp_path / name


@pytest.mark.parametrize("plant", ["symlinked crop", "symlinked record", "symlinked folder", "not a png",
                                   "stray file"])
def test_merge_refuses_a_shard_with_links_or_files_that_are_not_crops(tmp_path, plant):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=ghp_not_for_reports", encoding="utf-8")
    good, bad = _shard(tmp_path, "good"), _shard(tmp_path, "bad")
    art = bad / "artifacts"
    if plant == "symlinked crop":
        os.symlink(secret, art / "crops" / "fedcba9876543210.png")
    elif plant == "symlinked record":
        os.symlink(secret, art / "pages" / "zzz.json")
    elif plant == "symlinked folder":
        os.symlink(tmp_path, art / "crops" / "more")
    elif plant == "not a png":
        (art / "crops" / "fedcba9876543210.png").write_text("TOKEN", encoding="utf-8")
    else:
        (art / "notes.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "merged"
    res = CliRunner().invoke(main, ["report", "merge", str(out), str(good), str(bad), "--format", "json,html"])
    assert res.exit_code == 2 and "refused" in res.output, res.output
    assert not (out / "report.html").exists()
    copied = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any("TOKEN" in p.read_text(encoding="utf-8", errors="ignore") for p in copied)


def test_merge_of_clean_shards_copies_their_crops(tmp_path):
    out = tmp_path / "merged"
    res = CliRunner().invoke(main, ["report", "merge", str(out), str(_shard(tmp_path, "a")), str(_shard(tmp_path, "b")),
                                    "--format", "json", "--fail-on", "none"])
    assert res.exit_code == 0, res.output
    crop = out / "artifacts" / "crops" / "0123456789abcdef.png"
    assert crop.is_file() and not crop.is_symlink() and crop.read_bytes() == tiny_png()
    assert json.loads((out / "artifacts" / "run.json").read_text())["merged_from"]
