"""Answer engine v2: pipeline protocols, sentence evidence, fitted ranking, abstention."""
import pytest

from knowledge.pipeline import AnswerPipeline, asking_sentence
from knowledge.ranking.config import ANSWERABLE_FEATURES, FEATURES, RANKING_FILE, RankingConfig
from knowledge.ranking.features import Scored, answerability, answerable_features
from knowledge.retrieval import Retriever
from knowledge.retrieval.sentences import Highlight, answer_start, split_sentences
from knowledge.topics import compile_phrases, named, names_in_set


def sentences(text, start=0):
    return [text[a:b] for a, b in split_sentences(text, start)]


def test_sentences_split_at_sentence_ends_but_not_at_german_abbreviations():
    text = "Das gilt z. B. nach § 5 Abs. 2 SGB IX. Ab dem 1. Juli gilt Neues. Fertig!"
    assert sentences(text) == ["Das gilt z. B. nach § 5 Abs. 2 SGB IX.", "Ab dem 1. Juli gilt Neues.", "Fertig!"]
    assert sentences("- erster Punkt\n- zweiter Punkt") == ["erster Punkt", "zweiter Punkt"]


def test_labels_that_introduce_an_answer_are_no_sentences():
    # QA 4: with no sentence matching the question, a highlight had read "Antwort (BA 03/2013): Zu 1): …"
    text = "Antwort (BA 03/2013):\nZu 1):\nDie BA zahlt. Antwort: (BA 04/2017): Ja. Anmerkung der BAG UB: Das gilt. Anders formuliert:\nEs geht."
    assert sentences(text) == ["Die BA zahlt.", "Ja.", "Das gilt.", "Anders formuliert:", "Es geht."]


@pytest.mark.parametrize("question, exception", [
    # a rule asked about: the section's exception comes along, after "…" where sentences are left out (QA 5)
    ("Sind alle Teilnehmenden verpflichtet, ganztägig am Projekttag teilzunehmen?", True),
    ("muss mein sohn beim projekttag den ganzen tag dabei sein", True),
    ("Wie sind Projekttage zu gestalten?", False),  # no rule asked: the best sentences alone
    # the duty shown, though asked without "muss": "geht das auch kürzer" (QA 33)
    ("der projekttag geht den ganzen tag, das schafft mein sohn nicht. geht das auch kürzer", True),
])
def test_a_rule_asked_about_shows_the_exception_the_section_makes(lotse, question, exception):
    answer = lotse.ask(question).answers[0]
    assert answer.unit.id == "bagub-faq/31"
    assert ("… Um den individuellen Belangen zu entsprechen, kann im Einzelfall" in answer.highlight) is exception


def test_a_no_shows_the_way_the_section_opens_after_it():
    # QA 6: "Wie komme ich während der InbeQ trotzdem an so eine Hilfe?" read only "… kommt … nicht in Betracht"
    text = ("Eine Arbeitsassistenz kommt während der InbeQ nicht in Betracht. Die Teilnehmenden haben keine Arbeitsplätze. "
            "Ganz anderes Thema ohne Bezug. Im Einzelfall kann die Assistenz als sonstige Hilfe finanziert werden.")
    spans = split_sentences(text)
    h = Highlight(text, 1.0, spans, [1.0, 0.0, 0.0, 0.0], 0)
    assert h.text == ("Eine Arbeitsassistenz kommt während der InbeQ nicht in Betracht. … "
                      "Im Einzelfall kann die Assistenz als sonstige Hilfe finanziert werden.")
    yes = text.replace("nicht in Betracht", "in Betracht")  # no "no": no exception sought (the short best one takes its successor)
    assert Highlight(yes, 1.0, split_sentences(yes), [1.0, 0.0, 0.0, 0.0], 0).text == (
        "Eine Arbeitsassistenz kommt während der InbeQ in Betracht. Die Teilnehmenden haben keine Arbeitsplätze.")


def test_wording_that_no_longer_applies_is_no_sentence():
    # QA 4, QA 5: "Bis Ende März 2012 hieß es: „…“" had been the highlight for today's rule
    text = ("Die BA hat geändert.\n\nBis Ende März 2012 hieß es:\n„Alt eins. Alt zwei.“\n\nAb April 2012 hieß es:\n„Mittel.“"
            "\n\nAb Dezember 2013 heißt es:\n„Neu eins.“\nDamit gilt das.")
    assert sentences(text) == ["Die BA hat geändert.", "Ab Dezember 2013 heißt es:", "„Neu eins.“", "Damit gilt das."]


def test_a_citation_cut_by_a_line_break_stays_one_sentence():
    # QA 4: the source breaks "nach § 17 Abs. 1 Nr. 2 / SGB I verpflichtet" across two lines
    text = "Die BA ist nach § 17 Abs. 1 Nr. 2\nSGB I verpflichtet, darauf hinzuwirken.\nNeue Zeile"
    assert sentences(text) == ["Die BA ist nach § 17 Abs. 1 Nr. 2\nSGB I verpflichtet, darauf hinzuwirken.", "Neue Zeile"]
    assert sentences("Es gilt § 5\nDanach folgt mehr.") == ["Es gilt § 5", "Danach folgt mehr."]  # no law after the break


def test_highlight_of_a_qa_unit_comes_from_the_answer_not_the_question():
    text = "Bekommen Teilnehmer Urlaub?\n\nAntwort (BA 05/2010): Ja. Es gibt 2,5 Tage im Monat."
    assert answer_start(text, "Bekommen Teilnehmer Urlaub?") == text.index("Antwort")
    assert all("Bekommen" not in s for s in sentences(text, answer_start(text, "Bekommen Teilnehmer Urlaub?")))


def test_ranking_config_names_every_feature_and_was_fitted_with_cross_validation():
    cfg = RankingConfig.load()
    assert set(cfg.weights) == set(FEATURES) and any(cfg.weights.values())
    assert set(cfg.answerable_weights) == set(ANSWERABLE_FEATURES) and any(cfg.answerable_weights.values())
    assert 0 < cfg.answerable_threshold < 1
    fitted = cfg.fitted
    assert fitted["command"].startswith("python tools/calibrate.py")
    assert fitted["negatives"] >= 150 and fitted["positives"] >= 5 * 119
    assert 0 < fitted["cv_hit1"] <= 1 and 0 < fitted["cv_abstain_out_of_scope"] <= 1
    assert RANKING_FILE.parent.name == "corpus"


def test_both_retrievers_implement_the_protocol(lotse):
    pipe = lotse.searcher
    assert isinstance(pipe, AnswerPipeline)
    assert all(isinstance(r, Retriever) for r in pipe.retrievers)
    assert [r.name for r in pipe.retrievers] == ["units", "questions", "char_questions", "char_units"]


def test_answers_carry_a_highlight_that_stands_in_their_unit(lotse):
    reply = lotse.ask("Bekommt mein Sohn die Fahrkosten zum Betrieb bezahlt?")
    assert not reply.abstained
    top = reply.answers[0]
    assert top.unit.id == "bagub-faq/21"
    assert "Erforderlichkeitsprinzip" in top.highlight
    assert top.highlight.split(".")[0] in " ".join(top.unit.text.split())
    data = reply.to_json(lotse)
    assert data["answers"][0]["highlight"] == top.highlight and data["answers"][0]["text"] == top.unit.text
    assert len(data["answers"][0]["similar_questions"]) >= 1


@pytest.mark.parametrize("question, unit", [
    ("Ist mein Kind während der InbeQ sozialversichert?", "bagub-faq/25"),
    ("was ist wenn mein kind im betrieb was kaputt macht", "bagub-faq/26"),
    ("bekommt mein sohn fahrgeld", "bagub-faq/21"),
    ("Wer organisiert das Planungsgespräch?", "mv-koop/p6-3"),
])
def test_parent_and_provider_questions_reach_their_passage(lotse, question, unit):
    reply = lotse.ask(question)
    assert not reply.abstained and reply.answers[0].unit.id == unit


