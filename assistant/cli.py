"""Command line: `lotse` (UI), `lotse ask`, `lotse batch`, `lotse calc`, `lotse index`, `lotse serve`, `lotse web`."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import errno
import importlib
import io
import json
import os
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

from knowledge.safeyaml import os_reason

from . import calculators as calc
from . import presenter
from .calculators.registry import REGISTRY, CalculatorSpec, Field, parse_value

EXIT_USAGE = 2
UI_MODULE = "tui.app"
SERVE_MODULE = "tui.serve"


GERMAN = {
    "usage: ": "Aufruf: ",
    "options": "Optionen",
    "positional arguments": "Angaben",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "show program's version number and exit": "Versionsnummer anzeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option %(option)s: passt zu %(matches)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "ignored explicit argument %r": "überzähliger Wert „%s“",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: „%(value)s“",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl „%(value)s“ (möglich: %(choices)s)",
    "not allowed with argument %s": "nicht zusammen mit %s möglich",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unbekannter Befehl „%(parser_name)s“ (möglich: %(choices)s)",
}
_english = argparse._


def _german(message: str) -> str:
    return GERMAN.get(message, _english(message))


argparse._ = _german  # argparse looks its texts up through this module-level gettext at run time


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("ub-lotse")
    except Exception:  # noqa: BLE001 - not installed as a package (run from a checkout)
        return "0.1.0"


class _VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked (importlib.metadata costs
    about 30 ms of every start otherwise)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"UB-Lotse {_version()}")
        parser.exit()


class GermanParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)  # "--teiln" is not silently read as "--teilnehmende"
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        self._given = list(sys.argv[1:] if args is None else args)
        parsed = super().parse_known_args(args, namespace)
        # a value given twice ("--monat 3 --monat 14"; QA 22: the last had silently won); lists ("--teilnehmende 3
        # --teilnehmende 6") and switches may repeat
        single = {o: a for a in self._actions if type(a) is argparse._StoreAction for o in a.option_strings}
        named = [t.split("=", 1)[0] for t in self._given if t.startswith("--")]
        twice = next((o for o in dict.fromkeys(named) if o in single and named.count(o) > 1), None)
        if twice is not None:
            self.error(f"{twice}: bitte nur einmal angeben")
        return parsed

    def _unknown_flags(self) -> list[str]:
        known = {o for action in self._actions for o in action.option_strings}
        flags = [t.split("=", 1)[0] for t in getattr(self, "_given", []) if t.startswith("--")]
        return [f for f in flags if f not in known]

    def error(self, message: str):  # noqa: D401 - argparse API
        target = self._named_subparser()
        target.print_usage(sys.stderr)
        unknown = re.match(r"unbekannte Angaben: (.+)", message)
        tokens = unknown.group(1).split() if unknown else self._unknown_flags()
        if tokens:  # a mistyped flag also explains a "missing" required one
            message = "; ".join(target._explain_unknown(token) for token in tokens[:3])
        # internal names as the user knows them ("question" -> "Frage", "calculator" -> "Rechner"), but not inside
        # quotes, where argparse repeats what the user typed (QA 22: "lotse calculators" had become „Rechners“)
        parts = re.split(r"('[^']*'|„[^“]*“)", message)
        message = "".join(p if i % 2 else re.sub(r"\bquestion\b", "Frage", p).replace("calculator", "Rechner")
                          .replace("command", "Befehl") for i, p in enumerate(parts))
        # argparse lists choices as Python reprs ('personal', 'kuendigung'): German quotation marks instead
        message = re.sub(r"'([^'\s]+)'", r"„\1“", message)
        self.exit(EXIT_USAGE, f"Aufruf fehlerhaft: {message}\nHilfe: {target.prog} --help\n")

    def _named_subparser(self) -> "GermanParser":
        """The deepest subcommand named on the command line (its help is the one to point to)."""
        parser = self
        for token in getattr(self, "_given", []):
            choices = {name: p for sp in parser._subparsers_of() for name, p in sp.items()}
            if token in choices:
                parser = choices[token]
        return parser

    def _flags(self) -> list[str]:
        return [o for action in self._actions for o in action.option_strings if o.startswith("--")]

    def _explain_unknown(self, token: str) -> str:
        if not token.startswith("-"):
            if self.prog.endswith(" batch"):  # a file named where its lines are read (QA 22)
                return f"unbekannte Angabe „{token}“; die Fragen kommen zeilenweise über die Eingabe: {self.prog} < {token}"
            return f"unbekannte Angabe „{token}“"
        flag = token.split("=", 1)[0]
        # a global option after the command ("lotse ask --corpus ORDNER …"; QA 22): it belongs before it
        if flag in ("--corpus", "--version") and flag not in self._flags():
            return f"unbekannte Option {flag}; sie steht vor dem Befehl: lotse {flag} … {self.prog.split(' ', 1)[-1]} …"
        if flag in self._flags():  # known here, but given before the name ("lotse calc --json personal …"; QA 22)
            return f"Option {flag} an falscher Stelle; sie steht nach dem Namen: {self.prog} {flag} …"
        close = difflib.get_close_matches(flag, self._flags(), n=1, cutoff=0.6)
        return f"unbekannte Option {flag}" + (f"; gemeint: {close[0]}?" if close else "")

    def _subparsers_of(self):
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                yield action.choices


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl.") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: negative Werte sind nicht möglich.")
    return value


def workers(text: str) -> int:
    value = count(text)
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"{value}: bitte 1 bis 64 Worker angeben.")
    return value


def field_type(f: Field):
    """The argparse type of a spec field: the forms' parse_value, with its German message."""
    # an empty value of an optional field is the field left empty ("--datum ''": today, as its help says; QA 22:
    # "Bitte ausfüllen"); a counts option takes "5", "5; 6" or "5, 6", may be repeated, and needs a value
    single = replace(f, required=True) if f.kind == "counts" else f

    def parse(text: str):
        try:
            return parse_value(single, text, dt.date.today())
        except calc.InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    parse.__name__ = f.kind  # argparse names the type in some messages
    return parse


