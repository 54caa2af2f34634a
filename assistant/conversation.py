"""Messages that talk to the assistant instead of asking about a topic: "Hallo", "Danke!",
"Wer bist du?", "Kannst du mir helfen?", "Erzähl mir einen Witz".

Such a message gets a short reply that says what the assistant does, never a passage: the
documents have nothing to say to it, and a passage that shares one word with it ("Witz" in
a post that says "kein Witz") would be an answer to a question nobody asked. A message is
read as conversation only when every one of its parts is a conversational phrase; a greeting
before a question ("Hallo, ist mein Kind versichert?") leaves the question to the search.
"""
from __future__ import annotations

import re

from knowledge.analysis.fold import fold

from .presenter import WHOM_TO_ASK

# each kind: phrases on folded text (lower case, ae/oe/ue/ss), matched against a whole part
# of the message; "du" and "Sie" alike
_YOU = r"(?:du|sie|ihr)"
_ME = r"(?:mir|uns)"
_WHOSE = r"(?:mein|meine|unser|unsere|der|die|dein|deine|ihr|ihre|ein|eine)"
_CONTACT = r"(?:ansprechpartner(?:in|innen)?|ansprechperson(?:en)?|kontaktperson(?:en)?|ansprechstelle|anlaufstelle)"
_WHOM = r"(?:mich|uns|meinen sohn|meine tochter|mein kind|unseren sohn|unsere tochter|unser kind|ihn|sie)"
_AT = (r"(?:bei|beim) (?:der (?:agentur|arbeitsagentur|agentur fuer arbeit|reha|reha beratung)|dem (?:jobcenter|traeger|amt)"
       r"|jobcenter|traeger|amt|arbeitsamt)")
