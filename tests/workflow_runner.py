"""A small stand-in for the GitHub Actions runner, enough to run this repository's example workflows end to
end on one machine: jobs in `needs` order, matrices, `if:` conditions, `run:` steps in bash as the runner
runs them, the composite action.yml expanded with its inputs, `${{ }}` expressions substituted.

What it stands in for, and how:
- actions/checkout: copies the project into the workspace (the `path` input); it must be told
  `persist-credentials: false`.
- actions/setup-python, actions/cache: nothing (the Python on PATH is the test's).
- actions/upload-artifact / download-artifact: folders under the workflow run's artifact store; download
  by `name` or `pattern`, from this run or from another (`run-id`).
- github/codeql-action/upload-sarif: records the SARIF files it was given.
- `gh run list ... --status success`: a `gh` on PATH that answers from the runs recorded as successful.

Expressions: `matrix.*`, `inputs.*`, `env.*`, `steps.<id>.outputs.*`, `github.token`, `github.repository`,
and in `if:` the functions always(), success(), failure(), with == != && || ! and string literals. Any
other expression raises UnknownExpression, so a workflow that needs more fails the test instead of being
run wrongly.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}", re.S)
CONTEXT = re.compile(r"^(matrix|inputs|env)\.([\w-]+)$|^steps\.([\w-]+)\.outputs\.([\w-]+)$|^github\.(token|repository)$")
PINNED = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+(/[\w./-]+)?)@(?P<sha>[0-9a-f]{40})$")
GITHUB = {"token": "ghs_stand-in-token", "repository": "kz-parity-check/parity-check"}


class UnknownExpression(AssertionError):
    pass


class StepFailed(AssertionError):
    def __init__(self, message: str, outputs: dict | None = None):
        super().__init__(message)
        self.outputs = outputs or {}  # a composite action that failed still sets its outputs


def load_yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


@dataclass
class Scope:
    """What expressions can see at one point of a job."""

    matrix: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    env: dict = field(default_factory=dict)
    steps: dict = field(default_factory=dict)  # id -> {outputs: {...}, outcome}
    failed: bool = False

    def value(self, name: str) -> str:
        m = CONTEXT.match(name)
        if not m:
            raise UnknownExpression(name)
        if m[1]:
            return str({"matrix": self.matrix, "inputs": self.inputs, "env": self.env}[m[1]].get(m[2], ""))
        if m[3]:
            return str(self.steps.get(m[3], {}).get("outputs", {}).get(m[4], ""))
        return GITHUB[m[5]]


def substitute(text: Any, scope: Scope) -> str:
    """A value as the runner hands it over: text, with its expressions filled (YAML true/false as GitHub
    writes them)."""
    if isinstance(text, bool):
        return "true" if text else "false"
    return EXPR.sub(lambda m: scope.value(m[1]), str(text))


_TOKEN = re.compile(r"\s*(?:(==|!=|&&|\|\||!|\(|\))|'((?:[^']|'')*)'|(always|success|failure)\(\)|([\w.-]+))")


def condition(expr: str | None, scope: Scope) -> bool:
    """An `if:`; without one a step runs only while nothing has failed (success())."""
    if expr is None:
        return not scope.failed
    text = EXPR.sub(lambda m: m[1], str(expr)).strip()
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise UnknownExpression(text)
        pos = m.end()
        if m[1]:
            tokens.append(("op", m[1]))
        elif m[2] is not None:
            tokens.append(("val", m[2].replace("''", "'")))
        elif m[3]:
            tokens.append(("val", {"always": True, "success": not scope.failed, "failure": scope.failed}[m[3]]))
        else:
            tokens.append(("val", scope.value(m[4])))
    uses_status = bool(re.search(r"\b(always|success|failure)\(\)", text))  # else success() && (expr)
    value = _Parser(tokens).parse()
    truth = bool(value)
    return truth if uses_status else truth and not scope.failed


class _Parser:
    def __init__(self, tokens):
        self.tokens, self.i = tokens, 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self):
        self.i += 1
        return self.tokens[self.i - 1]

    def parse(self):
        value = self.or_()
        if self.i != len(self.tokens):
            raise UnknownExpression(str(self.tokens))
        return value

    def or_(self):
        v = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            r = self.and_()
            v = v or r
        return v

    def and_(self):
        v = self.cmp()
        while self.peek() == ("op", "&&"):
            self.take()
            r = self.cmp()
            v = v and r
        return v

    def cmp(self):
        v = self.unary()
        while self.peek() in (("op", "=="), ("op", "!=")):
            op = self.take()[1]
            r = self.unary()
            v = (str(v) == str(r)) if op == "==" else (str(v) != str(r))
        return v

    def unary(self):
        kind, val = self.take()
        if (kind, val) == ("op", "!"):
            return not self.unary()
        if (kind, val) == ("op", "("):
            v = self.or_()
            assert self.take() == ("op", ")")
            return v
        if kind != "val":
            raise UnknownExpression(str(val))
        return val


@dataclass
class Run:
    """One workflow run: its id, artifacts and what it uploaded to code scanning."""

    def failures(self) -> str:
        """The failed run: steps, for an assertion message."""
        return "\n".join(f"[{job}] exit {code}: {script[:120]}\n{err[-2500:]}"
                         for job, script, code, _out, err in self.logs if code)

    id: int
    artifacts: Path
    sarif_uploads: list = field(default_factory=list)
    summaries: list = field(default_factory=list)
    logs: list = field(default_factory=list)  # (job, script, exit code, stdout, stderr) of each run: step
    jobs: dict = field(default_factory=dict)  # job name -> list of {matrix, ok, outputs}
    ok: bool = True


class Runner:
    def __init__(self, project: Path, root: Path, bin_dir: Path, env: dict[str, str]):
        self.project, self.root, self.bin_dir, self.base_env = project, root, bin_dir, env
        self.runs: list[Run] = []
        self.successful: dict[str, list[int]] = {}  # workflow file -> ids of successful runs
        self._write_gh()

    # -- the fake gh ------------------------------------------------------------------------------------
    def _write_gh(self) -> None:
        self.gh_state = self.root / "gh-state.json"
        gh = self.bin_dir / "gh"
        gh.write_text(f"""#!/usr/bin/env python3
