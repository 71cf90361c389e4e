"""The language checks on page records built in code: a passing, a failing and an inapplicable case each."""
from parity_check.artifacts import PageRecord
from parity_check.checks import CheckContext, load_all

CHECKS = load_all()
KK_TEXT = ("Облыс әкімдігі тұрғындардың өтініштерін қабылдау кестесін жариялады. Әкімнің орынбасары "
           "аудандарға жұмыс сапарымен барды және жаңа мектептің құрылысын тексерді.")
RU_TEXT = ("Акимат области опубликовал график приёма граждан. Заместитель акима посетил районы с рабочей "
           "поездкой и проверил строительство новой школы.")
EN_TEXT = ("The regional akimat published the schedule for receiving citizens. The deputy akim visited the "
           "districts and inspected the construction of a new school.")


def page(url, lang, declared, texts, mode="normal", lang_elements=(), links=(), outcome="audited",
         status=200, final_url=None, images=()):
    segments = [{"selector": f"main > p:nth-of-type({i + 1})", "kind": "text", "region": "main", "text": t,
                 "lang": declared} for i, t in enumerate(texts)]
    return PageRecord(url=url, lang=lang, mode=mode, outcome=outcome, status=status, final_url=final_url or url,
                      artifacts={"dom": {"declared_lang": declared, "segments": segments,
                                         "lang_elements": list(lang_elements), "links": list(links),
                                         "images": list(images)}} if outcome == "audited" else {})


def run(check_id, pages, languages=("kk", "ru", "en"), run=None):
    ctx = CheckContext(pages=pages, run=run or {}, languages=languages)
    return list(CHECKS[check_id]().run(ctx))


def test_lang_mismatch():
    assert run("lang-mismatch", [page("http://x/kz/", "kk", "kk", [KK_TEXT])]) == []
    found = run("lang-mismatch", [page("http://x/kz/", "kk", "ru", [KK_TEXT, KK_TEXT])])
    assert [f.outcome for f in found] == ["violation"] and found[0].selector == "html"
    assert "Kazakh" in found[0].message and found[0].message_args["detected_ru"] == "казахский"
    assert run("lang-mismatch", [page("http://x/kz/", "kk", "kz", [RU_TEXT])]) == []  # invalid code: axe's


def test_element_lang_mismatch():
    ok = {"selector": "span", "lang": "ru", "text": RU_TEXT, "visible": True}
    wrong = {"selector": "span.q", "lang": "en", "text": RU_TEXT, "visible": True}
    assert run("element-lang-mismatch", [page("http://x/ru/", "ru", "ru", [RU_TEXT], lang_elements=[ok])]) == []
    found = run("element-lang-mismatch", [page("http://x/ru/", "ru", "ru", [RU_TEXT], lang_elements=[wrong])])
    assert [(f.selector, f.outcome) for f in found] == [("span.q", "violation")]
    neutral = {"selector": "span", "lang": "en", "text": "2024", "visible": True}
    assert run("element-lang-mismatch", [page("http://x/ru/", "ru", "ru", [RU_TEXT], lang_elements=[neutral])]) == []


def test_the_act_decision_rule_for_short_texts():
    """checks/language/common.py mismatch_outcome: confidently another language and the declared one
    implausible -> violation; a short text that reads as its declared language too -> incomplete."""
    bilingual = {"selector": "span.fr", "lang": "fr", "own_text": "Paul put dire comment on tape", "visible": True}
    dutch = {"selector": "span.nl", "lang": "fr", "own_text": "Hij ging met de kippen op stok", "visible": True}
    # declared kk/ru/en: the identifier's `reliable` decides, as before (two Russian words: not reliable)
    short = {"selector": "a.ru", "lang": "kk", "own_text": "Главная страница", "visible": True}
    longer = {"selector": "p.ru", "lang": "kk", "own_text": RU_TEXT, "visible": True}
    found = run("element-lang-mismatch", [page("http://x/en/", "en", "en", [EN_TEXT],
                                               lang_elements=[bilingual, dutch, short, longer])])
    assert sorted((f.selector, f.outcome) for f in found) == [
        ("a.ru", "incomplete"), ("p.ru", "violation"), ("span.fr", "incomplete"), ("span.nl", "violation")]
    # a short page plainly in English, declared Dutch: failed, not can't tell (ACT ucwvc8 failed example 2)
    found = run("lang-mismatch", [page("http://x/", None, "nl", ['The Dutch word "gelukkig" has no equivalent in English.'])])
    assert [f.outcome for f in found] == ["violation"]
    # the bilingual sentence declared French: at most can't tell (ACT ucwvc8 inapplicable example 4)
    found = run("lang-mismatch", [page("http://x/", None, "fr", ["Paul put dire comment on tape"] * 2)])
    assert [f.outcome for f in found] == ["incomplete"]


def test_untranslated_page():
    kk = page("http://x/kz/news", "kk", "kk", [RU_TEXT, RU_TEXT])
    ru = page("http://x/ru/news", "ru", "ru", [RU_TEXT, RU_TEXT])
    found = run("untranslated-page", [kk, ru])
    assert [(f.url, f.outcome) for f in found] == [("http://x/kz/news", "violation")]
    assert found[0].related == ("http://x/ru/news",)
    assert run("untranslated-page", [page("http://x/kz/news", "kk", "kk", [KK_TEXT]), ru]) == []
    assert run("untranslated-page", [page("http://x/news", None, "kk", [RU_TEXT])]) == []  # no language version


