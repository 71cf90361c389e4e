"""discover -> gather -> store -> check -> report. The CLI, the Action entry point and the tests call this."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from . import __version__
from .artifacts import ArtifactStore, PageRecord
from .checks import CheckContext, load_all
from .checks.site_index import SiteIndex
from .models import CheckError, Finding, PageEntry, RunResult, assign_fingerprints

_HOST = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$", re.I)


class InputError(Exception):
    """The user's input cannot be used (malformed target, conflicting options): exit code 2."""


class NothingAudited(Exception):
    """The run audited no page (the site is down, unreachable from here, or refuses every page): exit code 2,
    never a clean 0, so a CI gate does not pass while the site is down."""


NO_BROWSER_HINT = ("install one with scripts/ensure-browser.sh (or `apt-get install chromium`, or "
                   "`python -m playwright install chromium`), or name one in PARITY_CHECK_CHROMIUM")


def find_browser():
    """The browser settings, or BrowserNotFound with how to get one. Called before any folder is written."""
    from .gather.browser import BrowserNotFound, load_settings

    try:
        return load_settings()
    except BrowserNotFound as e:
        raise BrowserNotFound(f"no browser: {e}; {NO_BROWSER_HINT}") from None


def require_audited(result: RunResult, shard: tuple[int, int] = (1, 1)) -> None:
    """Raises NothingAudited, with the likeliest reason, when no page view was audited. A shard may have no
    page of its own on a small site: that is only a failure if pages failed."""
    cov = result.coverage
    if cov.get("pages_audited", 0) > 0 or (tuple(shard) != (1, 1) and not cov.get("pages_failed")):
        return
    from .progress import neutral

    failed = [p for p in result.pages if p.outcome == "failed"]
    first = next((p for p in failed if p.error), failed[0] if failed else None)
    why = f" ({neutral(first.url)}: {neutral(first.error or f'HTTP {first.status}')})" if first else ""
    raise NothingAudited(f"no page could be audited: {len(failed)} failed{why}; check that {result.target} is "
                         f"up and reachable from this machine (a proxy: see the README)")


def target_url(target: str) -> str:
    """A domain (`akimvko.gov.kz`), a host with a port, or an http(s) URL, as a start URL."""
    raw = target.strip()
    if not raw:
        raise InputError("the target is empty: give a domain (akimvko.gov.kz), a URL or a profile name")
    if re.match(r"^[a-z][a-z0-9+-]*:(?!\d|//)", raw, re.I):  # mailto:, javascript:, file: (not host:port)
        raise InputError(f"{target!r}: only http and https sites can be checked")
    candidate = raw if re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.I) else f"https://{raw}"
    try:
        parts = urlsplit(candidate)
    except ValueError:  # a broken IPv6 literal
        raise InputError(f"{target!r} is not a domain or URL (example: akimvko.gov.kz)") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{target!r}: only http and https sites can be checked")
    try:
        parts.port
    except ValueError:
        raise InputError(f"{target!r}: the port is not a number") from None
    if not parts.hostname or not _HOST.match(parts.hostname):
        raise InputError(f"{target!r} is not a domain or URL (example: akimvko.gov.kz or "
                         f"https://www.gov.kz/memleket/entities/edu?lang=kk)")
    return candidate if parts.path else candidate + "/"


@dataclass(frozen=True)
class RunSettings:
    target: str
    out_dir: Path
    languages: tuple[str, ...] = ("kk", "ru", "en")
    formats: tuple[str, ...] = ("json", "html")
    fail_on: str = "serious"
    max_pages: int = 200
    max_depth: int = 5
    concurrency: int = 2
    modes: tuple[str, ...] = ("normal", "vi")
    start_urls: tuple[str, ...] = ()
    extra_hosts: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    url_codes: dict[str, str] = field(default_factory=dict)
    vi_steps: tuple[Any, ...] = ()
    vi_active_selector: str | None = None
    wait_for: str | None = None
    timeout_ms: int = 30000
    settle_ms: int = 250
    thresholds: dict[str, Any] = field(default_factory=dict)
    profile_name: str | None = None
    profile: Any = None
    resume: bool = False
    shard: tuple[int, int] = (1, 1)
    skip: tuple[str, ...] = ()  # gatherers not to run
    cache_dir: Path | None = None  # records of unchanged pages are reused from here (None: no cache)

    def saved(self) -> dict[str, Any]:
        """What run.json keeps so `--resume` can rebuild these settings (the profile is reloaded by name)."""
        from .config import PACKAGE_PROFILES

        source = getattr(self.profile, "source", None)
        shipped = source is None or Path(source).resolve().parent == PACKAGE_PROFILES
        ref = self.profile_name if shipped else str(Path(source).resolve())
        return {"target": self.target, "profile_ref": ref, "languages": list(self.languages),
                "formats": list(self.formats), "fail_on": self.fail_on, "max_pages": self.max_pages,
                "max_depth": self.max_depth, "concurrency": self.concurrency, "modes": list(self.modes),
                "shard": list(self.shard), "skip": list(self.skip), "cache_dir": str(self.cache_dir) if self.cache_dir else None}


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def gather(settings: RunSettings, progress: Callable[[str], None] | None = None) -> ArtifactStore:
    """The browser phase: renders the site and writes the artifacts under <out>/artifacts."""
    import asyncio

    return asyncio.run(gather_async(settings, progress))


