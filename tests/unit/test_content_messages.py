"""Every content check speaks the officer's language: messages, title, why and fix in en, ru and kk, with the
same placeholders in each (a Russian or Kazakh template must not need an argument the English one lacks)."""
import re
import string

import pytest

from parity_check.checks import load_all

CONTENT = ("missing-section", "missing-contact", "broken-link", "broken-image", "scanned-document", "small-font",
           "stale-content", "deep-section")
_KAZAKH = re.compile("[әғқңөұүһі]", re.I)


def _fields(template: str) -> set[str]:
    # section_en / section_ru / section_kk are one argument in three languages
    return {re.sub(r"_(en|ru|kk)$", "", f) for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("check_id", CONTENT)
def test_messages_in_three_languages(check_id):
    cls = load_all()[check_id]
    assert cls.why and cls.tags and cls.requires == ("dom",)
    assert {"title", "why", "fix"} <= set(cls.messages)
    for key, texts in cls.messages.items():
        assert set(texts) == {"en", "ru", "kk"}, key
        assert len({texts["en"], texts["ru"], texts["kk"]}) == 3, key
        assert _KAZAKH.search(texts["kk"]), (key, texts["kk"])
        assert len({frozenset(_fields(t)) for t in texts.values()}) == 1, key


def test_legal_tags():
    checks = load_all()
    for check_id in ("missing-section", "missing-contact", "stale-content"):
        assert {"kz:law-access-to-information-art16", "kz:order-124"} <= set(checks[check_id].tags)
    assert "wcag111" in checks["scanned-document"].tags
