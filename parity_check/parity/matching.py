"""Pairing the items of two language versions of a page, with no machine translation.

Every pairing is scored from language-neutral evidence and keeps the reasons, so a reader can see why two
items were taken as the same:
  content    same link target, same attachment (URL, file name, size), same image, same dates, shared
             figures, similar names (Cyrillic<->Latin), near-identical text;
  structure  same list, same position in lists of equal length, similar position, same kind.
Within one list the pairing keeps the order of both lists (a sequence alignment, so one missing entry does
not shift all the others); items whose content evidence is strong are then paired across lists too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .items import Item
from .text import name_words, skeleton

ACCEPT = 0.3  # below this two items are not taken as the same
CONFIDENT = 0.6  # from here a pairing is sure enough to report a difference as a violation
CROSS_LIST_CONTENT = 0.45  # content evidence that pairs items even in different lists

# Characters per character of Russian, roughly: Kazakh runs a little longer, English shorter.
LENGTH_FACTOR = {"kk": 1.05, "ru": 1.0, "en": 0.85}
_NTH = re.compile(r":nth-of-type\(\d+\)")


@dataclass
class ItemPair:
    a: Item
    b: Item
    score: float
    content: float  # the share of the score that comes from content, not position
    evidence: list[str] = field(default_factory=list)

    def evidence_without(self, *prefixes: str) -> float:
        """The score the pairing would have without the named kinds of evidence (to judge a pairing
        without the very figures that are found to differ)."""
        return max(0.0, self.score - sum(w for e, w in self._weights if e.startswith(prefixes)))

    _weights: list[tuple[str, float]] = field(default_factory=list, repr=False)


def _add(ev: list, weights: list, text: str, w: float) -> float:
    ev.append(text)
    weights.append((text, w))
    return w


def content_score(a: Item, b: Item) -> tuple[float, list[str], list[tuple[str, float]]]:
    ev: list[str] = []
    ws: list[tuple[str, float]] = []
    s = 0.0
    shared_links = a.link_ids & b.link_ids
    if shared_links:
        s += _add(ev, ws, f"link: same link target {sorted(shared_links)[0]}", 0.6)
    elif a.numeric_ids & b.numeric_ids:
        s += _add(ev, ws, f"link: same id in link target {sorted(a.numeric_ids & b.numeric_ids)[0]}", 0.35)
    if a.documents and b.documents:
        s += _document_evidence(a, b, ev, ws)
    shared_mail = a.emails & b.emails
    if shared_mail:
        s += _add(ev, ws, f"e-mail: same address {sorted(shared_mail)[0]}", 0.5)
    shared_images = a.images & b.images
    if shared_images:
        s += _add(ev, ws, f"image: same image {sorted(shared_images)[0]}", 0.5)
    if a.dates and b.dates:
        da, db = set(a.dates), set(b.dates)
        if da == db:
            s += _add(ev, ws, f"date: same date {min(da).isoformat()}", 0.4)
        elif da & db:
            s += _add(ev, ws, f"date: shared date {min(da & db).isoformat()}", 0.25)
        else:
            s += _add(ev, ws, "date: different dates", -0.25)
    if a.figures and b.figures:
        fa, fb = list(a.figures), list(b.figures)
        common = [x for x in set(fa) if x in fb]
        if common:
            j = len(common) / len(set(fa) | set(fb))
            s += _add(ev, ws, f"figures: {len(common)} shared ({', '.join(sorted(common)[:4])})", 0.15 + 0.3 * j)
        else:
            s += _add(ev, ws, "figures: none shared", -0.1)
    na, nb = name_words(a.text), name_words(b.text)
    if na and nb and len(na) >= 4 and len(nb) >= 4:
        r = fuzz.token_set_ratio(na, nb)
        if r >= 85:
            s += _add(ev, ws, f"names: similar names ({round(r)}%)", 0.2)
    ta, tb = a.text, b.text
    if len(ta) >= 12 and 0.8 <= (len(ta) + 1) / (len(tb) + 1) <= 1.25:
        r = fuzz.ratio(skeleton(ta), skeleton(tb))
        if r >= 90:
            s += _add(ev, ws, f"text: near-identical text ({round(r)}%)", 0.5)
    return s, ev, ws


def _document_evidence(a: Item, b: Item, ev: list, ws: list) -> float:
    urls_a, urls_b = {d.url_key for d in a.documents}, {d.url_key for d in b.documents}
    if urls_a & urls_b:
        return _add(ev, ws, f"document: same file {sorted(urls_a & urls_b)[0]}", 0.6)
    names_a = {d.name_key for d in a.documents if len(d.name_key) >= 3}
    names_b = {d.name_key for d in b.documents if len(d.name_key) >= 3}
    if names_a & names_b:
        return _add(ev, ws, f"document: same file name {sorted(names_a & names_b)[0]}", 0.5)
    sizes_a = {d.size for d in a.documents if d.size}
    if sizes_a & {d.size for d in b.documents if d.size}:
        return _add(ev, ws, "document: same file size", 0.3)
    return 0.0


def structure_score(a: Item, b: Item, pos: tuple[int, int, int, int] | None) -> tuple[float, list[str], list]:
    ev: list[str] = []
    ws: list[tuple[str, float]] = []
    s = 0.0
    if pos is not None:
        ia, na, ib, nb = pos
        s += _add(ev, ws, "structure: same list", 0.1)
        if na == nb and ia == ib:
            s += _add(ev, ws, f"position: same place {ia + 1} of {na}", 0.25)
        else:
            ra, rb = ia / max(1, na - 1), ib / max(1, nb - 1)
            closeness = 1 - abs(ra - rb)
            if closeness > 0.5:
                s += _add(ev, ws, f"position: near place ({ia + 1}/{na} vs {ib + 1}/{nb})", 0.15 * closeness)
    if a.kind == b.kind:
        s += _add(ev, ws, f"structure: both {a.kind}", 0.05)
    la = len(a.text) / LENGTH_FACTOR.get(a.lang, 1.0)
    lb = len(b.text) / LENGTH_FACTOR.get(b.lang, 1.0)
    if la and lb and 0.6 <= la / lb <= 1.6:
        s += _add(ev, ws, "structure: similar length", 0.05)
    return s, ev, ws


def score(a: Item, b: Item, pos: tuple[int, int, int, int] | None = None) -> ItemPair:
    c, ev, ws = content_score(a, b)
    st, ev2, ws2 = structure_score(a, b, pos)
    total = max(0.0, min(1.0, c + st))
    return ItemPair(a, b, round(total, 3), round(max(0.0, c), 3), ev + ev2, ws + ws2)


def shape(container: str) -> str:
    return _NTH.sub("", container)


def pair_items(items_a: list[Item], items_b: list[Item]) -> tuple[list[ItemPair], list[Item], list[Item]]:
    """(pairs, unpaired items of a, unpaired items of b)."""
    lists_a: dict[str, list[Item]] = {}
    lists_b: dict[str, list[Item]] = {}
    for it in items_a:
        lists_a.setdefault(shape(it.container), []).append(it)
    for it in items_b:
        lists_b.setdefault(shape(it.container), []).append(it)
    pairs: list[ItemPair] = []
    for key, seq_a in lists_a.items():
        seq_b = lists_b.get(key)
        if seq_b:
            pairs.extend(_align_sequences(seq_a, seq_b))
    done_a = {id(p.a) for p in pairs}
    done_b = {id(p.b) for p in pairs}
    rest_a = [i for i in items_a if id(i) not in done_a]
    rest_b = [i for i in items_b if id(i) not in done_b]
    pairs.extend(_greedy_by_content(rest_a, rest_b))
    done_a = {id(p.a) for p in pairs}
    done_b = {id(p.b) for p in pairs}
    return pairs, [i for i in items_a if id(i) not in done_a], [i for i in items_b if id(i) not in done_b]


def _align_sequences(seq_a: list[Item], seq_b: list[Item]) -> list[ItemPair]:
    """Order-keeping alignment of two lists (Needleman-Wunsch with free gaps): the set of pairs, in order,
    with the largest total of (score - ACCEPT); pairs below ACCEPT are never made."""
    n, m = len(seq_a), len(seq_b)
    grid = [[score(seq_a[i], seq_b[j], (i, n, j, m)) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            s = grid[i][j].score
            take = below[j + 1] + (s - ACCEPT + 1e-6) if s >= ACCEPT else -1.0
            row[j] = max(take, below[j], row[j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        s = grid[i][j].score
        if s >= ACCEPT and abs(best[i][j] - (best[i + 1][j + 1] + s - ACCEPT + 1e-6)) < 1e-9:
            out.append(grid[i][j])
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    # A strongly evidenced pair the order-keeping pass could not make (the lists are sorted differently)
    # is made afterwards by content, across lists.
    return out


def _greedy_by_content(rest_a: list[Item], rest_b: list[Item]) -> list[ItemPair]:
    if not rest_a or not rest_b:
        return []
    candidates = []
    for a in rest_a:
        if not (a.has_identity or len(a.text) >= 12):
            continue
        for b in rest_b:
            p = score(a, b)
            if p.content >= CROSS_LIST_CONTENT and p.score >= ACCEPT:
                candidates.append(p)
    candidates.sort(key=lambda p: -p.score)
    used_a, used_b, out = set(), set(), []
    for p in candidates:
        if id(p.a) in used_a or id(p.b) in used_b:
            continue
        used_a.add(id(p.a))
        used_b.add(id(p.b))
        out.append(p)
    return out
