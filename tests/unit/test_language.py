"""Language identification: Kazakh with and without its letters, Russian, English, the languages
that look like them, neutral strings, page-level counting, and the lang-code rules.

The accuracy floors at the end read the benchmark's held-out test split (bench/data/lang_samples.tsv),
so a change that makes the identifier worse on real labels fails here, not only in the benchmark.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from parity_check.language import (
    Identifier,
    LanguageGuess,
    identify,
    identify_many,
    is_valid_lang_code,
    page_language,
    same_language,
)

SITE = ("kk", "ru", "en")
SAMPLES = Path(__file__).resolve().parents[2] / "bench" / "data" / "lang_samples.tsv"


# -- Kazakh ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Жаңалықтар", "Құжаттар", "Іздеу", "Мемлекеттік қызметтер",
                                  "Көзі нашар көретіндерге арналған нұсқа"])
def test_kazakh_with_kazakh_letters(text):
    g = identify(text, SITE)
    assert g.lang == "kk" and g.reliable and g.script == "Cyrl"


@pytest.mark.parametrize("text", ["Басты бет", "Байланыс", "Хабарландырулар", "Біз туралы",
                                  "Бос орындар", "Мекенжай", "Сайт бойынша іздеу"])
def test_kazakh_without_kazakh_letters_is_still_kazakh(text):
    # labels a character model alone often calls Russian
    assert identify(text, SITE).lang == "kk"


def test_kazakh_sentence_is_reliable_even_among_all_languages():
    g = identify("Мақалада мемлекеттік органдардың ақпараттық ашықтығы қарастырылды.")
    assert (g.lang, g.reliable) == ("kk", True)


def test_kazakh_letters_typed_with_latin_lookalikes():
    # old sites type Latin 'i' for 'і' (fonts lacked the glyph): still Kazakh, still Cyrillic
    g = identify("Бiз туралы", SITE)
    assert (g.lang, g.script) == ("kk", "Cyrl")


@pytest.mark.parametrize("text", ["Qazaqstan Respýblıkasy", "Basty bet", "Baılanys", "Jańalyqtar",
                                  "Saıt qazaq, orys jáne aǵylshyn tilderinde jumys isteıdi.",
                                  "Qazaqstan Respublikasynyñ Ükimeti"])
def test_latin_script_kazakh_counts_as_kazakh(text):
    g = identify(text, SITE)
    assert (g.lang, g.script) == ("kk", "Latn")


# -- Russian and English -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Главная", "Контакты", "Поиск по сайту", "Версия для слабовидящих",
                                  "Обращения граждан принимаются в письменной и электронной форме."])
def test_russian(text):
    assert identify(text, SITE).lang == "ru"


@pytest.mark.parametrize("text", ["Home", "About us", "Contacts", "News and events",
                                  "Appeals from citizens are accepted in written and electronic form."])
def test_english(text):
    assert identify(text, SITE).lang == "en"


def test_sentences_are_reliable_and_single_model_words_are_not():
    assert identify("Сотрудники управления ответили на вопросы жителей о порядке получения помощи.",
                    SITE).reliable
    g = identify("Культура", SITE)          # one word only the model has an opinion on
    assert g.lang == "ru" and not g.reliable


# -- look-alikes ---------------------------------------------------------------------------------
def test_ukrainian_is_not_kazakh_because_of_i():
    text = "Цей сайт доступний трьома мовами і має версію для людей із порушеннями зору."
    assert identify(text).lang == "uk"
    # restricted to the site languages it is not confidently Kazakh either
    g = identify(text, SITE)
    assert g.lang != "kk" or not g.reliable


def test_ukrainian_label_with_only_i():
    g = identify("Головна сторінка")
    assert g.lang != "kk" or not g.reliable


def test_french_page_text_is_french_and_dutch_is_dutch():
    fr = identify("Le ministère publie chaque année un rapport sur l'exécution du budget de l'État.")
    nl = identify("Het ministerie publiceert elk jaar een verslag over de uitvoering van de begroting.")
    assert (fr.lang, fr.reliable) == ("fr", True)
    assert (nl.lang, nl.reliable) == ("nl", True)


def test_french_text_restricted_to_site_languages_is_not_confident_english():
    g = identify("Les citoyens peuvent déposer une demande en ligne sans se déplacer.", SITE)
    assert g.lang == "und" or not g.reliable


@pytest.mark.parametrize("text,lang", [("Το υπουργείο δημοσιεύει έκθεση.", "el"), ("דף הבית", "he"),
                                       ("省は毎年、報告書を公表しています。", "ja"), ("公民可以在网上提交申请", "zh"),
                                       ("تنشر الوزارة تقريرا عن تنفيذ ميزانية الدولة.", "ar")])
def test_other_scripts(text, lang):
    assert identify(text).lang == lang


# -- neutral ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["2024", "15.03.2024", "+7 (7172) 74-30-00", "info@akimvko.gov.kz",
                                  "https://www.gov.kz/memleket/entities/mz", "Бюджет", "Статистика",
                                  "Департамент", "— · —", ""])
def test_neutral_strings_carry_no_language(text):
    g = identify(text, SITE)
    assert g.neutral and g.lang == "und" and not g.reliable


def test_shared_stem_with_kazakh_or_russian_ending_is_not_neutral():
    assert identify("Бюджеттен", SITE).lang == "kk"
    assert identify("Бюджетные программы", SITE).lang == "ru"


def test_result_is_frozen_and_cached_calls_agree():
    g = identify("Басты бет", SITE)
    assert isinstance(g, LanguageGuess)
    with pytest.raises(AttributeError):
        g.lang = "ru"  # type: ignore[misc]
    assert identify_many(["Басты бет", "Главная", "Home"], SITE)[0] == g
    assert [x.lang for x in identify_many(["Басты бет", "Главная", "Home"], SITE)] == ["kk", "ru", "en"]


def test_candidates_restrict_the_answer():
    assert identify("Басты бет", ("ru", "en")).lang != "kk"
    assert identify("Главная страница", ("kk",)).lang in ("und", "kk")
    assert identify("Басты бет", ["kk-KZ", "ru-RU"]).lang == "kk"     # tags are read as languages


# -- page language ------------------------------------------------------------------------------
def test_page_language_counts_words_not_segments():
    segments = ["Басты бет", "Байланыс", "Жаңалықтар", "Главная",     # menu: 3 kk items, 1 ru
                "Министерство здравоохранения сообщает о начале вакцинации против гриппа в регионе.",
                "Обращения граждан принимаются в письменной и электронной форме через портал.",
                "Прием граждан проводится каждый вторник с десяти до тринадцати часов.",
                "info@mz.gov.kz", "2024"]
    page = page_language(segments, SITE)
    assert page.lang == "ru"
    assert page.words_by_lang["kk"] == 4 and page.words_by_lang["ru"] > 25
    assert 0.8 < page.share < 1 and page.reliable


def test_page_language_weights_and_too_little_text():
    page = page_language([("Басты бет", 20), "Главная"], SITE)
    assert page.lang == "kk" and page.words_by_lang == {"kk": 40, "ru": 1}
    assert not page_language(["Главная", "Home"], SITE).reliable
    assert page_language([], SITE).lang == "und"


def test_page_language_mixed_kazakh_and_russian_is_not_reliable():
    kk = "Мемлекеттік органдардың ақпараттық ашықтығы мемлекеттік басқару тиімділігінің критерийі."
    ru = "Информационная прозрачность государственных органов как критерий эффективности управления."
    page = page_language([kk, ru, kk, ru], SITE)
    assert 0.4 <= page.share <= 0.6 and not page.reliable


# -- language codes -----------------------------------------------------------------------------
@pytest.mark.parametrize("code,valid", [("kk", True), ("kk-KZ", True), ("ru-RU", True), ("en-GB", True),
                                        ("en", True), ("zh-Hant-TW", True), ("kz", False), ("kz-KZ", False),
                                        ("kk_KZ", False), ("english", False), ("", False), (" kk", False)])
def test_is_valid_lang_code(code, valid):
    assert is_valid_lang_code(code) is valid


@pytest.mark.parametrize("declared,detected,same", [("kk", "kk", True), ("kk-KZ", "kk", True),
                                                    ("kz", "kk", True), ("KZ", "kk", True),
                                                    ("ru-RU", "ru", True), ("en-GB", "en", True),
                                                    ("ru", "kk", False), ("en", "und", False),
                                                    ("", "kk", False), ("uk", "kk", False)])
def test_same_language(declared, detected, same):
    assert same_language(declared, detected) is same


# -- the fast kk/ru scorer is py3langid's own arithmetic ------------------------------------------
def test_small_view_matches_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    from parity_check.language.backends import get_backend

    ref = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ref.set_languages(["kk", "ru"])
    ours = get_backend("langid")
    for text in ("басты бет", "главная страница", "контакты", "салық калькуляторы"):
        want = dict(ref.rank(text))
        got = ours.probabilities(text, frozenset({"kk", "ru"}))
        assert got.keys() == want.keys()
        assert all(abs(got[k] - want[k]) < 1e-4 for k in want)


# -- accuracy floors on the held-out benchmark split ----------------------------------------------
def _accuracy_by_kind():
    ident = Identifier("langid")
    hits: dict[str, Counter] = {}
    with open(SAMPLES, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            g = ident.identify(row["text"], SITE)
            c = hits.setdefault(row["kind"], Counter())
            c["n"] += 1
            c["ok"] += g.lang == row["lang"]
            c["wrong"] += g.lang not in (row["lang"], "und")
    return hits


def test_accuracy_floors_on_benchmark():
    hits = _accuracy_by_kind()
    acc = {kind: c["ok"] / c["n"] for kind, c in hits.items()}
    assert acc["sentence"] >= 0.99, acc
    assert acc["fragment"] >= 0.97, acc
    assert acc["label"] >= 0.97, acc
    wrong = sum(c["wrong"] for c in hits.values()) / sum(c["n"] for c in hits.values())
    assert wrong <= 0.02, wrong
