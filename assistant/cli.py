"""Command line: `lotse` (UI), `lotse ask`, `lotse batch`, `lotse calc`, `lotse index`, `lotse serve`."""
from __future__ import annotations

import argparse
import importlib
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from . import calculators as calc
from .extract import ExtractError, find_dates

EXIT_USAGE = 2
UI_MODULE = "tui.app"
SERVE_MODULE = "tui.serve"


class GermanParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        translated = (message.replace("the following arguments are required", "diese Angaben fehlen")
                      .replace("unrecognized arguments", "unbekannte Angaben")
                      .replace("invalid choice", "ungültige Auswahl")
                      .replace("expected one argument", "erwartet einen Wert")
                      .replace("argument", "Angabe"))
        self.exit(EXIT_USAGE, f"Aufruf fehlerhaft: {translated}\nHilfe: lotse --help\n")


def parse_date(text: str) -> dt.date:
    try:
        found = find_dates(text, dt.date.today())
    except ExtractError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if len(found) != 1 or found[0].year_assumed:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein vollständiges Datum (z. B. 15.03.2027).")
    return found[0].value


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl.") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: negative Werte sind nicht möglich.")
    return value


def hours(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl.") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text}: negative Werte sind nicht möglich.")
    return value


def port_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Portnummer (eine ganze Zahl von 1 bis 65535).") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} ist keine Portnummer (erlaubt: 1 bis 65535).")
    return value


def session_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl.") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{value}: erlaubt sind 1 bis 1000 Sitzungen.")
    return value


CALCS = {
    "personal": ("Personalbedarf InbeQ, Verträge ab 2016", [
        ("--teilnehmende", dict(type=count, required=True, help="besetzte Teilnehmerplätze")),
        ("--monat", dict(type=count, required=True, help="Maßnahmemonat (1 = erster Monat)")),
        ("--mindestplaetze", dict(type=count, help="Mindestteilnehmerplatzzahl laut Losblatt")),
        ("--option", dict(action="store_true", help="Option gezogen (Monat zählt ab Optionsbeginn)")),
    ], lambda a: calc.staffing_2016(a.teilnehmende, a.monat, a.mindestplaetze, a.option)),
    "personal-alt": ("Personalbedarf InbeQ, Verträge vor 2016 (je Los)", [
        ("--los", dict(type=count, action="append", required=True, help="Teilnehmende eines Loses (mehrfach angeben)")),
        ("--beginnjahr", dict(type=count, help="Jahr des Maßnahmebeginns")),
    ], lambda a: calc.staffing_pre2016(a.los, a.beginnjahr)),
    "integrationsamt": ("Unterrichtung des Integrationsamts", [
        ("--beginn", dict(type=parse_date, required=True, help="geplanter Beginn der Beschäftigung")),
    ], lambda a: calc.integration_office(a.beginn)),
    "planungsgespraech": ("Nächstes Planungsgespräch und Anmeldefristen", [
        ("--ab", dict(type=parse_date, help="Datum, ab dem gesucht wird (Standard: heute)")),
        ("--land", dict(default="MV", help="Bundesland für Feiertage (Standard: MV)")),
    ], lambda a: calc.planning_meeting(a.ab or dt.date.today(), a.land.upper())),
    "kuendigung": ("Kündigung der Kooperationsvereinbarung", [
        ("--datum", dict(type=parse_date, required=True, help="Zugang der Kündigung")),
    ], lambda a: calc.termination(a.datum)),
    "stichtag": ("Nächster Stichtag (1. April / 1. Oktober)", [
        ("--datum", dict(type=parse_date, help="Standard: heute")),
    ], lambda a: calc.reporting_date(a.datum or dt.date.today())),
    "unterweisungsfrei": ("Unterweisungsfreie Tage", [
        ("--monate", dict(type=count, required=True, help="volle Kalendermonate der Teilnahme")),
        ("--schwerbehindert", dict(action="store_true", help="schwerbehindert (nicht gleichgestellt)")),
        ("--eintritt", dict(type=parse_date, help="Eintritt in die Maßnahme")),
    ], lambda a: calc.leave_days(a.monate, a.schwerbehindert, a.eintritt)),
    "inbeq-dauer": ("Ende der InbeQ", [
        ("--beginn", dict(type=parse_date, required=True)),
        ("--unterbrechung-tage", dict(type=count, default=0)),
        ("--verlaengerung-monate", dict(type=count, default=0)),
    ], lambda a: calc.inbeq_end(a.beginn, a.unterbrechung_tage, a.verlaengerung_monate)),
    "jobcoaching": ("Jobcoaching: Ende und Stunden", [
        ("--beginn", dict(type=parse_date, required=True)),
        ("--verbraucht", dict(type=hours, help="bereits geleistete Fachleistungsstunden")),
        ("--verlaengert", dict(action="store_true")),
    ], lambda a: calc.jobcoaching(a.beginn, a.verbraucht, a.verlaengert)),
    "absolventen": ("Absolventengespräch", [
        ("--ende", dict(type=parse_date, required=True, help="individuelles Teilnahmeende")),
        ("--dauer-monate", dict(type=count, help="Dauer der Maßnahme in Monaten")),
    ], lambda a: calc.graduate_interview(a.ende, a.dauer_monate)),
    "ueberpruefung": ("Überprüfung von Eingliederungsvereinbarung / Kooperationsplan", [
        ("--datum", dict(type=parse_date, required=True)),
        ("--art", dict(choices=["ev", "kooperationsplan"], default="ev")),
    ], lambda a: calc.review(a.datum, a.art)),
    "prognose": ("Integrationsprognose (marktnah?)", [
        ("--integration", dict(type=parse_date, required=True, help="erwartetes Integrationsdatum")),
        ("--heute", dict(type=parse_date)),
    ], lambda a: calc.market_prognosis(a.heute or dt.date.today(), a.integration)),
    "besetzung": ("Besetzungssteuerung", [
        ("--beginn", dict(type=parse_date, required=True, help="Maßnahme- bzw. Modulbeginn")),
        ("--modular", dict(action="store_true", default=None)),
        ("--nicht-modular", dict(action="store_false", dest="modular")),
    ], lambda a: calc.occupancy_check(a.beginn, a.modular)),
}