def test_answerability_reads_the_ranked_list_best_first():
    cfg = RankingConfig.load()
    assert answerable_features([]) == {} and answerability({}, cfg) == 0.0
    strong = Scored(0, {name: 1.0 for name in FEATURES}, probability=0.9)
    weak = Scored(1, {name: 0.0 for name in FEATURES}, probability=0.2)
    f = answerable_features([strong, weak])
    assert set(f) == set(ANSWERABLE_FEATURES)
    assert f["top_probability"] == 0.9 and f["margin"] == pytest.approx(0.7)
    assert f["top_coverage"] == 1.0 and f["max_coverage"] == 1.0
    assert answerable_features([weak, strong])["top_coverage"] == 0.0


def test_an_unlikely_best_passage_is_not_offered_even_when_the_question_seems_answerable(lotse):
    from knowledge.pipeline import Hit, SearchResult

    pipe = lotse.searcher
    cfg = pipe.cfg
    assert 0 < cfg.min_probability < cfg.answerable_threshold < 1
    query = pipe.analyzer.analyse("Urlaub in der InbeQ")
    unit = lotse.unit("bagub-faq/12")
    result = lambda p, a, uncovered=(): SearchResult(query, [Hit(unit, p, {})], list(uncovered), a)  # noqa: E731
    assert pipe.confident(result(0.5, 0.99))
    assert not pipe.confident(result(cfg.min_probability - 0.01, 0.99))
    assert not pipe.confident(result(0.5, cfg.answerable_threshold - 0.01))
    assert not pipe.confident(result(0.5, 0.99, ["Pflegeleistungen"]))
    assert not pipe.confident(SearchResult(query, [], [], 0.99))


@pytest.mark.parametrize("question", ['AND (* ~"', "?!?!", "x", "Wie wird das Wetter morgen?",
                                      "Wie wird das Wetter morgen in Rostock?"])
def test_garbage_and_off_topic_questions_abstain(lotse, question):
    reply = lotse.ask(question)
    assert reply.abstained and reply.answers == []
    assert "keine verlässliche Antwort" in reply.message


@pytest.mark.parametrize("question, topic", [
    ("Wie beantrage ich Pflegegeld für meine Tochter?", "Pflegeleistungen"),
    ("Wohngeld beantragen", "Wohngeld"),  # was named "Grundsicherung und Regelsätze"
    ("wie beantrage ich ein persönliches budget", "Persönliches Budget beantragen und verwalten"),
    ("kriegt meine tochter lohnfortzahlung wenn sie krank ist", "Arbeitsrecht für Beschäftigte allgemein"),
])
def test_a_named_programme_the_documents_do_not_cover_is_declined_with_the_scope(lotse, question, topic):
    reply = lotse.ask(question)
    assert reply.abstained
    assert f"Zum Thema „{topic}“ enthalten die Dokumente keine Aussage" in reply.message
    assert "Unterstützte Beschäftigung nach § 55 SGB IX" in reply.message


def test_a_provider_document_without_authored_questions_ranks_first(lotse, provider_dir):
    from assistant.service import Lotse

    from .conftest import STUB_LEMMAS, TODAY, VALID_DOC

    (provider_dir / "leitfaden.md").write_text(VALID_DOC, encoding="utf-8")
    # the small lemma table covers the question's words: no second spaCy build in the test run
    own = Lotse([str(provider_dir)], today=TODAY, lemma_source=STUB_LEMMAS)
    result = own.searcher.search("Bis wann muss der Stundenzettel abgegeben werden?")
    assert result.hits[0].unit.doc_id == "traeger-leitfaden"
    assert "dritten Werktag" in result.hits[0].highlight


def test_every_candidate_has_exactly_the_named_features(lotse):
    pipe = lotse.searcher
    scored = pipe.score(pipe.analyzer.analyse("Wer zahlt die Fahrtkosten zum Betrieb?"))
    assert scored and all(list(s.features) == list(FEATURES) for s in scored)


def test_in_memory_bm25f_agrees_with_whoosh(lotse):
    """The default unit retriever and the Whoosh one score the same BM25F: same best unit."""
    from knowledge.index.whoosh_units import ram_index
    from knowledge.retrieval.questions import asked_texts
    from knowledge.pipeline import AnswerPipeline

    handle = lotse.handle
    ix = ram_index([u.id for u in handle.store.units()], handle.unit_values, asked_texts(handle.questions))
    memory, whoosh = AnswerPipeline(handle), AnswerPipeline(handle, unit_index=ix)
    questions = [q.text for q in handle.questions][::25]
    same = 0
    for text in questions:
        query = memory.analyzer.analyse(text)
        a, b = memory.units.retrieve(query, 5), whoosh.units.retrieve(query, 5)
        same += bool(a and b and a[0].unit_pos == b[0].unit_pos)
    whoosh.close()
    assert same >= 0.9 * len(questions)


def test_character_similarity_meets_spelling_variants():
    from knowledge.retrieval.chars import CharIndex

    index = CharIndex(["Anmeldung zur Sozialversicherung", "Fahrtkosten zum Betrieb", "Urlaub und Krankheit"])
    sims = index.similarities("ist mein kind sozialversichert")
    assert max(sims, key=sims.get) == 0
    sims = index.similarities("wer zahlt die fahrkostn")  # typo, no umlauts
    assert max(sims, key=sims.get) == 1
    assert index.similarities("mein kind") == {}  # stop words and family words alone meet nothing


def test_a_grouped_character_index_compares_a_question_with_each_groups_centroid():
    import math

    from knowledge.retrieval.chars import CharIndex

    texts = ["Fahrtkosten zum Betrieb", "wer zahlt das fahrgeld", "Urlaub und Krankheit", "urlaubstage inbeq"]
    groups = [0, 0, 1, 1]
    single, grouped = CharIndex(texts), CharIndex(texts, groups)
    vector = single.vector("fahrgeld zum betrieb")
    sims = grouped.similarities(vector)
    assert set(sims) == {0}  # the Urlaub group shares no n-gram with the question
    # the centroid: the normalised sum of the group's text vectors
    members = [single.vector(t) for t in texts[:2]]
    total = {g: sum(m.get(g, 0.0) for m in members) for g in set().union(*members)}
    norm = math.sqrt(sum(v * v for v in total.values()))
    assert sims[0] == pytest.approx(sum(w * total.get(g, 0.0) / norm for g, w in vector.items()))
    # one group of one text is that text
    assert CharIndex(texts[:1], [5]).similarities("fahrgeld")[5] == pytest.approx(CharIndex(texts[:1]).similarities("fahrgeld")[0])


def test_questions_the_documents_do_not_answer_are_corpus_data_and_lower_answerability(lotse, provider_dir):
    from knowledge.questions import load_out_of_scope
    from knowledge.corpus import BUILTIN_CORPUS

    negatives, errors = load_out_of_scope([BUILTIN_CORPUS])
    assert errors == [] and len(negatives) >= 150
    assert {g for g, _ in negatives} == {"near_field", "off_topic", "garbage", "in_field"}
    pipe = lotse.searcher
    assert lotse.handle.out_of_scope == [t for _, t in negatives]
    known = negatives[0][1]
    assert pipe.out_of_scope_similarity(known) == pytest.approx(1.0)
    assert pipe.out_of_scope_similarity("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?") < 0.5
    assert pipe.cfg.answerable_weights["out_of_scope_similarity"] < 0  # fitted: the more alike, the less answerable
    # a provider's own file is read too; a broken one is reported by name, the rest stays
    (provider_dir / "out_of_scope.yaml").write_text("near_field:\n  - Wie hoch ist unser Kantinenzuschuss?\n", encoding="utf-8")
    more, _ = load_out_of_scope([BUILTIN_CORPUS, provider_dir])
    assert more[-1] == ("near_field", "Wie hoch ist unser Kantinenzuschuss?")
    (provider_dir / "out_of_scope.yaml").write_text("- nur eine Liste\n", encoding="utf-8")
    same, problems = load_out_of_scope([BUILTIN_CORPUS, provider_dir])
    assert same == negatives and "Gruppen mit Listen" in problems[0].problem