_FOR = rf"(?: (?:fuer {_WHOM}|hier|da|dafuer|jetzt|{_AT}))*"
_I = r"(?:ich|man|wir)(?: (?:da|denn|dann|hier|dafuer|am besten|jetzt))*"
MODAL = r"(?:kann|soll|muss|koennen|sollen|muessen|sollte|koennte)"  # folded; also service.ASKS_WHOM
KINDS: dict[str, str] = {
    # asking for a contact person and nothing else: "Wer ist mein Ansprechpartner?", "An wen kann ich mich wenden?"
    # (QA 28: a passage that shares the word, on contact lists of a 2014 agreement, had been the answer)
    # (QA 30: typed as parents type it: "an wenn", "zustendig", one word, "… bei der agentur")
    "contact": rf"(?:(?:(?:wer|was|wo) (?:ist|sind|waere|finde ich) {_WHOSE} )?{_CONTACT}{_FOR}"
               rf"|kontakt(?:e|daten)?|(?:wen|wo) (?:kann ich|koennen wir) (?:kontaktieren|anrufen)"
               rf"|(?:an (?:wen|wenn)|wohin) {MODAL} {_I}(?: (?:mich|uns))? (?:wenden|richten){_FOR}"
               rf"|(?:an (?:wen|wenn)|wohin) (?:wende ich mich|wenden wir uns|wendet man sich){_FOR}"
               rf"|(?:wen|wo) {MODAL} {_I} (?:fragen|anrufen|kontaktieren|ansprechen|nachfragen){_FOR}"
               rf"|(?:wen|wo) (?:frage|frag) ich(?: da)?{_FOR}"
               rf"|mit wem {MODAL} {_I} (?:sprechen|reden){_FOR}"
               rf"|bei wem (?:melde ich mich|melden wir uns|{MODAL} {_I} (?:mich |uns )?melden){_FOR}"
               rf"|wo {MODAL} {_I} (?:mich |uns )?(?:melden|beschweren){_FOR}"
               rf"|wer (?:hilft|kann) (?:mir|uns)(?: (?:weiter|helfen|weiterhelfen))?{_FOR}"
               rf"|wo (?:bekomme|kriege|finde|bekommen|finden) {_I} (?:hilfe|beratung|unterstuetzung){_FOR}"
               rf"|wer ist(?: (?:hier|da|dafuer|denn|eigentlich))*(?: fuer {_WHOM})? zust(?:ae|e|a)ndig{_FOR})",
    "greeting": r"(?:hallo|hallihallo|hi|hey|moin(?: moin)?|servus|gruess gott|gruezi|huhu"
                r"|guten (?:tag|morgen|abend)|tag|morgen|n abend|abend)(?: (?:zusammen|allerseits|leute|lotse|ub lotse))?",
    "thanks": r"(?:(?:vielen |herzlichen |tausend )?dank(?:e)?(?: (?:schoen|sehr|dir|ihnen|euch))*(?: fuer (?:die|deine|ihre) (?:hilfe|antwort|auskunft))?"
              r"|dankeschoen|merci|(?:super|toll|prima|perfekt|ok|okay|alles klar|gut) (?:vielen |herzlichen )?dank(?:e)?(?: (?:schoen|sehr|dir|ihnen))*)",
    # closing a conversation: "Danke, das war's schon, tschüss" (QA 13)
    "farewell": r"(?:tschuess|tschues|ciao|bye|auf wiedersehen|bis bald|bis dann|bis spaeter|schoenen tag noch|gute nacht"
                r"|(?:danke )?das war(?:s| s| es)?(?: (?:schon|alles|erstmal|erst mal))*(?: (?:von mir|fuer heute))?"
                r"|mehr (?:wollte|moechte) ich (?:nicht|gar nicht) wissen)",
    # an acknowledgement before thanks or a farewell: "super, vielen Dank!"
    "ack": r"(?:super|toll|prima|perfekt|ok|okay|alles klar|gut|klasse|spitze|cool)",
    # trying whether it works: "Test 123", "test"
    "test": r"(?:test(?:en|ing)?|teste|probe|hallo welt)(?: \d+)*",
    "help": rf"(?:hilfe|(?:kannst|koennen|koenntest|koennten) {_YOU} {_ME} (?:bitte )?helfen|{_YOU} (?:kannst|koennen) {_ME} (?:bitte )?helfen"
            r"|ich (?:habe|hab|haette) (?:da )?(?:eine|ne|noch eine|noch ne|mal eine|mal ne) frage|ich brauche (?:bitte )?hilfe"
            rf"|darf ich (?:dich|sie|euch) (?:was|etwas) fragen|(?:kann|darf) ich (?:hier )?(?:was|etwas|eine frage) fragen)",
    "about": rf"(?:wer bist {_YOU}|was bist {_YOU}|wer sind sie|was sind sie|bist {_YOU} (?:ein|eine) (?:mensch|bot|roboter|computer|programm|ki|chatbot)"
             rf"|sind sie (?:ein|eine) (?:mensch|bot|roboter|computer|programm|ki|chatbot)"
             rf"|was (?:kannst|koennen) {_YOU}(?: alles)?(?: (?:so|denn|eigentlich))*|wie funktionierst {_YOU}|wie funktioniert (?:das hier|diese app|das programm)"
             rf"|wie heisst {_YOU}|wie heissen sie|wofuer bist {_YOU} da|wozu bist {_YOU} da)",
    # saying who one is before asking what the assistant does: "Hallo, ich bin neu hier. Was kannst du?" (QA 45: declined)
    "newcomer": r"(?:ich bin (?:(?:ganz|noch|hier|erst) )*neu(?: (?:hier|dabei|im team|in der firma|beim traeger|in der einrichtung))*"
                r"|ich bin (?:die|der) neue(?: (?:kollegin|kollege|mitarbeiterin|mitarbeiter|jobcoach|trainerin|trainer))?"
                r"(?: (?:hier|im team))*)",
    "wellbeing": rf"(?:wie geht(?: es|s)? (?:dir|ihnen|euch)|wie gehts|alles (?:gut|klar) bei {_YOU})",
    "joke": rf"(?:(?:erzaehl|erzaehle|erzaehlen sie|sag|sage|sagen sie) (?:{_ME} )?(?:mal )?(?:einen|nen|noch einen|noch nen) witz"
            rf"|(?:kennst|kennen) {_YOU} (?:einen|nen) witz|(?:sag|erzaehl) (?:{_ME} )?(?:mal )?(?:was|etwas) lustiges|mach(?:e)? (?:mal )?(?:einen|nen) witz)",
}
_PATTERNS = {kind: re.compile(rf"(?:{p})(?: (?:bitte|mal|doch|denn|eigentlich))*") for kind, p in KINDS.items()}
_PARTS = re.compile(r"[,.!?;:\n]+|\s(?:und|&)\s")  # "Tschüss und danke": two phrases
_NOISE = re.compile(r"[^\w ]+")  # emoji, quotes, dashes
_FILLER = re.compile(r"(?:bitte|bitte bitte|please|pls|mal)")