async def gather_async(settings: RunSettings, progress: Callable[[str], None] | None = None,
                       session: Any = None) -> ArtifactStore:
    """As gather(), on the caller's loop; `session` (a running gather.BrowserSession) shares one browser
    across runs, as the test suite does."""
    from .gather import BrowserNotFound, CrawlPlan, gather_async as gather_pages, load_settings, scope_hosts
    from .gather.axe import axe_version

    store = ArtifactStore(settings.out_dir / "artifacts").create()
    browser = session.settings if session is not None else load_settings()
    plan = CrawlPlan(
        target=settings.target, start_urls=settings.start_urls, languages=settings.languages,
        hosts=scope_hosts(settings.target, settings.extra_hosts), include=settings.include,
        exclude=settings.exclude, max_pages=settings.max_pages, max_depth=settings.max_depth,
        concurrency=settings.concurrency, modes=settings.modes, vi_steps=settings.vi_steps,
        vi_active_selector=settings.vi_active_selector, wait_for=settings.wait_for,
        url_codes=settings.url_codes, settle_ms=settings.settle_ms, timeout_ms=settings.timeout_ms,
        resume=settings.resume, shard=settings.shard, cache_dir=settings.cache_dir,
        skip=frozenset(settings.skip), data=dict(getattr(settings.profile, "data", None) or {}))
    run = {"target": settings.target, "profile": settings.profile_name, "languages": list(settings.languages),
           "settings": settings.saved(), "started_at": now_iso(), "tool_version": __version__,
           "axe_version": axe_version()}
    if settings.resume:
        run["started_at"] = store.read_run().get("started_at", run["started_at"])
    # Written first with status "running", so a killed run can be resumed from its folder.
    store.write_run({**run, "status": "running", "captured_at": run["started_at"]})
    try:
        facts = await gather_pages(plan, store, browser, __version__, progress, session)
    except BrowserNotFound as e:
        raise BrowserNotFound(f"{e}; {NO_BROWSER_HINT}") from None
    store.write_run({**run, "status": "complete", "captured_at": now_iso(), **facts})
    return store


def page_entry(record: PageRecord) -> PageEntry:
    vi = record.get("vi") or {}
    dom = record.get("dom") or {}
    return PageEntry(url=record.url, lang=record.lang, mode=record.mode, status=record.status,
                     outcome=record.outcome, error=record.error, final_url=record.final_url,
                     title=dom.get("title"), vi_state=vi.get("state") if record.mode == "vi" else None,
                     vi_method=vi.get("method") if record.mode == "vi" else None)


