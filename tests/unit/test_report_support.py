"""Shared pieces of the report tests (no tests here): a fixed check registry, so golden files do not change
when a check elsewhere gains a translation, and the sample run."""
from __future__ import annotations

import pytest

from parity_check.checks.base import Check


class KkVersionMissing(Check):
    """A stand-in with translations in all three languages."""

    id = "kk-version-missing"
    impact = "serious"
    scope = "language"
    why = "Kazakh is the state language: every page must exist in Kazakh."
    messages = {
        "default": {"en": "The Kazakh version of {url} is missing",
                    "ru": "Нет казахской версии страницы {url}",
                    "kk": "{url} бетінің қазақша нұсқасы жоқ"},
        "title": {"en": "Kazakh version missing", "ru": "Нет казахской версии", "kk": "Қазақша нұсқасы жоқ"},
        "why": {"en": "Kazakh is the state language: every page must exist in Kazakh.",
                "ru": "Казахский — государственный язык: каждая страница должна быть на казахском.",
                "kk": "Қазақ тілі — мемлекеттік тіл: әр бет қазақша болуы керек."},
        "fix": {"en": "Publish the Kazakh page and link it from the Russian one.",
                "ru": "Опубликуйте казахскую страницу и дайте на неё ссылку с русской.",
                "kk": "Қазақша бетті жариялап, оған орысша беттен сілтеме беріңіз."},
    }


KkVersionMissing.__module__ = "parity_check.checks.parity.kk_version_missing"
FAKE_REGISTRY = {KkVersionMissing.id: KkVersionMissing}


@pytest.fixture
def fixed_registry(monkeypatch):
    from parity_check.report import digest

    monkeypatch.setattr(digest, "_registry", lambda: FAKE_REGISTRY)
    return FAKE_REGISTRY
