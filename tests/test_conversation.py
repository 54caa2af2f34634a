"""Messages to the assistant ("Hallo", "Danke!", "Erzähl mir einen Witz") get a reply that says
what it does, never a passage; a greeting before a real question leaves the question to the search."""
import pytest

from assistant.conversation import conversation_kind, conversation_reply

CONVERSATION = [
    ("Hallo", "greeting"),
    ("Guten Morgen!", "greeting"),
    ("moin moin 🙂", "greeting"),
    ("Danke!", "thanks"),
    ("vielen dank fuer die hilfe", "thanks"),
    ("Dankeschön :)", "thanks"),
    ("Tschüss", "farewell"),
    ("Wer bist du?", "about"),
    ("Bist du ein Mensch?", "about"),
    ("Sind Sie ein Roboter?", "about"),
    ("Was kannst du alles?", "about"),
    ("Kannst du mir helfen?", "help"),
    ("Können Sie mir bitte helfen?", "help"),
    ("Hallo, ich hab eine Frage", "help"),
    ("Hilfe!", "help"),
    ("Wie geht es dir?", "wellbeing"),
    ("Erzähl mir einen Witz", "joke"),
    ("erzaehl mal nen witz", "joke"),
    ("Hallo! Kennst du einen Witz?", "joke"),
    # closings and tries (QA 13)
    ("Danke, das war's schon, tschüss", "thanks"),
    ("danke das wars", "farewell"),
    ("Tschüss und danke", "thanks"),
    ("super, vielen Dank!", "thanks"),
    ("Alles klar, tschüss", "farewell"),
    ("ok", "ack"),
    ("Test 123", "test"),
    # asking for a contact and nothing else (QA 28: contact lists of a 2014 agreement had been the answer)
    ("wer ist mein ansprechpartner", "contact"),
    ("Wer ist unsere Ansprechpartnerin für meinen Sohn?", "contact"),
    ("An wen kann ich mich wenden?", "contact"),
    ("an wen wende ich mich", "contact"),
    ("Hallo, wer hilft mir weiter?", "contact"),
    ("Wen soll man da fragen?", "contact"),
    ("wo bekomme ich hilfe", "contact"),
    # as parents type it (QA 30): a typo, one word, an office named, a filler of its own
    ("an wenn kann ich mich wenden", "contact"),
    ("wer ist fuer mich zustendig", "contact"),
    ("Wer ist zuständig für meinen Sohn?", "contact"),
    ("ansprechpartner", "contact"),
    ("Kontakt", "contact"),
    ("wer ist mein ansprechpartner bei der agentur", "contact"),
    ("wer hilft uns weiter?? bitte", "contact"),
    ("bei wem melde ich mich", "contact"),
    ("wo kann ich mich beschweren", "contact"),
    # a newcomer saying so (QA 45: "Hallo, ich bin neu hier. Was kannst du?" had been declined)
    ("Hallo, ich bin neu hier. Was kannst du?", "about"),
    ("ich bin die neue Kollegin, kannst du mir helfen?", "help"),
    ("Ich bin neu hier.", "newcomer"),
]

QUESTIONS = [
    "Hallo, ist mein Kind während der InbeQ sozialversichert?",
    "Danke, und wer zahlt die Fahrtkosten?",
    "Hilfe bei der Arbeitssuche?",
    "Wer bist du als Jobcoach für den Betrieb?",
    "Kannst du mir helfen, den Personalschlüssel zu berechnen?",
    "Wie geht es nach der InbeQ weiter?",
    "Was kann die Berufsbegleitung alles?",
    "",
    "?!?!",
    "Test der Maßnahme",
    "Ok, und wie lange dauert die InbeQ?",
    "Probe beim Arbeitgeber?",
    "Wer ist zuständig für die Berufsbegleitung?",
    "An wen wende ich mich wegen der Fahrtkosten?",
    "Wen kann ich fragen, wenn das Kindergeld nicht kommt?",
    "Wer hilft beim Antrag auf Übergangsgeld?",
    "Ansprechpartner im Betrieb?",
    "Kontakt zum Arbeitgeber?",
    "bitte",
    "Ich bin neu in der InbeQ, bekomme ich Urlaub?",
    "ich bin neu hier und frage mich, wer die Fahrtkosten zahlt",
]


@pytest.mark.parametrize("text,kind", CONVERSATION)
def test_conversational_messages_are_recognised(text, kind):
    assert conversation_kind(text) == kind


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_and_noise_are_left_to_the_search(text):
    assert conversation_kind(text) is None
    assert conversation_reply(text) is None


def test_replies_say_what_the_assistant_does_in_german():
    assert conversation_reply("Erzähl mir einen Witz").startswith("Witze kann ich leider nicht erzählen. Ich bin UB-Lotse")
    assert "kein Mensch" in conversation_reply("Bist du ein Mensch?")
    assert "„Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat?“" in conversation_reply("Hallo")
    assert conversation_reply("ich bin neu hier").startswith("Willkommen! Ich bin UB-Lotse")
    assert conversation_reply("Danke!") == "Gern geschehen. Wenn Sie noch etwas wissen möchten, fragen Sie einfach."