def build_parser() -> GermanParser:
    p = GermanParser(prog="lotse", description="UB-Lotse: Antworten und Rechner zur Unterstützten Beschäftigung. Ohne Befehl startet die Oberfläche.")
    p.add_argument("--corpus", action="append", default=[], metavar="ORDNER", help="zusätzlicher Dokumentenordner (auch LOTSE_CORPUS)")
    sub = p.add_subparsers(dest="command", parser_class=GermanParser)
    a = sub.add_parser("ask", help="eine Frage beantworten")
    a.add_argument("question", nargs="+", help="die Frage")
    a.add_argument("--json", action="store_true", help="Antwort als JSON")
    sub.add_parser("batch", help="Fragen zeilenweise von stdin, JSON-Zeilen auf stdout")
    sub.add_parser("index", help="Index neu aufbauen")
    s = sub.add_parser("serve", help="Oberfläche im Browser bereitstellen")
    s.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1, nur dieser Rechner; 0.0.0.0: alle Netzwerke)")
    s.add_argument("--port", type=port_number, default=8000, help="Port 1–65535 (Standard: 8000)")
    s.add_argument("--max-sessions", type=session_count, default=8, metavar="N", help="höchstens N Sitzungen gleichzeitig (Standard: 8)")
    s.add_argument("--token", metavar="SCHLÜSSEL", help="Zugangsschlüssel (ohne Angabe wird für Adressen außer 127.0.0.1 einer erzeugt)")
    s.add_argument("--no-token", action="store_true", help="keinen Zugangsschlüssel verlangen (nicht empfohlen im Netzwerk)")
    s.add_argument("--public-url", metavar="URL", help="Adresse, unter der Browser den Server erreichen (z. B. http://lotse.traeger.de:8000)")
    c = sub.add_parser("calc", help="Rechner direkt aufrufen")
    csub = c.add_subparsers(dest="calculator", parser_class=GermanParser, required=True)
    for name, (title, options, _run) in CALCS.items():
        cp = csub.add_parser(name, help=title, description=title)
        for flag, kw in options:
            cp.add_argument(flag, **kw)
        cp.add_argument("--json", action="store_true")
        cp.add_argument("--ics", metavar="DATEI", help="berechnete Termine als iCalendar-Datei speichern")
    return p