def test_untranslated_text():
    kk = page("http://x/kz/", "kk", "kk", [KK_TEXT, KK_TEXT, RU_TEXT])
    found = run("untranslated-text", [kk])
    assert [f.selector for f in found if f.outcome == "violation"] == ["main > p:nth-of-type(3)"]
    assert run("untranslated-text", [page("http://x/kz/", "kk", "kk", [KK_TEXT, "Бюджет", "2024"])]) == []
    alt = page("http://x/kz/", "kk", "kk", [KK_TEXT], images=[{"alt": RU_TEXT, "selector": "img.hero"}])
    assert [f.selector for f in run("untranslated-text", [alt])] == ["img.hero"]


def test_missing_language_version():
    ru = page("http://x/ru/a", "ru", "ru", [RU_TEXT])
    kk_404 = page("http://x/kz/a", "kk", None, [], outcome="failed", status=404)
    en_redirect = page("http://x/en/a", "en", "ru", [RU_TEXT], final_url="http://x/ru/a")
    found = run("missing-language-version", [ru, kk_404, en_redirect])
    assert sorted((f.lang, f.message_key) for f in found) == [
        ("en", "missing-language-version.redirected"), ("kk", "missing-language-version.failed")]
    assert run("missing-language-version", [ru, page("http://x/kz/a", "kk", "kk", [KK_TEXT])]) == []
    nowhere = page("http://x/ru/b", "ru", "ru", [RU_TEXT],
                   links=[{"text": "Қаз", "raw_href": "#", "href": "http://x/ru/b#", "selector": "a.kz"}])
    assert [f.selector for f in run("missing-language-version", [nowhere])] == ["a.kz"]


def test_default_language():
    root = {"url": "http://x/", "final_url": "http://x/ru/", "url_lang": "ru", "status": 200}
    assert [f.check for f in run("default-language", [], run={"root": root})] == ["default-language"]
    assert run("default-language", [], run={"root": {**root, "final_url": "http://x/kz/", "url_lang": "kk"}}) == []
    assert run("default-language", [], languages=("ru", "en"), run={"root": root}) == []


def test_unmarked_language_change():
    text = "The deputy akim visited the districts. He said: «Das ist eine sehr gute neue Schule für alle Kinder»."
    found = run("unmarked-language-change", [page("http://x/en/", "en", "en", [EN_TEXT, text])])
    assert [f.check for f in found] == ["unmarked-language-change"]
    assert run("unmarked-language-change", [page("http://x/en/", "en", "en", [EN_TEXT])]) == []


def test_language_switcher_labels_are_not_untranslated_text():
    kk = page("http://x/kz/", "kk", "kk", [KK_TEXT, KK_TEXT, "Русский", "English"])
    assert run("untranslated-text", [kk]) == []


def test_counterpart_found_by_hreflang_is_not_missing():
    kk = page("http://x/kz/basshylyq", "kk", "kk", [KK_TEXT])
    kk.artifacts["dom"]["alternates"] = [{"hreflang": "ru", "href": "http://x/ru/rukovodstvo"}]
    ru = page("http://x/ru/rukovodstvo", "ru", "ru", [RU_TEXT])
    ru.artifacts["dom"]["alternates"] = [{"hreflang": "kk", "href": "http://x/kz/basshylyq"}]
    guessed = [page("http://x/ru/basshylyq", "ru", None, [], outcome="failed", status=404),
               page("http://x/kz/rukovodstvo", "kk", None, [], outcome="failed", status=404)]
    assert run("missing-language-version", [kk, ru, *guessed], languages=("kk", "ru")) == []


# The three language barriers of the UK GDS accessibility-tool audit that axe-core misses, with the audit's
# own sentences (alphagov/accessibility-tool-audit, tests/language-of-content-*.html).
GDS_SENTENCE = "Mother, he's asking you to go. He's saying, \"Allons, Madame plaisante!\""


def test_gds_page_set_to_the_wrong_language():
    found = run("lang-mismatch", [page("http://x/en/", "en", "fr", [EN_TEXT, EN_TEXT])])
    assert [f.check for f in found] == ["lang-mismatch"]


def test_gds_passage_marked_with_the_wrong_language():
    marked = {"selector": "p > span", "lang": "es", "text": "\"Allons, Madame plaisante!\"", "visible": True,
              "own_text": "\"Allons, Madame plaisante!\""}
    found = run("element-lang-mismatch", [page("http://x/en/", "en", "en", [GDS_SENTENCE], lang_elements=[marked])])
    assert [f.selector for f in found] == ["p > span"]


def test_gds_change_of_language_with_no_lang():
    found = run("unmarked-language-change", [page("http://x/en/", "en", "en", [GDS_SENTENCE])])
    assert [(f.check, f.evidence["segment"][:6]) for f in found] == [("unmarked-language-change", "Mother")]
