"""`lotse web`: the JSON API and the pages through Starlette's test client, one real uvicorn
server for the bounded concurrency test, and the `lotse web` command line."""
from __future__ import annotations

import json
import logging
import re
import warnings
from html import escape, unescape
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

starlette = pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette asks for httpx2; httpx works the same for these tests
    from starlette.testclient import TestClient  # noqa: E402

from assistant.cli import main  # noqa: E402
from assistant.web.app import create_app  # noqa: E402
from assistant.web.server import bind_warning  # noqa: E402

from .web_support import running_server  # noqa: E402

URLAUB = "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"
CONTRACT = {"question", "abstained", "answers", "calculation", "message", "suggestions", "corrections", "error", "contacts"}
ANSWER_KEYS = {"text", "highlight", "similar_questions", "source", "section", "score", "unit_id", "date", "validity", "in_force"}


@pytest.fixture(scope="module")
def app(lotse):
    return create_app(lotse)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# ------------------------------------------------------------------ /api/ask
def test_ask_answers_with_the_unterweisungsfreie_zeiten_passage(client):
    r = client.post("/api/ask", json={"question": URLAUB})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == CONTRACT
    assert not data["abstained"]
    first = data["answers"][0]
    assert ANSWER_KEYS <= set(first)
    assert "unterweisungsfreie" in first["text"]


def test_ask_returns_exactly_what_lotse_batch_prints(client, lotse):
    """The API reuses the batch serialisation (Reply.to_json), so both give the same object."""
    for question in (URLAUB, "Wie viel Personal bei 8 Teilnehmern im 6. Monat?", "Wie wird das Wetter morgen?"):
        api = client.post("/api/ask", json={"question": question}).json()
        batch = json.loads(json.dumps(lotse.ask(question).to_json(lotse), ensure_ascii=False))
        assert api == batch


@pytest.mark.parametrize("question", ['AND (* ~"', "OR NOT", '"', "*", "?", "title:foo", "\\", "((((", "~~~~ ^2",
                                      "NOT AND OR", "Urlaub\x00\x07?", "🙂" * 50, "<script>alert(1)</script>"])
def test_query_syntax_is_plain_text(client, question):
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 200
    assert set(r.json()) == CONTRACT


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_question_text_gets_the_batch_contract(client, question):
    from assistant.service import clean_question

    r = client.post("/api/ask", json={"question": question})
    if clean_question(question)[0]:
        assert r.status_code == 200 and set(r.json()) == CONTRACT
    else:  # nothing left to ask once control characters are gone
        assert r.status_code == 400


def test_ten_thousand_characters_are_cut_with_a_german_notice(client):
    r = client.post("/api/ask", json={"question": "Urlaub " * 1429})  # 10 003 characters
    assert r.status_code == 200
    assert "berücksichtigt wurden ihr Anfang und ihr Ende, zusammen 1.000 Zeichen" in r.json()["message"]


def test_a_long_post_keeps_its_question_at_the_end():
    from assistant.service import MAX_QUESTION, clean_question

    story = "Mein Sohn ist 19 und hat Autismus. " + "Er war lange auf der Förderschule und mag Tiere. " * 40
    text, notice = clean_question(story + "Wer zahlt die Fahrtkosten?")
    assert len(text) <= MAX_QUESTION and notice
    assert text.startswith("Mein Sohn ist 19 und hat Autismus.") and text.endswith("Wer zahlt die Fahrtkosten?")
    assert " … " in text


# ------------------------------------------------------------------ errors
ERRORS = [
    # method, url, body, status, German fragment
    ("post", "/api/ask", b"", 400, "JSON-Objekt mit dem Feld „question“"),
    ("post", "/api/ask", b"kein json", 400, "JSON-Objekt mit dem Feld „question“"),
    ("post", "/api/ask", b"\xff\xfe", 400, "JSON-Objekt"),
    ("post", "/api/ask", b'["Urlaub"]', 400, "JSON-Objekt"),
    ("post", "/api/ask", b"[" * 15000, 400, "JSON-Objekt"),
    ("post", "/api/ask", b'{"question": "\\ud800 Urlaub"}', 400, "JSON-Objekt"),
    ("post", "/api/calc/personal", b'{"teilnehmende": "\\udfff", "monat": 1}', 400, "JSON-Objekt"),
    ("post", "/api/ask", b'{"frage": "Urlaub"}', 400, "„question“"),
    ("post", "/api/ask", b'{"question": 42}', 400, "„question“"),
    ("post", "/api/ask", b'{"question": "   "}', 400, "Bitte geben Sie eine Frage ein."),
    ("get", "/api/ask", None, 405, "Diese Methode ist hier nicht erlaubt; erlaubt: POST. Beschreibung der API: /api/openapi.json"),
    ("post", "/api/calc/personal", b'{"teilnehmende": "acht", "monat": 6}', 400, "„acht“ ist keine ganze Zahl."),
    ("post", "/api/calc/personal", b'{}', 400, "Bitte ausfüllen."),
    # QA 2026-12-03: separators only had raised an IndexError (HTTP 500) in the API, the form and the .ics
    ("post", "/api/calc/personal", b'{"teilnehmende": ";"}', 400, "Bitte mindestens eine Zahl angeben"),
    ("get", "/api/calc/personal.ics?teilnehmende=%2C%20", None, 400, "Bitte die Eingaben prüfen"),
    ("post", "/api/calc/personal", b'[1, 2]', 400, "JSON-Objekt mit den Feldern"),
    ("post", "/api/calc/personal", b'{"teilnehmende": 99999, "monat": 6}', 400, "unrealistisch groß"),
    ("post", "/api/calc/gibtsnicht", b'{}', 404, "Einen Rechner „gibtsnicht“ gibt es nicht"),
    ("post", "/api/calc/personal", b'{"teilnehmende": 8, "monat": 6, "mindestplatze": 7}', 400,
     "Unbekanntes Feld „mindestplatze“. Dieser Rechner kennt: teilnehmende, monat, mindestplaetze"),
    ("post", "/api/calc/besetzung", b'{"beginn": "04.05.2026", "modular": true, "nicht-modular": true}', 400,
     "„modular“ und „nicht-modular“ schließen sich aus: bitte nur eine Angabe."),
    ("get", "/api/calc/inbeq-dauer.ics?beginn=31.02.2027", None, 400, "Bitte die Eingaben prüfen"),
    ("get", "/api/calc/personal.ics?teilnehmende=8&monat=6", None, 400, "keine Termine"),
    ("get", "/api/calc/gibtsnicht.ics", None, 404, "gibt es nicht"),
    ("get", "/api/units/gibt/es-nicht", None, 404, "Den Abschnitt „gibt/es-nicht“ gibt es nicht."),
    ("get", "/api/nichts", None, 404, "Diese Adresse gibt es nicht."),
]


@pytest.mark.parametrize("method,url,body,status,fragment", ERRORS)
def test_errors_are_german_json_with_the_right_status(client, method, url, body, status, fragment):
    r = client.request(method.upper(), url, content=body)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    data = r.json()
    assert data["status"] == status
    assert fragment in data["error"] + json.dumps(data.get("fields", {}), ensure_ascii=False)


def test_a_calendar_is_only_read_and_a_huge_count_is_named_at_its_field(client):
    r = client.post("/api/calc/integrationsamt.ics")
    assert r.status_code == 405 and r.json()["error"] == "Diese Methode ist hier nicht erlaubt; erlaubt: GET."
    r = client.post("/api/calc/personal", json={"teilnehmende": 99999999999999999999999999999})
    assert r.status_code == 400
    assert r.json()["fields"] == {"teilnehmende": "99.999.999.999.999.999.999.999.999.999 ist unrealistisch groß (höchstens 10.000)."}


def test_field_errors_name_the_field(client):
    r = client.post("/api/calc/inbeq-dauer", json={"beginn": "morgen irgendwann"})
    assert r.status_code == 400
    assert set(r.json()["fields"]) == {"beginn"}