def test_a_highlight_goes_on_into_what_its_sentence_announces_and_closes_its_quotation(lotse):
    from knowledge.retrieval.sentences import ANNOUNCES

    assert ANNOUNCES.search("vgl. nachfolgenden Auszug aus B 2.7.2 der Vergabeunterlagen.")
    assert ANNOUNCES.search("Es gilt Folgendes:") and ANNOUNCES.search("Die Regel lautet wie folgt.")
    assert not ANNOUNCES.search("Die Teilnehmer haben keinen Anspruch auf Urlaub.")
    kurz = lotse.ask("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?").answers[0].highlight
    assert kurz.startswith("Dementsprechend haben die Teilnehmer auch keinen Anspruch auf Urlaub")
    assert "2,5 unterweisungsfreien Arbeitstagen" in kurz  # the announced quotation, up to its point


def test_function_words_score_a_unit_by_how_its_authored_questions_ask():
    import math

    from knowledge.ranking.function_words import FunctionWordProfile, function_words

    # stop words only, folded, in order: "Gilt" and "noch" are kept, content words dropped
    assert function_words("Gilt die Vereinbarung noch?") == ("gilt", "die", "noch")
    assert function_words("Während der Maßnahme") == ("waehrend", "der")
    questions = [(0, function_words("gilt das noch")), (0, function_words("ist das noch gueltig")),
                 (1, function_words("wer zahlt das")), (1, function_words("wer traegt die kosten"))]
    profile = FunctionWordProfile(questions)
    scores = profile.scores(function_words("gilt die regel noch"), [0, 1, 7], smoothing=5.0)
    assert scores[0] > scores[1]  # "noch" and "gilt" are how unit 0 is asked about
    only = profile.scores(function_words("gilt sie noch"), [0, 1], smoothing=5.0)  # "sie": no question uses it
    assert only[0] > 0 > only[1]
    assert scores[7] == 0.0  # a unit without authored questions: no evidence either way
    # the value: mean log ratio of the smoothed unit model to the background, over known words
    # (10 function words in all; "die": unit 0 never uses it, "gilt" once, "noch" twice of its 6)
    bg = {"gilt": 1 / 10, "noch": 2 / 10, "die": 1 / 10}
    c = {"gilt": 1, "noch": 2, "die": 0}
    expected = sum(math.log((c[w] + 5 * bg[w]) / (6 + 5) / bg[w]) for w in ("gilt", "die", "noch")) / 3
    assert scores[0] == pytest.approx(expected)
    assert profile.scores(("unbekannt",), [0], 5.0) == {0: 0.0}  # words no authored question uses count for nothing


def test_the_index_keeps_each_authored_questions_function_words(lotse):
    from knowledge.ranking.function_words import function_words

    questions = lotse.handle.questions
    assert questions and all(q.function_words == function_words(q.text) for q in questions[:50])
    assert lotse.searcher.function_words.total == sum(len(q.function_words) for q in questions)


def test_answer_words_weigh_a_questions_words_between_answered_and_unanswered_texts():
    import math

    from knowledge.ranking.answer_words import AnswerWords, words

    assert words("Bekommt mein Sohn Pflegegeld? x") == {"sohn", "pflegegeld"}  # content words only
    model = AnswerWords.from_texts(["Bekommt mein Sohn Fahrgeld?", "Wer zahlt das Fahrgeld zum Betrieb?"],
                                   ["Bekommt mein Sohn Pflegegeld?"])
    assert (model.n_answered, model.n_unanswered) == (2, 1)
    assert model.answered["fahrgeld"] == 2 and model.unanswered["pflegegeld"] == 1
    # shares smoothed toward the word's share of all 3 texts with the weight of 3 texts:
    # "pflegegeld" (0 of 2 answered, 1 of 1 unanswered): (0 + 1) / (2 + 3) against (1 + 1) / (1 + 3)
    assert model.ratio("pflegegeld", 3) == pytest.approx(math.log((1 / 5) / (2 / 4)))
    assert model.ratio("fahrgeld", 3) == pytest.approx(math.log((2 + 2) / 5 / (2 / 4)))
    assert model.ratio("sohn", 3) == pytest.approx(math.log((1 + 2) / 5 / ((1 + 2) / 4)))
    def evidence(m, text):  # each content word a concept of its own
        return m.concept_evidence([[(w,)] for w in sorted(words(text))], 3)

    total, lowest = evidence(model, "bekommt mein sohn pflegegeld")
    assert lowest == pytest.approx(model.ratio("pflegegeld", 3))
    assert total == pytest.approx((model.ratio("sohn", 3) + model.ratio("pflegegeld", 3)) / 2)  # the mean
    # a word neither side uses counts 0 in the mean: a long question does not add up its words
    assert evidence(model, "sohn pflegegeld wetter kuchen") == pytest.approx((total / 2, lowest))
    assert evidence(model, "bekommt mein sohn fahrgeld")[0] > 0 > total  # the answered question's words
    assert evidence(model, "Wetter morgen") == (0.0, 0.0)  # words neither side uses say nothing
    same = AnswerWords.from_data(model.to_data())
    assert evidence(same, "bekommt mein sohn pflegegeld") == (total, lowest)


def test_a_rare_word_counts_as_its_most_answered_like_variant_a_common_one_as_itself():
    from knowledge.ranking.answer_words import AnswerWords

    def stems(text):
        return text.lower().split()

    answered = ["fahrkost betrieb"] * 6 + ["urlaub inbeq"] * 4 + ["fahrtkost"]
    unanswered = ["fahrtkost steuer", "urlaub werkstatt", "urlaub werkstatt", "urlaub ostsee"]
    model = AnswerWords.from_texts(answered, unanswered, terms=stems)
    fahrt, urlaub = [("fahrtkost",), ("fahrkost",)], [("urlaub",), ("fahrkost",)]
    # "fahrtkost" is in 2 texts, fewer than 3: it counts as "fahrkost", the answered texts' word
    assert model.concept_evidence([fahrt], 3, backoff=3) == (model.ratio("fahrkost", 3),) * 2
    assert model.ratio("fahrkost", 3) > 0 > model.ratio("fahrtkost", 3)
    # "urlaub" is in 7 texts: its own (negative) evidence stands, its variants are not asked
    assert model.concept_evidence([urlaub], 3, backoff=3) == (model.ratio("urlaub", 3),) * 2
    # with a higher backoff its variants speak too, the most answered-like wins; a concept nobody
    # uses counts 0 in the mean; with none at all (0, 0)
    assert model.concept_evidence([urlaub, [("wetter",)]], 3, backoff=8) == pytest.approx(
        (model.ratio("fahrkost", 3) / 2, model.ratio("fahrkost", 3)))
    assert model.concept_evidence([[("wetter",)]], 3, backoff=8) == (0.0, 0.0)
    # a concept the answering unit's heading names counts no lower than 0, the others as before
    assert model.concept_evidence([urlaub], 3, backoff=3, headed=frozenset({0})) == (0.0, 0.0)
    assert model.concept_evidence([fahrt, urlaub], 3, backoff=3, headed=frozenset({1})) == pytest.approx(
        (model.ratio("fahrkost", 3) / 2, 0.0))


@pytest.mark.parametrize("keyword, unit_id", [("urlaub", "bagub-faq/12"), ("fahrgeld", "bagub-faq/21"), ("kindergeld", "bagub-faq/14"),
                                            ("pflegegeld", None), ("werkstattlohn", None), ("budget für arbeit", None)])
def test_a_keyword_typed_on_a_phone_is_answered_or_declined(lotse, keyword, unit_id):
    reply = lotse.ask(keyword)
    if unit_id is None:
        assert reply.abstained, keyword
    else:
        assert not reply.abstained and reply.answers[0].unit.id == unit_id, keyword