def check(store: ArtifactStore, profile: Any = None, thresholds: dict | None = None,
          only: set[str] | None = None) -> RunResult:
    """The offline phase: every check over the saved records. Needs no browser.

    Records stream from disk: most checks see one page group at a time (a page in all its languages and
    modes), the site-wide ones read what they need as they go, so memory does not grow with the site."""
    from .parity import ParityMatrix, align

    from .not_found import NotFoundDetector

    run = store.read_run()
    entries: list[PageEntry] = []
    site_artifacts = store.site_artifacts()
    detector = NotFoundDetector.from_run(getattr(profile, "data", None), site_artifacts)
    index = SiteIndex.from_store(store, on_record=lambda r: entries.append(page_entry(r)), detector=detector)
    languages = tuple(run.get("languages", ()))
    common = {"run": run, "languages": languages, "profile": profile, "thresholds": thresholds or {},
              "site": site_artifacts, "index": index}
    findings: list[Finding] = []
    errors: dict[str, CheckError] = {}
    checks = {}
    any_audited = any(e.outcome == "audited" for e in entries)
    available = index.artifact_names | set(common["site"])
    for check_id, cls in load_all().items():
        if only and check_id not in only:
            continue
        missing = [a for a in cls.requires if a not in available]
        if missing and any_audited:
            errors[check_id] = CheckError(check_id, f"artifact(s) {', '.join(missing)} not recorded in this run")
            continue
        checks[check_id] = cls()

    def run_check(check_id: str, ctx: CheckContext) -> None:
        if check_id in errors:
            return  # failed on an earlier group: its findings so far stay, the error says it stopped
        try:
            findings.extend(checks[check_id].run(ctx))
        except Exception as e:  # one broken check must not lose the others' findings
            errors[check_id] = CheckError(check_id, f"{type(e).__name__}: {e}")

    matrix = ParityMatrix(languages or ("kk", "ru", "en"), profile)
    matrix_error = None
    by_group = [c for c, check in checks.items() if check.sees == "group"]
    for part in index.partitions():
        ctx = CheckContext(pages=[r.load() for r in part], **common)
        for check_id in by_group:
            run_check(check_id, ctx)
        try:
            matrix.add(align(ctx))
        except Exception as e:
            matrix_error = CheckError("parity-matrix", f"{type(e).__name__}: {e}")
    site_ctx = CheckContext(pages=index.records, **common)
    for check_id, check in checks.items():
        if check.sees == "site":
            run_check(check_id, site_ctx)
    site: dict[str, Any] = {"root": run.get("root", {}), "discovery": run.get("discovery", {})}
    table = matrix.table()
    if table:
        site["parity_matrix"] = table
    ran = sorted(c for c in checks if c not in errors)
    errors_list = sorted(errors.values(), key=lambda e: e.check) + ([matrix_error] if matrix_error else [])
    audited = sum(1 for e in entries if e.outcome == "audited")
    over = int(run.get("pages_over_limit", 0))
    coverage = {
        "pages_found": int(run.get("pages_admitted", len({(e.url, e.lang) for e in entries}))) + over,
        "pages_audited": audited,
        "pages_failed": sum(1 for e in entries if e.outcome == "failed"),
        "pages_skipped": sum(1 for e in entries if e.outcome == "skipped"),
        "pages_not_found": sum(1 for e in entries if e.outcome == "not_found"),
        "truncated": over > 0,
        "pages_over_limit": over,
    }
    return RunResult(
        tool={"name": "parity-check", "version": __version__, "axe_version": run.get("axe_version", "unknown"),
              "browser": run.get("browser", "unknown"), "checks": sorted(ran)},
        target=run["target"], started_at=run["started_at"], captured_at=run["captured_at"],
        languages=list(run.get("languages", [])), coverage=coverage, pages=entries,
        findings=assign_fingerprints(findings), check_errors=errors_list,
        site=site, profile=run.get("profile"))


def finish_run(store: ArtifactStore, settings: RunSettings, *, baseline: Path | None = None,
               report_lang: str = "en", fail_on_new: bool = False,
               report_options: dict | None = None) -> tuple[RunResult, dict[str, Path], int]:
    """check -> suppressions and baseline -> every report format -> exit code (0 or 1). The one path from
    saved artifacts to reports, shared by `parity-check`, `parity-check ci` and the tests."""
    from .baseline import gate_exit_code
    from .report import write_reports
    from .report.finalise import finalise_result
    from .report.sarif_report import sarif_category

    result = check(store, settings.profile, settings.thresholds)
    result = finalise_result(result, settings.profile, baseline)
    options = {"report_lang": report_lang, "sarif_category": sarif_category(settings.target, settings.shard),
               **(report_options or {})}
    written = write_reports(result, settings.out_dir, list(settings.formats), options)
    return result, written, site_failed(result) or gate_exit_code(result, settings.fail_on, fail_on_new)


def site_failed(result: RunResult) -> int:
    """2 when pages were visited and none of them exists or opens (a target that is not there, every page
    "not found" or failed): the site failed, which no count of findings may call clean; else 0."""
    outcomes = {p.outcome for p in result.pages if p.mode == "normal"}
    return 2 if outcomes and outcomes <= {"not_found", "failed"} else 0
