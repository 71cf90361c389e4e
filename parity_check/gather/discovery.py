"""robots.txt and sitemaps: where a careful crawler starts, besides the links on the home page."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

ROBOTS_AGENT = "parity-check"
MAX_SITEMAPS = 20
MAX_SITEMAP_BYTES = 10 * 1024 * 1024
MAX_SITEMAP_URLS = 5000


@dataclass
class Discovery:
    robots_status: int | None = None
    robots: RobotFileParser | None = None
    sitemaps: list[str] = field(default_factory=list)  # named in robots.txt
    sitemaps_read: list[str] = field(default_factory=list)
    sitemap_urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        return self.robots is None or self.robots.can_fetch(ROBOTS_AGENT, url)

    def facts(self) -> dict:
        return {"robots_status": self.robots_status, "sitemaps": self.sitemaps, "sitemaps_read": self.sitemaps_read,
                "sitemap_urls": len(self.sitemap_urls), "errors": self.errors[:20]}


def parse_sitemap(xml_text: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or a sitemap index; namespaces ignored."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError:
        return [], []
    locs = [(el.text or "").strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc"]
    locs = [u for u in locs if u]
    if root.tag.rsplit("}", 1)[-1] == "sitemapindex":
        return [], locs
    return locs, []


async def discover(request, base_url: str) -> Discovery:
    """Reads robots.txt and every sitemap it names (or /sitemap.xml), following sitemap indexes.
    `request` is a Playwright APIRequestContext; failures are recorded, never raised."""
    found = Discovery()
    robots_url = urljoin(base_url, "/robots.txt")
    try:
        response = await request.get(robots_url, timeout=15000, max_redirects=3)
        found.robots_status = response.status
        if response.ok:
            text = (await response.text())[:500_000]
            parser = RobotFileParser()
            parser.parse(text.splitlines())
            found.robots = parser
            found.sitemaps = re.findall(r"(?im)^\s*sitemap:\s*(\S+)", text)
    except Exception as e:
        found.errors.append(f"{robots_url}: {type(e).__name__}")
    queue = list(found.sitemaps) or [urljoin(base_url, "/sitemap.xml")]
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAPS and len(found.sitemap_urls) < MAX_SITEMAP_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            response = await request.get(url, timeout=15000, max_redirects=3)
            if not response.ok:
                continue
            body = await response.body()
            if len(body) > MAX_SITEMAP_BYTES:
                found.errors.append(f"{url}: larger than {MAX_SITEMAP_BYTES} bytes, skipped")
                continue
            pages, nested = parse_sitemap(body.decode("utf-8", "replace"))
            found.sitemaps_read.append(url)
        except Exception as e:
            found.errors.append(f"{url}: {type(e).__name__}")
            continue
        found.sitemap_urls.extend(pages[: MAX_SITEMAP_URLS - len(found.sitemap_urls)])
        queue.extend(nested)
    return found