def test_a_word_the_answering_section_is_headed_by_is_no_evidence_against_answering(lotse):
    """"Urlaub" is in many out-of-scope questions (Werkstatt, Budget für Arbeit), and it is in the title of 12. Frage."""
    reply = lotse.ask("hat mein sohn urlaub")
    assert not reply.abstained and reply.answers[0].unit.id == "bagub-faq/12"
    for question in ("Hat man in der WfbM Anspruch auf Urlaub?", "Wie viele Urlaubstage hat man im Budget für Arbeit?",
                     # the title counts, not the FAQ's question: 28. Frage (Fahrtkosten) tells of a
                     # UB "im Rahmen eines Persönlichen Budgets"
                     "was ist ein persönliches budget"):
        assert lotse.ask(question).abstained, question


def test_a_common_question_in_other_words_than_the_documents_is_answered(lotse):
    """The README's example: the documents and their questions say "Fahrkosten", people "Fahrtkosten"."""
    reply = lotse.ask("Wer zahlt die Fahrtkosten?")
    assert not reply.abstained and reply.answers[0].unit.id == "bagub-faq/21"
    for question in ("Bekommt man in der Werkstatt Urlaubsgeld?", "Wie bekomme ich einen Schwerbehindertenausweis für mein Kind?"):
        assert lotse.ask(question).abstained, question


def test_the_answerability_model_reads_the_words_evidence(lotse):
    pipe = lotse.searcher
    handle = lotse.handle
    # the index counts the authored questions and the units' texts as answered, out-of-scope questions not
    assert handle.answer_words.n_answered == len(handle.questions) + len(handle.evidence)
    assert handle.answer_words.n_unanswered == len(handle.out_of_scope)
    assert pipe.cfg.answerable_weights["answer_words_mean"] > 0  # fitted: the more answered-like, the more answerable
    inside = pipe.question_evidence(pipe.analyzer.analyse("Wer organisiert das Planungsgespräch?"), [])
    outside = pipe.question_evidence(pipe.analyzer.analyse("Wie hoch ist das Pflegegeld bei Pflegegrad 2?"), [])
    assert inside["answer_words_mean"] > 0 > outside["answer_words_mean"]
    assert outside["answer_words_min"] < inside["answer_words_min"]


def test_similar_questions_leave_out_the_question_just_asked(lotse):
    """"Ähnliche Fragen" never repeat the question asked (folded, without punctuation); the card still shows three."""
    from assistant.service import echoes

    asked = "Wer zahlt die Fahrkosten der Teilnehmenden zum Betrieb?"
    assert asked in lotse.similar_questions("bagub-faq/21", limit=100)  # an authored question of that unit
    for question in (asked, "wer zahlt die fahrkosten der teilnehmenden zum betrieb", "Wer zahlt die Fahrkosten der Teilnehmenden zum Betrieb"):
        reply = lotse.ask(question)
        first = reply.answers[0]
        assert first.unit.id == "bagub-faq/21"
        assert asked not in first.similar and len(first.similar) == 3
        assert not any(echoes(question, q) for a in reply.answers for q in a.similar)
        assert asked not in first.to_json()["similar_questions"]
    # another wording of the question still lists it
    assert asked in lotse.ask("Wer zahlt die Fahrkosten zum Betrieb?").answers[0].similar
    # where the best-matching authored questions are all keywords or parents' spellings (not shown), the card still
    # shows three of the unit's questions
    similar = lotse.ask("Wer zahlt die Fahrtkosten?").answers[0].similar
    assert len(similar) == 3 and all(q in lotse.similar_questions("bagub-faq/21", limit=100) for q in similar)
    assert echoes("Wer zahlt die Fahrtkosten?", "wer zahlt die fahrtkosten") and not echoes("Wer zahlt die Fahrtkosten?", asked)


def test_similar_questions_shown_are_questions_not_keyword_searches(lotse):
    """Keyword entries ("urlaubsanspruch tn") help find a unit; a card shows questions of four words or more."""
    reply = lotse.ask("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?")
    similar = reply.answers[0].similar
    assert len(similar) == 3 and all(len(q.split()) >= 4 for q in similar)
    assert "urlaubsanspruch tn" not in similar
    assert all(len(q.split()) >= 4 for q in lotse.similar_questions("bagub-faq/12"))
    # the keyword still counts for finding the unit
    assert any(q.text == "urlaubsanspruch tn" for q in lotse.searcher.questions.of_unit(lotse.handle.store.position("bagub-faq/12")))


FIELD = compile_phrases(["InbeQ*", "UB", "Qualifizierung*", "Unterstützte Beschäftigung"],
                        lambda t: {"InbeQ": ["inbeq"], "UB": ["ub"], "Qualifizierung": ["qualifizier"],
                                   "Unterstützte Beschäftigung": ["unterstuetzt", "beschaeft"]}[t])


def test_compile_phrases_marks_compound_beginnings():
    assert FIELD == (("inbeq*",), ("ub",), ("qualifizier*",), ("unterstuetzt", "beschaeft"))


@pytest.mark.parametrize("stems, expected", [
    (["tocht", "inbeq", "platz"], True),
    (["qualifizierungsplatz", "schreinerei"], True),  # "Qualifizierung*" begins a compound
    (["in", "der", "ub"], True),
    (["ubahn", "fahr"], False),  # "UB" without "*" counts only as itself
    (["unterstuetzt", "beschaeft"], True),
    (["beschaeft", "unterstuetzt"], False),  # a phrase in its order
    (["werkstatt", "arbeitsbereich", "urlaub"], False),
])
def test_named(stems, expected):
    assert named(stems, FIELD) is expected
    assert names_in_set(frozenset(stems), FIELD) is (expected or stems == ["beschaeft", "unterstuetzt"])  # a set has no order


@pytest.mark.parametrize("text, asked", [
    ("Hat er Anspruch auf Urlaub?", None),  # one sentence: nothing to focus on
    ("Er ist seit Mai im Betrieb. Er ist oft müde. Hat er Urlaub? Danke!", "Hat er Urlaub?"),
    ("Wer zahlt die Fahrt? Er fährt mit dem Bus. Und wer das Essen?", "Und wer das Essen?"),
    ("Er ist seit Mai im Betrieb. Er ist oft müde.", None),  # no question mark
    ("Wie viel Personal brauchen wir im 6. Monat?", None),  # a digit's dot ends no sentence
    ("er ist seit dem 1. mai im betrieb. hat er urlaub?", "hat er urlaub?"),  # lower case, as parents type
])
def test_asking_sentence(text, asked):
    assert asking_sentence(text) == asked


@pytest.mark.parametrize("question, programme_named", [
    ("Meine Tochter arbeitet im Arbeitsbereich der Werkstatt. Muss sie den Schaden bezahlen?", True),
    ("Mein Sohn ist im Berufsbildungsbereich. Bekommt er Fahrgeld?", True),
    ("Mein Sohn war in der Werkstatt, jetzt ist er in der InbeQ. Muss er den Schaden bezahlen?", False),  # the field is named
    ("Gibt es Jobcoaching für Beschäftigte einer WfbM?", False),  # Jobcoaching is the field
    ("Muss mein Sohn den Schaden im Betrieb bezahlen?", False),
])
def test_a_neighbouring_programme_marks_the_units_that_do_not_name_it(lotse, question, programme_named):
    pipe = lotse.searcher
    named_units = pipe.programmes_named(pipe.analyzer.analyse(question))
    assert bool(named_units) is programme_named
    scored = pipe.score(pipe.analyzer.analyse(question))
    faq26 = lotse.handle.store.position("bagub-faq/26")  # the FAQ on damage in the InbeQ: no word of the Werkstatt
    werkstatt = lotse.handle.store.position("bagub-faq/7")  # the FAQ on moving from the Werkstatt into the InbeQ
    features = {s.unit_pos: s.features["programme_miss"] for s in scored}
    if programme_named:
        assert named_units[0] and werkstatt in named_units[0] and faq26 not in named_units[0]
        assert features.get(faq26, 1.0) == 1.0 and features.get(werkstatt, 0.0) == 0.0
    else:
        assert set(features.values()) <= {0.0}


