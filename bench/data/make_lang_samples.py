"""Build the labelled language-identification samples from the hand-kept sources in src/.

Writes (deterministically, fixed random seed):
  lang_samples.tsv  the held-out TEST set the benchmark and the accuracy-floor test read
  lang_dev.tsv      the DEV set: the only Kazakh/Russian/English text the lexicons and thresholds
                    were tuned on (first part of the study, its ru/en abstracts, dev UI labels)
  lang_other.tsv    other languages and Latin-script Kazakh (hand-written, small)

Sources: the Kazakh sentences come from the source study (seed file, split by position: its
first part is DEV, its second part TEST); news-style Kazakh, Russian and English sentences and
all UI labels were written for this benchmark.  Run: python bench/data/make_lang_samples.py
"""
from __future__ import annotations

import csv
import random
import re
from pathlib import Path

HERE = Path(__file__).parent
SRC = HERE / "src"
FRAGMENTS_PER_LANG = 150
_EDGE = re.compile(r"^[^\w«»]+|[^\w»]+$")


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in (SRC / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


def _labels(name: str) -> dict[str, list[str]]:
    with open(SRC / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {lang: [r[lang] for r in rows] for lang in ("kk", "ru", "en")}


def _fragments(sentences: list[str], n: int, rng: random.Random) -> list[str]:
    """2-5 word windows cut from the sentences; windows without any letter are skipped."""
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        words = rng.choice(sentences).split()
        k = rng.randint(2, min(5, len(words)))
        start = rng.randint(0, len(words) - k)
        frag = " ".join(_EDGE.sub("", w) or w for w in words[start:start + k]).strip(" ,;:.")
        if any(ch.isalpha() for ch in frag) and len(frag.split()) >= 2 and frag not in seen:
            seen.add(frag)
            out.append(frag)
    return out


def build(sentences: dict[str, list[str]], labels: dict[str, list[str]], seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    rows: list[tuple[str, str, str]] = []
    for lang in ("kk", "ru", "en"):
        rows += [(lang, "sentence", s) for s in sentences[lang]]
        rows += [(lang, "fragment", f) for f in _fragments(sentences[lang], FRAGMENTS_PER_LANG, rng)]
        rows += [(lang, "label", s) for s in labels[lang]]
    return rows


def _write(name: str, rows) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as fh:
        fh.write("lang\tkind\ttext\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main() -> None:
    test = build(
        {"kk": _lines("sentences_kk_seed_test.txt") + _lines("sentences_kk_news.txt"),
         "ru": _lines("sentences_ru.txt"), "en": _lines("sentences_en.txt")},
        _labels("labels.tsv"), seed=2024)
    dev = build(
        {"kk": _lines("sentences_kk_seed_dev.txt"),
         "ru": _lines("sentences_ru_seed_dev.txt"), "en": _lines("sentences_en_seed_dev.txt")},
        _labels("labels_dev.tsv"), seed=7)
    _write("lang_samples.tsv", test)
    _write("lang_dev.tsv", dev)
    other = (SRC / "other_langs.tsv").read_text(encoding="utf-8")
    (HERE / "lang_other.tsv").write_text(other, encoding="utf-8")
    print(f"test {len(test)} rows, dev {len(dev)} rows")


if __name__ == "__main__":
    main()