def add_spec_options(cp: argparse.ArgumentParser, spec: CalculatorSpec) -> None:
    """CLI options generated from a calculator spec (today's flags are the fields' `flag`s)."""
    for f in spec.fields:
        dest = f.name
        if f.flags:  # a choice offered as exclusive switches, e.g. --modular / --nicht-modular
            group = cp.add_mutually_exclusive_group()
            for option, choice in f.flags:
                # the value the calculator receives, as from a form: "nein" means False, not a true string
                value = dict(f.meanings)[choice] if f.meanings else choice
                group.add_argument(option, dest=dest, action="store_const", const=value, help=dict(f.choices)[choice])
            continue
        if f.kind == "flag":
            cp.add_argument(f.option, dest=dest, action="store_true", help=f.cli_help)
            continue
        kw = dict(dest=dest, type=field_type(f), help=f.cli_help, metavar=f.option.lstrip("-").upper().replace("-", "_"))
        if f.kind == "counts":
            kw["action"] = "extend"
        if f.kind == "choice" and not f.meanings:
            kw["metavar"] = "{" + ",".join(v for v, _ in f.choices) + "}" if len(f.choices) <= 4 else kw["metavar"]
        cp.add_argument(f.option, required=f.required and not f.default, **kw)


def run_spec(spec: CalculatorSpec, args: argparse.Namespace, today: dt.date) -> calc.Calculation:
    values = {}
    for f in spec.fields:
        given = getattr(args, f.name, None)
        values[f.name] = parse_value(f, f.default, today) if given is None and f.kind != "flag" else given
    return spec.run(values, today)


