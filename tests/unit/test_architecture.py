"""The browser lives in one package: checks, reports and the language module must run without it."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "parity_check"


def test_only_gather_imports_playwright():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "gather" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("playwright", "axe_playwright_python") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_check_ids_are_unique_kebab_case_nouns():
    import re
    from parity_check.checks import load_all

    checks = load_all()
    assert checks, "no checks registered"
    for check_id, cls in checks.items():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", check_id), check_id
        assert cls.why, f"{check_id} says nothing about why it matters"
        assert cls.impact in ("critical", "serious", "moderate", "minor")
        assert cls.scope in ("page", "language", "site")
