"""Opening a source never crashes: every built-in unit, and provider documents with any heading."""
import asyncio
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st
from textual.app import App, ComposeResult

from knowledge.corpus import parse_document, split_units
from tui.app import create_app
from tui.widgets.document_browser import DocumentBrowser
from tui.widgets.source_panel import SourcePanel

from .test_tui import ready


async def test_every_unit_of_every_builtin_document_opens_in_the_side_panel(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        panel = app.query_one(SourcePanel)
        opened = 0
        for doc in lotse.documents():
            for unit in lotse.units_of(doc.id):
                await app.open_source(unit.id)
                assert panel.has_class("open") and panel.doc_id == doc.id and panel.cited == unit.id
                cited = panel.query(".cited")
                assert len(cited) == 1 and cited.first().id.isascii()
                opened += 1
            await pilot.pause()
        assert app.is_running and opened == len(lotse.handle.store)


async def test_document_tree_opens_sections_with_umlauts_in_their_headings(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        tree = app.query_one(DocumentBrowser)
        leaf = next(n for doc in tree.root.children for n in doc.children if "Präambel" in str(n.label))
        tree.post_message(DocumentBrowser.NodeSelected(leaf))
        await pilot.pause(0.2)
        panel = app.query_one(SourcePanel)
        assert app.is_running and panel.cited == leaf.data and "Präambel" in lotse.unit(leaf.data).title


class PanelApp(App):
    def compose(self) -> ComposeResult:
        yield SourcePanel(id="source")


HEADING = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HEADING, min_size=1, max_size=4))
@example(["\U0001e950"])  # an Adlam digit: a Unicode digit, not an ASCII one
@example(["(\u0663) Absatz", "§ \u0665"])
def test_provider_document_with_any_unicode_headings_opens_every_unit(tmp_path_factory, headings):
    path: Path = tmp_path_factory.mktemp("eigene") / "leitfaden.md"
    body = "".join(f"## {h}\n\nText zum Abschnitt {i}.\n\n" for i, h in enumerate(headings))
    path.write_text(f"---\nid: eigener-leitfaden\ntitle: Leitfaden\nissuer: Träger\nregion: Bund\n"
                    f"date: 2025-01-01\nkind: guideline\n---\n\n# Leitfaden\n\n{body}", encoding="utf-8")
    doc = parse_document(path)
    units = split_units(doc)
    assert all(u.id.isascii() for u in units) and len({u.id for u in units}) == len(units)

    async def open_all():
        app = PanelApp()
        async with app.run_test(size=(80, 24)) as pilot:
            panel = app.query_one(SourcePanel)
            for u in units:
                await panel.show(doc, units, u.id, dt.date(2026, 1, 1))
                assert panel.cited == u.id and len(panel.query(".cited")) == 1
            await pilot.pause()
            assert app.is_running

    asyncio.run(open_all())


async def test_files_with_problems_stay_listed_in_the_document_tree(provider_dir, monkeypatch, tmp_path):
    """The notice at start goes after a while; the tree (F4) keeps every problem with its path."""
    from assistant.service import Lotse

    from .conftest import STUB_LEMMAS

    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "cache"))
    (provider_dir / "kaputt.md").write_text("# ohne Kopf\n\n## A\n\nText\n", encoding="utf-8")
    service = Lotse([str(provider_dir)], lemma_source=STUB_LEMMAS)
    app = create_app(service=service)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        first = app.query_one(DocumentBrowser).root.children[0]
        assert str(first.label) == "⚠ Dateien mit Fehlern (1)"
        assert [str(n.label) for n in first.children] == [
            f"{provider_dir / 'kaputt.md'}: Der Kopf (Front Matter zwischen zwei Zeilen „---“) fehlt."]