def test_ordinary_employees_are_a_neighbouring_group_unless_the_question_is_about_the_inbeq(lotse):
    # the FAQ on holidays in the InbeQ says participants are no employees: it does not answer for them
    assert lotse.ask("Wie viele Urlaubstage hat ein normaler Arbeitnehmer?").abstained
    reply = lotse.ask("Mein Sohn ist in der InbeQ und schwerbehindert. Bekommt er mehr freie Tage, so wie normale Arbeitnehmer?")
    assert not reply.abstained and reply.answers[0].unit.id == "bagub-faq/12"


def test_a_story_in_the_werkstatt_before_a_question_the_faq_answers_for_the_inbeq_is_declined(lotse):
    assert lotse.ask("Meine Tochter arbeitet seit Jahren im Arbeitsbereich der Werkstatt. Muss sie den Schaden bezahlen?").abstained


def test_a_how_long_question_is_not_answered_by_a_passage_that_only_names_the_topic(lotse):
    # the Sonderfrage is about the Eingangsverfahren but states no duration (quantity_miss)
    pipe = lotse.searcher
    scored = pipe.score(pipe.analyzer.analyse("wie lange dauert das eingangsverfahren in der werkstatt"))
    sonderfrage = lotse.handle.store.position("bagub-faq/Sonderfrage")
    assert next(s for s in scored if s.unit_pos == sonderfrage).features["quantity_miss"] == 1.0
    assert lotse.ask("wie lange dauert das eingangsverfahren in der werkstatt").abstained
    # without "wie lange" the passage is the answer and the feature stays 0
    scored = pipe.score(pipe.analyzer.analyse("Kann das Eingangsverfahren der Werkstatt auch im Betrieb stattfinden?"))
    assert scored[0].unit_pos == sonderfrage and scored[0].features["quantity_miss"] == 0.0


def test_a_paragraph_sign_range_does_not_end_a_sentence():
    text = "UB ist nicht als Leistung nach §§ 53ff. SGB XII vorgesehen. Allerdings sind Maßnahmen möglich."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "UB ist nicht als Leistung nach §§ 53ff. SGB XII vorgesehen.", "Allerdings sind Maßnahmen möglich."]


@pytest.mark.parametrize("second, highlight", [
    # a best sentence that points back takes its predecessor along (probe 5: "Dadurch …", "Allerdings …")
    ("Dadurch wird die Haftung auf den Arbeitgeber übertragen.",
     "Der Betrieb schließt eine Vereinbarung. Dadurch wird die Haftung auf den Arbeitgeber übertragen."),
    ("Die Haftung für Schäden im Betrieb geht in diesem Fall ganz auf den Arbeitgeber über.",
     "Die Haftung für Schäden im Betrieb geht in diesem Fall ganz auf den Arbeitgeber über."),
    # "Danach kommt eine Verlängerung … in Betracht" (FAQ 11): 'danach' is the rule named just before
    ("Danach haftet der Arbeitgeber.", "Der Betrieb schließt eine Vereinbarung. Danach haftet der Arbeitgeber."),
    # the reasons stand in the sentence before (QA 6: "Aus diesen Gründen wurde von einer Einbeziehung … abgesehen")
    ("Aus diesen Gründen haftet der Arbeitgeber.", "Der Betrieb schließt eine Vereinbarung. Aus diesen Gründen haftet der Arbeitgeber."),
])
def test_a_highlight_that_points_back_keeps_its_predecessor(second, highlight):
    text = "Der Betrieb schließt eine Vereinbarung. " + second + " Ganz anderes Thema hier ohne Bezug zur Frage."
    spans = split_sentences(text)
    h = Highlight(text, 1.0, spans, [0.0, 1.0, 0.0], 1)
    assert h.text == highlight


def test_a_text_of_two_questions_gets_a_sentence_for_each(lotse):
    # QA 7: providers ask two things at once; the short answer had shown the best sentence for the first only
    text = ("Die Teilnehmer haben keinen Anspruch auf Urlaub. Das gilt auch für andere Maßnahmen. Dazu ein Beispiel hier. "
            "Es besteht ein Anspruch von 2,5 freien Tagen je Monat.")
    spans = split_sentences(text)
    h = Highlight(text, 1.0, spans, [1.0, 0.5, 0.0, 0.2], 0, part_best=(0, 3))
    assert h.text == "Die Teilnehmer haben keinen Anspruch auf Urlaub. … Es besteht ein Anspruch von 2,5 freien Tagen je Monat."
    # the best sentence stays, whatever the other questions' best ones
    assert Highlight(text, 1.0, spans, [0.2, 0.5, 0.4, 1.0], 3, part_best=(0, 1, 2)).text.endswith("2,5 freien Tagen je Monat.")
    assert Highlight(text, 1.0, spans, [1.0, 0.5, 0.0, 0.2], 0).text == (  # one question: the best and its successor
        "Die Teilnehmer haben keinen Anspruch auf Urlaub. Das gilt auch für andere Maßnahmen.")
    kurz = lotse.ask("Haben Teilnehmer Anspruch auf Urlaub? Wie viele Tage sind es im Monat?").answers[0].highlight
    assert "keinen Anspruch auf Urlaub" in kurz and "2,5 unterweisungsfreien Arbeitstagen" in kurz


def test_a_footnote_mark_is_not_read_out_in_the_short_answer():
    # QA 9: screen readers read "[1]" aloud; the footnote itself ("[1] Durchführungshinweise …") stays as it is
    text = ("Die Minderleistung ist durch die Qualifizierung im Betrieb im Regelfall ausgeglichen.[1] "
            "Ab April 2012 hieß die Regel anders.")
    h = Highlight(text, 1.0, split_sentences(text), [1.0, 0.0], 0)
    assert h.text == "Die Minderleistung ist durch die Qualifizierung im Betrieb im Regelfall ausgeglichen."
    note = "[1] Durchführungshinweise der BA zu § 55 SGB IX, gültig bis Ende März 2012 für alle Agenturen."
    assert Highlight(note, 1.0, split_sentences(note), [1.0], 0).text.startswith("[1] Durchführungshinweise")


def test_a_raised_footnote_mark_is_dropped_and_its_footnote_not_taken_along():
    # QA 33: "… ersetzen⁶. ⁵ Im Rechtskreis SGB III …": the footnote below the paragraph had come along as its successor
    text = ("Der Teilhabeplan kann die Eingliederungsvereinbarung ersetzen⁶.\n\n"
            "⁵ Im Rechtskreis SGB III entscheiden die Fachkräfte selbst, ob eine Vereinbarung nötig ist.")
    h = Highlight(text, 1.0, split_sentences(text), [1.0, 0.9], 0)
    assert h.text == "Der Teilhabeplan kann die Eingliederungsvereinbarung ersetzen."
    plain = text.replace("⁵ ", "")  # the same sentence as an ordinary successor comes along
    assert "Im Rechtskreis" in Highlight(plain, 1.0, split_sentences(plain), [1.0, 0.9], 0).text


def test_a_footnote_counts_less_than_the_rule_it_qualifies(lotse):
    # QA 36: "Wie oft … überprüfen?" had shown the footnote on the first three months ("⁵ Im Rechtskreis SGB III
    # können …"), not the six-month rule of the paragraph above it
    answer = lotse.ask("Wie oft muss ich die Eingliederungsvereinbarung im SGB III mit dem Kunden überprüfen?").answers[0]
    assert answer.unit.id == "ba-integrationskonzept/3.4.1"
    assert answer.highlight.startswith("Die Eingliederungsvereinbarung ist regelmäßig, spätestens jedoch nach Ablauf von 6 Monaten")