def test_json_booleans_and_ordinal_months_in_number_fields(client):
    r = client.post("/api/calc/personal", json={"teilnehmende": 8, "monat": True})
    assert r.status_code == 400
    # said as the client wrote it: not Python's „True“, nor „ja“ (QA 22, QA 27)
    assert r.json()["fields"] == {"monat": "„monat“ erwartet eine Zahl, nicht true."}
    r = client.post("/api/calc/personal", content=b'{"teilnehmende": 1e400}', headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["fields"] == {"teilnehmende": "„teilnehmende“ erwartet eine Zahl, nicht eine Zahl, die zu groß zum Rechnen ist."}
    # NaN and Infinity are no JSON (QA 46: NaN had been taken and reported as a number out of range)
    for body in (b'{"teilnehmende": NaN, "monat": 6}', b'{"teilnehmende": -Infinity}'):
        r = client.post("/api/calc/personal", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400 and "fields" not in r.json()
        assert r.json()["error"] == ("Der Inhalt ist kein gültiges JSON (RFC 8259; NaN und Infinity gehören nicht dazu). "
                                     "Erwartet wird ein JSON-Objekt mit den Feldern des Rechners.")


def test_a_body_that_is_no_json_is_told_apart_from_a_missing_question(client):
    # QA 46: a broken body had got the message of a missing field
    r = client.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"].startswith("Der Inhalt ist kein gültiges JSON")
    r = client.post("/api/ask", json={})
    assert r.status_code == 400 and r.json()["error"].startswith("Erwartet wird ein JSON-Objekt mit dem Feld „question“")
    r = client.post("/api/calc/personal", json={"teilnehmende": 8, "monat": "6."})  # "6. Monat"
    assert r.status_code == 200
    assert r.json()["result"].startswith("mindestens 62,4 Wochenstunden (Personalansatz 1,6) bei 8 Teilnehmenden im 6. Monat")


@pytest.mark.parametrize("size,status", [(16 * 1024, 200), (16 * 1024 + 1, 413)])
def test_body_limit_is_16_kb(client, size, status):
    prefix, suffix = b'{"question": "', b'"}'
    body = prefix + b"a" * (size - len(prefix) - len(suffix)) + suffix
    assert len(body) == size
    r = client.post("/api/ask", content=body)
    assert r.status_code == status
    if status == 413:
        assert r.json()["error"] == "Die Anfrage ist zu groß (höchstens 16 KB)."


def test_body_limit_holds_without_content_length(client):
    def chunks():
        for _ in range(20):
            yield b"x" * 1024

    r = client.post("/api/ask", content=chunks())  # chunked transfer: no Content-Length
    assert r.status_code == 413


def test_an_unexpected_error_is_a_german_500_without_traceback(lotse):
    class Broken:
        def __getattr__(self, name):
            return getattr(lotse, name)

        def ask(self, question, limit=5):
            raise RuntimeError("kaputt /secret/path.py line 12")

    with TestClient(create_app(Broken()), raise_server_exceptions=False) as c:
        api = c.post("/api/ask", json={"question": URLAUB})
        page = c.get("/", params={"q": URLAUB})
    assert api.status_code == 500 and page.status_code == 500
    assert api.json()["error"].startswith("Ein interner Fehler ist aufgetreten.")
    for r in (api, page):
        assert "Traceback" not in r.text and "kaputt" not in r.text and "secret" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------ other endpoints
def test_calc_json_and_ics(client):
    r = client.post("/api/calc/personal", json={"teilnehmende": 8, "monat": 6, "mindestplaetze": "7"})
    assert r.status_code == 200
    assert r.json()["result"].startswith("62,4 Wochenstunden (Personalansatz 1,6)")
    ics = client.get("/api/calc/inbeq-dauer.ics", params={"beginn": "01.09.2026"})
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert 'attachment; filename="ub-lotse-inbeq-dauer.ics"' == ics.headers["content-disposition"]
    assert "BEGIN:VEVENT" in ics.text


@pytest.mark.parametrize("path, params, body, expected", [
    # the README's example: the command line's name of the field (--beginn) works as well as the form's
    ("/api/calc/integrationsamt.ics", {"beginn": "01.09.2030"}, None, "DTSTART;VALUE=DATE:20300301"),
    ("/api/calc/integrationsamt.ics", {"beschaeftigungsbeginn": "01.09.2030"}, None, "DTSTART;VALUE=DATE:20300301"),
    ("/api/calc/unterweisungsfrei", None, {"monate": 12, "schwerbehindert": True, "arbeitstage-woche": 4},
     "34 unterweisungsfreie Arbeitstage (30 + 4 Tage Zusatz"),
    ("/api/calc/kuendigung", None, {"datum": "15.05.2026"}, "30.09.2026"),
])
def test_calculator_fields_under_their_command_line_names(client, path, params, body, expected):
    r = client.get(path, params=params) if body is None else client.post(path, json=body)
    assert r.status_code == 200, r.text
    assert expected in (r.text if body is None else r.json()["result"])


@pytest.mark.parametrize("raw,expected", [("on", True), ("1", True), ("ja", True), ("true", True), (True, True),
                                          ("", False), ("0", False), ("nein", False), ("false", False), (False, False)])
def test_flags_from_forms_queries_and_json(raw, expected):
    from assistant.web.calculators import flag_value

    assert flag_value(raw) is expected


def test_unit_api_and_health(client, lotse):
    r = client.get("/api/units/mv-koop/p4-3")
    assert r.status_code == 200
    data = r.json()
    assert data["unit_id"] == "mv-koop/p4-3" and data["document_id"] == "mv-koop"
    assert data["in_force"] is False and data["validity"].startswith("Außer Kraft seit")
    assert data["url"] == "/dokumente/mv-koop#abschnitt-p4-3"
    health = client.get("/healthz").json()
    assert health == {"status": "ok", "documents": len(lotse.documents()), "units": len(lotse.handle.store)}


def test_openapi_schema_is_served_locally(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert {"/api/ask", "/api/calc/{name}", "/api/units/{unit_id}", "/healthz"} <= set(paths)
    # QA 46: a validator had refused the schema, its path parameters undeclared
    for path, operations in paths.items():
        for operation in operations.values():
            declared = {(p["name"], p["in"], p["required"]) for p in operation["parameters"]}
            assert declared == {(name, "path", True) for name in re.findall(r"\{(\w+)\}", path)}, path
    calc = paths["/api/calc/{name}"]["post"]
    assert "personal" in calc["parameters"][0]["schema"]["enum"]
    assert calc["responses"]["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert schema["components"]["schemas"]["Error"]["required"] == ["error", "status"]


# ------------------------------------------------------------------ pages
def test_security_headers_and_no_cookies(client):
    for r in (client.get("/"), client.post("/api/ask", json={"question": URLAUB}), client.get("/gibtsnicht")):
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert "http" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "set-cookie" not in r.headers


EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.mark.parametrize("url", ["/", "/?ansicht=einarbeitung", "/rechner", "/rechner/personal", "/glossar", "/dokumente",
                                 "/dokumente/bagub-faq", "/abschnitt/mv-koop/p4-3", "/static/style.css"])
def test_pages_reference_nothing_outside_the_machine(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert not EXTERNAL.search(r.text)
    assert "@import" not in r.text and "url(http" not in r.text


def test_tables_keep_their_words_whole_on_a_phone(client):
    """`overflow-wrap: anywhere` on the body broke table cells letter by letter ("Nr / ."): a long word elsewhere
    may wrap (hyphenated, lang="de"), a table keeps its words and scrolls in its wrapper."""
    css = client.get("/static/style.css").text
    rules: dict[str, str] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        rules.setdefault(selector.strip(), body)  # the light scheme's rule (the dark one only sets colours)
    assert "anywhere" not in css
    assert "overflow-wrap: break-word" in rules["body"] and "hyphens: auto" in rules["body"]
    assert "overflow-wrap: normal" in rules["th, td"] and "hyphens: manual" in rules["th, td"]
    assert "overflow-x: auto" in rules[".table-wrap"]
    html = client.get("/abschnitt/jc-aa-103/ablauf-vor-massnahmebeginn-schritte").text
    # its scrolling region is reached by the keyboard and named (QA 28: axe "scrollable-region-focusable")
    assert '<html lang="de">' in html and ('<div class="table-wrap" tabindex="0" role="region" aria-label="Tabelle, seitlich '
                                           'verschiebbar"><table>') in html
    # a long glossary term wraps on a phone at 200 % text
    assert "overflow-wrap: break-word" in rules[".terms li"] and "min-width: 0" in rules[".terms li"]


def test_after_calculating_the_result_or_the_error_takes_the_focus(client):
    """QA 28: after "Berechnen" the focus stayed at the top; a screen reader read the menu again, not the result."""
    done = client.get("/rechner/personal?teilnehmende=8&monat=6&berechnen=1").text
    assert '<h2 id="ergebnis" tabindex="-1" autofocus>Ergebnis</h2>' in done
    wrong = client.get("/rechner/personal?teilnehmende=acht&monat=6&berechnen=1").text
    assert '<h2 id="fehler-titel" tabindex="-1" autofocus>Bitte prüfen Sie Ihre Eingaben</h2>' in wrong
    assert "autofocus" not in client.get("/rechner/personal").text  # an empty form keeps the page's start


def test_answer_page_shows_kurz_source_validity_and_similar_questions(client):
    r = client.post("/", data={"q": URLAUB, "ansicht": "eltern"})
    assert r.status_code == 200
    html = r.text
    assert '<html lang="de">' in html
    assert "<strong>Kurz:</strong>" in html
    assert "unterweisungsfreie" in html
    for label in ("Quelle", "Abschnitt", "Dokument vom", "Gültigkeit"):
        assert f"<dt>{label}</dt>" in html
    assert "Ähnliche Fragen" in html and 'href="/abschnitt/' in html
    assert 'href="/dokumente/bagub-faq#abschnitt-' in html


def test_similar_questions_on_the_page_do_not_repeat_the_question(client):
    question = "Wer zahlt die Fahrkosten der Teilnehmenden zum Betrieb?"
    html = client.get("/", params={"q": question}).text
    similar = html.split("<h3>Ähnliche Fragen</h3>", 1)[1].split("</ul>", 1)[0]
    assert similar.count("<li>") == 3
    assert question not in similar and "Gehören Fahrkosten zu den Teilnahmekosten der InbeQ?" in similar
    data = client.post("/api/ask", json={"question": question}).json()
    assert question not in data["answers"][0]["similar_questions"]


def test_page_titles_name_the_question_or_section_and_the_breadcrumb_uses_the_arrow(client):
    def title(html):
        return re.search(r"<title>(.*?)</title>", html).group(1)

    question = "Wer zahlt die Fahrkosten der Teilnehmenden zum Betrieb?"
    answer = client.get("/", params={"q": question}).text
    assert title(answer) == f"{question} – Unterstützte Beschäftigung"
    assert "<dt>Abschnitt</dt><dd>Weitere Fragen zu verschiedenen Themen › 21. Frage - Thema: Fahrtkosten</dd>" in answer
    long = "Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat und was gilt bei der Mindestteilnehmerplatzzahl?"
    assert title(client.get("/", params={"q": long}).text) == "Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat … – Unterstützte Beschäftigung"
    passage = client.get("/abschnitt/jc-aa-103/ablauf-vor-massnahmebeginn-schritte").text
    assert title(passage) == "Ablauf: Vor Maßnahmebeginn (Schritte 1 bis 5) – Unterstützte Beschäftigung"
    assert "Ablauf einer Maßnahmebetreuung (MB) › Ablauf: Vor Maßnahmebeginn (Schritte 1 bis 5)" in passage
    assert title(client.get("/").text) == "Fragen – Unterstützte Beschäftigung"
    document = client.get("/dokumente/jc-aa-103").text
    assert '<h2 class="part">Ablauf einer Maßnahmebetreuung (MB)</h2>' in document  # the outline, as headings
    for html in (answer, passage, document):
        assert " &gt; " not in html


def test_kurz_shows_the_documents_bold_text_without_markdown_stars(client):
    """The BA document marks terms with Markdown bold; "Kurz:" on the page and `highlight` in the
    API show the words, not "**" (the passage below renders them bold)."""
    question = "Kooperationsplan SGB II Überprüfung"
    data = client.post("/api/ask", json={"question": question}).json()
    first = data["answers"][0]
    assert "**Übertragung der Ausbildungsvermittlung**" in first["text"]
    assert first["highlight"].startswith("Bei Übertragung der Ausbildungsvermittlung nach § 16 Abs. 4 SGB II")
    html = client.get("/", params={"q": question}).text
    kurz = html.split('<p class="kurz">', 1)[1].split("</p>", 1)[0]
    assert "Bei Übertragung der Ausbildungsvermittlung" in kurz and "**" not in kurz


def test_get_with_q_answers_too_and_keeps_the_audience(client):
    r = client.get("/", params={"q": URLAUB, "ansicht": "anbieter"})
    assert "unterweisungsfreie" in r.text
    assert 'name="ansicht" value="anbieter"' in r.text


@pytest.mark.parametrize("method, url, body", [
    ("POST", "/", b"q=++&ansicht=eltern"),
    ("POST", "/", b"q="),
    ("GET", "/?q=+", None),
    ("GET", "/?q=%09%0A&ansicht=anbieter", None),
])
def test_an_empty_question_is_named_at_the_question_field(client, method, url, body):
    from assistant.web.app import EMPTY_QUESTION

    headers = {"content-type": "application/x-www-form-urlencoded"} if body is not None else {}
    r = client.request(method, url, content=body, headers=headers)
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert EMPTY_QUESTION == client.post("/api/ask", json={"question": " "}).json()["error"] == "Bitte geben Sie eine Frage ein."
    assert f'<p class="field-error" id="fehler-q">{EMPTY_QUESTION}</p>' in r.text
    field = re.search(r'<input type="text" id="q"[^>]*>', r.text).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="fehler-q"' in field
    # right below the field, within the form; no answer is shown
    assert r.text.index(field) < r.text.index('id="fehler-q"') < r.text.index("</form>")
    assert 'class="reply' not in r.text


def test_the_question_form_leads_to_a_bookmarkable_answer_that_takes_the_focus(client):
    """The form sends the question in the address (GET) to the answer's heading (#antwort-titel), which takes the focus;
    POST to / still answers (older pages, scripts), and the JSON API is unchanged."""
    start = client.get("/").text
    form = re.search(r'<form class="ask"[^>]*>', start).group(0)
    assert 'method="get"' in form and 'action="/#antwort-titel"' in form
    r = client.get("/", params={"q": URLAUB, "ansicht": "eltern"})
    assert r.status_code == 200 and "<strong>Kurz:</strong>" in r.text
    assert '<h2 id="antwort-titel" tabindex="-1" autofocus>Antwort</h2>' in r.text
    assert r.text.count("autofocus") == 1
    declined = client.get("/", params={"q": "Wie wird das Wetter morgen?"}).text
    assert '<h2 id="antwort-titel" tabindex="-1" autofocus>Keine sichere Antwort</h2>' in declined
    assert "autofocus" not in start  # nothing asked: the page starts at the top
    assert "autofocus" not in client.get("/abschnitt/mv-koop/p4-3").text  # a passage opened by a link, not asked
    # an empty question: the focus goes to the field and its message
    empty = client.get("/", params={"q": " ", "ansicht": "eltern"})
    assert empty.status_code == 400 and re.search(r'<input type="text" id="q"[^>]*aria-describedby="fehler-q" autofocus>', empty.text)
    posted = client.post("/", data={"q": URLAUB, "ansicht": "eltern"})
    assert posted.status_code == 200 and '<h2 id="antwort-titel" tabindex="-1" autofocus>Antwort</h2>' in posted.text
    assert "question" in client.post("/api/ask", json={"question": URLAUB}).json()


def test_the_start_page_and_an_answer_have_no_question_error(client):
    for r in (client.get("/"), client.get("/", params={"ansicht": "anbieter"}), client.get("/", params={"q": URLAUB})):
        assert r.status_code == 200 and "fehler-q" not in r.text and 'aria-invalid' not in r.text


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_switching_the_view_keeps_the_question_and_its_answer(client, method):
    from html import escape
    from urllib.parse import urlencode

    question = "Wie lange Urlaub & Fahrtkosten? #InbeQ 100%"
    params = {"q": question, "ansicht": "eltern"}
    r = client.get("/", params=params) if method == "GET" else client.post("/", data=params)
    views = re.search(r'<nav class="audiences".*?</nav>', r.text, re.S).group(0)
    for audience in ("eltern", "anbieter", "einarbeitung"):
        url = "/?" + urlencode({"q": question, "ansicht": audience})
        assert url == "/?q=Wie+lange+Urlaub+%26+Fahrtkosten%3F+%23InbeQ+100%25&ansicht=" + audience
        assert f'href="{escape(url)}"' in views
    switched = client.get("/?" + urlencode({"q": question, "ansicht": "anbieter"})).text
    assert f"<q>{escape(question)}</q>" in switched and 'name="ansicht" value="anbieter"' in switched
    assert 'class="reply' in switched and '<a href="/?q=Wie+lange' in switched
    # the start page's views and the "Fragen" link start afresh
    start = client.get("/", params={"ansicht": "anbieter"}).text
    assert '<a href="/?ansicht=eltern">Eltern</a>' in start and "q=" not in re.search(r'<nav class="audiences".*?</nav>', start, re.S).group(0)
    assert '<a href="/?ansicht=eltern" aria-current="page">Fragen</a>' in r.text


def test_out_of_force_document_shows_the_warning(client):
    html = client.get("/abschnitt/mv-koop/p4-3").text
    assert "Außer Kraft seit" in html and "<strong>Achtung:</strong>" in html


def test_abstention_shows_suggestions_and_whom_to_ask(client):
    html = client.get("/", params={"q": "Wie wird das Wetter morgen?"}).text
    assert "Keine sichere Antwort" in html
    assert "Wen Sie fragen können" in html and "Agentur für Arbeit" in html


def test_abstention_offers_the_suggestions_as_links(client, lotse):
    from html import escape
    from urllib.parse import urlencode

    question = "Urlaub auf Mallorca"
    reply = lotse.ask(question)
    assert reply.abstained and reply.suggestions
    html = client.get("/", params={"q": question}).text
    assert "Meinten Sie:" in html
    # each suggestion opens its unit directly (not a new search for its title), labelled with its document
    for uid, label in zip(reply.suggestion_ids, reply.suggestion_labels, strict=True):
        assert f'href="/abschnitt/{uid}?{escape(urlencode({"ansicht": "eltern", "frage": question}))}">{escape(label)}</a>' in html


@pytest.mark.parametrize("audience,fragment", [("eltern", "Wer zahlt die Fahrtkosten zum Betrieb?"),
                                               ("anbieter", "Wie viele Wochenstunden Personal"),
                                               ("einarbeitung", "Einarbeitungspfad"),
                                               ("unbekannt", "Wer zahlt die Fahrtkosten zum Betrieb?")])
def test_audience_switch(client, audience, fragment):
    html = client.get("/", params={"ansicht": audience}).text
    assert fragment in html
    assert html.count('aria-current="true"') == 1


def test_onboarding_passages_keep_the_view_and_lead_back_to_the_path(client):
    html = client.get("/", params={"ansicht": "einarbeitung"}).text
    links = [unescape(link) for link in re.findall(r'href="(/abschnitt/[^"]*)"', html)]
    # passages and the self-checks' „Quelle“, each with the step it belongs to
    assert links and all(re.search(r"\?ansicht=einarbeitung&schritt=\d+$", link) for link in links)
    page = client.get(links[0]).text
    assert '<a href="/?ansicht=einarbeitung" aria-current="true">Einarbeitung</a>' in page
    assert ('<a href="/?ansicht=einarbeitung#schritt-1"><span aria-hidden="true">←</span> '
            'Zurück zum Einarbeitungspfad (Schritt 1)</a>') in page
    assert 'id="einarbeitung">Einarbeitungspfad</h2>' in html
    # without the step in its link (an older bookmark) the page finds the step that lists the passage
    assert 'href="/?ansicht=einarbeitung#schritt-1"' in client.get(links[0].split("&")[0]).text
    assert "Zurück zum Einarbeitungspfad" not in client.get(links[0].split("?")[0]).text  # opened from elsewhere: no way back to offer
    # a step's calculators are linked beside its passages, in the same view (QA 28)
    step = html.split('<li id="schritt-4">')[1].split('<li id="schritt-5">')[0]
    assert ('<p>Rechner dazu:</p><ul class="links"><li><a href="/rechner/personal?ansicht=einarbeitung&amp;schritt=4">'
            '<span class="visually-hidden">Rechner: </span>Personalbedarf InbeQ (Verträge ab 2016)</a></li>') in step
    # the calculator leads back to its step, also once it has calculated (QA 29)
    back = ('<p class="back"><a href="/?ansicht=einarbeitung#schritt-4"><span aria-hidden="true">←</span> '
            'Zurück zum Einarbeitungspfad (Schritt 4)</a></p>')
    calculator = client.get("/rechner/personal", params={"ansicht": "einarbeitung", "schritt": 4}).text
    assert back in calculator and '<input type="hidden" name="schritt" value="4">' in calculator
    done = client.get("/rechner/personal", params={"ansicht": "einarbeitung", "schritt": 4, "teilnehmende": 8, "monat": 6, "berechnen": 1}).text
    assert back in done and "62,4" in done
    assert "Zurück zum Einarbeitungspfad" not in client.get("/rechner/personal", params={"ansicht": "einarbeitung", "schritt": 99}).text
    # a self-check quoting a whole sentence is no excerpt: no "…" after its full stop (QA 29)
    assert "„Es besteht ein Anspruch von 2,5 unterweisungsfreien Arbeitstagen für jeden vollen Kalendermonat der Teilnahme.“ (" in html
    # an answer's similar questions and further hits stay in the view as well
    answer = client.get("/", params={"q": URLAUB, "ansicht": "anbieter"}).text
    links = [unescape(link) for link in re.findall(r'href="(/abschnitt/[^"]*)"', answer)]
    assert links and all(link.endswith("?" + urlencode({"ansicht": "anbieter", "frage": URLAUB})) for link in links)


def test_a_passage_opened_from_an_answer_leads_back_to_it(client):
    # QA 28: a passage page reached from "Weitere Treffer" had no way back to the answer but the browser's
    question = "hat mein kind urlaub in der inbeq"
    answer = client.get("/", params={"q": question, "ansicht": "eltern"}).text
    link = unescape(re.findall(r'href="(/abschnitt/[^"]*)"', answer)[-1])
    page = client.get(link).text
    assert (f'<p class="back"><a href="/?{escape(urlencode({"q": question, "ansicht": "eltern"}))}"><span aria-hidden="true">←</span> '
            f'Zurück zur Antwort auf „{question}“</a></p>') in page
    # the passage page's own links lead on without the question; a question with control characters is cleaned
    assert "frage=" not in "".join(re.findall(r'href="(/abschnitt/[^"]*)"', page))
    assert "Zurück zur Antwort auf „xy“" in client.get("/abschnitt/bagub-faq/12", params={"frage": "x\x1b[31m\x00y"}).text
    assert "Zurück zur Antwort" not in client.get("/abschnitt/bagub-faq/12", params={"frage": "  "}).text
    # in the onboarding view, a passage opened from an answer leads back to the answer, not to a step (QA 29)
    page = client.get("/abschnitt/bagub-faq/12", params={"ansicht": "einarbeitung", "frage": question}).text
    assert "Zurück zur Antwort auf" in page and "Zurück zum Einarbeitungspfad" not in page and "Schritt 3 von" not in page


def test_a_passage_opened_from_the_path_names_its_step_and_leads_to_its_neighbours(client, lotse):
    steps = lotse.guide().onboarding
    total = len(steps)
    home = client.get("/", params={"ansicht": "einarbeitung"}).text
    for number in range(1, total + 1):
        assert f'<li id="schritt-{number}">' in home  # the anchors the passages lead back to
    # a passage in the middle of step 2: its step, the neighbouring passages and steps
    step = steps[1]
    units = [u for u in step.units if lotse.unit(u)]
    assert len(units) >= 2
    page = client.get(f"/abschnitt/{units[1]}", params={"ansicht": "einarbeitung", "schritt": 2}).text
    assert f"<strong>Schritt 2 von {total}</strong> – {escape(step.title)}" in page
    assert f"(Passage 2 von {len(units)})" in page
    nav = re.search(r'<nav class="path".*?</nav>', page, re.S).group(0)
    assert f'href="/abschnitt/{units[0]}?ansicht=einarbeitung&amp;schritt=2">Vorherige Passage dieses Schritts: ' in nav
    assert f'href="/?ansicht=einarbeitung#schritt-1">Vorheriger Schritt (1 von {total}): {escape(steps[0].title)}</a>' in nav
    assert f'href="/?ansicht=einarbeitung#schritt-3">Nächster Schritt (3 von {total}): {escape(steps[2].title)}</a>' in nav
    assert '<a href="/?ansicht=einarbeitung#schritt-2">' in page  # back to the step it came from
    # the last step has no next step, and says so
    last = next(u for u in steps[-1].units if lotse.unit(u))
    end = client.get(f"/abschnitt/{last}", params={"ansicht": "einarbeitung", "schritt": total}).text
    assert "Das ist der letzte Schritt des Einarbeitungspfads." in end and "Nächster Schritt" not in end
    # a step number that does not hold the passage (edited by hand) or is no number leads to the step that holds it
    holding = next(i for i, st in enumerate(steps, 1) if last in st.units)
    others = [str(i) for i, st in enumerate(steps, 1) if last not in st.units and all(c.unit != last for c in st.checks)]
    for wrong in [*others[:1], "0", "99", "x", "²"]:
        fixed = client.get(f"/abschnitt/{last}", params={"ansicht": "einarbeitung", "schritt": wrong})
        assert fixed.status_code == 200 and f"<strong>Schritt {holding} von {total}</strong>" in fixed.text
    # opened from an answer, in another view: no path navigation
    assert 'class="path' not in client.get(f"/abschnitt/{last}", params={"ansicht": "eltern", "schritt": total}).text


def _link_names(html: str) -> list[str]:
    """What a screen reader's link list says: each link's text, hidden text included, without tags."""
    return [unescape(re.sub(r"<[^>]+>", "", inner)).strip() for inner in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.S)]


def test_repeated_link_texts_say_where_they_lead(client, lotse):
    """„Quelle“ (6× on the path) and „Link zu diesem Abschnitt“ (42× on a document) each name their passage."""
    from assistant import presenter

    home = client.get("/", params={"ansicht": "einarbeitung"}).text
    sources = [n for n in _link_names(home) if n.startswith("Quelle")]
    checks = [c for st in lotse.guide().onboarding for c in st.checks]
    assert len(sources) == len(checks) and all(n.startswith("Quelle: ") for n in sources)
    first = lotse.unit(checks[0].unit)
    label = presenter.unit_label(first, lotse.document(first.doc_id), lotse.today)
    assert f"Quelle: {label}" in sources
    # the visible text stays „Quelle“; the rest is for screen readers only
    assert '>Quelle<span class="visually-hidden">: ' in home
    css = client.get("/static/style.css").text
    assert re.search(r"\.visually-hidden \{[^}]*clip-path: inset\(50%\)", css)
    # the path's passages name their document and say „außer Kraft“ as the terminal app does
    mv = next(u for st in lotse.guide().onboarding for u in st.units if u.startswith("mv-koop/"))
    unit = lotse.unit(mv)
    assert f">⚠ außer Kraft: {escape(unit.title)} (Kooperationsvereinbarung M-V)</a>" in home
    for doc_id in ("bagub-faq", "mv-koop", "bw-jobcoaching"):
        names = [n for n in _link_names(client.get(f"/dokumente/{doc_id}").text) if n.startswith("Link zu diesem Abschnitt")]
        assert len(names) == len(lotse.units_of(doc_id)) == len(set(names)), doc_id  # one per section, none alike
    bw = _link_names(client.get("/dokumente/bw-jobcoaching").text)
    assert "Link zu diesem Abschnitt: 1. Gegenstand der Grundsätze › 1.1" in bw  # a bare number gets its parent heading
    glossary = set(_link_names(client.get("/glossar").text))
    bare = {u.title for e in lotse.glossary() for u in lotse.passages_using(str(e["term"])) if not re.search(r"[^\W\d_]", u.title)}
    assert not bare & glossary


def test_the_menu_keeps_the_chosen_view_from_page_to_page(client):
    """From the Einarbeitung view to Glossar and back by the menu lands in Einarbeitung, not in the parents' view."""
    def menu(html):
        return re.search(r'<nav aria-label="Hauptnavigation">.*?</nav>', html, re.S).group(0)

    start = client.get("/", params={"ansicht": "einarbeitung"}).text
    for path in ("/rechner", "/glossar", "/dokumente"):
        assert f'href="{path}?ansicht=einarbeitung"' in menu(start)
    glossary = client.get("/glossar", params={"ansicht": "einarbeitung"}).text
    assert '<a href="/?ansicht=einarbeitung">Fragen</a>' in menu(glossary)
    assert '<a href="/glossar?ansicht=einarbeitung" aria-current="page">Glossar</a>' in menu(glossary)
    assert re.search(r'href="/dokumente/[\w-]+\?ansicht=einarbeitung#abschnitt-', glossary)  # „Kommt vor in“
    documents = client.get("/dokumente", params={"ansicht": "einarbeitung"}).text
    assert 'href="/dokumente/bagub-faq?ansicht=einarbeitung"' in documents
    document = client.get("/dokumente/bagub-faq", params={"ansicht": "einarbeitung"}).text
    assert '<a href="/dokumente?ansicht=einarbeitung">Alle Dokumente</a>' in document
    assert '<a href="/?ansicht=einarbeitung">Fragen</a>' in menu(document)
    calculators = client.get("/rechner", params={"ansicht": "einarbeitung"}).text
    assert 'href="/rechner/personal?ansicht=einarbeitung"' in calculators
    # a calculator's form sends the view along; its calendar file does not need it
    calc = client.get("/rechner/planungsgespraech", params={"ansicht": "einarbeitung", "ab": "10.01.2030", "land": "MV",
                                                             "berechnen": "1"}).text
    assert '<input type="hidden" name="ansicht" value="einarbeitung">' in calc
    assert '<a href="/?ansicht=einarbeitung">Fragen</a>' in menu(calc)
    assert "/api/calc/planungsgespraech.ics?" in calc and "ansicht" not in re.search(r'href="(/api/calc/[^"]*)"', calc).group(1)
    # the parents' view is the default: its links stay as they were
    plain = client.get("/glossar").text
    assert '<a href="/glossar" aria-current="page">Glossar</a>' in menu(plain) and "ansicht=eltern&" not in plain
    assert 'name="ansicht"' not in client.get("/rechner/personal").text


@pytest.mark.parametrize("text,expected", [
    ("Der Einarbeitungspfad (F6) führt Schritt für Schritt.", "Der Einarbeitungspfad führt Schritt für Schritt."),
    ("rechnet UB-Lotse direkt aus; mit F3 öffnen Sie die Rechner.", "rechnet UB-Lotse direkt aus."),
    ("Keine Taste hier.", "Keine Taste hier."),
])
def test_terminal_key_hints_are_left_out_of_the_page(text, expected):
    from assistant.web.app import without_key_hints

    assert without_key_hints(text) == expected


def test_calculator_page_from_the_form_definitions(client):
    from assistant.forms import FORMS

    for name, form in FORMS.items():
        html = client.get(f"/rechner/{name}").text
        assert form.title in html
        for f in form.fields:
            assert f'id="feld-{f.name}"' in html and f.label in html


def test_calculator_page_validates_in_german_and_offers_the_ics(client):
    bad = client.get("/rechner/inbeq-dauer", params={"beginn": "irgendwann", "berechnen": "1"})
    assert bad.status_code == 400
    assert "Bitte prüfen Sie Ihre Eingaben" in bad.text and 'aria-invalid="true"' in bad.text
    good = client.get("/rechner/inbeq-dauer", params={"beginn": "01.09.2026", "unterbrechung_tage": "0",
                                                      "verlaengerung_monate": "0", "berechnen": "1"})
    assert good.status_code == 200
    assert "Rechenweg" in good.text and "Quellen" in good.text
    assert 'href="/api/calc/inbeq-dauer.ics?beginn=01.09.2026' in good.text


def test_glossary_lists_only_sections_that_use_the_term_themselves(client, lotse):
    """The document's title ("Integrationskonzept … 4-Phasen-Modell") is no occurrence: „Impressum“ uses neither term."""
    html = client.get("/glossar").text
    for term, pattern in (("4-Phasen-Modell", r"4-Phasen-Modell"), ("BA", r"\bBA\b")):
        passages = lotse.passages_using(term)
        assert passages and all(re.search(pattern, f"{u.title} {u.question} {u.text}") for u in passages), term
        entry = html.split(f'">{term}</dt>' if term == "4-Phasen-Modell" else f'">{term} – ', 1)[1].split("</dd>", 1)[0]
        assert "Kommt vor in:" in entry and "Impressum" not in entry
    four = html.split('">4-Phasen-Modell</dt>', 1)[1].split("</dd>", 1)[0]
    assert '<a href="/dokumente/ba-integrationskonzept#abschnitt-1">1. Das 4-Phasen-Modell im Überblick</a>' in four


def test_document_page_has_an_anchor_per_unit(client, lotse):
    html = client.get("/dokumente/bagub-faq").text
    for unit in lotse.units_of("bagub-faq"):
        assert f'id="abschnitt-{unit.id.split("/", 1)[1]}"' in html


def test_glossary_page_lists_every_term(client, lotse):
    html = client.get("/glossar").text
    for entry in lotse.glossary():
        assert str(entry["term"]) in html


# ------------------------------------------------------------------ privacy
@pytest.mark.parametrize("opt_in", [False, True])
def test_questions_are_logged_only_when_the_operator_opts_in(lotse, caplog, opt_in):
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(lotse, log_questions=opt_in)) as c:
        c.post("/api/ask", json={"question": "Geheimfrage zum Urlaub"})
        c.post("/", data={"q": "Geheimfrage zur Fahrt"})
    logged = caplog.text
    assert ("Geheimfrage" in logged) is opt_in


# ------------------------------------------------------------------ command line
def test_the_server_runs_without_a_lifespan_and_keeps_uvicorn_quiet(lotse, monkeypatch, capsys):
    """QA 27: Ctrl+C pressed twice printed the cancelled lifespan's traceback; with --log-questions uvicorn's English
    lifecycle lines ("Uvicorn running on …", "Shutting down") stood beside the German ones."""
    import uvicorn

    from assistant.web import server

    from assistant.web.app import ENV_CORPUS, ENV_LOG_QUESTIONS

    for name in (ENV_CORPUS, ENV_LOG_QUESTIONS):  # serve() sets them for its workers: restored after the test
        monkeypatch.delenv(name, raising=False)
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: seen.update(kw))
    monkeypatch.setattr("assistant.service.Lotse", lambda *a, **kw: lotse)
    assert server.serve("127.0.0.1", 0, 1, (), log_questions=True) == 0
    assert seen["lifespan"] == "off" and seen["log_level"] is None
    loggers = seen["log_config"]["loggers"]
    assert loggers["uvicorn"]["level"] == loggers["uvicorn.error"]["level"] == "WARNING"
    assert loggers["uvicorn.access"]["level"] == "INFO"
    assert server._log_config(False)["loggers"]["uvicorn.access"]["level"] == "WARNING"
    assert "UB-Lotse im Browser: http://127.0.0.1:0/" in capsys.readouterr().err


def test_bind_warning_only_for_non_local_hosts():
    assert bind_warning("127.0.0.1") == "" and bind_warning("localhost") == ""
    assert bind_warning("0.0.0.0").startswith("Warnung: UB-Lotse ist unter 0.0.0.0 auch von anderen Rechnern aus erreichbar.")


@pytest.mark.parametrize("argv,fragment", [(["web", "--workers", "0"], "bitte 1 bis 64 Worker"),
                                           (["web", "--port", "70000"], "ist keine Portnummer (erlaubt: 1 bis 65535)")])
def test_web_usage_errors_exit_2(capsys, argv, fragment):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert fragment in capsys.readouterr().err


# ------------------------------------------------------------------ concurrency
def test_200_requests_at_20_concurrent_without_errors(app):
    """A real uvicorn server; questions (incl. garbage and 3 000 characters) mixed with the other endpoints."""
    import httpx

    questions = [URLAUB, "Wer zahlt die Fahrtkosten?", 'AND (* ~"', "x" * 3000, "", "Wie viel Personal bei 8 Teilnehmern?"]
    requests = []
    for i in range(200):
        kind = i % 4
        if kind == 0:
            q = questions[(i // 4) % len(questions)]
            requests.append(("POST", "/api/ask", {"question": q}, 400 if not q else 200))
        elif kind == 1:
            requests.append(("GET", "/healthz", None, 200))
        elif kind == 2:
            requests.append(("POST", "/api/calc/personal", {"teilnehmende": 1 + i % 30, "monat": 1 + i % 24}, 200))
        else:
            requests.append(("GET", "/api/units/mv-koop/p4-3", None, 200))
    with running_server(app) as base, httpx.Client(base_url=base, timeout=60) as http:
        def send(req):
            method, url, body, expected = req
            r = http.request(method, url, json=body)
            return r.status_code == expected and r.headers["content-type"].startswith("application/json")

        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(send, requests))
    assert results.count(False) == 0


def test_a_calculation_from_a_question_opens_the_filled_calculator(client):
    import html as html_lib

    page = client.get("/", params={"q": "Wie viel Personal bei 8 Teilnehmern im 6. Monat?"}).text
    link = html_lib.unescape(re.search(r'href="(/rechner/personal\?[^"]+)"', page).group(1))
    assert link == "/rechner/personal?teilnehmende=8&monat=6&berechnen=1"
    assert "62,4 Wochenstunden (Personalansatz 1,6)" in client.get(link).text


def test_a_busy_port_is_a_german_error(capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["web", "--port", str(port)]) == 1
    assert f"Fehler: 127.0.0.1:{port} ist nicht verfügbar (die Adresse wird bereits verwendet)." in capsys.readouterr().err


def test_workers_build_their_service_from_the_environment(monkeypatch, tmp_path):
    """`lotse --corpus X web --workers N` hands the folders and the logging choice to each worker."""
    from assistant.web import app as web_app

    made = {}

    class FakeLotse:
        def __init__(self, extra):
            made["extra"] = extra

        def unit(self, unit_id):
            return None

        def warm_up(self):
            made["warm"] = True

        def settle(self):
            made["settled"] = "warm" in made  # after the warm-up, when the index is in

    monkeypatch.setenv(web_app.ENV_CORPUS, f"{tmp_path}{__import__('os').pathsep}")
    monkeypatch.setenv(web_app.ENV_LOG_QUESTIONS, "1")
    monkeypatch.setattr("assistant.service.Lotse", FakeLotse)
    app = create_app()
    assert made["extra"] == [str(tmp_path)]
    # the worker's service is warmed up before it serves (the index opened, the first question's loads done)
    assert app.routes and made["warm"] and made["settled"]


def test_source_of_a_document_whose_short_title_has_brackets(client):
    html = client.get("/abschnitt/ba-integrationskonzept/3.4.2").text
    assert "– BA-Integrationskonzept (4-Phasen-Modell)</dd>" in html
    assert "(BA-Integrationskonzept (" not in html


def test_further_hits_name_their_document_in_brackets_or_after_a_dash(client):
    html = client.get("/", params={"q": "Wer lädt zum Planungsgespräch ein?"}).text
    assert "(Kooperationsvereinbarung M-V) – Außer Kraft seit 15.04.2014" in html.split("<h3>Weitere Treffer</h3>")[1]
    html = client.get("/", params={"q": "Was ist eine Potenzialanalyse?"}).text
    further = html.split("<h3>Weitere Treffer</h3>")[1].split("</ul>")[0]
    assert " – BA-Integrationskonzept (4-Phasen-Modell)" in further and not re.search(r"\([^)<]*\(", further)
    # a hit the ranking rules out (below 1 %) is not listed
    html = client.get("/", params={"q": "Mit welcher Frist kann die Kooperationsvereinbarung gekündigt werden?"}).text
    assert "<h3>Weitere Treffer</h3>" not in html


def test_the_bundesland_choice_names_each_land_with_its_code(client):
    page = client.get("/rechner/planungsgespraech").text
    select = page.split('<select id="feld-land" name="land"', 1)[1].split("</select>", 1)[0]
    assert select.count("<option") == 16
    assert '<option value="BW">Baden-Württemberg (BW)</option>' in select
    assert '<option value="MV" selected>Mecklenburg-Vorpommern (MV)</option>' in select
    assert '<option value="ST">Sachsen-Anhalt (ST)</option>' in select and ">SN<" not in select
    assert select.index("Baden-Württemberg") < select.index("Bayern") < select.index("Thüringen")  # by name
    chosen = client.get("/rechner/planungsgespraech", params={"ab": "10.01.2030", "land": "BE", "berechnen": "1"})
    assert chosen.status_code == 200 and "Planungsgespräch am 01.02.2030" in chosen.text
    assert '<option value="BE" selected>Berlin (BE)</option>' in chosen.text
    bad = client.post("/api/calc/planungsgespraech", json={"ab": "10.01.2030", "land": "XX"}).json()
    assert bad["fields"]["land"] == "Bitte eine der Möglichkeiten wählen: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH."


def test_a_choice_may_be_sent_as_its_switch(client):
    """{"nicht-modular": true} as the CLI's --nicht-modular; the web form still ignores keys it does not use."""
    r = client.post("/api/calc/besetzung", json={"beginn": "04.05.2026", "nicht-modular": True})
    assert r.status_code == 200 and r.json()["inputs"]["modular"] is False
    r = client.post("/api/calc/besetzung", json={"beginn": "04.05.2026", "modular": True})
    assert r.status_code == 200 and r.json()["inputs"]["modular"] is True
    page = client.get("/rechner/personal?teilnehmende=8&monat=6&berechnen=1&ansicht=eltern")
    assert page.status_code == 200 and "62,4 Wochenstunden" in page.text


def test_only_fields_without_a_default_are_marked_as_required(client):
    """As on the command line: Maßnahmemonat (empty: both phases) and Maßnahmeart (default: not given) are no Pflichtfeld."""
    page = client.get("/rechner/personal").text
    assert "Besetzte Teilnehmerplätze <span class=\"req\">(Pflichtfeld)</span>" in page
    assert not re.search(r"Maßnahmemonat[^<]*<span class=\"req\">", page)
    assert "(Pflichtfeld)" not in client.get("/rechner/besetzung").text.split("Maßnahmeart")[1].split("</label>")[0]
    cleared = client.get("/rechner/personal?teilnehmende=8&monat=+&berechnen=1")
    assert cleared.status_code == 200 and "62,4 Wochenstunden" in cleared.text and "im 1. Monat" not in cleared.text
    assert "Maßnahmemonat nicht angegeben" in cleared.text


def test_a_calculators_own_error_is_shown_at_the_field_it_is_about(client):
    """0 participants in month 6 without a Mindestteilnehmerplatzzahl: the message stands at that field too."""
    page = client.get("/rechner/personal?teilnehmende=0&monat=6&berechnen=1")
    assert page.status_code == 400
    assert 'id="feld-mindestplaetze"' in page.text and re.search(r'id="feld-mindestplaetze"[^>]*aria-invalid="true"', page.text)
    assert '<a href="#feld-mindestplaetze">Mindestteilnehmerplatzzahl (falls bekannt): Im 1. bis 12. Monat' in page.text
    r = client.post("/api/calc/personal", json={"teilnehmende": 0, "monat": 6})
    assert r.status_code == 400 and r.json()["fields"]["mindestplaetze"].startswith("Im 1. bis 12. Monat bemisst sich")


def test_a_document_page_keeps_the_documents_outline(client):
    """Parent headings ("A. Personal …") stand once before their sections, which are one level below;
    the permalink is no part of a heading's name."""
    page = client.get("/dokumente/bagub-faq").text
    outline = [(int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in re.findall(r"<h(\d)[^>]*>(.*?)</h\d>", page, re.S)]
    a = next(i for i, (_, t) in enumerate(outline) if t.startswith("A. Personal"))
    assert outline[a][0] == 2 and outline[a + 1] == (3, "A. Ausgangssituation laut Vergabeunterlagen")
    assert sum(1 for _, t in outline if t.startswith("A. Personal")) == 1
    assert not re.search(r"<h\d[^>]*>[^<]*<a class=\"permalink\"", page)


def _outline(html: str) -> list[tuple[int, str]]:
    return [(int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in re.findall(r"<h(\d)[^>]*>(.*?)</h\d>", html, re.S)]


def test_a_parent_heading_that_is_a_section_itself_stands_once(client, lotse):
    """„3. Die 4-Phasen im Detail“ has text of its own: it was shown as its section and again as the parent
    heading of 3.1 (so were 3.1, 3.3, 3.4 and „Anlage 1: Besetzungssteuerung“); a screen reader heard each twice."""
    for doc in lotse.documents():
        headings = [t for _, t in _outline(client.get(f"/dokumente/{doc.id}").text)]
        assert len(headings) == len(set(headings)), (doc.id, sorted({t for t in headings if headings.count(t) > 1}))
    ba = _outline(client.get("/dokumente/ba-integrationskonzept").text)
    three = ba.index((2, "3. Die 4-Phasen im Detail"))
    assert ba[three + 1] == (3, "3.1 Erste Phase: Potenzialanalyse") and ba[three + 2] == (4, "3.1.1 Zielgerichtete Ausrichtung")
    jc = client.get("/dokumente/jc-aa-103").text
    anlage = _outline(jc).index((2, "Anlage 1: Besetzungssteuerung"))
    assert _outline(jc)[anlage + 1] == (3, "Anlage 1: Berechnung der Kontingente")
    # the section keeps its own heading (with its anchor and permalink); only the repeated „part“ is gone
    assert re.search(r'<h2 id="abschnitt-[^"]+-titel">3\. Die 4-Phasen im Detail</h2>', client.get("/dokumente/ba-integrationskonzept").text)
    assert '<h2 class="part">Anlage 1: Besetzungssteuerung</h2>' not in jc


def test_a_meaning_the_glossary_gives_is_headed_by_the_term_and_lists_where_it_is_used(client):
    page = client.get("/", params={"q": "Was heißt WfbM?"}).text
    assert ">Begriff: WfbM</h2>" in page and "Keine sichere Antwort" not in page
    assert "<h3>Der Begriff kommt zum Beispiel hier vor:</h3>" in page and "Meinten Sie" not in page
    assert "Wen Sie fragen können" not in page
    page = client.get("/", params={"q": "Was ist Jobcoaching?"}).text
    assert "<strong>Aus den Dokumenten:</strong> Jobcoaching im Kontext des SGB IX" in page


def test_fields_for_several_lots_get_a_keyboard_with_separators(client):
    """A phone's numeric keypad has no ";" and no space, so "8; 4" could not be typed: a field for one count per lot
    asks for the text keyboard, a single count for the numeric one."""
    page = client.get("/rechner/personal").text
    assert re.search(r'id="feld-teilnehmende"(?![^>]*inputmode)[^>]*>', page)
    assert re.search(r'id="feld-mindestplaetze"(?![^>]*inputmode)[^>]*>', page)
    assert re.search(r'id="feld-monat"[^>]*inputmode="numeric"', page)


@pytest.mark.parametrize("body, field, message", [
    ({"teilnehmende": [8, None], "monat": 6}, "teilnehmende", "„teilnehmende“: jede Angabe der Liste muss eine Zahl sein, z. B. [8, 4]."),
    ({"teilnehmende": [8, True], "monat": 6}, "teilnehmende", "„teilnehmende“: jede Angabe der Liste muss eine Zahl sein, z. B. [8, 4]."),
    ({"teilnehmende": {"a": 8}}, "teilnehmende", "„teilnehmende“ erwartet einen einzelnen Wert, keine Liste und kein Objekt."),
    ({"teilnehmende": 8, "monat": [6]}, "monat", "„monat“ erwartet einen einzelnen Wert, keine Liste und kein Objekt."),
    ({"teilnehmende": 8, "monat": 6, "option": "vielleicht"}, "option", "„option“ erwartet ja oder nein (true oder false), nicht „vielleicht“."),
    ({"teilnehmende": 8, "monat": 6, "option": 2}, "option", "„option“ erwartet ja oder nein (true oder false), nicht 2."),
])
def test_json_values_no_field_can_hold_are_named_as_written(client, body, field, message):
    """Probe h18: Python's spelling reached the messages („None“ ist keine ganze Zahl, „{'a': 8}“), and "vielleicht" counted
    as an option drawn."""
    r = client.post("/api/calc/personal", json=body)
    assert r.status_code == 400 and r.json()["fields"] == {field: message}


def test_json_numbers_with_a_fraction_of_zero_and_null_for_an_optional_field(client):
    r = client.post("/api/calc/personal", json={"teilnehmende": 8.0, "monat": 6.0, "mindestplaetze": None, "option": False})
    assert r.status_code == 200 and r.json()["result"].startswith("mindestens 62,4 Wochenstunden")
    r = client.post("/api/calc/personal", json={"teilnehmende": [8.0, 4], "monat": 6, "mindestplaetze": [7.0, 5]})
    assert r.status_code == 200 and r.json()["result"].startswith("101,4 Wochenstunden")


def test_a_form_field_of_separators_only_is_asked_for_a_number(client):
    # QA 2026-12-03: "Besetzte Teilnehmerplätze: ;" had ended in HTTP 500 with the entries lost
    r = client.get("/rechner/personal?teilnehmende=%3B&monat=6&berechnen=1")
    assert r.status_code == 400
    assert "Bitte mindestens eine Zahl angeben, z. B. „8“ oder je Los „8; 4“." in r.text
    assert 'value="6"' in r.text  # the other entries are kept


def test_control_and_bidi_characters_are_not_shown_again(client):
    # QA 2026-12-03: NUL, ESC and a right-to-left override had been written back into the page as typed
    r = client.get("/", params={"q": "urlaub\x00\x01\x1b[31m\u202e inbeq"})
    assert r.status_code == 200
    assert not any(ch in r.text for ch in "\x00\x01\x1b\u202e")
    assert 'value="urlaub inbeq"' in r.text  # a format character (the override) is dropped, not made a space


def test_a_question_longer_than_the_field_is_not_written_back_whole(client):
    r = client.get("/", params={"q": "urlaub " * 2858})
    assert r.status_code == 200 and "urlaub " * 430 not in r.text  # at most the field's 3 000 characters


@pytest.mark.parametrize("method, url, allowed", [("get", "/api/ask", "POST"), ("post", "/api/calc/personal.ics", "GET")])
def test_a_wrong_method_names_the_allowed_one(client, method, url, allowed):
    # QA 2026-12-03: 405 without an Allow header (RFC 9110) and without saying what to send
    r = getattr(client, method)(url)
    assert r.status_code == 405 and r.headers["allow"] == allowed
    assert f"Diese Methode ist hier nicht erlaubt; erlaubt: {allowed}." in r.json()["error"]


@pytest.mark.parametrize("url, said", [
    ("/api/calc/absolventen.ics?ende=03.03.2027&dauer=1", "Unbekanntes Feld „dauer“. Dieser Rechner kennt: ende, dauer_monate"),
    ("/api/calc/integrationsamt.ics?beginn=01.09.2027&beginn=01.10.2027", "Feld „beginn“ mehrfach angegeben: bitte nur einmal."),
    ("/api/calc/integrationsamt.ics?beschaeftigungsbeginn=01.09.2027&beginn=01.10.2027",
     "„beschaeftigungsbeginn“ und „beginn“ schließen sich aus: bitte nur eine Angabe."),
])
def test_the_calendar_route_refuses_fields_it_would_drop(client, url, said):
    # QA 22: a misspelt field had been dropped and a calendar with a wrong deadline served
    r = client.get(url)
    assert r.status_code == 400 and r.json()["error"].startswith(said)


def test_the_calculator_page_says_a_field_given_twice(client):
    """QA 27: "teilnehmende=8&teilnehmende=5" had been computed for 5, the 8 dropped without a word."""
    page = client.get("/rechner/personal?teilnehmende=8&teilnehmende=5&monat=6&berechnen=1")
    assert page.status_code == 400
    assert "Feld „teilnehmende“ mehrfach angegeben: bitte nur einmal." in page.text
    assert "Wochenstunden (Personalansatz" not in page.text  # nothing computed from one of the two
    assert client.get("/rechner/personal?teilnehmende=8&monat=6&berechnen=1").status_code == 200


def test_a_field_given_under_two_names_with_two_values_is_refused(client):
    r = client.post("/api/calc/integrationsamt", json={"beschaeftigungsbeginn": "01.09.2027", "beginn": "01.10.2027"})
    assert r.status_code == 400 and "schließen sich aus" in r.json()["error"]
    same = client.post("/api/calc/integrationsamt", json={"beschaeftigungsbeginn": "01.09.2027", "beginn": "01.09.2027"})
    assert same.status_code == 200


def test_logging_questions_gives_the_logger_a_handler(lotse):
    # QA 22: without a handler, Python's last resort shows warnings only; questions sent by POST never appeared
    from assistant.web.app import LOG

    create_app(lotse, log_questions=True)
    assert LOG.level == logging.INFO and any(getattr(h, "lotse", False) for h in LOG.handlers)


@pytest.mark.parametrize("question", ["", "   ", "\u0000", "\x1b[31m"])
def test_an_empty_question_is_400_however_it_is_empty(client, question):
    # QA 22: "\u0000" had been answered 200 with a plea to ask, "" refused with 400
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 400 and r.json()["error"] == "Bitte geben Sie eine Frage ein."


def test_parents_and_new_colleagues_see_the_short_answers_terms_explained(client, lotse):
    # the Kurz line's technical words in the glossary's plain language, in every view but the providers'
    question = "kriegt mein sohn geld in der maßnahme"
    entry = next(e for e in lotse.glossary() if e["term"] == "Übergangsgeld")
    for view in ("eltern", "einarbeitung"):
        html = client.get("/", params={"q": question, "ansicht": view}).text
        block = html.split('<section class="terms-used" aria-labelledby="begriffe">', 1)[1].split("</section>", 1)[0]
        assert '<h3 id="begriffe">Begriffe kurz erklärt</h3>' in block
        assert f"<dt>Übergangsgeld</dt>\n        <dd>{escape(entry['explanation'])}</dd>" in block
        # after the source and its validity, before the passage (QA 30: a screen reader skipped the validity)
        assert html.index('class="kurz"') < html.index('class="meta"') < html.index('class="terms-used"') < html.index("Die Stelle im Dokument")
    assert "Begriffe kurz erklärt" not in client.get("/", params={"q": question, "ansicht": "anbieter"}).text
    # a glossary answer explains its term already
    assert "Begriffe kurz erklärt" not in client.get("/", params={"q": "Was heißt WfbM?"}).text
