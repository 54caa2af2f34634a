"""Query analysis: a question becomes weighted concepts (one per content word).

Each concept may be met by its own stem, by the stems of its compound parts, by a
derivational root, by a spelling correction or by a thesaurus synonym, each with the
weight named in `RankingConfig`. Words the corpus never uses carry less unless they are
nouns (a noun the documents lack names a topic they do not cover). A phrase naming an
adjacent topic (corpus/adjacent_topics.yaml) is met only by units that name it.

A parent writes "ist mein Sohn versichert": "mein Sohn" names the participant, not the
topic, so a family noun after a possessive carries no weight.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property

from .analysis.analyzer import Analyzer, Term
from .analysis.fold import fold
from .analysis.morph import number_alias, ung_relatives, verb_candidates
from .analysis.spelling import SpellCorrector
from .analysis.stopwords import strip_courtesy
from .analysis.thesaurus import Thesaurus
from .analysis.tokenize import tokenize
from .analysis.user_sentences import asking_spans
from .ranking.config import RankingConfig
from .topics import Topic, contains

MAX_QUERY_TERMS = 40
QUERY_SYNTAX = frozenset({"AND", "OR", "NOT", "NEAR", "TO"})  # operators of search syntax, never content
# a field of search syntax before its term ("title:Urlaub", "content:Mindestlohn"): the field's name is no content
# (QA 27: "title:Urlaub" was declined, the English "title" counted as a word the documents do not answer)
SEARCH_FIELD = re.compile(r"(?<![\w-])(?:title|titel|content|inhalt|body|text|question|frage|asked|crumbs|field|intitle|inurl|site):(?=\S)",
                          re.IGNORECASE)
POSSESSIVES = frozenset(fold(w) for w in (
    "mein meine meinem meinen meiner unser unsere unserem unseren unserer dein deine deinem deinen "
    "euer eure eurem euren sein seine seinem seinen ihr ihre ihrem ihren").split())
FAMILY_NOUNS = frozenset(fold(w) for w in (
    "sohn sohnes söhne tochter töchter kind kindes kinder junge mädchen schützling").split())

# "Stimmt es, dass …", "stimmt das?", "Ist das richtig?", "Trifft es zu, dass …": the words that ask
# whether something is true frame a question and say nothing about its topic ("stimmt" would
# otherwise meet "Abstimmung" and "zustimmen"). "stimmt das" only before the sentence's end or a
# particle: in "Stimmt das Integrationsamt zu?" the verb is the topic
_PARTICLES = r"(?:dass|so|wirklich|eigentlich|denn|auch|(?:ü|ue)berhaupt|noch|oder|und)"
FRAMING = re.compile(
    rf"\b(stimmt|stimmen)\s+(?:es\b|(?:das|dies|dieses)\b(?=\s*(?:[?.!,;:]|$|{_PARTICLES}\b)))"
    rf"|\b(?:ist|w(?:ä|ae)re)\s+(?:es|das|dies)\s+(?:(?:so|denn|auch|wirklich|eigentlich)\s+)?(richtig|wahr|korrekt|zutreffend)\b"
    r"|\b(trifft)\s+(?:es|das|dies)\s+zu\b", re.IGNORECASE)

# who is asking, said before the question: "Als Filialleiter frage ich mich: …", "Als Mutter möchte ich wissen, …".
# The role's words say who asks, not what: an unknown one ("Filialleiter") had made a question on the InbeQ's
# holidays look out of the documents' scope (QA 13). Its words carry no weight; the text stays as it is, so the
# guards still see who asks ("Als Jobcoach frage ich mich, ob ich Urlaub habe" is a staff question).
ASKER = re.compile(r"^\W*als\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:frage ich mich|m(?:ö|oe)chte ich (?:gerne?\s+)?wissen"
                   r"|habe ich (?:eine|folgende|mal eine) frage|interessiert mich|stellt sich mir)\b", re.IGNORECASE)


@dataclass
class Concept:
    term: Term
    alternatives: dict[tuple[str, ...], float]  # stem sequence -> weight
    weight: float = 1.0
    idf: float = 0.0
    corrected_from: str = ""
    topic: Topic | None = None  # an adjacent topic the concept names
    noun: bool = False
    idiom: bool = False  # added by an idiom of the question ("bis wann" adds "Frist", "spätestens"), not its own word

    @property
    def info(self) -> float:
        """How much of the question this concept carries."""
        return self.weight * self.idf


@dataclass
class AnalysedQuery:
    text: str
    concepts: list[Concept] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    _plan: "CoveragePlan | None" = field(default=None, repr=False, compare=False)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # derived views, built once (retrieval/sentences.py)
    # adjacent topics named only in the story of a post, not in what it asks (no scope guard)
    background: list[Topic] = field(default_factory=list)
    # a text asking two or more questions ("Wer lädt ein? Bis wann?"): each question sentence analysed
    # alone, so the short answer can show a sentence for each (retrieval/sentences.py)
    parts: list["AnalysedQuery"] = field(default_factory=list, repr=False, compare=False)

    @property
    def active(self) -> list[Concept]:
        return [c for c in self.concepts if c.weight > 0.0]

    @property
    def topics(self) -> list[Topic]:
        return [c.topic for c in self.concepts if c.topic is not None]

    @property
    def info(self) -> float:
        return sum(c.info for c in self.concepts)

    @property
    def plan(self) -> "CoveragePlan":
        """Concepts prepared for `coverage`; built on first use, after analysis is complete."""
        if self._plan is None:
            self._plan = CoveragePlan.of(self.concepts)
        return self._plan


def person_positions(text: str) -> set[int]:
    """Token positions of family nouns after a possessive ("mein Sohn")."""
    toks = [fold(t.text) for t in tokenize(text)]
    return {i for i in range(1, len(toks)) if toks[i] in FAMILY_NOUNS and toks[i - 1] in POSSESSIVES}


# a number of times written apart ("zwei mal", "noch ein mal"): one word, as the documents write it
TIMES = re.compile(r"\b(ein|zwei|drei|vier|fünf|sechs)\s+mal\b", re.I)


MIN_MODIFIER = 4  # letters before and after the cut of a compound in `_compound_ung_relative` ("sozial|versichert")


class QueryAnalyzer:
    """Turns question text into concepts with the compiled analysis model of the index."""

    def __init__(self, analyzer: Analyzer, thesaurus: Thesaurus, topics: list[Topic], doc_freq: dict[str, int],
                 n_docs: int, nouns: frozenset[str], speller: SpellCorrector, config: RankingConfig,
                 regions: tuple[tuple[str, ...], ...] = (), document_stems: frozenset[str] = frozenset()):
        self.regions = regions  # Länder names: they say which document applies, not what is asked
        self.document_stems = document_stems  # of the documents' own text (doc_freq counts authored questions too)
        self.analyzer = analyzer
        self.thesaurus = thesaurus
        self.topics = topics
        self.doc_freq = doc_freq  # over units and their authored questions
        self.n_docs = max(n_docs, 1)
        self.nouns = nouns
        self.speller = speller
        self.cfg = config
        self._lemma_words: frozenset[str] | None = None

    def idf(self, stem: str) -> float:
        df = self.doc_freq.get(stem, 0)
        return math.log((self.n_docs + 1) / (df + 0.5))

    def known(self, stem: str) -> bool:
        return stem in self.doc_freq

    def ung_relative(self, t: Term) -> str | None:
        """The stem of the corpus word that is `t`'s verb or its noun in -ung ("haftet" -> "haftung",
        "Versicherung" -> "versich"), when Snowball stems the two apart."""
        if t.folded.isdigit():
            return None
        noun = t.folded.endswith("ung")
        for word in ung_relatives(t.folded):
            # a verb must be one the corpus inflects (the lemma of its words): "Zeitung" is no "Zeiten"
            if word in self.lemma_words or (not noun and self.speller.in_corpus(word)):
                rel = self.analyzer.term(word)
                if rel is not None and rel.stem != t.stem and self.known(rel.stem):
                    return rel.stem
        if not noun and len(t.parts) > 1:
            return self._compound_ung_relative(t)
        return None

    def _compound_ung_relative(self, t: Term) -> str | None:
        """A compound ending in an inflected verb ("arbeitslosenversichert", "sozialversichert") meets the
        compound of its noun in -ung ("Arbeitslosenversicherung", "Sozialversicherung") when the corpus
        uses that word: the head is the longest ending the lemma table knows as a form of a corpus verb."""
        table, folded = self.analyzer.lemmas.table, t.folded
        for i in range(MIN_MODIFIER, len(folded) - MIN_MODIFIER + 1):
            lemma = table.get(folded[i:])
            if lemma is None or fold(lemma) not in self.lemma_words:
                continue
            for word in ung_relatives(fold(lemma)):
                whole = folded[:i] + word
                if word.endswith("ung") and self.speller.in_corpus(whole):
                    rel = self.analyzer.term(whole)
                    if rel is not None and rel.stem != t.stem and self.known(rel.stem):
                        return rel.stem
            return None  # the longest known ending decides
        return None

    @property
    def lemma_words(self) -> frozenset[str]:
        """The folded lemmas of the corpus's words (its verbs' infinitives among them)."""
        if self._lemma_words is None:
            self._lemma_words = frozenset(fold(x) for x in self.analyzer.lemmas.lemmas)
        return self._lemma_words

    @staticmethod
    def _framing_positions(text: str) -> set[int]:
        """Token positions of the words that ask whether something is true (`FRAMING`), and of the asker's role
        before the question (`ASKER`)."""
        starts = {m.start(g) for m in FRAMING.finditer(text) for g in range(1, FRAMING.groups + 1) if m.start(g) >= 0}
        asker = ASKER.match(text)
        role = range(asker.start(1), asker.end(1)) if asker else range(0)
        if not starts and not asker:
            return set()
        return {i for i, tok in enumerate(tokenize(text)) if tok.start in starts or tok.start in role}

    def restore_umlauts(self, text: str) -> str:
        """The text with the umlauts a keyboard dropped put back ("personliches budget fur
        arbeit" -> "persönliches budget für arbeit"), so that it meets the documents' words."""
        out, last = [], 0
        for tok in tokenize(text):
            restored = self.speller.restore_umlauts(tok.text)
            if restored:
                out.append(text[last:tok.start] + restored)
                last = tok.end
        return "".join(out) + text[last:] if out else text

    def analyse(self, text: str) -> AnalysedQuery:
        cfg = self.cfg
        text = self.restore_umlauts(strip_courtesy(SEARCH_FIELD.sub("", text)))  # "Hallo zusammen, …? Danke, LG": the question only
        text = TIMES.sub(r"\1mal", text)  # "zwei mal" as "zweimal"
        extra = self.thesaurus.idiom_words(text)
        persons = person_positions(text)
        framing = self._framing_positions(text)
        # search-syntax operators and lone letters ("x") carry no content
        terms = [t for t in self.analyzer.terms(text)[:MAX_QUERY_TERMS]
                 if t.surface not in QUERY_SYNTAX and (len(t.surface) > 1 or t.surface.isdigit())]
        added: set[int] = set()  # positions of the terms an idiom added
        if extra:
            have = {x.stem for x in terms}
            for t in self.analyzer.terms(extra):
                if t.stem not in have:
                    added.add(len(terms))
                    terms.append(t)
        corrections: dict[str, str] = {}
        fixed: list[Term] = []
        from_idiom: list[bool] = []
        for i, t in enumerate(terms):
            from_idiom.append(i in added)
            if not self.known(t.stem) and not t.folded.isdigit():
                verb = next((v for v in (self.analyzer.term(c, t.position) for c in verb_candidates(t.folded))
                             if v is not None and self.known(v.stem)), None)
                if verb is not None:  # "abgerechnet" -> "abrechnen"
                    fixed.append(Term(t.surface, verb.folded, verb.stem, verb.parts, t.position, verb.root))
                    continue
                # a compound of known words ("krankmelden": krank + melden) is no typo: its parts are
                # searched; "correcting" it gave a different word ("anmelden")
                compound = len(t.parts) > 1 and all(self.known(p) for p in t.parts)
                better = None if compound else self.speller.correct(t.folded)
                if better:
                    nt = self.analyzer.term(better, t.position)
                    if nt is None:  # a misspelt function word ("waerend"): no content to search
                        corrections[t.surface] = better
                        continue
                    corrections[t.surface] = better
                    t = nt
            fixed.append(t)
        concepts = []
        for t, idiom in zip(fixed, from_idiom):
            alts: dict[tuple[str, ...], float] = {(t.stem,): 1.0}
            alias = number_alias(t.folded)
            if alias:
                alts[(alias,)] = 1.0
            if t.root:
                alts.setdefault((t.root,), cfg.root_weight)
            related = self.ung_relative(t)
            if related:  # "wer haftet" / "Haftung": a derivational relative, as the -ieren root
                alts.setdefault((related,), cfg.root_weight)
            # a number word is no compound: "fünfzehn" (15 years old) does not mean "fünf" (QA 12)
            if len(t.parts) > 1 and not self.known(t.stem) and not alias:
                alts.setdefault(tuple(sorted(set(t.parts))), cfg.all_parts_weight)  # "Dumpingpreise" / "Preisdumping"
            for p in t.parts if not alias else ():
                alts.setdefault((p,), cfg.part_weight)
            c = Concept(t, alts, corrected_from=next((k for k, v in corrections.items() if v == t.folded), ""))
            c.idf = self.idf(t.stem)
            if (t.position in persons and t.folded in FAMILY_NOUNS) or t.position in framing:
                c.weight = 0.0
            elif idiom:
                c.weight = cfg.idiom_weight
                c.idiom = True
            concepts.append(c)
        stems = [c.term.stem for c in concepts]
        for exp in self.thesaurus.expansions(stems):
            idx = next((i for i in range(len(stems)) if tuple(stems[i:i + len(exp.matched)]) == exp.matched), None)
            if idx is None:
                continue
            # a word the corpus never uses can only be met by its synonyms: no discount then
            w = cfg.synonym_weight if self.known(concepts[idx].term.stem) else cfg.unseen_word_synonym_weight
            for alt in exp.alternatives:
                concepts[idx].alternatives.setdefault(alt, w)
            for j in range(idx + 1, idx + len(exp.matched)):
                concepts[j].weight = 0.0  # the rest of a multi-word member belongs to its first word
        background: list[Topic] = []
        topical = self._mark_topics(concepts, stems, self._story_positions(text), background)
        regional: set[int] = set()  # positions of the concepts that name a Land
        for phrase in self.regions:
            start = contains(stems, phrase)
            if start is not None:
                regional.update(range(start, start + len(phrase)))
        for i, c in enumerate(concepts):
            if i in regional:
                # a Land no document names ("wir wohnen in Bayern") only says where the asker lives
                c.weight *= cfg.region_weight if c.term.stem in self.document_stems else 0.0
            if c.weight == 0.0:
                continue
            c.noun = self._is_noun(c.term)
            if number_alias(c.term.folded):
                c.weight *= cfg.number_word_weight
            elif c.term.folded.isdigit() or re.fullmatch(r"\d+[a-z]?", c.term.folded):
                c.weight *= cfg.digit_weight
            elif not any(self.known(s) for alt in c.alternatives for s in alt):
                # a word the corpus never uses: a noun names a topic the documents lack;
                # any other word (adverb, verb, noise) carries little
                unseen_noun = c.term.surface[:1].isupper() and (c.term.position > 0 or not self.speller.is_known(c.term.folded))
                c.weight *= 1.0 if unseen_noun else cfg.unseen_non_noun_weight
                c.noun = unseen_noun
            elif not c.noun:
                c.weight *= cfg.non_noun_weight
        for c in topical:
            c.weight = 1.0  # a named adjacent topic is the heart of the question
            c.noun = True
        return AnalysedQuery(text, concepts, corrections, background=background)

    @staticmethod
    def _story_positions(text: str) -> frozenset[int]:
        """Token positions outside the asking sentences of a post that tells its story before it
        asks ("Er hat einen GdB von 40. … Gehört er zu denen, für die das Gespräch gedacht ist?");
        none for a question of one sentence."""
        asked = asking_spans(text)
        if not asked:
            return frozenset()
        return frozenset(i for i, tok in enumerate(tokenize(text)) if not any(a <= tok.start < b for a, b in asked))

    def _mark_topics(self, concepts: list[Concept], stems: list[str], story: frozenset[int] = frozenset(),
                     background: list[Topic] | None = None) -> list[Concept]:
        """Mark the concepts that name an adjacent topic (the scope guard). A topic named only in
        the story of a post, not in what it asks, is background ("Er hat einen GdB von 40."):
        its words count as any others, and it is listed in `background`."""
        marked = []
        for topic in self.topics:
            if any(contains(stems, p) is not None for p in topic.unless):
                continue  # "zahlt jemand in die Rente ein?" asks about contributions, not a pension
            for phrase in topic.phrases:
                idx = contains(stems, phrase)
                # an occurrence in the story is passed over for one in what the post asks
                while idx is not None and concepts[idx].term.position in story and not concepts[idx].idiom:
                    if background is not None and topic not in background:
                        background.append(topic)
                    idx = contains(stems, phrase, idx + 1)
                if idx is None or concepts[idx].topic is not None:
                    continue
                c = concepts[idx]
                c.alternatives = {phrase: 1.0}
                c.topic = topic
                marked.append(c)
                if background is not None and topic in background:
                    background.remove(topic)  # named in what the post asks as well
                for j in range(idx + 1, idx + len(phrase)):
                    concepts[j].weight = 0.0
                break
        return marked

    def _is_noun(self, t: Term) -> bool:
        if t.surface[:1].isupper() and t.position > 0:
            return True
        if t.surface.isupper() and len(t.surface) > 1:  # abbreviations: UB, WfbM
            return True
        return t.folded in self.nouns


def coverage(query: AnalysedQuery, terms: frozenset[str] | set[str], nouns_only: bool = False,
             topic_hit=None) -> float:
    """Share of the question's information (IDF-weighted concepts) found in `terms`.

    Each concept counts with its best alternative found; `topic_hit(topic) -> bool` says
    whether the unit names an adjacent topic the concept names. The share depends only on
    which of the question's stems `terms` holds, so it is computed once per such set and
    remembered for the question (a ranked list asks it for hundreds of term sets)."""
    plan = query.plan
    total = plan.noun_total if nouns_only else plan.total
    if not total:
        return 0.0
    found = plan.stems & terms if isinstance(terms, (set, frozenset)) else plan.stems.intersection(terms)
    got = plan.share(found, nouns_only) if found else 0.0
    if plan.has_topics:
        for info, noun, topic, _ in plan.items:
            if topic is not None and not (nouns_only and not noun) and topic_hit is not None and topic_hit(topic):
                got += info
    return got / total


def coverages(query: AnalysedQuery, term_sets: list[frozenset[str]]) -> list[float]:
    """`coverage(query, terms)` for many term sets (sentences, authored questions), no adjacent topics met."""
    plan = query.plan
    total, stems, shares = plan.total, plan.stems, plan.shares
    if not total:
        return [0.0] * len(term_sets)
    out = []
    for terms in term_sets:
        found = stems & terms
        if not found:
            out.append(0.0)
            continue
        got = shares.get((found, False))
        out.append((got if got is not None else plan.share(found, False)) / total)
    return out


@dataclass(frozen=True)
class CoveragePlan:
    """The concepts of an analysed question, prepared once for many `coverage` calls."""

    items: tuple[tuple[float, bool, Topic | None, tuple[tuple[float, tuple[str, ...]], ...]], ...]
    total: float
    noun_total: float
    stems: frozenset[str] = frozenset()  # every stem of an alternative (not of adjacent topics)
    has_topics: bool = False
    # (stems found, nouns only) -> information found: the memo of `coverage`
    shares: dict = field(default_factory=dict, compare=False, repr=False)

    def share(self, found: frozenset[str], nouns_only: bool) -> float:
        """Information met by the stems `found` (adjacent topics aside), remembered per set."""
        got = self.shares.get((found, nouns_only))
        if got is None:
            bits = self.bits
            got = self.shares[(found, nouns_only)] = self.share_of_mask(sum(bits.get(x, 0) for x in found), nouns_only)
        return got

    @cached_property
    def bits(self) -> dict[str, int]:
        """Each stem's bit in a mask of stems found (`share_of_mask`)."""
        return {stem: 1 << bit for bit, stem in enumerate(sorted(self.stems))}

    @cached_property
    def _needs(self) -> tuple[tuple[float, bool, tuple[tuple[float, int], ...]], ...]:
        """Per concept (adjacent topics aside): its information, whether a noun, and its alternatives, best weight
        first, each as the mask of the stems it needs."""
        bits = self.bits
        return tuple((info, noun, tuple((w, sum(bits[x] for x in set(alt))) for w, alt in alts))
                     for info, noun, topic, alts in self.items if topic is None)

    def share_of_mask(self, mask: int, nouns_only: bool = False) -> float:
        """Information met by the stems of `mask` (their `bits`): the question's authored-question retriever
        reads masks from its postings, `share` a set of stems."""
        got = 0.0
        for info, noun, alts in self._needs:
            if nouns_only and not noun:
                continue
            for w, need in alts:  # best weight first: the first alternative found is the best
                if mask & need == need:
                    got += info * w
                    break
        return got

    @classmethod
    def of(cls, concepts: list[Concept]) -> "CoveragePlan":
        items = tuple(
            (c.info, c.noun, c.topic, tuple(sorted(((w, alt) for alt, w in c.alternatives.items() if w > 0),
                                                   key=lambda x: -x[0])))
            for c in concepts if c.weight != 0.0)
        stems = frozenset(x for _, _, topic, alts in items if topic is None for _, alt in alts for x in alt)
        return cls(items, sum(i[0] for i in items), sum(i[0] for i in items if i[1]), stems,
                   any(i[2] is not None for i in items))
