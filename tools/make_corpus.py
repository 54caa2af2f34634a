"""Turn the raw source documents in ../shared/seeds/ into the curated corpus/*.md files.

Run once by a maintainer (`python tools/make_corpus.py ../shared/seeds corpus`); the
product reads only corpus/. The wording stays verbatim: the script repairs extraction
damage (line-break hyphenation, soft-wrapped lines, '¬', page footers, navigation
remnants) and adds Markdown headings where the source has numbered sections.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

JOIN_WORDS = {"und", "oder", "bzw", "sowie", "bis"}  # "Arbeits- und ..." keeps its hyphen


def dehyphenate(text: str) -> str:
    """Join words split across lines ("Lei-  \\nstungsträger" -> "Leistungsträger")."""

    def repl(m: re.Match) -> str:
        nxt = m.group(2)
        if nxt.split()[0].rstrip(".,;:") in JOIN_WORDS:
            return m.group(1) + "- " + nxt
        return m.group(1) + nxt

    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w+)", repl, text)
    return text.replace("\u00ac", "").replace("\u00ad", "")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines of one paragraph (lines ending in two spaces)."""
    return re.sub(r"[ \t]{2,}\n(?=\S)", " ", text)


def tidy(text: str) -> str:
    text = text.replace("\r\n", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def front_matter(meta: dict) -> str:
    import yaml

    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + dumped + "---\n\n"


# ---------------------------------------------------------------- 000 agreement


def agreement(raw: str) -> str:
    text = raw
    # running page footer that splits § 7 (5) mid-word
    footer = (
        "Kooperationsvereinbarung Mecklenburg-Vorpommern zur Regelung des Übergangs von der "
        "individuellen betrieblichen Qualifizierung (InbeQ) zur Berufsbegleitung im Rahmen "
        "Unterstützter Beschäftigung gemäß § 38a SGB IX"
    )
    text = text.replace("beziehungs-\n\n" + footer + "\n\nweise", "beziehungsweise")
    text = re.sub(r" In[ \t]*\n\ndieser Phase", " In dieser Phase", text)
    text = unwrap(dehyphenate(text))
    text = re.sub(r"^#+ \*\*(.+?)\*\*[ \t]*$", r"\1", text, flags=re.M)
    text = re.sub(r"^#+ (§ .+)$", r"\1", text, flags=re.M)
    title_line, rest = text.strip().split("\n", 1)
    text = "# " + title_line.strip() + "\n\n## Präambel\n\n" + rest
    text = re.sub(r"^(§ \d+ .+)$", r"## \1", text, flags=re.M)
    text = re.sub(r"\n*^- (\(\d+\))", r"\n\n\1", text, flags=re.M)
    text = re.sub(r"^(Zwingend|Optional): ", r"\1: ", text, flags=re.M)
    text = re.sub(r"\n\n(Rostock, 21\.04\.2011)", r"\n\n## Unterzeichnung\n\n\1", text)
    text = re.sub(r"^ +$", "", text, flags=re.M)
    return tidy(text)


# ---------------------------------------------------------------- 001 FAQ


def faq(raw: str) -> str:
    text = dehyphenate(raw)
    text = text.split("\nWeitere Informationen zum Thema Fragen & Antworten")[0]
    text = text.replace("\nNach oben\n", "\n").replace("\n---\n", "\n")
    lines = text.split("\n")
    out: list[str] = ["# Fragen & Antworten zur Unterstützten Beschäftigung", "", "## Vorbemerkung", ""]
    section = None
    for line in lines[1:]:
        s = line.rstrip()
        if re.match(r"^A\. Personal \[", s) or re.match(r"^B\. Personal \[", s):
            section = s[0]
            out += [f"## {s}", ""]
            continue
        if s == "Ausgangssituation laut Vergabeunterlagen:" and section in "AB" and section and not out[-2].startswith("### A.3"):
            if not any(l.startswith(f"### {section}. Ausgangssituation") for l in out):
                out += [f"### {section}. Ausgangssituation laut Vergabeunterlagen", ""]
                continue
        if s == "Es folgen weitere Fragen zu verschiedenen Themen:":
            section = "C"
            out += ["## Weitere Fragen zu verschiedenen Themen", ""]
            continue
        m = re.match(r"^((?:[AB]\.\d+\.?)|\d+\.|Sonderfrage)\s*(-|–)?\s*(Frage.*|Thema.*)$", s)
        if m and ("frage" in s.lower()) and not line.startswith(" "):
            out += [f"### {s.rstrip(':')}", ""]
            continue
        s = re.sub(r"^\s*•\s+", "- ", s)
        out.append(s)
    return tidy("\n".join(out))


# ---------------------------------------------------------------- 002 concept


def concept(raw: str) -> str:
    text = dehyphenate(raw)
    toc_start = text.index("Inhaltsverzeichnis")
    toc_end = text.index("\n1. Das 4-Phasen-Modell im Überblick\n", toc_start + 200)
    toc = text[toc_start:toc_end]
    headings = []
    for line in toc.splitlines()[1:]:
        line = re.sub(r"[.\s]*\t?\d+\s*$", "", line.strip()).rstrip(". ")
        if re.match(r"^\d", line):
            headings.append(line)
    head = text[:toc_start]
    body = text[toc_end:]
    for h in headings:
        level = 2 + h.split()[0].rstrip(".").count(".")
        body = re.sub(r"^" + re.escape(h) + r"[ \t]*$", "#" * level + " " + h, body, count=1, flags=re.M)
    body = re.sub(r"^(Anlage \d – .+)$", r"## \1", body, flags=re.M)
    # Annex 2: one option a line -> list; Annex 3: tab table -> Markdown table
    def annex2(m: re.Match) -> str:
        items = [l for l in m.group(2).strip().splitlines() if l.strip()]
        return m.group(1) + "\n\n" + "\n".join(f"- {i.strip()}" for i in items) + "\n\n"

    body = re.sub(r"(## Anlage 2 – .+?\n\nZieloptionen)\n(.+?)\n\n(?=## Anlage 3)", annex2, body, flags=re.S)

    def annex3(m: re.Match) -> str:
        rows = [r.split("\t") for r in m.group(2).strip().splitlines()]
        md = ["| " + " | ".join(c.strip() for c in rows[0]) + " |", "| --- | --- | --- |"]
        group = ""
        for r in rows[1:]:
            r = (r + ["", "", ""])[:3]
            group = r[0].strip() or group
            md.append("| " + " | ".join([r[0].strip(), r[1].strip(), r[2].strip()]) + " |")
        return m.group(1) + "\n\n" + "\n".join(md) + "\n"

    body = re.sub(r"(## Anlage 3 – [^\n]+)\n\n(.+)$", annex3, body, flags=re.S)
    body = re.sub(r"\[ANLAGE (\d)\]\(#\)", r"Anlage \1", body)
    title = "Das arbeitnehmerorientierte Integrationskonzept der Bundesagentur für Arbeit (SGB II und SGB III)"
    impressum = "## Impressum\n\n14.06.2023\n\nZentrale der Bundesagentur für Arbeit\n\nAM33\n\nRegensburger Str. 104, 90478 Nürnberg\n\n"
    assert title in head
    return tidy(f"# {title}\n\n" + impressum + body)


# ---------------------------------------------------------------- 003 Jobcoaching


def jobcoaching(raw: str) -> str:
    text = unwrap(dehyphenate(raw))
    text = re.sub(r"^(#+) \*\*(.+?)\*\*:?[ \t]*$", r"\1 \2", text, flags=re.M)
    text = re.sub(r"^#+ (\d\.(?:\d\.?)* .+)$", lambda m: "#" * (2 + m.group(1).split()[0].rstrip(".").count(".")) + " " + m.group(1), text, flags=re.M)
    text = re.sub(r"^#+ (Beispielhafter Prozess.+)$", r"## \1", text, flags=re.M)
    text = re.sub(r"^#+ ([AB]\. .+)$", r"### \1", text, flags=re.M)
    # numbered items 1.1-1.3 become subsections of section 1
    text = re.sub(r"^- (1\.\d)\. ", r"\n### \1\n\n", text, flags=re.M)
    text = re.sub(r"^#+ Präambel$", "## Präambel", text, flags=re.M)
    # the title block: heading plus bold lines up to the date
    m = re.search(r"# (Gemeinsame Grundsätze.+?)\n\n(.+?)\n\n\*\*(vom 19\.11\.2024)\*\*", text, flags=re.S)
    assert m, "title block"
    sub = re.sub(r"\s+", " ", m.group(2).replace("*", "")).strip()
    text = text[: m.start()] + f"# {m.group(1)}\n\n{sub}\n\n{m.group(3)}" + text[m.end():]
    return tidy(text)


# ---------------------------------------------------------------- 004 work instruction


def instruction(raw: str) -> str:
    text = dehyphenate(raw)
    head, rest = text.split("Arbeitsanleitung Nr. 103", 1)
    meta_lines = [l.split("\t") for l in head.strip().splitlines()]
    meta_md = "\n".join(f"- {k.strip()} {v.strip()}" for k, v in meta_lines)
    intro, rest = rest.split("Ablauf einer Maßnahmebetreuung (MB)", 1)
    table, annexes = rest.split("\nAnlage 1\n", 1)
    title = intro.strip().split("\n", 1)[0]
    intro_body = intro.strip().split("\n", 1)[1]
    rows = []
    for line in table.strip().splitlines():
        cells = line.split("\t")
        if not line.strip():
            continue
        if cells[0] == "" and len(cells) > 1 and cells[1].strip().startswith("Aufgaben MB"):
            continue
        cells = (cells + ["", "", ""])[:3]
        if cells[0].strip() == "" and rows:  # continuation of the previous step
            prev = rows[-1]
            prev[1] = (prev[1] + " " + cells[1].strip()).strip()
            prev[2] = (prev[2] + " " + cells[2].strip()).strip()
            continue
        rows.append([c.strip() for c in cells])
    groups = [
        ("Vor Maßnahmebeginn (Schritte 1 bis 5)", lambda n: n in {"1", "2", "3a", "3b", "4", "5a", "5b"}),
        ("Maßnahmebeginn und Besuch beim Träger (Schritte 6 bis 9)", lambda n: n in {"6", "7", "8", "9"}),
        ("Laufende Betreuung und Beschwerden (Schritte 10 bis 15)", lambda n: n in {"10", "11", "12", "13", "14", "15"}),
        ("Optionen, Neuausschreibung und Abschluss (Schritte 16 bis 19)", lambda n: n in {"16", "17", "18", "19"}),
    ]
    parts = [f"# Arbeitsanleitung Nr. 103: {title}", "", "## Kopfdaten", "", meta_md, "",
             "## Maßnahmebetreuung: Aufgaben und Zuordnung", "", intro_body.strip(), "",
             "## Ablauf einer Maßnahmebetreuung (MB)", ""]
    for name, pick in groups:
        parts += [f"### Ablauf: {name}", "", "| Nr. | Aufgaben MB | Aufgaben Team X915 ILC |", "| --- | --- | --- |"]
        for r in rows:
            num = re.sub(r"\s.*", "", r[0])
            label = r[0].replace("„ ", "„").replace(" “", "“").replace("<u>", "").replace("</u>", "")
            if pick(num):
                parts.append("| " + " | ".join([label, r[1].replace("|", "/"), r[2].replace("|", "/")]) + " |")
        parts.append("")
    annex1, annex2 = annexes.split("\nAnlage 2\n", 1)
    annex1 = annex1.strip()
    assert annex1.startswith("Besetzungssteuerung")
    a1_body = annex1[len("Besetzungssteuerung"):].strip()
    a1_main, a1_quota = a1_body.split("Zur Berechnung der Kontingente", 1)
    parts += ["## Anlage 1: Besetzungssteuerung", "", a1_main.strip(), "",
              "### Anlage 1: Berechnung der Kontingente", "", "Zur Berechnung der Kontingente" + a1_quota.rstrip(), ""]
    form = [l.split("\t")[0].strip() for l in annex2.strip().splitlines() if l.strip()]
    parts += ["## Anlage 2: Dokumentation des Maßnahmebesuchs (Vordruck)", "",
              "Felder des Vordrucks:", ""] + [f"- {f}" for f in form] + [""]
    text = "\n".join(parts)
    text = text.replace("<u>", "").replace("</u>", "")
    return tidy(text)


DOCS = {
    "000": ("mv-kooperationsvereinbarung.md", agreement, {
        "id": "mv-koop",
        "title": "Kooperationsvereinbarung zur Regelung des Übergangs von der InbeQ zur Berufsbegleitung (Mecklenburg-Vorpommern)",
        "short_title": "Kooperationsvereinbarung M-V",
        "issuer": "Regionaldirektion Nord der Bundesagentur für Arbeit und Land Mecklenburg-Vorpommern (Integrationsamt)",
        "region": "Mecklenburg-Vorpommern",
        "date": "2011-04-21",
        "valid_from": "2011-04-15",
        "valid_until": "2014-04-14",
        "kind": "agreement",
        "original_file": "000_b6fda00c83d31a50.txt",
    }),
    "001": ("bagub-fragen-antworten.md", faq, {
        "id": "bagub-faq",
        "title": "Fragen & Antworten zur Maßnahme Unterstützte Beschäftigung (BAG UB)",
        "short_title": "BAG UB Fragen & Antworten",
        "issuer": "Bundesarbeitsgemeinschaft für Unterstützte Beschäftigung (BAG UB)",
        "region": "Bund",
        "date": "2020-03",
        "kind": "faq",
        "original_file": "001_8d6966759db56671.txt",
    }),
    "002": ("ba-integrationskonzept.md", concept, {
        "id": "ba-integrationskonzept",
        "title": "Das arbeitnehmerorientierte Integrationskonzept der Bundesagentur für Arbeit (SGB II und SGB III)",
        "short_title": "BA-Integrationskonzept (4-Phasen-Modell)",
        "issuer": "Zentrale der Bundesagentur für Arbeit",
        "region": "Bund",
        "date": "2023-06-14",
        "kind": "concept",
        "original_file": "002_149356068fc3e307.txt",
    }),
    "003": ("bw-jobcoaching-grundsaetze.md", jobcoaching, {
        "id": "bw-jobcoaching",
        "title": "Gemeinsame Grundsätze für das Jobcoaching als zusätzliche Individualleistung (Baden-Württemberg)",
        "short_title": "Jobcoaching-Grundsätze Baden-Württemberg",
        "issuer": "Vertragsparteien des Landesrahmenvertrags (LRV) Baden-Württemberg",
        "region": "Baden-Württemberg",
        "date": "2024-11-19",
        "kind": "guideline",
        "original_file": "003_cada7a314c40c546.txt",
    }),
    "004": ("jc-arbeitsanleitung-103.md", instruction, {
        "id": "jc-aa-103",
        "title": "Arbeitsanleitung Nr. 103: Betreuung von Maßnahmen zur Aktivierung und beruflichen Eingliederung (Maßnahmebetreuung)",
        "short_title": "Jobcenter-Arbeitsanleitung Nr. 103",
        "issuer": "Jobcenter, Integrationsleistungszentrum (ILC)",
        "region": "nicht angegeben",
        "date": "2015-11-30",
        "valid_from": "2015-11-30",
        "kind": "instruction",
        "original_file": "004_1a20e9f8339c5d60.txt",
    }),
}


def main(argv: list[str]) -> None:
    seeds, target = Path(argv[1]), Path(argv[2])
    for prefix, (name, convert, meta) in DOCS.items():
        src = next(seeds.glob(prefix + "_*.txt"))
        body = convert(src.read_text(encoding="utf-8"))
        (target / name).write_text(front_matter(meta) + body, encoding="utf-8")
        print(f"{src.name} -> {target / name}")


if __name__ == "__main__":
    main(sys.argv)