@pytest.mark.parametrize("text, kurz", [
    # QA 33: the answer's label run on into its first sentence, a table row's number, a sentence pointing back
    ("Antwort (BA 12/2014): § 16 Abs. 6 VOL/A verpflichtet den Auftraggeber, Preise zu prüfen.",
     "§ 16 Abs. 6 VOL/A verpflichtet den Auftraggeber, Preise zu prüfen."),
    ("| 8 | Zeitnah zum Beginn sollte die MB den Träger besuchen. |", "Zeitnah zum Beginn sollte die MB den Träger besuchen."),
])
def test_labels_and_row_numbers_are_left_out_of_the_short_answer(text, kurz):
    assert Highlight(text, 1.0, split_sentences(text), [1.0], 0).text == kurz


def test_a_sentence_drawing_on_the_one_before_comes_with_it():
    text = "Wird der Reha-Bedarf bejaht, wird über die Förderung entschieden. Hieraus könnte die InbeQ als geeignet resultieren."
    h = Highlight(text, 1.0, split_sentences(text), [0.2, 1.0], 1)
    assert h.text == text


def test_a_question_asking_what_to_do_is_shown_the_advice():
    # QA 37: "alle plaetze voll. was koennen wir da machen" had been shown the sentence restating the problem
    text = ("Das Problem besteht darin, dass die Plätze belegt sind. Es gibt keinen Anspruch auf sofortige Aufnahme. "
            "Deshalb die Empfehlung, sich bei der Agentur nach einem freien Platz zu erkundigen.")
    spans = split_sentences(text)
    asked = Highlight(text, 1.0, spans, [1.0, 0.0, 0.0], 0, asks_advice=True)
    # (with the sentence its "Deshalb" points back to)
    assert asked.text == ("Es gibt keinen Anspruch auf sofortige Aufnahme. Deshalb die Empfehlung, sich bei der Agentur nach "
                          "einem freien Platz zu erkundigen.")
    assert Highlight(text, 1.0, spans, [1.0, 0.0, 0.0], 0).text.startswith("Das Problem besteht darin")


def test_a_question_whom_to_turn_to_is_shown_the_sentence_naming_the_contact():
    # "an wen wende ich mich wenn der betrieb meinen sohn schlecht behandelt" had been shown the table's first row
    text = ("Regelmäßige Prüfung des Besetzungsstands. Die MB ist Ansprechpartner/in für Träger und eLb. "
            "Umsetzung der Absprachen zum Umgang mit Beschwerden.")
    spans = split_sentences(text)
    assert Highlight(text, 1.0, spans, [0.0, 0.0, 0.0], 0, asks_advice=True).text.startswith("Die MB ist Ansprechpartner/in")
    assert Highlight(text, 1.0, spans, [0.0, 0.0, 0.0], 0).text.startswith("Regelmäßige Prüfung")


def test_the_advice_of_a_section_answers_what_parents_can_do(lotse):
    answer = lotse.ask("meiner tochter wurde die ub genehmigt aber alle plaetze hier sind voll. was koennen wir da machen").answers[0]
    assert answer.unit.id == "bagub-faq/23"
    assert "Deshalb an dieser Stelle die Empfehlung, sich bei der Agentur zu erkundigen" in answer.highlight


@pytest.mark.parametrize("question", ["Ab dem 13. Monat, wie viele Stunden müssen wir mindestens haben?",
                                      "Wie viele Wochenstunden Personal muss ein InbeQ-Anbieter ab dem 13. Maßnahmemonat mindestens vorhalten?"])
def test_a_quantity_asked_is_taken_from_the_example_the_best_sentence_leads(lotse, question):
    # QA 41: Beispiel 3's heading ("ab dem 13. Maßnahmemonat:") had met the question best, and Beispiel 1's 54,6 hours
    # for the first twelve months had been shown as the answer
    answer = lotse.ask(question).answers[0]
    assert answer.unit.id == "bagub-faq/B.2"
    assert answer.highlight == "Mindestpersonaleinsatz 19,5 Zeitstunden wöchentlich in der Maßnahme"


def test_a_year_ends_a_sentence_an_ordinal_does_not():
    # QA 41: "… für Beginntermine ab 2014. Für die laufenden Verträge …" had been one sentence
    text = "Das gilt nicht mehr für Beginntermine ab 2014. Für die laufenden Verträge gilt es. Ab dem 1. Juli bleibt es so."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Das gilt nicht mehr für Beginntermine ab 2014.", "Für die laufenden Verträge gilt es.", "Ab dem 1. Juli bleibt es so."]


def test_an_abbreviated_point_of_a_document_ends_no_sentence():
    # QA 7: "Kurz: 2.6) folgender Hinweis: …" began after "(Pkt." and "ggfs." is "gegebenenfalls"
    text = "Hierzu findet sich in der Leistungsbeschreibung (Pkt. 2.6) folgender Hinweis. Er haftet (ggfs. über die Versicherung). Ende."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Hierzu findet sich in der Leistungsbeschreibung (Pkt. 2.6) folgender Hinweis.",
        "Er haftet (ggfs. über die Versicherung).", "Ende."]


def test_a_citation_list_after_a_semicolon_stays_one_sentence():
    from knowledge.retrieval.sentences import split_sentences

    text = "Dies ergibt sich nach §§ 20 Abs. 1 Nr. 6; 59 Abs. 1 SGB XI. Festgehalten ist dies auch; Weiteres folgt."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Dies ergibt sich nach §§ 20 Abs. 1 Nr. 6; 59 Abs. 1 SGB XI.", "Festgehalten ist dies auch;", "Weiteres folgt."]


def test_a_highlight_that_breaks_off_says_so(lotse):
    """'Was ist Jobcoaching?': the definition's lead-in ends in a list item with a comma; the short answer shows that it goes on."""
    a = lotse.ask("Was ist Jobcoaching?").answers[0]
    assert a.highlight.endswith("bei der Übernahme von (neuen) betrieblichen Aufgaben und Funktionen, …")
    assert lotse.ask("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?").answers[0].highlight.endswith(".")


def test_a_tables_header_row_is_no_sentence_and_empty_cells_add_no_dash():
    # QA 2026-12-03: "Kurz: Nr. – Aufgaben MB – Aufgaben Team X915 ILC 10 – – Regelmäßige Prüfung …"
    text = ("| Nr. | Aufgaben MB | Aufgaben Team X915 ILC |\n| --- | --- | --- |\n"
            "| 10 |  | Regelmäßige Prüfung des Besetzungsstands. |\n| 11 | Beschwerden entgegennehmen | |")
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["10 |  | Regelmäßige Prüfung des Besetzungsstands.", "11 | Beschwerden entgegennehmen"]
    # the row's number is left out too (QA 33: "8 – Zeitnah zum Beginn …")
    assert Highlight(text, 1.0, spans, [0.5, 1.0], 1).text == "Beschwerden entgegennehmen"


def test_a_short_lists_lead_in_takes_the_whole_list_along():
    """"Darf der Teilnehmer mitkommen?": the lead-in and "Zwingend: …" had been shown, not "Optional: …, Teilnehmerin /
    Teilnehmer" that answers it (QA 12); a long list keeps only its first item."""
    text = ("(5) Der Teilnehmerkreis des Planungsgesprächs setzt sich wie folgt zusammen:\n\n"
            "Zwingend: zuständige Agentur für Arbeit, Integrationsamt, Leistungserbringer der InbeQ\n\n"
            "Optional: Arbeitgeber, Leistungserbringer Berufsbegleitung, Teilnehmerin / Teilnehmer")
    spans = split_sentences(text)
    shown = Highlight(text, 1.0, spans, [1.0] + [0.1] * (len(spans) - 1), 0).text
    assert shown.startswith("(5) Der Teilnehmerkreis") and shown.endswith("Optional: Arbeitgeber, Leistungserbringer Berufsbegleitung, "
                                                                           "Teilnehmerin / Teilnehmer")
    # items without a full stop, one per line, are parted by ";" as they are read
    assert "Leistungserbringer der InbeQ; Optional: Arbeitgeber" in shown
    long_list = "Der Jobcoach übernimmt folgende Aufgaben:\n" + "".join(f"- Aufgabe Nummer {i} mit einer längeren Beschreibung dessen, "
                                                                         f"was dazu gehört und wie sie erledigt wird\n" for i in range(1, 8))
    spans = split_sentences(long_list)
    shown = Highlight(long_list, 1.0, spans, [1.0] + [0.0] * (len(spans) - 1), 0).text
    assert "Aufgabe Nummer 1" in shown and "Aufgabe Nummer 3" not in shown