def corpus_folder(text: str) -> str:
    """A folder named by --corpus; an empty name is no folder (QA 27: "--corpus ''" had searched the current one)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("braucht einen Ordnernamen (leer ist kein Ordner).")
    return text


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


def build_parser() -> GermanParser:
    p = GermanParser(prog="lotse", description="UB-Lotse: Antworten und Rechner zur Unterstützten Beschäftigung. Ohne Befehl startet die Oberfläche.")
    p.add_argument("--version", action=_VersionAction, help="Versionsnummer anzeigen und beenden")
    p.add_argument("--corpus", action="append", default=[], type=corpus_folder, metavar="ORDNER", help="zusätzlicher Dokumentenordner (auch LOTSE_CORPUS)")
    sub = p.add_subparsers(dest="command", parser_class=GermanParser, title="Befehle", metavar="BEFEHL")
    a = sub.add_parser("ask", help="eine Frage beantworten")
    a.add_argument("question", nargs="+", metavar="FRAGE", help="die Frage in Anführungszeichen")
    a.add_argument("--json", action="store_true", help="Antwort als JSON")
    sub.add_parser("batch", help="Fragen zeilenweise von stdin, JSON-Zeilen auf stdout")
    sub.add_parser("index", help="Index neu aufbauen")
    s = sub.add_parser("serve", help="Oberfläche im Browser bereitstellen")
    s.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1, nur dieser Rechner; 0.0.0.0: alle Netzwerke)")
    s.add_argument("--port", type=port_number, default=8000, help="Port 1–65535 (Standard: 8000)")
    s.add_argument("--max-sessions", type=session_count, default=8, metavar="N", help="höchstens N Sitzungen gleichzeitig (Standard: 8)")
    # one or the other (QA 22: "--token abc --no-token" had quietly let everyone in)
    access = s.add_mutually_exclusive_group()
    access.add_argument("--token", metavar="SCHLÜSSEL", help="Zugangsschlüssel (ohne Angabe wird für Adressen außer 127.0.0.1 einer erzeugt)")
    access.add_argument("--no-token", action="store_true", help="keinen Zugangsschlüssel verlangen (nicht empfohlen im Netzwerk)")
    s.add_argument("--public-url", metavar="URL", help="Adresse, unter der Browser den Server erreichen (z. B. http://lotse.traeger.de:8000)")
    w = sub.add_parser("web", help="Webseite und JSON-API bereitstellen",
                       epilog="JSON-API: POST /api/ask mit {\"question\": \"…\"}, POST /api/calc/RECHNER, GET /api/units/ID, "
                              "GET /healthz; beschrieben unter GET /api/openapi.json.")
    w.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1, nur dieser Rechner)")
    w.add_argument("--port", type=port_number, default=8000, help="Port, 1 bis 65535 (Standard: 8000)")
    w.add_argument("--workers", type=workers, default=1, help="Anzahl der Worker-Prozesse (Standard: 1)")
    w.add_argument("--log-questions", action="store_true", help="Fragen und Aufrufe protokollieren (Standard: aus)")
    c = sub.add_parser("calc", help="Rechner direkt aufrufen", description="Rechner direkt aufrufen; Hilfe zu einem Rechner: lotse calc RECHNER --help")
    csub = c.add_subparsers(dest="calculator", parser_class=GermanParser, required=True, title="Rechner", metavar="RECHNER")
    for name, spec in REGISTRY.items():
        cp = csub.add_parser(name, help=spec.title, description=f"{spec.title}. Beispielfrage: „{spec.example}“")
        add_spec_options(cp, spec)
        cp.add_argument("--json", action="store_true", help="Ergebnis als JSON")
        cp.add_argument("--ics", metavar="DATEI", help="berechnete Termine als neue iCalendar-Datei speichern, eine vorhandene Datei bleibt unberührt (- : auf die Ausgabe)")
    return p


def render_reply(reply, service) -> str:
    """The reply as terminal text; the wording lives in assistant.presenter (shared with the UI)."""
    labels = [service.source_label(r) for r in reply.calculation.rules] if reply.calculation else []
    return presenter.reply_text(reply, labels)


def _usable_streams() -> bool:
    """Make the standard streams safe to write: a closed one (">&-") is replaced by the null device, and text printed
    to a stream whose encoding cannot write German ("PYTHONIOENCODING=ascii") goes out as UTF-8, as `ask` and `batch`
    write it (QA 22: tracebacks). False when standard output was closed: nothing can be delivered."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - read until the process ends
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    delivered = sys.stdout is not None
    if not delivered:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        try:
            "äöüß€„“".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8", errors="replace")
    return delivered


