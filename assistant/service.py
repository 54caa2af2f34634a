"""The one service object the CLI and the UI talk to: questions, calculators, documents."""
from __future__ import annotations

import datetime as dt
import gc
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from knowledge.corpus import BUILTIN_CORPUS, CorpusError, Document, Unit, corpus_dirs, folder_problem
from knowledge.analysis.fold import fold
from knowledge.analysis.stopwords import is_stopword
from knowledge.analysis.lemmas import LemmaSource
from knowledge.safeyaml import DataError, listed, load_builtin, load_file, os_reason
from knowledge.index import IndexHandle, fingerprint_of, open_index
from knowledge.pipeline import AnswerPipeline, unnamed_reference
from knowledge.ranking.quantities import unstated
from knowledge.retrieval.questions import SIMILAR_SHOWN

from . import calculators as calc
from . import currency
from . import guide as guide_data
from . import presenter
from .forms import FormResult, evaluate
from .conversation import MODAL, conversation_reply
from .extract import ExtractError
from .question import LAND_NAMES, asks_successor, lands_named, other_land, other_phase, other_role, regional_notes
from .router import route
from .textio import printable

MAX_QUESTION = 1000
QUESTION_HEAD = 300  # of a longer question: the first 300 characters and the last ones, 1 000 in all
# "Was ist UB?", "was bedeutet eigentlich inbeq", "Wofür steht die Abkürzung IFD?": a question
# that asks only what a term means (folded text; the term is looked up in the glossary)
DEFINITION = re.compile(
    r"(?:was (?:ist|sind|heisst|bedeutet|meint man mit)|was versteht man unter|wofuer steht|erklaer\w* (?:mir |uns )?)"
    r"\s+(?:(?:eigentlich|genau|denn|nochmal)\s+)*(?:(?:die abkuerzung|der begriff|das wort)\s+)?"
    r"(?:(?:der|die|das|ein|eine|einen|den|dem)\s+)?(?P<term>[\w .§/-]+?)\s*[?!.]*")
# a glossary term written in capitals ("BAR", "TN", "eLb" is not one): found in a passage only as written
ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,6}")
# asked once and discarded by `warm_up`: a staffing and a deadline calculation (the holiday calendars load with the first deadline: about half a second),
# and a question the documents do not answer
WARM_UP_QUESTIONS = ("Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat?", "Bis wann muss ich zum Planungsgespräch anmelden?",
                     "Wie wird das Wetter morgen?")
ABSTAIN_TEXT = "Dazu finde ich in den Dokumenten keine verlässliche Antwort."
NO_TOPIC_TEXT = ("Ihre Frage nennt kein Thema: Worauf bezieht sich „{}“? Bitte schreiben Sie das Thema mit in die Frage, "
                 "zum Beispiel: „Haben Teilnehmer der InbeQ Anspruch auf Urlaub?“")
# what a question asks for itself and the passage does not state (knowledge.ranking.quantities.unstated):
# what the documents lack, and who gives it
CONTACT_DETAILS = "Kontaktdaten finden Sie auf der Internetseite der jeweiligen Stelle, oder fragen Sie Ihre Agentur für Arbeit."
UNSTATED = {
    "euro": ("Einen Betrag in Euro oder einen Preis nennen die Dokumente dazu nicht.",
             "Auskunft zu Beträgen und Preisen: die Stelle, die die Leistung bezahlt oder vergibt – bei der InbeQ die "
             "Agentur für Arbeit, beim Jobcoaching der Träger der Eingliederungshilfe."),
    "phone": ("Eine Telefonnummer nennen die Dokumente dazu nicht.", CONTACT_DETAILS),
    "email": ("Eine E-Mail-Adresse nennen die Dokumente dazu nicht.", CONTACT_DETAILS),
    "address": ("Eine Anschrift nennen die Dokumente dazu nicht.", CONTACT_DETAILS),
    "person": ("Namen von Ansprechpersonen nennen die Dokumente nicht; sie beschreiben Aufgaben und Zuständigkeiten.",
               "Wer zuständig ist, erfahren Sie bei der jeweiligen Stelle selbst, zum Beispiel bei Ihrer Agentur für Arbeit."),
    "date": ("Termine und Öffnungszeiten einzelner Stellen nennen die Dokumente nicht.",
             "Termine und Öffnungszeiten erfahren Sie bei der jeweiligen Stelle, zum Beispiel bei Ihrer Agentur für Arbeit oder beim Träger."),
    "provider": ("Einzelne Träger oder Anbieter vor Ort nennen die Dokumente nicht; sie beschreiben die Leistungen und wer sie vergibt.",
                 "Welche Träger es in Ihrer Nähe gibt, sagt Ihnen die Agentur für Arbeit (bei der InbeQ), das Integrationsamt "
                 "(bei der Berufsbegleitung) oder der Träger der Eingliederungshilfe (beim Jobcoaching aus der Werkstatt)."),
    "recommendation": ("Empfehlungen für einzelne Krankenkassen, Träger, Firmen oder Schulen geben die Dokumente nicht; sie beschreiben "
                       "die Regeln, die für alle gelten.",
                       "Zur Wahl im Einzelfall berät Sie Ihre Reha-Beraterin oder Ihr Reha-Berater bei der Agentur für Arbeit."),
    "form": ("Eine Formular- oder Vordrucknummer nennen die Dokumente dazu nicht.",
             "Auskunft zu Anträgen und Vordrucken: die Stelle, bei der der Antrag gestellt wird (bei der InbeQ die Agentur für Arbeit)."),
}
PRICE_TEXT, PRICE_CONTACT = UNSTATED["euro"]
DEFINED_TEXT = "Eine eigene Erklärung des Begriffs enthalten die Dokumente nicht."
TERMS_SHOWN = 4  # glossary entries explained beside an answer's "Kurz:" (parents' and new colleagues' views)
TERMS_NOT_FOR = ("anbieter",)  # views that know the terms: no glossary words beside an answer
SCOPE_TEXT = ("Die Dokumente behandeln die Unterstützte Beschäftigung nach § 55 SGB IX (InbeQ und Berufsbegleitung), "
              "das Jobcoaching in Baden-Württemberg und den Integrationsprozess der Bundesagentur für Arbeit.")