def test_an_item_of_a_short_announced_list_comes_with_the_lead_in_and_the_other_items():
    """"Ich bin die gesetzliche Betreuerin … Darf ich da mit hin?": the story's words chose "Zwingend: …", which
    said nothing of the Betreuer in "Optional: …" (QA 19); a short list announced with a colon is shown whole. A
    clause left open above a list ("…, dass der angebotene Preis") keeps its best item alone."""
    text = ("(5) Der Teilnehmerkreis setzt sich wie folgt zusammen:\n\n"
            "Zwingend: Agentur für Arbeit, Integrationsamt, Leistungserbringer der InbeQ\n\n"
            "Optional: Arbeitgeber, Teilnehmerin / Teilnehmer (gegebenenfalls mit dem gesetzlichen Betreuer)\n\n"
            "(6) Die Ergebnisse werden protokolliert.")
    spans = split_sentences(text)
    assert Highlight(text, 1.0, spans, [0.2, 1.0, 0.6, 0.1], 1).text == (
        "(5) Der Teilnehmerkreis setzt sich wie folgt zusammen: Zwingend: Agentur für Arbeit, Integrationsamt, "
        "Leistungserbringer der InbeQ; Optional: Arbeitgeber, Teilnehmerin / Teilnehmer (gegebenenfalls mit dem gesetzlichen Betreuer)")
    opened = ("Ergibt die Prüfung, dass der angebotene Preis\n\n- aus guten Gründen niedrig ist, bleibt das Angebot in der Wertung.\n"
              "- nicht schlüssig ist, darf der Zuschlag nicht erteilt werden.\n\nDas Verfahren endet.")
    spans = split_sentences(opened)
    assert Highlight(opened, 1.0, spans, [0.3, 1.0, 0.2, 0.0], 1).text == "aus guten Gründen niedrig ist, bleibt das Angebot in der Wertung."


def test_a_highlight_prefers_the_sentence_that_draws_the_conclusion(lotse):
    """"Muss der Betrieb in der InbeQ Mindestlohn zahlen?": "Kurz:" had begun with the neighbouring case (§ 45 SGB III)
    instead of the section's conclusion (QA 24). "also" concludes after a verb, not as "that is"."""
    from knowledge.retrieval.sentences import CONCLUDES, CONDITIONAL

    reply = lotse.ask("Muss der Betrieb in der InbeQ Mindestlohn zahlen?")
    assert reply.answers[0].unit.id == "bagub-faq/27"
    assert reply.answers[0].highlight.startswith("Das Thema Mindestlohn kann sich also während der InbeQ nicht stellen.")
    assert CONCLUDES.search("Um die Frage konkret zu beantworten: Nur EGZ-SB kann gewährt werden.")
    assert not CONCLUDES.search("In der Phase der Berufsbegleitung, also nach Qualifizierung und Vermittlung, sind sie versichert.")
    # a conclusion for a case is not the rule's: "Kurz:" on the Fahrkosten keeps the rule (test above)
    assert CONDITIONAL.match("Wenn die Tarifbestimmungen keine Vergünstigung vorsehen, kann somit nicht verwiesen werden.")


def test_an_item_shown_with_its_label_still_brings_the_lead_in_and_the_other_items():
    """"Wer muss beim Planungsgespräch … auf jeden Fall dabei sein?": "Optional:" is split off as a label of its items,
    and the label with its items had been shown alone, the optional participants for the ones who must come (QA 24)."""
    text = ("(5) Der Teilnehmerkreis des Planungsgesprächs setzt sich wie folgt zusammen:\n\n"
            "Zwingend: zuständige Agentur für Arbeit, Integrationsamt, Leistungserbringer der InbeQ\n\n"
            "Optional: Arbeitgeber, Leistungserbringer Berufsbegleitung, Teilnehmerin / Teilnehmer")
    spans = split_sentences(text)
    best = len(spans) - 1
    assert text[spans[best - 1][0]:spans[best - 1][1]] == "Optional:"  # the label, a sentence of its own
    highlight = Highlight(text, 1.0, spans, [0.3] + [0.0] * (best - 1) + [0.4], best)
    assert [text[a:b] for a, b in highlight.spans][-2:] == ["Optional:", "Arbeitgeber, Leistungserbringer Berufsbegleitung, "
                                                                         "Teilnehmerin / Teilnehmer"]
    assert highlight.text.startswith("(5) Der Teilnehmerkreis") and "Zwingend: zuständige Agentur für Arbeit" in highlight.text


def test_a_lead_in_left_open_above_a_list_takes_the_list_along():
    """"Welche Anforderungen muss das Eingliederungsziel erfüllen?": the sentence taken along ended in "ein Ziel zu
    vereinbaren, welches" without the three criteria below it (QA 20). A clause left open above a short list brings
    the list, whether it is the best sentence or one taken along; a list item left open above the next item does not."""
    text = ("Im Beratungsgespräch wird das Eingliederungsziel festgelegt.\n\n"
            "Auf Grundlage der Potenzialanalyse ist mit dem Kunden ein Ziel zu vereinbaren, welches\n\n"
            "- sich auf die Integration in den Arbeitsmarkt bezieht,\n- erreichbar und überprüfbar ist sowie\n"
            "- die höchste Erfolgsaussicht hat.\n\nDabei ist Transparenz sicherzustellen.")
    spans = split_sentences(text)
    shown = Highlight(text, 1.0, spans, [1.0, 0.8, 0.0, 0.0, 0.0, 0.1], 0).text
    # read as one sentence: no ";" after the open lead-in nor after an item that reads on ("sowie")
    assert shown == ("Im Beratungsgespräch wird das Eingliederungsziel festgelegt. Auf Grundlage der Potenzialanalyse ist mit dem "
                     "Kunden ein Ziel zu vereinbaren, welches sich auf die Integration in den Arbeitsmarkt bezieht, erreichbar und "
                     "überprüfbar ist sowie die höchste Erfolgsaussicht hat.")
    shown = Highlight(text, 1.0, spans, [0.1, 1.0, 0.0, 0.0, 0.0, 0.1], 1).text
    assert shown.startswith("Auf Grundlage") and shown.endswith("die höchste Erfolgsaussicht hat.")
    items = "4. Leistungen werden im Gesamtplan festgelegt\n5. Ein Kontingent von 60 Stunden ist zu bewilligen\n6. Abschlussbericht"
    spans = split_sentences(items)
    assert Highlight(items, 1.0, spans, [1.0, 0.9, 0.0], 0).text == ("4. Leistungen werden im Gesamtplan festgelegt; "
                                                                     "5. Ein Kontingent von 60 Stunden ist zu bewilligen")


def test_a_sentence_that_frames_the_answer_takes_the_one_that_gives_it_along():
    """"ist abhängig davon, ob …" answers nothing by itself: the best sentence that gives an answer comes along
    after "…" (QA 10, QA 12: the Praktikumsvergütung on the Übergangsgeld)."""
    text = ("Die Anrechnung einer Praktikumsvergütung ist abhängig davon, ob ein Anspruch auf Ausbildungsgeld oder "
            "Übergangsgeld besteht. Eine Praktikumsvergütung ist grundsätzlich auf das Ausbildungsgeld anzurechnen. "
            "Eine Praktikumsvergütung ist auf das Übergangsgeld anzurechnen, soweit sie das bisherige Nettoentgelt übersteigt.")
    spans = split_sentences(text)
    shown = Highlight(text, 1.0, spans, [1.0, 0.5, 0.8], 0).text
    assert shown.startswith("Die Anrechnung einer Praktikumsvergütung ist abhängig davon")
    assert shown.endswith("… Eine Praktikumsvergütung ist auf das Übergangsgeld anzurechnen, soweit sie das bisherige Nettoentgelt übersteigt.")
    # no sentence holds half the frame's share: the frame and its successor, as before
    assert Highlight(text, 1.0, spans, [1.0, 0.3, 0.2], 0).text.endswith("grundsätzlich auf das Ausbildungsgeld anzurechnen.")