INTRO = ("Ich bin UB-Lotse und beantworte Fragen zur Unterstützten Beschäftigung nach § 55 SGB IX "
         "(InbeQ und Berufsbegleitung), zum Jobcoaching in Baden-Württemberg und zum Integrationsprozess "
         "der Bundesagentur für Arbeit, jeweils mit der Stelle im Dokument. Personalbedarf und Fristen rechne ich aus.")
EXAMPLES = ("Stellen Sie Ihre Frage, zum Beispiel: „Ist mein Kind während der InbeQ sozialversichert?“ "
            "oder „Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat?“")
# the kind that says most wins when a message has several ("Hallo, wer bist du?")
REPLIES: dict[str, str] = {
    "contact": (f"Wer Ihre persönliche Ansprechperson ist, steht nicht in den Dokumenten. {WHOM_TO_ASK} Im Alltag der Maßnahme "
                "helfen die Fachkräfte beim Leistungserbringer, zum Beispiel Qualifizierungstrainer oder Jobcoach. Zu einem Thema "
                "finde ich die Stelle in den Dokumenten, zum Beispiel: „Wer zahlt die Fahrtkosten?“"),
    "joke": f"Witze kann ich leider nicht erzählen. {INTRO} {EXAMPLES}",
    "about": (f"{INTRO} Ich bin ein Programm, kein Mensch, und sage nur, was in den Dokumenten steht. "
              f"Für Ihren Einzelfall fragen Sie Ihre Reha-Beraterin oder Ihren Reha-Berater bei der Agentur für Arbeit. {EXAMPLES}"),
    "help": f"Gern. {INTRO} {EXAMPLES}",
    "wellbeing": f"Danke der Nachfrage, ich bin ein Programm. {INTRO} {EXAMPLES}",
    "greeting": f"Hallo! {INTRO} {EXAMPLES}",
    "newcomer": f"Willkommen! {INTRO} {EXAMPLES}",
    "thanks": "Gern geschehen. Wenn Sie noch etwas wissen möchten, fragen Sie einfach.",
    "farewell": "Auf Wiedersehen! Sie können jederzeit wieder fragen.",
    "test": f"Ich bin bereit. {INTRO} {EXAMPLES}",
    "ack": "Gern. Wenn Sie noch etwas wissen möchten, fragen Sie einfach.",
}


def conversation_kind(text: str) -> str | None:
    """The kind of a message that only talks to the assistant ("greeting", "thanks", "help", …);
    None when any part of it asks about something else."""
    parts = [" ".join(_NOISE.sub(" ", p).split()) for p in _PARTS.split(fold(text))]
    parts = [p for p in parts if p]
    if len(parts) > 1:  # "wer hilft uns weiter?? bitte": a filler of its own belongs to the part before it
        parts = [p for p in parts if not _FILLER.fullmatch(p)] or parts
    if not parts:
        return None
    kinds = []
    for part in parts:
        kind = next((k for k, p in _PATTERNS.items() if p.fullmatch(part)), None)
        if kind is None:
            return None
        kinds.append(kind)
    return min(kinds, key=list(REPLIES).index)


def conversation_reply(text: str) -> str | None:
    """The reply to a conversational message, or None for a question the search should read."""
    kind = conversation_kind(text)
    return REPLIES[kind] if kind else None
