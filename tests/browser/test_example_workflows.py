"""Each example workflow, run as written by a stand-in for the GitHub runner (tests/workflow_runner.py): the
composite action.yml expanded with its inputs, actions/* stood in for, expressions substituted (any other
expression fails), real `run:` steps in bash, a real install of parity-check, real Chromium, local sites.

- pull-request.yml: the action checks the bundled demo it serves itself; outputs and exit code 0.
- nightly.yml: 2 entities x 2 shards on a local copy of the platform; the merge job merges the shards of each
  entity, ranks them, uploads one SARIF per entity with one category each (no port, no shard).
- on-deploy.yml: the first run has no baseline and adopts its reports; the next run, after a deploy that
  broke something, finds the first run as the last successful one, downloads its reports, and fails the
  gate on the new findings only.

The workflows' own scale (MAX_PAGES, the entity list) is set small through their env and matrix.
"""
from __future__ import annotations

import base64
import dataclasses
import json
import os
import socket
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

from parity_check.report.sample import tiny_png
from parity_check.sites.server import SiteServer
from tests.sites.govkz_spa import GovKzSpaSite
from tests.workflow_runner import Runner

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    """A runner whose `python` is a fresh virtualenv: the dependencies come from the test environment
    (through a .pth), parity-check itself is installed by the action's own pip step."""
    root = tmp_path_factory.mktemp("gha")
    env_dir = root / "python"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = Path(subprocess.check_output([str(env_dir / "bin" / "python"), "-c",
                                         "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    home = root / "home"
    home.mkdir()
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p)
    env = {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8",
           "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PARITY_CHECK_CACHE": str(root / "cache")}
    return Runner(ROOT, root, env_dir / "bin", env)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _outputs(run, job: str) -> list[dict]:
    return [r["steps"]["parity"]["outputs"] for r in run.jobs[job] if "parity" in r["steps"]]


def _log(run) -> str:
    return run.failures() + "\n" + "\n".join(run.summaries)


@pytest.mark.browser
def test_pull_request_checks_the_bundled_demo(runner):
    run = runner.run_workflow(EXAMPLES / "pull-request.yml", env={"MAX_PAGES": "6"})
    assert run.ok, _log(run)
    out = _outputs(run, "demo")[0]
    assert out["exit-code"] == "0" and int(out["violations"]) > 0 and 0 <= int(out["score"]) <= 100
    report = json.loads((run.artifacts / "parity-check-demo" / "demo" / "report.json").read_text())
    assert report["coverage"]["pages_audited"] > 0
    assert not run.sarif_uploads, "the self-test uploads no SARIF"
    assert "# parity-check" in _log(run)


@pytest.mark.browser
def test_nightly_merges_each_entity_and_ranks_them(runner):
    with SiteServer(GovKzSpaSite(slug="edu", also=("mz",))) as platform:
        run = runner.run_workflow(EXAMPLES / "nightly.yml", matrix={"entity": ["edu", "mz"], "shard": [1, 2]},
                                  env={"PLATFORM_URL": platform, "MAX_PAGES": "9"})
    assert run.ok, _log(run)
    assert len(run.jobs["check"]) == 4 and all(j["ok"] for j in run.jobs["check"])
    shard_sarifs = sorted(run.artifacts.glob("shard-*/sarif/*.sarif"))
    assert len(shard_sarifs) == 4
    shard_categories = {json.loads(p.read_text())["runs"][0]["automationDetails"]["id"] for p in shard_sarifs}
    assert shard_categories == {f"parity-check/127.0.0.1/memleket/entities/{e}/shard-{i}-of-2/"
                                for e in ("edu", "mz") for i in (1, 2)}
    nightly = run.artifacts / "parity-check-nightly"
    ranking = json.loads((nightly / "ranking" / "ranking.json").read_text())
    assert sorted(s["site"].rsplit("/", 1)[-1] for s in ranking["sites"]) == ["edu", "mz"]
    for entity in ("edu", "mz"):
        report = json.loads((nightly / "merged" / f"127.0.0.1-memleket-entities-{entity}" / "report.json").read_text())
        assert report["coverage"]["pages_audited"] > 0 and report["findings"]
    [upload] = run.sarif_uploads
    categories = sorted(doc["runs"][0]["automationDetails"]["id"] for doc in upload)
    assert categories == ["parity-check/127.0.0.1/memleket/entities/edu/", "parity-check/127.0.0.1/memleket/entities/mz/"]
    assert not any(":" in c.split("/", 2)[1] for c in categories), "no port in a category"


class Deployed(GovKzSpaSite):
    """The platform after a deploy that dropped the alt text of a new logo on every page."""

    def handle(self, method, path, query, headers):
        response = super().handle(method, path, query, headers)
        if (response.content_type or "").startswith("text/html"):
            logo = f'<img src="data:image/png;base64,{base64.b64encode(tiny_png(40, 40)).decode()}"></body>'
            body = response.body_bytes().replace(b"</body>", logo.encode())
            response = dataclasses.replace(response, body=body)
        return response


@pytest.mark.browser
def test_on_deploy_adopts_a_first_baseline_then_fails_on_new_findings_only(runner):
    workflow = EXAMPLES / "on-deploy.yml"
    env = {"MAX_PAGES": "6"}
    port = _free_port()  # the platform keeps its address from one deploy to the next
    with SiteServer(GovKzSpaSite(slug="edu"), port=port) as platform:
        first = runner.run_workflow(workflow, inputs={"entities": "edu", "platform-url": platform}, env=env)
        assert first.ok, _log(first)
        out = _outputs(first, "check")[0]
        assert out["exit-code"] == "0" and out["new"] == "0", out
        assert "becomes its baseline" in _log(first)
        assert first.jobs["check"][0]["steps"]["last"]["outputs"]["run-id"] == ""

    with SiteServer(Deployed(slug="edu"), port=port) as platform:
        second = runner.run_workflow(workflow, inputs={"entities": "edu", "platform-url": platform}, env=env)
    job = second.jobs["check"][0]
    assert job["steps"]["last"]["outputs"]["run-id"] == str(first.id)
    assert (job["workspace"] / "baseline" / "127.0.0.1-memleket-entities-edu" / "report.json").is_file()
    out = job["steps"]["parity"]["outputs"]
    assert not second.ok and out["exit-code"] == "1", _log(second)
    report = json.loads((second.artifacts / "parity-check-baseline" / "127.0.0.1-memleket-entities-edu"
                         / "report.json").read_text())
    new = [f for f in report["findings"] if f.get("baseline") == "new"]
    assert int(out["new"]) == len(new) > 0 and {f["check"] for f in new} == {"image-alt"}
    assert report["baseline"]["persisting"] > 0
    # the failed run does not become the next baseline
    assert json.loads(runner.gh_state.read_text())["on-deploy.yml"] == [first.id]
