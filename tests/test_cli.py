"""The CLI contract: ask, batch, calc, index and usage errors."""
import contextlib
import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main

from .conftest import ROOT


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=os.environ.copy())


def test_ask_prints_source_section_date_validity(lotse):
    lotse.handle
    out = run("ask", "Gibt es Kindergeld während der InbeQ?")
    assert out.returncode == 0
    assert "Antwort aus: BAG UB Fragen & Antworten" in out.stdout
    assert "Abschnitt:" in out.stdout and "Gültigkeit:" in out.stdout and "Dokument vom" in out.stdout


def test_ask_json_and_batch_follow_the_contract(lotse):
    lotse.handle
    out = run("ask", "--json", "Wer haftet für Schäden?")
    data = json.loads(out.stdout)
    assert set(data) >= {"question", "abstained", "answers", "calculation"}
    questions = ["Urlaub in der InbeQ?", "", "Rezept für Pizza?", "8 Teilnehmer im 3. Monat, Mindestteilnehmerplatzzahl 7: wie viel Personal?"]
    out = run("batch", stdin="\n".join(questions) + "\n")
    assert out.returncode == 0
    lines = [json.loads(l) for l in out.stdout.splitlines()]
    assert [l["question"] for l in lines] == questions
    assert lines[2]["abstained"] and lines[2]["calculation"] is None and lines[2]["error"] is None  # a decline
    assert lines[1]["abstained"] and lines[1]["error"] == "Die Frage ist leer."  # bad input, told apart
    assert "62,4" in lines[3]["calculation"]["result"]
    assert lines[3]["calculation"]["sources"]


@pytest.mark.parametrize("args", [["ask"], ["gibtsnicht"], ["calc"], ["calc", "personal", "--teilnehmende", "-3", "--monat", "2"],
                                  ["calc", "kuendigung", "--datum", "31.02.2026"], ["calc", "personal", "--teilnehmende", "x", "--monat", "1"]])
def test_usage_errors_exit_2_in_german(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Aufruf fehlerhaft" in err and "Traceback" not in err


def test_calc_input_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["calc", "personal", "--teilnehmende", "3", "--monat", "0"])
    assert exc.value.code == 2
    assert "--monat: 0 liegt außerhalb von 1 bis 120" in capsys.readouterr().err
    assert main(["calc", "personal", "--teilnehmende", "0", "--monat", "2"]) == 2
    assert "Mindestteilnehmerplatzzahl" in capsys.readouterr().err


