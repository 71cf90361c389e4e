"""The hardening of action.yml and the example workflows, read as files: every `uses:` pinned to a commit
with its tag in a comment, no expression inside a script, least privilege per job, no token left on disk,
and only the expressions the workflow test's runner substitutes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.workflow_runner import CONTEXT, EXPR, load_yaml, uses_lines

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "action.yml", *sorted((ROOT / "examples").glob("*.yml"))]
WORKFLOWS = sorted((ROOT / "examples").glob("*.yml"))
PIN = re.compile(r"^(-\s+)?uses:\s+[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}\s+#\s+v\d+(\.\d+){0,2}$")


def _steps(data: dict):
    if "runs" in data:
        yield from data["runs"]["steps"]
    for job in (data.get("jobs") or {}).values():
        yield from job.get("steps", [])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_uses_is_pinned_to_a_commit_with_its_tag(path):
    lines = uses_lines(path.read_text(encoding="utf-8"))
    assert lines
    for line in lines:
        if re.match(r"^(-\s+)?uses:\s+\./", line):
            continue  # this repository's own action: pinned by the checkout of the commit under test
        assert PIN.match(line), f"{path.name}: {line}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_expression_inside_a_script_and_only_known_contexts(path):
    data = load_yaml(path)
    for step in _steps(data):
        assert "${{" not in step.get("run", ""), f"{path.name}: pass it through env: {step.get('run')}"
    text = path.read_text(encoding="utf-8")
    for expr in EXPR.findall(text):
        parts = re.split(r"\s*(?:&&|\|\||==|!=)\s*", expr)
        for part in parts:
            part = part.strip().lstrip("!")
            if re.fullmatch(r"'[^']*'|always\(\)|success\(\)|failure\(\)", part):
                continue
            assert CONTEXT.match(part), f"{path.name}: ${{{{ {expr} }}}}"


def _uploads_sarif(job: dict) -> bool:
    for step in job.get("steps", []):
        uses = step.get("uses", "")
        if uses.startswith("github/codeql-action/upload-sarif@"):
            return True
        if uses.startswith("./") and str((step.get("with") or {}).get("upload-sarif", "true")).lower() != "false":
            return True
    return False


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_per_job_and_no_token_on_disk(path):
    data = load_yaml(path)
    assert data.get("permissions") == {}, "the workflow grants nothing; each job says what it needs"
    for name, job in data["jobs"].items():
        perms = job.get("permissions")
        assert isinstance(perms, dict) and perms.get("contents") == "read", name
        assert (perms.get("security-events") == "write") == _uploads_sarif(job), \
            f"{path.name}:{name}: security-events: write exactly when the job uploads SARIF"
        assert not any(v == "write" for k, v in perms.items() if k != "security-events"), name
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}:{name}"


def test_the_action_pins_dependencies_and_caches_pip():
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert '--constraint "${GITHUB_ACTION_PATH}/constraints.txt"' in action
    assert "actions/cache@" in action and "~/.cache/pip" in action
    pins = [l for l in (ROOT / "constraints.txt").read_text().splitlines() if l and not l.startswith("#")]
    assert all("==" in l for l in pins)
    runtime = {"playwright", "axe-playwright-python", "click", "pyyaml", "jsonschema", "py3langid", "rapidfuzz",
               "jinja2", "pypdf", "tqdm", "tomli"}
    assert runtime <= {l.split("==")[0].lower() for l in pins}
