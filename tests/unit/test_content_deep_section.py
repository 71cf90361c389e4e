"""deep-section: clicks from each language's home page to each required section."""
from tests.unit.test_content_records import good_site, heading, link, make_ctx, page, run_check, seg, url


def _deep(pages, lang="ru", key="appeals", path="appeals", text="Обращения граждан"):
    """Moves one section of one language behind three more pages: home -> about -> more -> archive -> it."""
    for p in pages:
        if p.lang == lang:
            p.artifacts["dom"]["links"] = [l for l in p.artifacts["dom"]["links"] if not l["href"].endswith("/" + path)]
    home = next(p for p in pages if p.url == url(lang))
    home.artifacts["dom"]["links"].append(link(url(lang, "about"), "Об акимате", region="nav"))
    chain = [("about", "about/more"), ("about/more", "about/more/archive"), ("about/more/archive", path)]
    for here, there in chain:
        pages.append(page(url(lang, here), lang, [heading(here), seg("Текст страницы об акимате области.")],
                          [link(url(lang, there), text if there == path else "Далее")], depth=2))
    return pages


def test_section_four_clicks_deep_is_a_violation_with_the_path():
    found = run_check("deep-section", make_ctx(_deep(good_site())))
    assert [(f.url, f.lang, f.outcome, f.message_args["clicks"]) for f in found] == [
        (url("ru", "appeals"), "ru", "violation", 4)]
    assert found[0].evidence["path"] == [url("ru"), url("ru", "about"), url("ru", "about/more"),
                                         url("ru", "about/more/archive"), url("ru", "appeals")]
    assert "4 clicks" in found[0].message


def test_max_clicks_threshold_and_truncated_crawl():
    pages = _deep(good_site())
    assert run_check("deep-section", make_ctx(pages, thresholds={"max_clicks": 4})) == []
    assert [f.outcome for f in run_check("deep-section", make_ctx(pages, run={"pages_over_limit": 3}))] == ["incomplete"]


def test_shorter_way_wins():
    pages = _deep(good_site())
    news = next(p for p in pages if p.url == url("ru", "news"))
    news.artifacts["dom"]["links"].append(link(url("ru", "appeals"), "Обращения граждан"))
    assert run_check("deep-section", make_ctx(pages)) == []


def test_passes_when_everything_is_in_the_menu():
    assert run_check("deep-section", make_ctx(good_site())) == []


def test_inapplicable_when_the_section_is_absent():
    pages = [p for p in good_site() if p.url != url("ru", "appeals")]
    for p in pages:
        if p.lang == "ru":
            p.artifacts["dom"]["links"] = [l for l in p.artifacts["dom"]["links"] if "/appeals" not in l["href"]]
    assert run_check("deep-section", make_ctx(pages)) == []
