"""The guide data (audiences, onboarding, glossary) points at passages that exist."""
from knowledge.topics import contains


def test_every_self_check_answer_stands_in_its_passage(lotse):
    steps = lotse.guide().onboarding
    assert len(steps) >= 5
    for step in steps:
        assert step.checks, step.title
        for uid in step.units:
            assert lotse.unit(uid) is not None, uid
        for check in step.checks:
            assert check.quote in lotse.unit(check.unit).text, (check.unit, check.quote)


def test_audiences_have_starting_questions_that_get_answers(lotse):
    audiences = lotse.guide().audiences
    assert [a.label for a in audiences] == ["Eltern", "Anbieter", "Einarbeitung"]
    for a in audiences:
        assert a.hint and len(a.questions) >= 3
        for q in a.questions:
            assert not lotse.ask(q).abstained, q


def test_glossary_terms_are_explained_and_found_in_the_passages(lotse):
    entries = lotse.glossary()
    terms = {e["term"] for e in entries}
    assert {"UB", "InbeQ", "WfbM", "Jobcoaching", "Personalschlüssel"} <= terms
    for e in entries:
        assert lotse.passages_using(e["term"]) or lotse.passages_using(e.get("long", "")), e["term"]


def test_a_broken_provider_glossary_is_skipped(provider_dir):
    from assistant.service import Lotse

    (provider_dir / "glossary.yaml").write_text("- term: [unclosed\n", encoding="utf-8")
    assert len(Lotse(extra_corpus=[str(provider_dir)]).glossary()) >= 20


def test_contains_finds_phrases():
    assert contains(["budget", "arbeit"], ("budget", "arbeit")) == 0
    assert contains(["x", "budget", "arbeit"], ("arbeit",)) == 2
    assert contains(["budget"], ("budget", "arbeit")) is None
