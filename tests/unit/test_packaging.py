"""The distribution as a user installs it: `python -m build` with no deprecation warning, a wheel with the
shipped profiles, their JSON Schema, the licence and the notices, and an install outside the repository
that finds the profiles by name and runs as `python -m parity_check`."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the build requirements are in the test extra, so no download is needed here
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, cwd=out)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel = next(out.glob("*.whl"))
    return proc, wheel, next(out.glob("*.tar.gz"))


def test_the_build_says_nothing_is_deprecated(built):
    proc, _, _ = built
    said = (proc.stdout + proc.stderr).lower()
    for word in ("deprecat", "backendwarning", "setuptoolswarning", "will stop", "no longer be supported"):
        assert word not in said, [line for line in said.splitlines() if word in line]


def test_the_wheel_holds_the_profiles_schema_licence_and_notices(built):
    _, wheel, _ = built
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT / "profiles").as_posix() for p in (ROOT / "profiles").rglob("*") if p.is_file()}
    assert {"_defaults.yaml", "govkz.yaml", "profile.schema.json", "data/vi_switch_names.yaml"} <= shipped
    assert {f"parity_check/profiles/{name}" for name in shipped} <= names
    assert "parity_check/__main__.py" in names
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/NOTICE"} <= names
    assert not any(n.startswith(("tests/", "profiles/")) for n in names)
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode())
    assert meta["License-Expression"] == "MIT"
    assert any(c.startswith("Programming Language :: Python :: 3.10") for c in meta.get_all("Classifier"))
    assert any(u.startswith("Source, https://") for u in meta.get_all("Project-URL"))
    assert meta["Requires-Python"] == ">=3.10"


def test_an_install_outside_the_repository_finds_the_shipped_profiles(built, tmp_path):
    _, wheel, _ = built
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    # the dependencies from the test environment (read through a .pth, whose own .pth files, the editable
    # install among them, are not processed); parity-check itself from the wheel
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    run = lambda *args: subprocess.run([str(python), "-m", "parity_check", *args], cwd=away, env=env,  # noqa: E731
                                       capture_output=True, text=True)
    listed = run("profiles", "list")
    assert listed.returncode == 0, listed.stderr
    assert {"akimvko", "govkz", "demo"} <= {line.split()[0] for line in listed.stdout.splitlines()}
    where = subprocess.run([str(python), "-c", "import parity_check.config as c; print(c.PACKAGE_PROFILES)"],
                           cwd=away, env=env, capture_output=True, text=True)
    assert where.stdout.strip().startswith(str(site)), where
    shown = run("profiles", "show", "govkz?slug=edu")
    assert shown.returncode == 0 and "/memleket/entities/edu" in shown.stdout
    assert run("--help").stdout.startswith("Usage: parity-check")