def _quiet_stdout() -> None:
    """After a failed write, point standard output at the null device, so the interpreter's last flush fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not _usable_streams():
        print("Fehler: Die Standardausgabe ist geschlossen; es kann nichts ausgegeben werden.", file=sys.stderr)
        return 1
    parser = build_parser()
    try:
        return _dispatch(parser.parse_args(argv), parser)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:  # standard output on a full disk ("> /dev/full"), or gone
        _quiet_stdout()
        output = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF)
        print(f"Fehler: Die Ausgabe kann nicht geschrieben werden ({os_reason(exc)})." if output
              else f"Fehler bei der Ein- oder Ausgabe: {os_reason(exc)}.", file=sys.stderr)
        return 1


def _input_lines(stream):
    """The lines of the batch input as bytes: a file in UTF-16 with its byte order mark (Windows Editor's "Unicode")
    re-encoded as UTF-8, and lines ended by a carriage return alone (old Mac files) parted (QA 22)."""
    if hasattr(stream, "peek") and stream.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline=None)
        for line in text:
            yield line.rstrip("\n").encode("utf-8")
        return
    for raw in stream:
        body = raw.rstrip(b"\n").rstrip(b"\r")
        if b"\r" in body:
            yield from body.split(b"\r")
        else:
            yield raw


def _batch(service) -> int:
    """Questions line by line from stdin (bytes, any encoding), exactly one UTF-8 JSON line out per line in."""
    from .textio import decode_line, json_line

    out = sys.stdout.buffer
    settled = False
    for raw in _input_lines(sys.stdin.buffer):
        question, notice = decode_line(raw)
        try:
            data = service.ask(question).to_json(service)
            if not settled:  # the index is loaded now
                service.settle()
                settled = True
        except Exception:  # one bad line must not end the run or lose the lines after it
            data = {"question": question, "abstained": True, "answers": [], "calculation": None,
                    "message": "Diese Frage konnte wegen eines internen Fehlers nicht beantwortet werden.",
                    "suggestions": [], "corrections": {}, "error": "interner Fehler"}
        if notice:
            data["message"] = " ".join(m for m in (notice, data.get("message") or "") if m)
        out.write(json_line(data))
        out.flush()
    return 0


NO_TERMINAL = ("Die Oberfläche braucht ein Terminal (Ein- und Ausgabe sind umgeleitet). "
               "Für Fragen ohne Terminal: lotse ask \"Ihre Frage\" oder lotse batch (eine Frage je Zeile).")


def _has_terminal() -> bool:
    """Whether the full-screen UI can run: a terminal on both ends, or textual-serve's web driver
    (`lotse serve` runs the UI with pipes and sets TEXTUAL_DRIVER). Without one the UI would spin,
    drawing into a pipe that nobody reads."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.stdout.isatty()


def _asks_something(words: list[str]) -> bool:
    """Whether `lotse ask` was given a question: not empty, nor only control characters or escape sequences."""
    from .service import clean_question

    return bool(clean_question(" ".join(words))[0])


def _service(args, progress=None):
    from .service import Lotse

    return Lotse(args.corpus, progress=progress or (lambda m: print(m, file=sys.stderr)))


def _dispatch(args, parser) -> int:
    if args.command is None:
        if not _has_terminal():
            print(NO_TERMINAL, file=sys.stderr)
            return EXIT_USAGE
        # the UI is looked up by name: the core never imports it (see the import-linter contract)
        return importlib.import_module(UI_MODULE).run_app(args.corpus) or 0
    if args.command == "serve":
        if args.public_url and not args.public_url.startswith(("http://", "https://")):
            print(f"Fehler: --public-url „{args.public_url}“ muss mit http:// oder https:// beginnen.", file=sys.stderr)
            return EXIT_USAGE
        return importlib.import_module(SERVE_MODULE).serve(
            args.host, args.port, args.corpus, token=args.token, no_token=args.no_token,
            max_sessions=args.max_sessions, public_url=args.public_url)
    if args.command == "web":
        from .web.server import serve

        return serve(args.host, args.port, args.workers, args.corpus, args.log_questions)
    if args.command == "calc":
        name = args.calculator
        try:
            c = run_spec(REGISTRY[name], args, dt.date.today())
        except calc.InputError as exc:
            print(f"Fehler: {exc}\nHilfe: lotse calc {name} --help", file=sys.stderr)
            return EXIT_USAGE
        if args.ics is not None and not args.ics.strip():
            print(f"Aufruf fehlerhaft: --ics braucht einen Dateinamen (oder - für die Ausgabe).\nHilfe: lotse calc {name} --help",
                  file=sys.stderr)
            return EXIT_USAGE
        if args.ics == "-" and args.json:  # both on standard output: the JSON had been left out without a word (QA 27)
            print(f"Aufruf fehlerhaft: --json und --ics - schließen sich aus, beide schreiben auf die Ausgabe; für beides "
                  f"--ics DATEI angeben.\nHilfe: lotse calc {name} --help", file=sys.stderr)
            return EXIT_USAGE
        service = _service(args, progress=lambda _m: None)
        failed = 0
        if args.ics:
            from .calculators.ics import to_ics

            if not c.dates:
                print("Hinweis: Diese Berechnung enthält keine Termine für den Kalender.", file=sys.stderr)
                if args.ics == "-":  # standard output was asked for a calendar: no text in its place ("> termine.ics")
                    return 1
                failed = 1  # the result is shown, but the file asked for was not written (QA 22: exit code 0)
            elif args.ics == "-":  # the calendar itself on standard output, as usual for "-"
                sys.stdout.buffer.write(to_ics(c))
                return 0
            else:
                try:
                    # a new file only: a file of the same name is never overwritten (QA 27: "--ics notes.md" had
                    # replaced the user's notes with the calendar)
                    if Path(args.ics).is_dir():
                        raise IsADirectoryError(errno.EISDIR, args.ics)
                    with Path(args.ics).open("xb") as out:
                        out.write(to_ics(c))
                except FileExistsError:
                    print(f"Fehler: Die Datei {args.ics} gibt es schon; sie wird nicht überschrieben. Bitte einen neuen "
                          f"Dateinamen angeben oder die alte Datei vorher löschen.", file=sys.stderr)
                    return 1
                except OSError as exc:
                    print(f"Fehler: Die Datei {args.ics} kann nicht geschrieben werden ({os_reason(exc)}).", file=sys.stderr)
                    return 1
                print(f"Termine gespeichert in {args.ics}", file=sys.stderr)
        if args.json:
            print(json.dumps(service.calculation_json(c), ensure_ascii=False, indent=2))
        else:
            from .service import Reply

            print(render_reply(Reply("", False, [], c), service), end="")
        return failed
    if args.command == "ask" and not _asks_something(args.question):
        print("Aufruf fehlerhaft: Die Frage ist leer.\nHilfe: lotse ask --help", file=sys.stderr)
        return EXIT_USAGE
    service = _service(args)
    start = time.perf_counter()  # `service.errors` below opens (builds) the index: `lotse index` times it
    problems = service.errors
    for err in problems:
        print(f"Warnung: {err.path}: {err.problem}", file=sys.stderr)
    if args.command == "index":
        h = service.rebuild()
        seconds = str(round(time.perf_counter() - start, 1)).replace(".", ",")
        print(f"Index aufgebaut: {len(h.store.documents())} Dokumente, {len(h.store)} Abschnitte, {seconds} Sekunden")
        print(f"Ort: {h.location}")
        if h.notice:
            print(h.notice)
        if problems:  # a provider can check a folder in a script: built, but not everything could be read
            print(f"{len(problems)} {'Problem' if len(problems) == 1 else 'Probleme'} mit Dateien oder Ordnern (siehe Warnungen); "
                  "der Index enthält alles Übrige.", file=sys.stderr)
            return 1
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