ECHO_RATIO = 90  # a similar question this close to the question asked (folded, rapidfuzz ratio) only repeats it


def _word_at(text: str, word: str, ignore_case: bool) -> int:
    """Where `word` first stands in `text` as a word of its own or the end of a hyphenated one, each of its words
    with a German inflection ending ("-s", "-n", "-en", "-es", "-r"; "unterweisungsfreien Zeiten", "grober
    Fahrlässigkeit"); -1 where it does not."""
    parts = [re.escape(w) + "(?:s|es|n|en|r|m)?" for w in word.split()]
    m = re.search(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", text, re.IGNORECASE if ignore_case else 0)
    return m.start() if m else -1


# a question for whom to turn to about a topic ("An wen wende ich mich wegen dem Geld?", "wen frage ich wegen
# kindergeld"): the passage answers the topic, and the reply says whom to ask as well (QA 30: it had not)
# Only these phrasings: "an wen geht die Stellungnahme?", "mit wem schließt der Träger den Vertrag?" ask no such thing.
_CAN_I = rf"{MODAL} (?:ich|man|wir)"
_WORDS = r"(?: [\w-]+){0,6}?"  # "an wen muss ich mich wegen urlaub wenden"
ASKS_WHOM = re.compile(rf"^(?:(?:an (?:wen|wenn)|wohin) (?:{_CAN_I}{_WORDS} (?:wenden|richten)|wende ich mich|wenden wir uns|wendet man sich)"
                       rf"|wen (?:frag|frage|fragt|{_CAN_I}{_WORDS} (?:fragen|anrufen|ansprechen))|wo (?:frag|frage) ich"
                       rf"|wen (?:kontaktiere ich|kontaktieren wir|{_CAN_I}{_WORDS} kontaktieren)"
                       rf"|bei wem (?:melde|beantrage|frage|{_CAN_I})|mit wem {_CAN_I} (?:sprechen|reden))\b")
# whom the line names speaks for Unterstützte Beschäftigung: it is added only where the answer's document is about it
# (QA 31: under a Jobcoaching passage, which names the Eingliederungshilfeträger, it had named the Agentur für Arbeit)
ABOUT_UB = re.compile(r"\bInbeQ\b|Unterstützte[nr]? Beschäftigung|§\s*55\b|§\s*38a\b")
WHOM_FOR_CHILD_BENEFIT = "Ob Kindergeld gezahlt wird, stellt die örtlich zuständige Familienkasse fest."


def whom_to_ask(text: str, document: Document | None = None) -> str:
    """Whom to ask, for a question that asks whom to turn to about its topic and is answered from a document
    about Unterstützte Beschäftigung (`document`: the answer's; None: not checked); "" for any other question."""
    folded = fold(text.strip())
    if not ASKS_WHOM.match(folded) or (document is not None and not ABOUT_UB.search(document.body)):
        return ""
    child = f"{WHOM_FOR_CHILD_BENEFIT} " if "kindergeld" in folded else ""
    return f"{presenter.WHOM_HEADING}: {child}{presenter.WHOM_TO_ASK}"


def _builtin(folder) -> bool:
    """Whether a corpus folder is the built-in one."""
    try:
        return Path(folder).resolve() == BUILTIN_CORPUS.resolve()
    except (OSError, RuntimeError):
        return False


def _offered_first(lead: Unit, suggested: list[Unit]) -> list[Unit]:
    """The passage a declined question is nearest to, first, then two of the other suggestions."""
    return [lead] + [u for u in suggested if u.id != lead.id][:2]


def dictionary_key(term: str) -> str:
    """Sort key as in a German dictionary (DIN 5007-1): "Ü" as "U", "ß" as "ss" ("Übergangsgeld" with the U)."""
    plain = unicodedata.normalize("NFKD", term.casefold().replace("ß", "ss"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _defined_term(question: str) -> tuple[str, bool]:
    """(the folded term a question asks the meaning of, whether it stands alone): ("ub", False) for "Was ist UB?";
    ("inbeq", True) for "inbeq", as typed into a search field."""
    folded = fold(question.strip())
    m = DEFINITION.fullmatch(folded)
    return (m.group("term").strip(), False) if m else (folded.rstrip("?!. "), True)


def corrected(text: str, corrections: dict[str, str]) -> str:
    """The text with each misspelt word (as written) replaced by its correction."""
    for wrong, right in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", right, text)
    return text


@dataclass
class Answer:
    unit: Unit
    document: Document
    confidence: float
    validity: str
    in_force: bool
    notes: list[str] = field(default_factory=list)
    highlight: str = ""
    similar: list[str] = field(default_factory=list)
    not_yet: bool = False  # the document comes into force later (not "außer Kraft")

    @property
    def source(self) -> str:
        return self.document.short_title

    def to_json(self) -> dict:
        u, d = self.unit, self.document
        return {
            "text": u.text, "highlight": presenter.plain(self.highlight), "similar_questions": self.similar, "source": d.short_title, "section": presenter.section(u), "score": self.confidence,
            "unit_id": u.id, "title": u.title, "document_title": d.title, "issuer": d.issuer, "region": d.region,
            "date": d.display_date, "answer_date": u.answer_date, "responder": u.responder,
            "validity": self.validity, "in_force": self.in_force, "notes": self.notes,
        }


@dataclass
class Reply:
    question: str
    abstained: bool
    answers: list[Answer] = field(default_factory=list)
    calculation: calc.Calculation | None = None
    message: str = ""
    suggestions: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    error: str = ""
    suggestion_ids: list[str] = field(default_factory=list)  # unit ids of `suggestions`, in the same order
    suggestion_labels: list[str] = field(default_factory=list)  # "⚠ außer Kraft: Titel (Dokument)" for the buttons and the CLI
    contacts: list[str] = field(default_factory=list)  # who gives information on a declined adjacent topic
    conversational: bool = False  # a reply to "Hallo", "Danke!": no question was declined, so no next steps
    defined: str = ""  # the glossary term a "Was ist …?" question asks about: the glossary answers, passages show where it is used

    def to_json(self, service: "Lotse") -> dict:
        return {
            "question": self.question,
            "abstained": self.abstained,
            "answers": [a.to_json() for a in self.answers],
            "calculation": service.calculation_json(self.calculation) if self.calculation else None,
            "message": self.message,
            "suggestions": self.suggestions,
            "corrections": self.corrections,
            "error": self.error or None,
            "contacts": self.contacts,
        }


def echoes(question: str, text: str) -> bool:
    """Whether an authored question (nearly) repeats the question asked, so it is no "Ähnliche Frage" to it:
    compared as folded words, without punctuation ("Wer zahlt die Fahrkosten …?" and "wer zahlt die fahrkosten …")."""
    return fuzz.ratio(_echo_words(question), _echo_words(text)) >= ECHO_RATIO


@lru_cache(maxsize=8192)
def _echo_words(text: str) -> str:
    """A text's folded words, for `echoes` (an authored question is compared with many questions asked)."""
    return " ".join(re.findall(r"\w+", fold(text)))


def clean_question(text: str) -> tuple[str, str]:
    """Remove terminal escape sequences (pasted coloured text: "\x1b[31mwas ist inbeq"), control
    and format characters, and cap the length; returns (question, notice)."""
    # compatibility forms read as their plain letters ("Ｕｒｌａｕｂ", "ﬁ"; QA 22)
    text = re.sub(r"\s+", " ", printable(unicodedata.normalize("NFKC", text), len(text))).strip()
    notice = ""
    if len(text) > MAX_QUESTION:
        # a long post tells its story first and asks at the end: keep its beginning and its end
        notice = (f"Die Frage ist sehr lang ({presenter.num(len(text))} Zeichen); berücksichtigt wurden ihr Anfang und ihr Ende, "
                  f"zusammen {presenter.num(MAX_QUESTION)} Zeichen.")
        text = keep_ends(text, MAX_QUESTION, QUESTION_HEAD)
    return text, notice


def keep_ends(text: str, limit: int, head: int | None = None) -> str:
    """A text longer than `limit` as its first `head` characters (half the limit by default) and its last ones, cut at
    words and joined by " … ", `limit` characters at most; a shorter text as it is."""
    if len(text) <= limit:
        return text
    start = text[:limit // 2 if head is None else head]
    start = start.rsplit(" ", 1)[0] if " " in start else start
    tail = text[len(text) - (limit - len(start) - 3):]
    tail = tail.split(" ", 1)[1] if " " in tail[:40] else tail
    return f"{start} … {tail}"


class Lotse:
    """Answer engine and calculators behind one object (no UI imports)."""

    def __init__(self, extra_corpus: list[str] | tuple[str, ...] = (), today: dt.date | None = None, progress=lambda _m: None,
                 lemma_source: LemmaSource | None = None):
        self.dirs = corpus_dirs(list(extra_corpus))
        self.lemma_source = lemma_source
        self.today = today or dt.date.today()
        self._progress = progress
        self._handle: IndexHandle | None = None
        self._searcher: AnswerPipeline | None = None
        self._currency: list[currency.ChangeNote] | None = None
        self._scope: str | None = None  # `scope_text`, once per index
        self._unit_currency: dict[tuple, list[str]] = {}  # (text, answer date, document date) -> change notes
        self._guide: guide_data.Guide | None = None
        self._spellings: dict[str, str] | None = None
        self._glossary_errors: list[CorpusError] = []
        self._glossary: list[dict] | None = None
        self._glossary_keys: tuple[dict[str, dict], dict[str, dict]] = ({}, {})  # `_entry`'s lookups: folded term, folded long form
        self._lock = threading.RLock()  # the UI asks from worker threads

    # -------------------------------------------------------------- index
    @property
    def handle(self) -> IndexHandle:
        with self._lock:
            if self._handle is None:
                self._handle = open_index(self.dirs, progress=self._progress, lemma_source=self.lemma_source)
            return self._handle

    @property
    def searcher(self) -> AnswerPipeline:
        with self._lock:
            if self._searcher is None:
                try:
                    self._searcher = AnswerPipeline(self.handle)
                except OSError:  # the folder was replaced meanwhile (`lotse index` elsewhere): reopen once
                    self._handle = None
                    self._searcher = AnswerPipeline(self.handle)
            return self._searcher

    def warm_up(self) -> None:
        """Load what a first question would otherwise load on its way: the index and pipeline,
        the spelling word lists (the index's, and the documents' own spellings a correction is shown
        in: about 0,1 s on the first misspelt question), and the calculators' rules, patterns and
        holiday calendars (by answering two calculator questions and one with a word the documents
        lack, and discarding them).
        The web app runs it before it accepts requests, the benchmark before it measures."""
        self.searcher
        self.handle.known_words()
        self.spelling("")
        for question in WARM_UP_QUESTIONS:
            self.ask(question)

    @staticmethod
    def settle() -> None:
        """Once the index is loaded and many questions are to follow (a web worker, `lotse batch`, the benchmark;
        not in the tests, whose objects come and go): everything alive now (the index, the pipeline,
        the word lists) stays for the process, so the cyclic garbage collector stops walking it on every full
        round, which had held up one question in a hundred by 40-70 ms (400 questions: p99 71 -> 30 ms).
        Objects frozen are still freed when no longer referenced; only a cycle among them is not collected."""
        gc.freeze()

    def rebuild(self) -> IndexHandle:
        """Build the index anew (`lotse index`); one this process has just built is kept."""
        h = self._handle
        if h is not None and h.built is not None and h.fingerprint == fingerprint_of(self.dirs, self.lemma_source):
            return h
        if self._searcher:
            self._searcher.close()
        self._searcher = None
        self._handle = open_index(self.dirs, progress=self._progress, force=True, lemma_source=self.lemma_source)
        return self._handle

    def set_progress(self, progress) -> None:
        """Report index building (German status lines) to `progress` from now on, e.g. to the UI."""
        self._progress = progress

    @property
    def errors(self) -> list[CorpusError]:
        """Skipped files with their problems: the index's, plus the guide's and glossary's once loaded."""
        if self._guide is None and any((Path(d) / "guide.yaml").is_file() for d in self.dirs[1:]):
            self.guide()  # a provider's guide is checked now, so its problems are named with the others
        if self._glossary is None and any((Path(d) / "glossary.yaml").is_file() for d in self.dirs[1:]):
            self.glossary()  # and so is a provider's glossary
        extra = [CorpusError(p, m) for p, m in (self._guide.errors if self._guide else [])]
        # a document dated after today: probably a typo in "date" ("Stand 01.01.2030" would be shown)
        future = [CorpusError(d.path, f"Das Dokumentdatum {d.date.strftime('%d.%m.%Y')} liegt nach dem heutigen Tag; bitte „date“ prüfen.")
                  for d in self.handle.store.documents() if d.date > self.today]
        # the index of a corpus whose extra folder was missing is the corpus's own, reused later: its problems with
        # a folder not named this time are not this call's (QA 22: a mistyped --corpus had been warned of ever after)
        here = [d.resolve() for d in self.dirs]
        own = [e for e in self.handle.errors if any(d == e.path.resolve() or d in e.path.resolve().parents for d in here)]
        errors = own + extra + self._glossary_errors + future
        # a folder that is missing adds no files, so the index of the corpus without it is reused
        # (and its build recorded no problem): named here each time
        named = {(x.path, x.problem) for x in errors}
        missing = [CorpusError(d, problem) for d in self.dirs if (problem := folder_problem(d))]
        return [e for e in missing if (e.path, e.problem) not in named] + errors

    # -------------------------------------------------------------- answering
    def ask(self, question: str, limit: int = 5) -> Reply:
        with self._lock:
            return self._ask(question, limit)

    def _ask(self, question: str, limit: int) -> Reply:
        text, notice = clean_question(question or "")
        if not text:
            return Reply(question, True, message="Bitte geben Sie eine Frage ein, zum Beispiel: „Haben Teilnehmer der InbeQ Anspruch auf Urlaub?“",
                         error=presenter.EMPTY_QUESTION)  # bad input, not a decline (batch and JSON tell them apart)
        chat = conversation_reply(text)
        if chat:  # "Hallo", "Danke!", "Wer bist du?": no passage answers a message to the assistant
            return Reply(question, True, message=chat, conversational=True)
        calculation, error, failed = None, "", False
        result = self.searcher.search(text, limit=limit)
        r = None
        try:
            r = route(text, self.today)
            if r is None and result.corrections:
                # read as the search read it: "wann das inetgrationsamt unterichten" asks the deadline
                r = route(corrected(text, result.corrections), self.today)
            if r is not None:
                calculation = r.run()
                calculation.assumptions = r.assumptions + calculation.assumptions
                calculation.assumptions += regional_notes(text, [x.doc_id for x in calculation.rules])
        except (ExtractError, calc.InputError) as exc:
            error = str(exc)
            failed = True  # bad input in the question ("-3 Teilnehmer", "31.02."): no passage's sentence reads as the figure
        # a calculation refused for its input has no short answer: a passage's sentence in "Kurz:" (B.2's worked
        # example "8 Teilnehmer / 5 * 39 …") would read as the figure asked for; the passages are still shown
        answers = [self._answer(h.unit, h.confidence, "" if failed else h.highlight, h.similar, text) for h in result.hits]
        confident = self.searcher.confident(result)
        term, bare = _defined_term(text)
        # "Was heißt -h?": a meaning asked of no word at all names no topic (QA 22: a passage had been given for "heißt")
        nameless = not bare and len(re.sub(r"[\W_]", "", term)) < 2
        if nameless:
            confident = False
        definition = self._entry(term)
        if definition and confident and result.hits and ((bare and definition.get("long"))
                                                          or not self._uses_term(result.hits[0].unit.id, definition)):
            # "Was bedeutet QT?": a passage that never uses the term cannot say what it means; the glossary answers.
            # An abbreviation alone ("inbeq", "UB") stands in passages about many things (Frage 3 on costs had answered
            # "inbeq"): the glossary says what it means and lists the passages using it, those with it in their heading
            # first. A term alone ("Übergangsgeld", "Jobcoaching") is searched as any question.
            confident = False
        # the Baden-Württemberg principles do not answer how jobcoaching works in Niedersachsen
        top_doc = self.document(result.hits[0].unit.doc_id) if result.hits else None
        elsewhere = calc.registry.LAND_TITLES.get(other_land(text, top_doc.region), "") if confident and top_doc else ""
        if confident and top_doc and not elsewhere:
            # "Gibt es in Bayern auch so ein Jobcoaching wie in Baden-Württemberg?" (QA 19): a Land's rules compared
            # with another Land no document covers; whatever passage came first, only the first Land's document holds
            top_doc, elsewhere = self._compared_land(text) or (top_doc, "")
        if elsewhere:
            confident = False
        # a passage that speaks of another time, person or version than the question asks about is offered, not given
        offer = self._offered_instead(text, result.hits[0].unit, top_doc) if confident and result.hits else None
        if offer:
            confident = False
        # "wie viel Euro …", "die Telefonnummer vom Integrationsamt": a passage that states none does not say it,
        # and the reply says so whether the question is answerable or not (QA 3), where a passage is near it at
        # all: "Was kostet ein Flug nach Mallorca?" is simply not a question the documents are about
        missing = unstated(text, result.hits[0].unit.text) if self.searcher.near(result) else ""
        if missing:
            confident = False
        meaning = [presenter.definition_text(definition)] if definition else []  # leads the message, answered or not
        messages = [m for m in (notice,) if m]
        # a function word put right ("unsre" -> "unsere") searched nothing: saying "Gesucht mit" would only unsettle (QA 32)
        corrections = {k: self.spelling(v) for k, v in result.corrections.items() if not is_stopword(v)}
        if corrections:
            messages.append(presenter.corrections_text(corrections))
        if error:
            messages.append(error)
        if calculation is not None:
            if calculation.rules:
                # the documents' worked example of the computation comes first where there is one (a staffing
                # question "bei 6 TN im 6. Monat" is B.2's); else a passage the calculator applies: the rule whose quote covers most of the
                # question ("Bis wann … angemeldet?": the registration deadline, not the meeting days),
                # the first rule on a tie
                covered = self.searcher.coverages(result, [r.quote for r in calculation.rules])
                rule = calculation.example or calculation.rules[max(range(len(covered)), key=lambda i: (covered[i], -i))]
                lead = self.unit(rule.source)
                answers = [self._answer(lead, 1.0, rule.quote, question=text)] + [a for a in answers if a.unit.id != lead.id]
            return Reply(question, False, answers[:limit], calculation, " ".join(messages), [], corrections, error)
        if not confident:
            # a named topic the documents lack gets no "Meinten Sie": its passages would only share words
            suggested = [] if result.uncovered else self._suggestions(result)
            msg = ABSTAIN_TEXT
            contacts = [f"Auskunft zum Thema „{name}“: {ask}." for name, ask in result.asks.items()]
            # a topic the post's story names ("… den Schwerbehindertenausweis mit Merkzeichen G …"): declined
            # anyway, the post is likely about it, and whom to ask about it helps (QA 8)
            contacts += [f"Auskunft zum Thema „{t.name}“: {t.ask}." for t in dict.fromkeys(result.query.background)
                         if t.ask and t.name not in result.asks]
            reference = unnamed_reference(result) or (term if nameless else None)
            if reference:  # "Stimmt das?" alone: no passage can say what "das" is
                suggested = []
                msg = NO_TOPIC_TEXT.format(reference)
            elif result.uncovered:
                names = " und ".join(f"„{n}“" for n in result.uncovered)
                msg = f"Zum Thema {names} enthalten die Dokumente keine Aussage; ich zeige deshalb keine Passage dazu. {self.scope_text()}"
            elif missing:
                if result.hits:  # the nearest passage first, confident or not
                    suggested = _offered_first(result.hits[0].unit, suggested)
                lacking, ask = UNSTATED[missing]
                msg = f"{lacking} Die Passagen, die der Frage am nächsten kommen, stehen unten als Vorschlag. {self.scope_text()}"
                if not contacts:  # a topic's own contact knows better ("die Wertmarke": the Versorgungsamt)
                    contacts.append(ask)
            elif elsewhere:
                # scope: say where the passage holds and offer it, first, as a suggestion
                own = next((h.unit for h in result.hits if h.unit.doc_id == top_doc.id), result.hits[0].unit)
                suggested = _offered_first(own, suggested)
                msg = (f"Die passende Passage stammt aus „{top_doc.short_title}“ und gilt nur in {top_doc.region}; "
                       f"für {elsewhere} enthalten die Dokumente keine eigene Regelung. {self.scope_text()}")
                contacts.append(f"Auskunft zu den Regeln in {elsewhere}: das Integrationsamt (Inklusionsamt) des Landes, "
                                "die Agentur für Arbeit und der Träger der Eingliederungshilfe dort.")
            elif offer:
                suggested = _offered_first(result.hits[0].unit, suggested)
                msg, contact = offer
                contacts.append(contact)
            elif definition:
                # "Was heißt WfbM?": the glossary answers; the passages that use the term are where to read on
                msg = "" if bare else DEFINED_TEXT  # a term alone asked nothing the documents failed to explain
                suggested = (self.passages_using(definition["term"], 3)
                             or (self.passages_using(definition["long"], 3) if definition.get("long") else []))
            if not contacts:
                # else the subjects with a known contact and no guard ("Kindergeld", "Bürgergeld"; QA 37: half the
                # declined parents' questions had named no one to ask), each once
                named = self.searcher.contacts_named(result.query)
                contacts = [f"Auskunft zum Thema „{name}“: {ask}." for name, ask in named.items()]
            if msg == ABSTAIN_TEXT and not error and result.query.active:
                # a plain decline still says what the documents cover (QA 21: 32 of 56 declines had not; whom to ask,
                # where no topic names its own contact, the presenter adds: presenter.WHOM_TO_ASK)
                msg += " " + self.scope_text()
            if error:
                msg = error
            return Reply(question, True, [], None, " ".join(m for m in meaning + [msg] + [m for m in messages if m != error] if m),
                         [presenter.display_title(u) for u in suggested], corrections, error,
                         [u.id for u in suggested], [self.unit_label(u.id) for u in suggested], contacts,
                         defined=definition["term"] if definition and not reference and not result.uncovered else "")
        whom = whom_to_ask(text, self.document(answers[0].unit.doc_id)) if answers else ""
        return Reply(question, False, answers, None, " ".join(meaning + messages + ([whom] if whom else [])), [], corrections, error,
                     defined=definition["term"] if definition else "")

    def _offered_instead(self, text: str, top: Unit, doc: Document | None) -> tuple[str, str] | None:
        """(the message, whom to ask) when the best passage speaks of another version, time or person than the
        question asks about, so it is offered instead of given as the answer; None when it answers."""
        # "Gibt es eine Nachfolgevereinbarung?": a document out of force since its end does not say what replaced it
        # (one not yet in force has nothing to succeed)
        if doc is not None and doc.valid_until is not None and self.today > doc.valid_until and asks_successor(text):
            return (f"Ob es eine Nachfolgeregelung gibt, sagen die Dokumente nicht: „{doc.short_title}“ galt bis "
                    f"{presenter.german_date(doc.valid_until)}. Die Passage steht unten als Vorschlag.",
                    f"Auskunft zu einer Nachfolgeregelung: {doc.issuer}.")
        # "hat man in der berufsbegleitung anspruch auf urlaub": Frage 12 says no, for the InbeQ's participants
        if other_phase(text, "\n".join((doc.title if doc else "", top.title, top.question, top.text))):
            return ("Die passende Passage spricht nur von der Zeit der InbeQ, nicht von der Zeit nach der Einstellung "
                    "(Arbeitsvertrag, Berufsbegleitung); was sie sagt, gilt deshalb nicht ohne Weiteres danach. "
                    f"Die Passage steht unten als Vorschlag. {self.scope_text()}",
                    "Auskunft zur Zeit nach der Einstellung: der Träger der Berufsbegleitung, das Integrationsamt "
                    "oder die Reha-Beratung der Agentur für Arbeit; zum Arbeitsverhältnis selbst der Arbeitgeber.")
        # "Wie viele Urlaubstage haben Qualifizierungstrainer?": Frage 12 is on the participants' days off
        if other_role(text, "\n".join((top.title, top.question, top.text))):
            # the staff of a Träger, and of the Agentur or the Jobcenter ("als neue Maßnahmebetreuerin"; QA 36)
            return ("Die passende Passage spricht von den Teilnehmenden, nicht vom Personal (des Trägers, der Agentur oder des "
                    f"Jobcenters); zu dessen Arbeitsbedingungen enthalten die Dokumente keine Aussage. Die Passage steht unten als Vorschlag. {self.scope_text()}",
                    "Auskunft zu Urlaub, Gehalt und Arbeitszeit des Personals: der Arbeitgeber (der Träger, die Agentur für Arbeit "
                    "oder das Jobcenter), der Arbeits- oder Tarifvertrag und der Betriebs- oder Personalrat.")
        return None

    def reply_for_unit(self, unit_id: str) -> Reply:
        """A reply that shows one unit (a related question chosen from a card)."""
        unit = self.unit(unit_id)
        if unit is None:
            return Reply(unit_id, True, message="Dieser Abschnitt ist nicht (mehr) im Korpus.")
        question = unit.question or unit.title
        return Reply(question, False, [self._answer(unit, 1.0, question=question)])

    def unit_label(self, unit_id: str) -> str:
        """A unit as a button or list item names it: title, document, and the marker of a document out of force."""
        unit = self.unit(unit_id)
        return presenter.unit_label(unit, self.document(unit.doc_id), self.today)

    def _suggestions(self, result) -> list[Unit]:
        out: list[Unit] = []
        for h in result.hits:
            if h.coverage > 0 and h.unit.title not in {u.title for u in out}:
                out.append(h.unit)
            if len(out) == 3:
                break
        return out

    def spelling(self, folded: str) -> str:
        """A folded word ("uebergangsgeld") as the documents spell it ("Übergangsgeld")."""
        if self._spellings is None:
            from knowledge.analysis.tokenize import tokenize

            counts: dict[str, dict[str, int]] = {}
            for u in self.handle.store.units():
                for tok in tokenize(f"{u.title}\n{u.text}"):
                    forms = counts.setdefault(fold(tok.text), {})
                    forms[tok.text] = forms.get(tok.text, 0) + 1
            self._spellings = {k: max(v, key=lambda w: (v[w], w[:1].isupper())) for k, v in counts.items()}
        return self._spellings.get(folded, folded)

    def _answer(self, unit: Unit, confidence: float, highlight: str = "", similar: list[str] | None = None, question: str = "") -> Answer:
        doc = self.document(unit.doc_id)
        if similar is None:
            similar = self.similar_questions(unit.id, asked=question)
        elif question:
            # the search's picks without the question just asked, topped up from the unit's other questions, also where
            # the search's best-matching ones were all keywords or parents' spellings (not shown as questions)
            kept = [q for q in similar if not echoes(question, q)]
            want = max(len(similar), SIMILAR_SHOWN)
            if len(kept) < want:
                kept += [q for q in self.similar_questions(unit.id, want + len(kept), question) if q not in kept][:want - len(kept)]
            similar = kept
        return Answer(unit, doc, round(confidence, 3), presenter.validity(doc, self.today), doc.in_force(self.today),
                      self.notes_for(unit, doc), highlight, similar, presenter.not_yet_in_force(doc, self.today))

    def notes_for(self, unit: Unit, doc: Document) -> list[str]:
        notes = []
        note = presenter.out_of_force_note(doc, self.today)
        if note:
            notes.append(note)
        key = (unit.text, unit.answer_date, doc.date)  # a unit's change notes depend on these alone
        changed = self._unit_currency.get(key)
        if changed is None:
            changed = self._unit_currency[key] = currency.notes_for(unit.text, currency.written_on(unit.answer_date, doc.date),
                                                                    self.currency_notes())
        return notes + changed

    def currency_notes(self) -> list[currency.ChangeNote]:
        """What changed since older passages were written (corpus/currency.yaml)."""
        if self._currency is None:
            self._currency = currency.load_notes(BUILTIN_CORPUS / "currency.yaml")
        return self._currency

    def step_notes(self, step: guide_data.Step) -> list[str]:
        """Notes for an onboarding step: an expiry marker for passages from documents out of force, and change notes."""
        notes: list[str] = []
        for unit_id in step.units:
            unit = self.unit(unit_id)
            if unit is None:
                continue
            doc = self.document(unit.doc_id)
            if not doc.in_force(self.today) and doc.valid_until and self.today > doc.valid_until:
                marker = f"{doc.short_title}: außer Kraft seit {doc.valid_until + dt.timedelta(days=1):%d.%m.%Y}"
                if marker not in notes:
                    notes.append(marker)
            # changes of the law only: a supplement belongs to the answer it adds to, not to a step's overview (QA 41: the
            # Kindergeld beyond 25 had stood on the step on Lebensunterhalt)
            for n in currency.notes_for(unit.text, currency.written_on(unit.answer_date, doc.date), self.currency_notes(), supplements=False):
                if n not in notes:
                    notes.append(n)
        return notes

    # -------------------------------------------------------------- calculators
    def calculation_json(self, c: calc.Calculation) -> dict:
        return {
            "name": c.name, "title": c.title, "result": c.result, "explanation": c.explanation,
            "steps": c.steps, "assumptions": c.assumptions, "notes": c.notes,
            "sources": [self.source_label(r) for r in c.rules],
            "dates": [{"label": label, "date": d.strftime("%d.%m.%Y")} for label, d in c.dates],
            "inputs": c.inputs, "in_force": c.in_force, "validity": c.validity or None,
        }

    def source_label(self, rule: calc.Rule) -> str:
        unit = self.unit(rule.source)
        label = rule.source
        if unit is not None:
            doc = self.document(unit.doc_id)
            label = f"{doc.short_title}{presenter.SEP}{presenter.section(unit)}: „{rule.quote}“"
        if rule.law:
            label += f" ({rule.law})"
        return label

    # -------------------------------------------------------------- documents
    def unit(self, unit_id: str) -> Unit | None:
        return self.handle.store.unit(unit_id)

    def _compared_land(self, text: str) -> tuple[Document, str] | None:
        """(the regional document, the other Land's name) when a question names the Land of a regional document and
        a Land no document covers ("wie in BW auch in Bayern"); else None."""
        regional = {LAND_NAMES[d.region.strip().lower()]: d for d in self.documents() if d.region.strip().lower() in LAND_NAMES}
        named = lands_named(text)
        covered = [code for code in named if code in regional]
        others = [code for code in named if code not in regional]
        return (regional[covered[0]], calc.registry.LAND_TITLES[others[0]]) if covered and others else None

    def document(self, doc_id: str) -> Document | None:
        return self.handle.store.document(doc_id)

    def documents(self) -> list[Document]:
        return self.handle.store.documents()

    def scope_text(self) -> str:
        """What the documents cover, as a declined reply says it: ours, and a provider's own by their titles (QA 40: a
        reply had named only the built-in topics beside the provider's house rules)."""
        if self._scope is None:
            own = [d.short_title for d in self.documents() if not _builtin(d.path.parent)]
            self._scope = SCOPE_TEXT + (f" Dazu kommen Ihre eigenen Dokumente: {', '.join(f'„{t}“' for t in own[:5])}"
                                        f"{' und weitere' if len(own) > 5 else ''}." if own else "")
        return self._scope

    def units_of(self, doc_id: str) -> list[Unit]:
        return self.handle.store.units_of(doc_id)

    def similar_questions(self, unit_id: str, limit: int = 3, asked: str = "") -> list[str]:
        """Authored questions the unit answers (shown as „Ähnliche Fragen“), without those that repeat `asked`."""
        pos = self.handle.store.position(unit_id)
        if pos is None:
            return []
        questions, out = self.searcher.questions, []
        for q in questions.of_unit(pos):  # `shown`: reads_as_question, remembered per text (asked on the query path)
            if questions.shown(q.text) and not (asked and echoes(asked, q.text)):
                out.append(q.text)
                if len(out) >= limit:
                    break
        return out

    def answer_terms(self, reply: Reply, audience_id: str) -> list[dict]:
        """The glossary entries for the terms of an answer's "Kurz:" line in a view ("Begriffe kurz erklärt"):
        none for the providers' view, a declined question or a glossary answer (it explains its term already)."""
        if audience_id in TERMS_NOT_FOR or reply.abstained or reply.defined or not reply.answers or not reply.answers[0].highlight:
            return []
        return self.terms_in(presenter.short_text(reply.answers[0].highlight))

    def terms_in(self, text: str, limit: int = TERMS_SHOWN) -> list[dict]:
        """The glossary entries a text uses, in the order it first uses them (at most `limit`): for a
        parent, the words of an answer's "Kurz:" explained in plain language. A term counts where it
        stands as a word ("Leistungserbringer", "Leistungserbringers", "UB-Leistungserbringer"), an
        abbreviation only as written ("BA", not "ba"), a long form in any case ("individuelle betriebliche
        Qualifizierung"); an abbreviation whose long form is a term of its own ("BB", "Berufsbegleitung")
        is one entry, the one the text uses first."""
        found: dict[str, tuple[int, int, dict]] = {}  # concept -> (where, 0 for the term itself / 1 for a long form, entry)
        for e in self.glossary():
            term, long = e["term"], e.get("long", "")
            hits = [(_word_at(text, term, ignore_case=not term.isupper()), 0)]
            if len(long.split()) > 1:  # "individuelle betriebliche Qualifizierung"; not an everyday word ("Teilnehmende", "Arbeitgeber")
                hits.append((_word_at(text, long, ignore_case=True), 1))
            hits = [h for h in hits if h[0] >= 0]
            if not hits:
                continue
            at, via = min(hits)
            concept = fold(long or term)
            if concept not in found or (at, via) < found[concept][:2]:
                found[concept] = (at, via, e)
        return [e for *_, e in sorted(found.values(), key=lambda x: x[:2])][:limit]

    def glossary(self) -> list[dict]:
        """Glossary entries (term, long, explanation) from every corpus folder, sorted by term."""
        if self._glossary is not None:
            return list(self._glossary)
        by_term, errors = {}, []  # folded term -> entry: a later folder's entry replaces an earlier one (a provider's own wording)
        for d in self.dirs:
            path = Path(d) / "glossary.yaml"
            try:
                # ours is trusted and read at every start, so from the parse cache; a provider's is checked
                data = (load_builtin(path.read_text(encoding="utf-8")) if _builtin(d) else load_file(path)) if path.is_file() else []
            except DataError as exc:  # a broken provider glossary must not take the app down
                errors.append(CorpusError(path, str(exc)))
                continue
            if not isinstance(data, list):
                errors.append(CorpusError(path, "Das Glossar muss eine Liste von Einträgen mit „term“ und „explanation“ sein."))
                continue
            skipped = []
            for i, e in enumerate(data, 1):
                if isinstance(e, dict) and isinstance(e.get("term"), str) and e["term"].strip() \
                        and isinstance(e.get("explanation"), str) and e["explanation"].strip():
                    by_term[fold(e["term"].strip())] = {k: (v if isinstance(v, str) else str(v)) for k, v in e.items() if v is not None}
                else:
                    term = e.get("term") if isinstance(e, dict) else None
                    skipped.append(f"Eintrag {i}" + (f" („{term}“)" if isinstance(term, str) and term.strip() else ""))
            if skipped:
                errors.append(CorpusError(path, "Einträge ohne „term“ und „explanation“ (Text) übersprungen: " + listed(skipped)))
        entries = list(by_term.values())
        for e in entries:  # today's law next to a term that changed ("Eingliederungsvereinbarung" -> Kooperationsplan in SGB II)
            text = f"{e['term']} {e.get('long', '')} {e['explanation']}"
            e["notes"] = currency.notes_for(text, None, self.currency_notes(), supplements=False)
        self._glossary_errors = errors
        self._glossary = sorted(entries, key=lambda e: (dictionary_key(e["term"]), e["term"]))
        terms, longs = {}, {}
        for e in self._glossary:  # the first entry of a folded term or long form, as the list is sorted
            terms.setdefault(fold(e["term"]), e)
            if e.get("long"):
                longs.setdefault(fold(e["long"]), e)
        self._glossary_keys = (terms, longs)
        return list(self._glossary)

    def definition(self, question: str) -> dict | None:
        """The glossary entry a question asks the meaning of ("Was ist UB?") or names alone ("UB"), or None."""
        return self._entry(_defined_term(question)[0])

    def _entry(self, term: str) -> dict | None:
        """The glossary entry of a folded term or long form, or None."""
        if not term:  # "?!?!" names no term (and an entry without a long form has an empty one)
            return None
        # the entry of the term itself before one whose long form it is ("Berufsbegleitung", not "BB")
        self.glossary()  # read once, with its lookups
        terms, longs = self._glossary_keys
        return terms.get(term) or longs.get(term)

    def _uses_term(self, unit_id: str, entry: dict) -> bool:
        """Whether a unit uses a glossary entry's term or its long form."""
        return any(unit_id in {u.id for u in self.passages_using(t, None)} for t in (entry["term"], entry.get("long", "")) if t)

    def passages_using(self, term: str, limit: int | None = 8) -> list[Unit]:
        """Units whose own heading or text uses a glossary term (the document's title and the parent
        headings, which the search also reads, do not count): those whose heading uses it first, then
        the others, each in corpus order. An abbreviation ("BAR", "TN") counts only as written, in
        capitals: its stem alone would meet other words ("bar")."""
        h = self.handle
        units = h.store.units()
        if ABBREVIATION.fullmatch(term.strip()):
            written = re.compile(rf"(?<![\w-]){re.escape(term.strip())}(?![\w-])")
            using = [(u, bool(written.search(f"{u.title} {u.question}"))) for u in units
                     if written.search(f"{u.title} {u.question} {u.text}")]
        else:
            stems = [t.stem for t in h.analyzer.terms(term)]
            if not stems:
                return []
            using = []
            for u, v, ev in zip(units, h.unit_values, h.evidence):
                own = frozenset(" ".join((v["title"], v["question"], v["body"])).split())
                if all(s in own for s in stems):
                    using.append((u, all(s in ev.head for s in stems)))  # head: the title's and question's terms
        ranked = [u for u, headed in using if headed] + [u for u, headed in using if not headed]
        return ranked if limit is None else ranked[:limit]

    def guide(self) -> guide_data.Guide:
        if self._guide is None:
            self._guide = guide_data.checked(guide_data.load_guide(self.dirs),
                                             lambda uid: u.text if (u := self.unit(uid)) is not None else None,
                                             calculators=set(calc.registry.REGISTRY))
        return self._guide

    # -------------------------------------------------------------- calculator forms
    def calculator_title(self, name: str) -> str:
        """A calculator's German title ("" for an unknown id)."""
        spec = calc.registry.REGISTRY.get(name)
        return spec.title if spec is not None else ""

    def calculate(self, name: str, raw: dict) -> FormResult:
        return evaluate(name, raw, self.today)

    def export_ics(self, calculation: calc.Calculation, path: str | Path, overwrite: bool = False) -> str:
        """Write the calculation's dates to an .ics file (terminal UI); returns a German status line.

        The path is checked first: its folder must exist, it must not be a folder, and an
        existing file is only replaced with `overwrite` (the UI asks first; see ICS_EXISTS)."""
        from .calculators.ics import to_ics

        if not calculation.dates:
            return "Diese Berechnung enthält keine Termine für den Kalender."
        target, problem = ics_target(path)
        if target is None:
            return problem
        if target.exists() and not overwrite:
            return ICS_EXISTS.format(path=target)
        try:
            with open(target, "wb" if overwrite else "xb") as f:
                f.write(to_ics(calculation))
        except FileExistsError:
            return ICS_EXISTS.format(path=target)
        except OSError as exc:
            return f"Die Datei {target} kann nicht geschrieben werden ({os_reason(exc)})."
        return f"{presenter.terms_count(len(calculation.dates))} gespeichert in {target}"

    def ics_download(self, calculation: calc.Calculation, name: str = "") -> tuple[bytes, str]:
        """(content, file name) of the calculation's .ics file for a browser download."""
        from .calculators.ics import to_ics

        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name or "").name).strip(".-")[:60]
        stem = stem[:-4] if stem.lower().endswith(".ics") else stem
        return to_ics(calculation), f"{stem or 'ub-lotse-termine'}.ics"


ICS_EXISTS = "Die Datei {path} gibt es schon. Zum Überschreiben noch einmal „Als .ics speichern“ wählen."


def ics_target(path: str | Path) -> tuple[Path | None, str]:
    """(checked path, "") or (None, German problem) for saving an .ics file in the terminal UI."""
    text = str(path).strip()
    if not text:
        return None, "Bitte einen Dateinamen angeben."
    if "\x00" in text or any(unicodedata.category(ch)[0] == "C" for ch in text):
        return None, "Der Dateiname enthält Steuerzeichen."
    target = Path(text).expanduser().absolute()  # messages name the whole path, so the file can be found
    if not target.is_dir() and target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    if target.is_dir():
        return None, f"{target} ist ein Ordner; bitte einen Dateinamen angeben."
    if not target.parent.is_dir():
        return None, f"Den Ordner {target.parent} gibt es nicht."
    return target, ""