def test_a_practice_tips_title_is_no_sentence_of_the_highlight():
    text = ("Kundinnen und Kunden haben ein Recht auf Auskunft über ihre gespeicherten Daten.\n\n"
            "Praxis-Tipp: Sozialdatenschutz im IT-Verfahren VerBIS und im Portal www.arbeitsagentur.de\n\n"
            "Praxis-Tipps:\n\n- Tipps im Umgang mit § 10 Abs.1 Nr. 3 SGB II")
    shown = [text[a:b] for a, b in split_sentences(text)]
    assert shown == ["Kundinnen und Kunden haben ein Recht auf Auskunft über ihre gespeicherten Daten.",
                     "Tipps im Umgang mit § 10 Abs.1 Nr. 3 SGB II"]


def test_a_sentence_keeps_the_short_label_before_it_on_its_line():
    """"Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden." alone does not say for how many participants;
    "6 Teilnehmer:" before it on its line comes along, and counts as no sentence of its own (QA 13: "Optional:")."""
    text = ("5 Teilnehmer: Personalansatz 1,0 Qualifizierungstrainer = 39 Wochenstunden\n"
            "6 Teilnehmer: Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden.\n"
            "7 Teilnehmer: Personalansatz 1,4 Qualifizierungstrainer = 54,6 Wochenstunden.")
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans][2:4] == ["6 Teilnehmer:", "Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden."]
    h = Highlight(text, 1.0, spans, [0.0, 0.5, 0.0, 1.0, 0.0, 0.6], 3)
    assert h.text == ("6 Teilnehmer: Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden. "
                      "7 Teilnehmer: Personalansatz 1,4 Qualifizierungstrainer = 54,6 Wochenstunden.")
    assert h.labels_next(spans[2]) and not h.labels_next(spans[3])
    # a long sentence ending with a colon is a lead-in, no label
    long = "Der Teilnehmerkreis des Planungsgesprächs setzt sich wie folgt zusammen: Zwingend sind alle."
    assert not Highlight(long, 1.0, split_sentences(long), [0.5, 1.0], 1).labels_next(split_sentences(long)[0])


def test_a_sentence_the_sources_layout_cut_in_two_is_one():
    """A paragraph that ends inside a sentence and goes on in lower case, and a list inside a sentence, are one
    sentence (QA 10, QA 13: "Kurz:" had stopped at "zeitnah (spätestens innerhalb")."""
    text = ("Für Teilnehmer ist in einem Zeitraum\n\n- innerhalb von vier Wochen vor bis\n- vier Wochen nach\n\n"
            "dem individuellen Teilnahmeende ein Beratungsgespräch durchzuführen.\n\n"
            "Bei kurzen Teilnahmen ist ein Gespräch zeitnah (spätestens innerhalb\n\nvon vier Wochen) zu führen.\n\n"
            "Der Jobcoach übernimmt:\n\n- die Beratung des Betriebs\n- ein Mobilitätstraining\n\nDas Ende regelt der Vertrag.")
    from knowledge.retrieval.sentences import _clean

    shown = [_clean(text[a:b]) for a, b in split_sentences(text)]
    assert shown == ["Für Teilnehmer ist in einem Zeitraum innerhalb von vier Wochen vor bis vier Wochen nach dem individuellen "
                     "Teilnahmeende ein Beratungsgespräch durchzuführen.",
                     "Bei kurzen Teilnahmen ist ein Gespräch zeitnah (spätestens innerhalb von vier Wochen) zu führen.",
                     "Der Jobcoach übernimmt:", "die Beratung des Betriebs", "ein Mobilitätstraining", "Das Ende regelt der Vertrag."]


def test_a_lead_in_left_open_above_a_long_list_takes_the_item_that_answers():
    """QA 32: "Kurz:" had stopped at "… beinhalten die Leistungen zum Jobcoaching insbesondere", the answer an item
    further down a list too long to show whole."""
    lead = "Demnach beinhalten die Leistungen zum Jobcoaching nach der Vereinbarung des Landes insbesondere"
    items = ["Maßnahmen am unmittelbaren Arbeitsplatz, insbesondere eine systematische betriebliche Erprobung und " * 2 + "Vorbereitung,",
             "Übertragung der Anweisungskompetenz mit Hilfe von Schulungen auf betriebliche Ansprechpersonen " * 2 + "(Ausschleichen),",
             "sonstige Qualifizierungsleistungen und begleitende Bildungsangebote, Arbeitssicherheitskurse " * 2 + "sowie",
             "ein im Einzelfall erforderliches Mobilitätstraining mit Unterstützung bei der Erlangung von Fahrerlaubnissen."]
    text = lead + "\n" + "\n".join("- " + i for i in items)
    spans = split_sentences(text)
    assert len(spans) == 5
    answering = Highlight(text, 1.0, spans, [1.0, 0.0, 0.0, 0.0, 0.6], 0)
    assert answering.text == lead + " … " + items[3]
    # no item answers: the short answer says that it reads on, and shows no item that does not answer
    assert Highlight(text, 1.0, spans, [1.0, 0.0, 0.0, 0.0, 0.0], 0).text == lead + " …"
    # an item that holds too little of the question does not come along
    assert Highlight(text, 1.0, spans, [1.0, 0.0, 0.0, 0.0, 0.3], 0).text == lead + " …"
    # an item that reads on into the next says so
    assert Highlight(text, 1.0, spans, [0.0, 0.0, 0.0, 1.0, 0.0], 3).text.endswith("Arbeitssicherheitskurse sowie …")


def test_a_table_label_above_its_rows_is_no_open_lead_in():
    text = "Zieloptionen\n- Aufnahme Beschäftigung lokal\n- Aufnahme Beschäftigung überregional\n- Aufnahme Mini-Jobs"
    spans = split_sentences(text)
    h = Highlight(text, 1.0, spans, [1.0, 0.0, 0.0, 0.8], 0)
    assert h.text.startswith("Zieloptionen Aufnahme Beschäftigung lokal")  # its rows follow as successors


def test_a_short_answer_reads_without_the_paragraphs_outline_number():
    first = "Der Jobcoach soll die Neigungen und Wünsche des Menschen mit Behinderungen kennen."
    text = "2.3.2. " + first + " Beides soll abgeglichen werden."
    assert Highlight(text, 1.0, split_sentences(text), [1.0, 0.0], 0).text == first
    dated = "1. Januar 2022 ist der Stichtag, an dem die neue Unterscheidung nach Unterstützungsbedarf gilt."  # a date
    assert Highlight(dated, 1.0, split_sentences(dated), [1.0, 0.0], 0).text.startswith("1. Januar 2022")


def test_a_best_unit_without_authored_questions_is_answered_at_its_own_threshold(lotse):
    from dataclasses import replace

    from knowledge.pipeline import Hit, SearchResult

    pipe = lotse.searcher
    query = pipe.analyzer.analyse("Urlaub in der InbeQ")
    unit = lotse.unit("bagub-faq/12")
    result = lambda no_questions: SearchResult(query, [Hit(unit, 0.9, {"no_questions": no_questions})], [], 0.6)  # noqa: E731
    cfg = replace(pipe.cfg, answerable_threshold=0.8, answerable_threshold_no_questions=0.5)
    saved, pipe.cfg = pipe.cfg, cfg
    try:
        assert not pipe.confident(result(0.0))  # a unit with questions: 0.6 < 0.8
        assert pipe.confident(result(1.0))  # a provider's section: 0.6 >= 0.5
        pipe.cfg = replace(cfg, answerable_threshold_no_questions=None)
        assert not pipe.confident(result(1.0))  # not fitted: the one threshold serves both
    finally:
        pipe.cfg = saved
    assert saved.threshold_for({"no_questions": 1.0}) == saved.answerable_threshold_no_questions