def test_calc_json_and_ics(tmp_path, lotse, capsys):
    lotse.handle
    ics = tmp_path / "termine.ics"
    assert main(["calc", "planungsgespraech", "--ab", "20.12.2026", "--json", "--ics", str(ics)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "01.01.2027" in data["result"]  # the meeting searched from 20.12.2026 (its deadline judged against the real today)
    from icalendar import Calendar

    cal = Calendar.from_ical(ics.read_bytes())
    events = [e for e in cal.walk("VEVENT")]
    assert [str(e["summary"]) for e in events][0].startswith("Planungsgespräch")
    assert events[0].decoded("dtstart").isoformat() == "2027-01-01"



def test_ics_dash_writes_the_calendar_to_standard_output_and_no_file(tmp_path, monkeypatch, lotse, capsysbinary):
    lotse.handle
    monkeypatch.chdir(tmp_path)
    assert main(["calc", "integrationsamt", "--beginn", "15.03.2030", "--ics", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR") and b"DTSTART;VALUE=DATE:20290915" in out
    assert list(tmp_path.iterdir()) == []


def test_ics_dash_without_dates_puts_no_text_where_the_calendar_was_asked_for(lotse, capsys):
    lotse.handle
    assert main(["calc", "personal", "--teilnehmende", "8", "--monat", "6", "--ics", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Hinweis: Diese Berechnung enthält keine Termine für den Kalender." in err


def test_ics_without_a_file_name_is_a_usage_error(capsys):
    assert main(["calc", "stichtag", "--ics", ""]) == 2
    assert "Aufruf fehlerhaft: --ics braucht einen Dateinamen (oder - für die Ausgabe)." in capsys.readouterr().err


def test_calendar_file_that_cannot_be_written_is_a_german_error(tmp_path, capsys):
    argv = ["calc", "integrationsamt", "--beginn", "15.03.2028", "--ics"]
    assert main(argv + [str(tmp_path / "fehlt" / "t.ics")]) == 1
    assert "kann nicht geschrieben werden (nicht gefunden oder Verweis ins Leere)." in capsys.readouterr().err
    assert main(argv + [str(tmp_path)]) == 1
    assert f"Die Datei {tmp_path} kann nicht geschrieben werden (ist ein Ordner)." in capsys.readouterr().err


def test_a_calendar_file_never_overwrites_a_file_of_the_same_name(tmp_path, capsys):
    """QA 27: "--ics notes.md" had replaced the user's notes with the calendar, without a word."""
    notes = tmp_path / "notes.md"
    notes.write_text("Meine Notizen", encoding="utf-8")
    argv = ["calc", "integrationsamt", "--beginn", "15.03.2028", "--ics", str(notes)]
    assert main(argv) == 1
    assert (f"Fehler: Die Datei {notes} gibt es schon; sie wird nicht überschrieben. Bitte einen neuen Dateinamen angeben "
            "oder die alte Datei vorher löschen.") in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "Meine Notizen"
    fresh = tmp_path / "termine.ics"
    assert main(argv[:-1] + [str(fresh)]) == 0 and fresh.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.fixture
def stub_service(monkeypatch, tmp_path):
    """`main()` in this process with the stub lemma table and a private cache: the CLI's own code
    runs, without a subprocess building a spaCy index."""
    import assistant.cli as cli
    from assistant.service import Lotse

    from .conftest import STUB_LEMMAS

    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cli, "_service", lambda args, progress=None: Lotse(
        args.corpus, progress=progress or (lambda m: print(m, file=sys.stderr)), lemma_source=STUB_LEMMAS))


def test_index_command_reports_counts_and_the_time_the_build_took(stub_service, monkeypatch, capsys):
    """The seconds cover building the index, also when the warnings about provider files opened
    it first (it used to say '0,0 Sekunden' after ten seconds of building)."""
    import assistant.cli as cli
    import assistant.service as service

    clock = [100.0]
    monkeypatch.setattr(cli, "time", type("Clock", (), {"perf_counter": staticmethod(lambda: clock[0])}))
    real_open = service.open_index

    def slow_open(*a, **kw):
        clock[0] += 12.3  # as if the build took 12.3 seconds
        return real_open(*a, **kw)

    monkeypatch.setattr(service, "open_index", slow_open)
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert "Index aufgebaut: 5 Dokumente, 119 Abschnitte, 12,3 Sekunden" in out


def test_a_declined_reply_names_the_providers_own_documents(provider_dir, stub_service, capsys):
    # QA 40: a declined reply had named only the built-in documents' topics beside the provider's own
    from .conftest import VALID_DOC

    (provider_dir / "leitfaden.md").write_text(VALID_DOC, encoding="utf-8")
    assert main(["--corpus", str(provider_dir), "ask", "--json", "Wie hoch ist der Eiffelturm?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["abstained"] and reply["message"].endswith("Dazu kommen Ihre eigenen Dokumente: „Interner Leitfaden Zeiterfassung“.")


def test_extra_corpus_via_environment(provider_dir, stub_service, monkeypatch, capsys):
    from .conftest import VALID_DOC

    (provider_dir / "leitfaden.md").write_text(VALID_DOC, encoding="utf-8")
    (provider_dir / "kaputt.md").write_text("kein Kopf", encoding="utf-8")
    monkeypatch.setenv("LOTSE_CORPUS", str(provider_dir))
    assert main(["ask", "--json", "Wann gebe ich den Stundenzettel ab?"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["answers"][0]["unit_id"].startswith("traeger-leitfaden/")
    assert "kaputt.md" in out.err and "Front Matter" in out.err


def test_index_exits_1_when_a_folder_or_file_could_not_be_read(stub_service, tmp_path, capsys):
    """A provider can check a folder in a script: the index is built, and the exit code says not everything was read."""
    missing = tmp_path / "gibt-es-nicht"
    assert main(["--corpus", str(missing), "index"]) == 1
    err = capsys.readouterr().err
    assert f"Warnung: {missing}: Der Ordner existiert nicht." in err
    assert "1 Problem mit Dateien oder Ordnern (siehe Warnungen); der Index enthält alles Übrige." in err


def test_a_missing_corpus_folder_is_named_every_time(stub_service, tmp_path, capsys):
    """A missing folder adds no files, so the index without it is reused; the warning must not depend on a build."""
    missing = tmp_path / "gibt-es-nicht"
    for _ in range(2):  # the first run builds, the second reuses the index
        assert main(["--corpus", str(missing), "ask", "Gibt es Kindergeld während der InbeQ?"]) == 0
        assert capsys.readouterr().err.count(f"Warnung: {missing}: Der Ordner existiert nicht.") == 1


def test_a_folder_named_once_is_not_warned_of_later(stub_service, tmp_path, capsys):
    """QA 22: the index of the corpus without the missing folder is reused, and had kept that folder's problem: every
    later call warned of it, and a plain `lotse index` exited 1."""
    missing = tmp_path / "tippfehler"
    assert main(["--corpus", str(missing), "index"]) == 1
    capsys.readouterr()
    assert main(["ask", "Gibt es Kindergeld während der InbeQ?"]) == 0
    assert "Warnung" not in capsys.readouterr().err
    assert main(["index"]) == 0
    assert "Warnung" not in capsys.readouterr().err


@pytest.mark.parametrize("args, expected", [
    (["calc", "foo"], "ungültige Auswahl „foo“ (möglich: „personal“, „personal-alt“,"),
    (["calc", "besetzung", "--modular=ja", "--beginn", "01.01.2027"], "--modular: überzähliger Wert „ja“"),
])
def test_usage_errors_quote_the_typed_value_in_german_quotation_marks(args, expected, capsys):
    with pytest.raises(SystemExit):
        main(args)
    err = capsys.readouterr().err
    assert expected in err and "'" not in err


def test_the_ui_without_a_terminal_says_so_and_exits_2(monkeypatch, capsys):
    # QA: "lotse < /dev/null" had started the full-screen UI drawing into a pipe at full CPU, forever
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "Die Oberfläche braucht ein Terminal" in err and 'lotse ask "Ihre Frage"' in err


def test_the_ui_runs_under_lotse_serves_web_driver_without_a_terminal(monkeypatch):
    from assistant import cli

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert cli._has_terminal()
    monkeypatch.delenv("TEXTUAL_DRIVER")
    assert not cli._has_terminal()


def test_web_help_names_the_api(capsys):
    # QA 2026-12-03: the API's paths had to be guessed
    with pytest.raises(SystemExit):
        main(["web", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert 'JSON-API: POST /api/ask mit {"question": "…"}' in out and "GET /api/openapi.json" in out


# QA 22: failing output, closed streams, odd encodings and input files: German messages, no traceback
def test_output_that_cannot_be_written_is_a_german_error_not_a_traceback(lotse):
    lotse.handle
    with open("/dev/full", "w") as full:
        for args in (["ask", "Urlaub?"], ["calc", "personal", "--teilnehmende", "8"]):
            out = subprocess.run([sys.executable, "-m", "assistant", *args], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            assert out.returncode == 1 and "Traceback" not in out.stderr
            assert "Fehler: Die Ausgabe kann nicht geschrieben werden (kein Speicherplatz mehr frei)." in out.stderr
    closed = subprocess.run([sys.executable, "-m", "assistant", "ask", "Urlaub?"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 1 and closed.stderr.strip() == "Fehler: Die Standardausgabe ist geschlossen; es kann nichts ausgegeben werden."


def test_an_ascii_output_encoding_gets_utf8_not_a_traceback():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    out = subprocess.run([sys.executable, "-m", "assistant", "calc", "personal", "--teilnehmende", "8", "--monat", "8"],
                         capture_output=True, cwd=ROOT, env=env)
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    assert "62,4 Wochenstunden" in out.stdout.decode("utf-8") and "Verträge" in out.stdout.decode("utf-8")


def test_batch_reads_utf16_files_and_old_mac_line_ends(lotse):
    lotse.handle
    utf16 = "Urlaub?\r\nWer zahlt die Fahrtkosten?\r\n".encode("utf-16")  # with its byte order mark
    for data in (utf16, b"Urlaub?\rWer zahlt die Fahrtkosten?\r"):
        out = subprocess.run([sys.executable, "-m", "assistant", "batch"], input=data, capture_output=True, cwd=ROOT)
        lines = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
        assert [line["question"] for line in lines] == ["Urlaub?", "Wer zahlt die Fahrtkosten?"]
        assert all(not line["abstained"] and "Windows-1252" not in (line["message"] or "") for line in lines)


def test_contradicting_or_useless_options_are_errors():
    out = run("serve", "--token", "abc", "--no-token")
    assert out.returncode == 2 and "Aufruf fehlerhaft: --no-token: nicht zusammen mit --token möglich" in out.stderr


def test_a_calendar_file_asked_for_a_calculation_without_dates_fails(tmp_path):
    target = tmp_path / "termine.ics"
    out = run("calc", "personal", "--teilnehmende", "8", "--monat", "8", "--ics", str(target))
    assert out.returncode == 1 and "Diese Berechnung enthält keine Termine für den Kalender." in out.stderr
    assert "62,4 Wochenstunden" in out.stdout and not target.exists()


@pytest.mark.parametrize("args, said", [
    (["calculators"], "ungültige Auswahl „calculators“"),  # had become „Rechners“
    (["calc", "personal", "--teilnehmende", "question"], "„question“ ist keine ganze Zahl."),  # had become „Frage“
    (["ask"], "diese Angaben fehlen: FRAGE"),  # the internal name is still said as the user knows it
    # a file named where its lines are read, a global option after the command
    (["batch", "fragen.txt"], "unbekannte Angabe „fragen.txt“; die Fragen kommen zeilenweise über die Eingabe: lotse batch < fragen.txt"),
    (["ask", "--corpus", "/tmp", "Urlaub?"], "unbekannte Option --corpus; sie steht vor dem Befehl: lotse --corpus … ask …"),
    (["calc", "--json", "personal", "--teilnehmende", "8"],
     "Option --json an falscher Stelle; sie steht nach dem Namen: lotse calc personal --json …"),  # had said "gemeint: --json?"
    # a value given twice: the last had silently won
    (["calc", "personal", "--teilnehmende", "8", "--monat", "3", "--monat", "14"], "--monat: bitte nur einmal angeben"),
])
def test_usage_errors_repeat_what_the_user_typed(args, said):
    out = run(*args)
    assert out.returncode == 2 and said in out.stderr


@pytest.mark.parametrize("args, said", [
    # an empty folder name is no folder (QA 27: the current folder had been searched and indexed)
    (["--corpus", "", "ask", "Urlaub?"], "Aufruf fehlerhaft: --corpus: braucht einen Ordnernamen (leer ist kein Ordner)."),
    # JSON and a calendar both on standard output (QA 27: the JSON had been left out)
    (["calc", "stichtag", "--datum", "02.10.2026", "--json", "--ics", "-"], "Aufruf fehlerhaft: --json und --ics - schließen sich aus"),
])
def test_usage_errors_said_in_process(args, said, capsys):
    with pytest.raises(SystemExit) if args[0] == "--corpus" else contextlib.nullcontext() as raised:
        code = main(args)
    assert (raised.value.code if args[0] == "--corpus" else code) == 2
    assert said in capsys.readouterr().err


def test_an_empty_optional_value_is_the_field_left_empty(lotse):
    """QA 22: "--datum ''" had said "Bitte ausfüllen", where the help says "(leer = heute)"."""
    lotse.handle
    out = run("calc", "stichtag", "--datum", "")
    assert out.returncode == 0 and "Nächster Stichtag:" in out.stdout
    required = run("calc", "personal", "--teilnehmende", "")
    assert required.returncode == 2 and "--teilnehmende: Bitte ausfüllen." in required.stderr


def test_an_empty_corpus_folder_is_warned_of(stub_service, tmp_path, capsys):
    """QA 22: a folder with nothing to read had been taken without a word; a folder with only a thesaurus is fine."""
    empty = tmp_path / "leer"
    empty.mkdir()
    assert main(["--corpus", str(empty), "index"]) == 1
    assert (f"Warnung: {empty}: Der Ordner enthält keine Dokumente (.md-Dateien) und keine Daten (.yaml-Dateien)."
            in capsys.readouterr().err)
    (empty / "thesaurus.yaml").write_text("groups:\n  - [Jobcoach, Arbeitsbegleiter]\n", encoding="utf-8")
    assert main(["--corpus", str(empty), "index"]) == 0
    assert "Warnung" not in capsys.readouterr().err