import json, sys
args = sys.argv[1:]
assert args[:2] == ["run", "list"], args
workflow = args[args.index("--workflow") + 1]
assert "--status" in args and args[args.index("--status") + 1] == "success", args
runs = json.load(open({str(self.gh_state)!r})).get(workflow, [])
print(runs[-1] if runs else "")
""")
        gh.chmod(0o755)
        self.gh_state.write_text("{}")

    # -- workflows --------------------------------------------------------------------------------------
    def run_workflow(self, path: Path, *, inputs: dict | None = None, env: dict | None = None,
                     matrix: dict | None = None) -> Run:
        wf = load_yaml(path)
        run = Run(id=len(self.runs) + 101, artifacts=self.root / f"run-{len(self.runs) + 101}" / "artifacts")
        run.artifacts.mkdir(parents=True)
        self.runs.append(run)
        dispatch = (wf["on"] or {}).get("workflow_dispatch") or {}
        given = {k: str(v.get("default", "")) for k, v in (dispatch.get("inputs") or {}).items()}
        given.update(inputs or {})
        wf_env = {k: str(v) for k, v in (wf.get("env") or {}).items()}
        wf_env.update(env or {})
        done: dict[str, bool] = {}
        pending = dict(wf["jobs"])
        while pending:
            name = next(n for n, j in pending.items() if set(_needs(j)) <= set(done))
            job = pending.pop(name)
            needed_ok = all(done[n] for n in _needs(job))
            scope0 = Scope(inputs=given, env=dict(wf_env), failed=not needed_ok)
            if not condition(job.get("if"), scope0):
                done[name] = needed_ok
                continue
            results = []
            for combo in _matrix(job, matrix if name == _matrix_job(wf) else None):
                results.append(self._run_job(run, name, job, combo, given, wf_env))
            run.jobs[name] = results
            done[name] = all(r["ok"] for r in results)
        run.ok = all(done.values())
        if run.ok:
            state = json.loads(self.gh_state.read_text())
            state.setdefault(path.name, []).append(run.id)
            self.gh_state.write_text(json.dumps(state))
        return run

    def _run_job(self, run: Run, name: str, job: dict, combo: dict, inputs: dict, wf_env: dict) -> dict:
        workspace = self.root / f"run-{run.id}" / f"{name}-{uuid.uuid4().hex[:6]}"
        workspace.mkdir(parents=True)
        summary = workspace.parent / f"{workspace.name}.summary.md"
        summary.write_text("")
        scope = Scope(matrix=combo, inputs=inputs, env={**wf_env})
        scope.env.update({k: substitute(v, scope) for k, v in (job.get("env") or {}).items()})
        ctx = {"workspace": workspace, "summary": summary, "run": run, "job": name}
        for step in job.get("steps", []):
            self._step(step, scope, ctx, action_path=None)
        run.summaries.append(summary.read_text(encoding="utf-8"))
        return {"matrix": combo, "ok": not scope.failed, "steps": scope.steps, "workspace": workspace}

    def _step(self, step: dict, scope: Scope, ctx: dict, action_path: Path | None) -> None:
        if not condition(step.get("if"), scope):
            if step.get("id"):
                scope.steps[step["id"]] = {"outputs": {}, "outcome": "skipped"}
            return
        env = {**scope.env, **{k: substitute(v, scope) for k, v in (step.get("env") or {}).items()}}
        outputs: dict[str, str] = {}
        try:
            if "uses" in step:
                outputs = self._uses(step, scope, ctx, env)
            else:
                outputs = self._bash(step["run"], env, ctx, action_path)
            outcome = "success"
        except StepFailed as e:
            outcome, outputs = "failure", e.outputs
            if not step.get("continue-on-error"):
                scope.failed = True
        if step.get("id"):
            scope.steps[step["id"]] = {"outputs": outputs, "outcome": outcome}

    def _bash(self, script: str, env: dict, ctx: dict, action_path: Path | None) -> dict:
        assert "${{" not in script, f"an expression inside run: ({script[:80]}): pass it through env"
        out_file = ctx["workspace"].parent / f"out-{uuid.uuid4().hex[:8]}"
        out_file.write_text("")
        full_env = {**self.base_env, **env, "GITHUB_OUTPUT": str(out_file), "GITHUB_STEP_SUMMARY": str(ctx["summary"]),
                    "GITHUB_WORKSPACE": str(ctx["workspace"]), "RUNNER_OS": "Linux", "CI": "true",
                    "PATH": f"{self.bin_dir}:{self.base_env['PATH']}"}
        if action_path is not None:
            full_env["GITHUB_ACTION_PATH"] = str(action_path)
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=ctx["workspace"], env=full_env, capture_output=True, text=True,
                              start_new_session=True)
        ctx["run"].logs.append((ctx["job"], script, proc.returncode, proc.stdout, proc.stderr))
        if proc.returncode != 0:
            raise StepFailed(f"exit {proc.returncode}: {script[:200]}\n{proc.stderr[-3000:]}")
        return _read_outputs(out_file)

    def _uses(self, step: dict, scope: Scope, ctx: dict, env: dict) -> dict:
        uses = step["uses"]
        with_ = {k: substitute(v, scope) for k, v in (step.get("with") or {}).items()}
        if uses.startswith("./"):
            return self._composite(ctx["workspace"] / uses, with_, ctx, env)
        m = PINNED.match(uses)
        assert m, f"{uses}: not pinned to a commit"
        action = m["action"]
        ws: Path = ctx["workspace"]
        if action == "actions/checkout":
            assert with_.get("persist-credentials") == "false", "checkout must not keep the token on disk"
            dest = ws / with_.get("path", "")
            shutil.copytree(self.project, dest, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info", "reports",
                                                          ".pytest_cache", ".hypothesis", "build", "dist"))
            return {}
        if action in ("actions/setup-python", "actions/cache"):
            return {}
        if action == "actions/upload-artifact":
            return self._upload(ctx["run"], with_, ws)
        if action == "actions/download-artifact":
            return self._download(ctx["run"], with_, ws)
        if action == "github/codeql-action/upload-sarif":
            target = ws / with_["sarif_file"]
            if not target.exists():
                raise StepFailed(f"upload-sarif: {target} does not exist")
            files = sorted(target.rglob("*.sarif")) if target.is_dir() else [target]
            ctx["run"].sarif_uploads.append([json.loads(f.read_text(encoding="utf-8")) for f in files])
            return {}
        raise AssertionError(f"no stand-in for {action}")

    def _composite(self, folder: Path, with_: dict, ctx: dict, env: dict) -> dict:
        action = load_yaml(folder / "action.yml")
        assert action["runs"]["using"] == "composite"
        declared = action.get("inputs") or {}
        unknown = set(with_) - set(declared)
        assert not unknown, f"inputs the action does not declare: {unknown}"
        inputs = {k: str(spec.get("default", "")) for k, spec in declared.items()}
        inputs.update(with_)
        inner = Scope(inputs=inputs, env=dict(env))
        for step in action["runs"]["steps"]:
            if "run" in step:
                assert step.get("shell") == "bash", "a composite action's run step needs shell: bash"
            self._step(step, inner, ctx, action_path=folder)
        outputs = {k: substitute(spec["value"], inner) for k, spec in (action.get("outputs") or {}).items()}
        if inner.failed:
            raise StepFailed(f"the action failed: {outputs}", outputs)
        return outputs

    def _upload(self, run: Run, with_: dict, ws: Path) -> dict:
        dest = run.artifacts / with_["name"]
        assert not dest.exists(), f"artifact {with_['name']} uploaded twice in one run"
        paths = [ws / p.strip() for p in with_["path"].splitlines() if p.strip()]
        existing = [p for p in paths if p.exists()]
        if not existing:
            assert with_.get("if-no-files-found", "warn") != "error"
            return {}
        dest.mkdir(parents=True)
        if len(existing) == 1 and existing[0].is_dir():
            shutil.copytree(existing[0], dest, dirs_exist_ok=True, symlinks=True)
        else:
            common = Path(os.path.commonpath([p.parent if p.is_file() else p.parent for p in existing]))
            for p in existing:
                target = dest / p.relative_to(common)
                if p.is_dir():
                    shutil.copytree(p, target, symlinks=True)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(p, target)
        return {"artifact-id": str(abs(hash(str(dest))) % 10**8)}

    def _download(self, run: Run, with_: dict, ws: Path) -> dict:
        source = run
        if with_.get("run-id"):
            assert with_.get("github-token"), "another run's artifacts need github-token"
            source = next(r for r in self.runs if str(r.id) == with_["run-id"])
        dest = ws / with_.get("path", ".")
        if with_.get("name"):
            src = source.artifacts / with_["name"]
            if not src.is_dir():
                raise StepFailed(f"no artifact {with_['name']} in run {source.id}")
            shutil.copytree(src, dest, dirs_exist_ok=True, symlinks=True)
            return {"download-path": str(dest)}
        pattern = re.compile("^" + re.escape(with_.get("pattern", "*")).replace(r"\*", ".*") + "$")
        for art in sorted(source.artifacts.iterdir()):
            if pattern.match(art.name):
                target = dest if with_.get("merge-multiple") == "true" else dest / art.name
                shutil.copytree(art, target, dirs_exist_ok=True, symlinks=True)
        return {"download-path": str(dest)}


def _needs(job: dict) -> list[str]:
    needs = job.get("needs") or []
    return [needs] if isinstance(needs, str) else list(needs)


def _matrix_job(wf: dict) -> str | None:
    return next((n for n, j in wf["jobs"].items() if (j.get("strategy") or {}).get("matrix")), None)


def _matrix(job: dict, override: dict | None) -> list[dict]:
    matrix = dict((job.get("strategy") or {}).get("matrix") or {})
    matrix.update(override or {})
    if not matrix:
        return [{}]
    keys = sorted(matrix)
    return [dict(zip(keys, values)) for values in itertools.product(*(matrix[k] for k in keys))]


def _read_outputs(path: Path) -> dict[str, str]:
    out, lines, i = {}, path.read_text(encoding="utf-8").splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and "=" not in line.split("<<", 1)[0]:
            key, delim = line.split("<<", 1)
            body = []
            i += 1
            while lines[i] != delim:
                body.append(lines[i])
                i += 1
            out[key] = "\n".join(body)
        elif "=" in line:
            key, value = line.split("=", 1)
            out[key] = value
        i += 1
    return out


def uses_lines(text: str) -> list[str]:
    """Every `uses:` line of a workflow or action file."""
    return [line.strip() for line in text.splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