def test_the_service_answers_conversation_without_a_passage(lotse):
    reply = lotse.ask("Erzähl mir einen Witz")
    assert reply.abstained and not reply.answers and not reply.suggestions and reply.calculation is None
    assert reply.message.startswith("Witze kann ich leider nicht erzählen.")
    assert not reply.error  # a message to the assistant is no bad input
    greeted = lotse.ask("Hallo, ist mein Kind während der InbeQ sozialversichert?")
    assert not greeted.abstained and greeted.answers


def test_a_conversational_reply_offers_no_next_steps_anywhere(lotse):
    """"Danke!" is answered, not declined: no "So kommen Sie weiter", no "Keine sichere Antwort"."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette asks for httpx2; httpx works the same here
        from starlette.testclient import TestClient

    from assistant import presenter
    from assistant.web.app import create_app

    reply = lotse.ask("Danke!")
    assert reply.conversational and presenter.next_steps(reply) == []
    text = presenter.reply_text(reply)
    assert text.strip() == "Gern geschehen. Wenn Sie noch etwas wissen möchten, fragen Sie einfach."
    assert "So kommen Sie weiter" not in presenter.reply_plain(reply) + presenter.reply_markdown(reply)
    with TestClient(create_app(lotse)) as client:
        page = client.post("/", data={"q": "Danke!", "ansicht": ""}).text
    assert "Gern geschehen." in page and "Keine sichere Antwort" not in page and "Wen Sie fragen können" not in page
    declined = lotse.ask("Wie wird das Wetter morgen in Rostock?")
    assert not declined.conversational and presenter.next_steps(declined)


def test_a_question_for_a_contact_names_whom_to_ask_and_no_passage(lotse):
    reply = lotse.ask("Wer ist mein Ansprechpartner?")
    assert reply.abstained and reply.conversational and not reply.answers
    assert reply.message.startswith("Wer Ihre persönliche Ansprechperson ist, steht nicht in den Dokumenten. "
                                    "Verbindlich Auskunft zu Ihrem Fall gibt die Reha-Beratung der Agentur für Arbeit")
    assert "Integrationsfachdienst" in reply.message and "Leistungserbringer" in reply.message


@pytest.mark.parametrize("question, first", [
    ("an wen wende ich mich wegen dem geld", "Wen Sie fragen können: Verbindlich Auskunft zu Ihrem Fall gibt die Reha-Beratung"),
    ("Wen frage ich wegen Kindergeld?", "Wen Sie fragen können: Ob Kindergeld gezahlt wird, stellt die örtlich zuständige Familienkasse fest."),
])
def test_a_question_whom_to_ask_about_a_topic_gets_the_passage_and_whom_to_ask(lotse, question, first):
    # QA 30: the passage on the topic had come without a word on whom to ask
    reply = lotse.ask(question)
    assert not reply.abstained and reply.answers and reply.message.startswith(first)


def test_a_question_about_a_topic_alone_names_no_contact(lotse):
    assert "Wen Sie fragen können" not in lotse.ask("Wer zahlt die Fahrtkosten?").message


@pytest.mark.parametrize("question, asks", [
    ("an wen muss ich mich wegen urlaub wenden", True),
    ("wen kann ich wegen der fahrtkosten fragen", True),
    ("bei wem beantrage ich übergangsgeld", True),
    ("Wen kontaktiere ich, wenn ein Teilnehmer länger krank ist?", True),
    # who does a task is asked of the passage (QA 31: the line had stood above them)
    ("Wer ist zuständig für die Unterrichtung des Integrationsamts?", False),
    ("Wer ist Ansprechpartner für den Arbeitgeber während des Jobcoachings?", False),
    # an addressee, a partner or a place is no question whom to ask
    ("An wen geht die Stellungnahme?", False),
    ("An wen muss der Träger die Anmeldung schicken?", False),
    ("Mit wem schließt der Träger den Vertrag?", False),
    ("Wo kann ich die LuV finden?", False),
])
def test_only_a_question_whom_to_turn_to_gets_whom_to_ask(question, asks):
    from assistant.service import whom_to_ask

    assert bool(whom_to_ask(question)) is asks


def test_whom_to_ask_stands_only_above_an_answer_about_unterstuetzte_beschaeftigung(lotse):
    # QA 31: under a Jobcoaching passage (Baden-Württemberg, WfbM), which names the Eingliederungshilfeträger, the
    # line had named the Agentur für Arbeit, the Integrationsamt and the IFD
    reply = lotse.ask("An wen wende ich mich wegen des Jobcoachings?")
    assert reply.answers and reply.answers[0].unit.doc_id == "bw-jobcoaching" and "Wen Sie fragen können" not in reply.message