def render_reply(reply, service) -> str:
    out: list[str] = []
    if reply.calculation:
        c = reply.calculation
        out += [f"Berechnung: {c.title}", f"Ergebnis: {c.result}", ""]
        out += [f"  {s}" for s in c.steps]
        out += [f"  Annahme: {s}" for s in c.assumptions]
        out += [f"  Hinweis: {s}" for s in c.notes]
        out += ["", "Quellen:"] + [f"  - {service.source_label(r)}" for r in c.rules] + [""]
    if reply.message:
        out += [reply.message, ""]
    if reply.abstained:
        if reply.suggestions:
            out += ["Meinten Sie:"] + [f"  - {s}" for s in reply.suggestions]
        return "\n".join(out).rstrip() + "\n"
    for i, ans in enumerate(reply.answers[:3]):
        u, d = ans.unit, ans.document
        if i == 0:
            if ans.highlight:
                out += [f"Kurz: {ans.highlight}", ""]
            out += [f"Antwort aus: {d.short_title}", f"Abschnitt: {u.section}"]
            meta = [f"Dokument vom {d.display_date}", f"Herausgeber: {d.issuer}"]
            if u.responder:
                meta.append(f"Antwort {u.responder}" + (f" ({u.answer_date})" if u.answer_date else ""))
            out += [" · ".join(meta), f"Gültigkeit: {ans.validity}"]
            out += [f"⚠ {n}" for n in ans.notes]
            out += ["", u.text, ""]
            if ans.similar:
                out += ["Ähnliche Fragen:"] + [f"  - {q}" for q in ans.similar] + [""]
            if len(reply.answers) > 1:
                out.append("Weitere Treffer:")
        else:
            out.append(f"  {i + 1}. {u.title} ({d.short_title}) – {ans.validity}")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args, parser)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _batch(service) -> int:
    """Questions line by line from stdin (bytes, any encoding), exactly one UTF-8 JSON line out per line in."""
    from .textio import decode_line, json_line

    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        question, notice = decode_line(raw)
        try:
            data = service.ask(question).to_json(service)
        except Exception:  # one bad line must not end the run or lose the lines after it
            data = {"question": question, "abstained": True, "answers": [], "calculation": None,
                    "message": "Diese Frage konnte wegen eines internen Fehlers nicht beantwortet werden.",
                    "suggestions": [], "corrections": {}, "error": "interner Fehler"}
        if notice:
            data["message"] = " ".join(m for m in (notice, data.get("message") or "") if m)
        out.write(json_line(data))
        out.flush()
    return 0


def _service(args, progress=None):
    from .service import Lotse

    return Lotse(args.corpus, progress=progress or (lambda m: print(m, file=sys.stderr)))


def _dispatch(args, parser) -> int:
    if args.command is None:
        # the UI is looked up by name: the core never imports it (see the import-linter contract)
        return importlib.import_module(UI_MODULE).run_app(args.corpus) or 0
    if args.command == "serve":
        if args.public_url and not args.public_url.startswith(("http://", "https://")):
            print(f"Fehler: --public-url „{args.public_url}“ muss mit http:// oder https:// beginnen.", file=sys.stderr)
            return EXIT_USAGE
        return importlib.import_module(SERVE_MODULE).serve(
            args.host, args.port, args.corpus, token=args.token, no_token=args.no_token,
            max_sessions=args.max_sessions, public_url=args.public_url)
    if args.command == "calc":
        name = args.calculator
        try:
            c = CALCS[name][2](args)
        except calc.InputError as exc:
            print(f"Fehler: {exc}", file=sys.stderr)
            return EXIT_USAGE
        service = _service(args, progress=lambda _m: None)
        if args.ics:
            from .calculators.ics import to_ics

            if not c.dates:
                print("Hinweis: Diese Berechnung enthält keine Termine für den Kalender.", file=sys.stderr)
            else:
                try:
                    Path(args.ics).write_bytes(to_ics(c))
                except OSError as exc:
                    print(f"Fehler: Die Datei {args.ics} kann nicht geschrieben werden ({exc.strerror}).", file=sys.stderr)
                    return 1
                print(f"Termine gespeichert in {args.ics}", file=sys.stderr)
        if args.json:
            print(json.dumps(service.calculation_json(c), ensure_ascii=False, indent=2))
        else:
            from .service import Reply

            print(render_reply(Reply("", False, [], c), service), end="")
        return 0
    service = _service(args)
    for err in service.errors:
        print(f"Warnung: {err.path}: {err.problem}", file=sys.stderr)
    if args.command == "index":
        start = time.perf_counter()
        h = service.rebuild()
        seconds = str(round(time.perf_counter() - start, 1)).replace(".", ",")
        print(f"Index aufgebaut: {len(h.store.documents())} Dokumente, {len(h.store)} Abschnitte, {seconds} Sekunden")
        print(f"Ort: {h.location}")
        if h.notice:
            print(h.notice)
        return 0
    if args.command == "ask":
        from .textio import decode_arg, json_text, terminal_safe

        parts = [decode_arg(a) for a in args.question]
        question = " ".join(t for t, _ in parts)
        reply = service.ask(question)
        notice = next((n for _, n in parts if n), "")
        if notice:
            reply.message = " ".join(m for m in (notice, reply.message) if m)
        text = json_text(reply.to_json(service)) + "\n" if args.json else terminal_safe(render_reply(reply, service))
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
        sys.stdout.buffer.flush()
        return 0
    if args.command == "batch":
        return _batch(service)
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
