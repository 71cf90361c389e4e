"""A RunResult built in code: the fixture of the report tests and golden files, and a preview of every
section of the reports (`parity-check report render --sample DIR`).

It is finalised as a run is (one finding per defect across modes) and has each kind of finding the reports
group: a defect seen in both modes, one of the VI mode only, a layout element failing on pages of several
templates and an element of one URL template (news items). It is deliberately hostile: markup, quotes, formula-like cells and Kazakh letters in every string a site
controls, so each format proves it escapes what it writes.
"""
from __future__ import annotations

import base64
import struct
import zlib

from ..models import CheckError, Finding, PageEntry, RunResult, assign_fingerprints, stable_locator
from .finalise import merge_modes

HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' & ӘҒҚҢӨҰҮҺІ әғқңөұүһі =HYPERLINK(\"x\") | *bold* [link](javascript:x)"
BASE = "https://example.gov.kz"


def tiny_png(width: int = 6, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid PNG made without any imaging library: the screenshot crop of the sample."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def png_data_uri() -> str:
    return "data:image/png;base64," + base64.b64encode(tiny_png()).decode("ascii")


def _axe(rule: str, url: str, lang: str, mode: str, selector: str, impact: str, help_: str, description: str,
         outcome: str = "violation", html: str = "<img src=x>", screenshot: str | None = None) -> Finding:
    evidence = {"html": html, "summary": f"Fix any of the following:\n  {HOSTILE}", "data": None}
    if screenshot:
        evidence["screenshot"] = screenshot
    tags = ("cat.text-alternatives", "wcag2a", "wcag111", "kz:st-rk-2191")
    return Finding(check=rule, source="axe", outcome=outcome, impact=impact, url=url, lang=lang, mode=mode,
                   scope="page", selector=selector, message=help_, why=description,
                   help_url=f"https://dequeuniversity.com/rules/axe/4.12/{rule}?application=axeAPI",
                   tags=tags, evidence=evidence, message_key=f"axe.{rule}", message_args={},
                   locator=stable_locator(selector, html))


def _own(check: str, url: str, lang: str | None, mode: str | None, scope: str, message: str, *,
         selector: str | None = None, impact: str = "serious", outcome: str = "violation", key: str = "default",
         args: dict | None = None, related=(), evidence: dict | None = None) -> Finding:
    return Finding(check=check, source="parity-check", outcome=outcome, impact=impact, url=url, lang=lang,
                   mode=mode, scope=scope, selector=selector, message=message,
                   why=f"Why it matters: {HOSTILE}", help_url=None, tags=("kz:order-124",),
                   related=tuple(related), evidence=evidence or {}, message_key=f"{check}.{key}",
                   message_args=dict(args or {}), locator=stable_locator(selector))


def sample_result() -> RunResult:
    pages_kk = [f"{BASE}/kk/", f"{BASE}/kk/news", f"{BASE}/kk/contacts", f"{BASE}/kk/about?q={HOSTILE}"]
    pages_ru = [u.replace("/kk/", "/ru/") for u in pages_kk]
    pages_en = [f"{BASE}/en/", f"{BASE}/en/news"]
    entries = []
    for lang, urls in (("kk", pages_kk), ("ru", pages_ru), ("en", pages_en)):
        for url in urls:
            entries.append(PageEntry(url=url, lang=lang, mode="normal", status=200, outcome="audited",
                                     final_url=url, title=f"Әкімдік {HOSTILE}"))
            entries.append(PageEntry(url=url, lang=lang, mode="vi", status=200,
                                     outcome="audited" if lang != "en" else "skipped",
                                     final_url=url, title=None,
                                     vi_state="active" if lang != "en" else "absent",
                                     vi_method="bvi" if lang != "en" else None))
    entries.append(PageEntry(url=f"{BASE}/ru/broken", lang="ru", mode="normal", status=500, outcome="failed",
                             error=f"HTTP 500 {HOSTILE}"))
    news_items = [f"{BASE}/kk/news/{n}" for n in (101, 102, 103)]
    for url in news_items:
        entries.append(PageEntry(url=url, lang="kk", mode="normal", status=200, outcome="audited", final_url=url,
                                 title=f"Жаңалық {HOSTILE}"))

    findings = []
    # A template issue: the same logo image without alt on every kk and ru page.
    for url in pages_kk + pages_ru:
        findings.append(_axe("image-alt", url, url.split("/")[3], "normal", "header > a.logo > img:nth-child(1)",
                             "critical", "Images must have alternative text",
                             "Ensure <img> elements have alternative text or a role of none or presentation",
                             html=f"<img src=\"logo.png\" class=\"{HOSTILE}\">",
                             screenshot=png_data_uri() if url == pages_kk[0] else None))
    # The logo fails in the VI mode of the home page too: one finding seen in both modes.
    findings.append(_axe("image-alt", pages_kk[0], "kk", "vi", "header > a.logo > img:nth-child(1)", "critical",
                         "Images must have alternative text",
                         "Ensure <img> elements have alternative text or a role of none or presentation",
                         html=f"<img src=\"logo.png\" class=\"{HOSTILE}\">"))
    # A template of news items: each item's photo (a different image on every page) has no alt.
    for n, url in zip((101, 102, 103), news_items):
        findings.append(_axe("image-alt", url, "kk", "normal", f"img[src$=\"photo-{n}.jpg\"]", "critical",
                             "Images must have alternative text",
                             "Ensure <img> elements have alternative text or a role of none or presentation",
                             html=f"<img src=\"/media/photo-{n}.jpg\">"))
    # Seen in the VI mode only.
    findings.append(_axe("color-contrast", pages_kk[1], "kk", "vi", "main p.lead", "serious",
                         "Elements must meet minimum color contrast ratio thresholds",
                         "Ensure the contrast between foreground and background colors meets WCAG 2 AA",
                         html=f"<p class=\"lead\">{HOSTILE}</p>", screenshot="screens/contrast.png"))
    findings.append(_axe("link-name", pages_en[1], "en", "normal", "nav a[href=\"#\"]", "serious",
                         "Links must have discernible text", "Ensure links have discernible text",
                         outcome="incomplete", html="<a href=\"#\"></a>"))
    findings.append(_own("kk-version-missing", pages_ru[2], "kk", "normal", "language",
                         f"The Kazakh version of this page is missing: {HOSTILE}",
                         args={"url": pages_ru[2]}, related=[pages_ru[2]]))
    findings.append(_own("kk-version-missing", f"{BASE}/ru/broken", "kk", "normal", "language",
                         "The Kazakh version of this page is missing", impact="serious"))
    findings.append(_own("root-not-kazakh", BASE + "/", None, None, "site",
                         "The site opens in Russian, not in Kazakh", impact="moderate"))
    findings.append(_own("vi-mode-missing", pages_en[0], "en", "vi", "page",
                         "The visually-impaired mode is missing in English", impact="minor",
                         selector=f"button.bvi-open[title='{HOSTILE}']"))
    findings.append(_own("text-language-mismatch", pages_kk[3], "kk", "normal", "page",
                         f"Text declared Kazakh reads as Russian: «{HOSTILE}»", impact="moderate",
                         outcome="incomplete", selector="main .content",
                         evidence={"text": HOSTILE, "detected": "ru", "confidence": 0.61}))
    result = RunResult(
        tool={"name": "parity-check", "version": "0.1.0", "axe_version": "4.12.1", "browser": "Chromium 120"},
        target=BASE + "/", started_at="2025-05-01T08:00:00Z", captured_at="2025-05-01T08:05:00Z",
        languages=["kk", "ru", "en"],
        coverage={"pages_found": 15, "pages_audited": 19, "pages_failed": 1, "pages_skipped": 2,
                  "truncated": True, "pages_over_limit": 2},
        pages=entries, findings=merge_modes(assign_fingerprints(findings)),
        check_errors=[CheckError("stale-content", f"KeyError: {HOSTILE}")],
        site={"root": {"url": BASE + "/", "status": 200, "declared_lang": "ru"},
              "parity_matrix": {"news": {"kk": 100.0, "ru": 100.0, "en": 50.0},
                                f"about {HOSTILE}": {"kk": 33.3, "ru": 100.0, "en": 0.0}}},
        profile="example")
    return result
