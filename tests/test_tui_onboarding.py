"""Pilot tests of the glossary and the onboarding path as a new colleague uses them (small terminals, keys)."""
from textual import events
from textual.widgets import Markdown, OptionList

from tui.app import create_app
from tui.widgets.glossary_view import DETAIL_MIN_WIDTH, GlossaryView

from .test_tui import ready


def _index(lotse, term: str) -> int:
    return next(i for i, e in enumerate(lotse.glossary()) if e["term"] == term)


async def _glossary_term(app, pilot, index: int) -> None:
    await pilot.press("f5")
    await pilot.pause()
    app.query_one("#glossary-terms", OptionList).highlighted = index
    await pilot.pause()


def _on_screen(app, widget) -> bool:
    region = widget.region
    return region.height > 0 and app.screen.region.contains_region(region)


async def test_glossary_detail_scrolls_at_80x24_so_the_passages_are_reachable(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        # a long entry: explanation, a ⚠ note and several passages do not fit 20 rows
        await _glossary_term(app, pilot, _index(lotse, "Eingliederungsvereinbarung"))
        detail = app.query_one("#glossary-detail")
        passages = app.query_one("#glossary-passages", OptionList)
        assert detail.max_scroll_y > 0 and not _on_screen(app, passages)
        # the mouse wheel scrolls the pane (over its text)
        text = app.query_one("#glossary-text", Markdown)
        for _ in range(3):
            text.post_message(events.MouseScrollDown(text, 1, 1, 0, 1, 0, False, False, False))
        assert await _until(pilot, lambda: detail.scroll_y > 0)
        # the keyboard too: the pane takes focus (Tab from the terms) and scrolls with Ende / Pos1
        await pilot.press("f5", "tab")
        assert app.focused is detail
        await pilot.press("end")
        assert await _until(pilot, lambda: detail.scroll_y == detail.max_scroll_y and _on_screen(app, passages))
        await pilot.press("home")
        assert await _until(pilot, lambda: detail.scroll_y == 0)
        # Enter on the term brings the list into view
        await pilot.press("shift+tab", "enter")
        assert await _until(pilot, lambda: app.focused is passages and _on_screen(app, passages))


async def _until(pilot, condition, seconds: float = 3.0) -> bool:
    """Whether `condition` holds within `seconds` (a scroll animates; a fixed pause was too short on a loaded machine)."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


def _screen_text(app, widget, within) -> list[str]:
    """The lines the terminal shows of a widget inside the scrolling container `within`."""
    strips = app.screen._compositor.render_strips()
    region = widget.region.intersection(within.region)
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def _words(text: str) -> set[str]:
    strip = "•*#_>⚠▶▌„“”\"'()[]:;,.!?–"
    words = set()
    for w in text.split():
        w = w.strip(strip)
        if w:
            words.add(w)
            parts = w.split("-")  # a line may end after a word's hyphen ("4-Phasen-" / "Modell")
            words.update(p + "-" for p in parts[:-1])
            words.update(parts)
    return words


async def test_enter_opens_a_terms_first_passage_and_words_stay_whole_beside_the_open_side_panel(lotse):
    """Enter on a term chose no passage, so a second Enter did nothing; it now chooses the first, and a
    second Enter opens it. At 120x40 with a passage open, the explanation kept about 20 columns and cut
    words ('Arbeitslosenversich' / 'erung'); the term list narrows instead, its long terms ending in '…'.
    (One app run for both: each run costs seconds.)"""
    from tui.render import glossary_markdown

    app = create_app(service=lotse)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        term = _index(lotse, "Berufsbegleitung")
        await _glossary_term(app, pilot, term)
        await pilot.press("enter")
        await pilot.pause()
        passages = app.query_one("#glossary-passages", OptionList)
        assert app.focused is passages and passages.highlighted == 0
        await pilot.press("enter")
        await ready(app, pilot)
        panel = app.query_one("#source")
        first = passages.get_option_at_index(0).id
        assert panel.has_class("open") and panel.cited == first
        # the next term's Enter starts at its first passage again
        passages.highlighted = 1
        await pilot.press("shift+tab", "shift+tab", "down", "enter")
        await pilot.pause()
        assert app.focused is passages and passages.highlighted == 0
        assert app.query_one("#source").has_class("open")
        view = app.query_one(GlossaryView)
        terms = app.query_one("#glossary-terms", OptionList)
        detail = app.query_one("#glossary-detail")
        assert terms.has_class("narrow") and detail.outer_size.width >= DETAIL_MIN_WIDTH
        broken = {}
        # the entries with the longest words, where a narrow column cuts first (all of them took 16 s)
        longest = sorted(range(len(view.entries)), key=lambda i: -max(map(len, str(view.entries[i]["explanation"]).split())))[:4]
        for index in sorted(longest):
            entry = view.entries[index]
            terms.highlighted = index
            text = app.query_one("#glossary-text", Markdown)
            for _ in range(50):  # the Markdown widget renders its new text a moment later
                await pilot.pause(0.02)
                # its own explanation, not only its term: "Stabi-Phase (Stabilisierungsphase)" names the next term too
                if " ".join(str(entry["explanation"]).split()[:3]) in " ".join(_screen_text(app, text, detail)):
                    break
            used = lotse.passages_using(str(entry["term"])) or lotse.passages_using(str(entry.get("long") or entry["term"]))
            shown = _words(" ".join(_screen_text(app, text, detail)))
            source = glossary_markdown(entry, used)
            cut = shown - _words(source)
            if cut:
                broken[entry["term"]] = sorted(cut)
        assert not broken, broken
        # closed again, the terms have their full width back
        await pilot.press("escape")
        await pilot.pause()
        assert not terms.has_class("narrow") and terms.outer_size.width == view.terms_width


async def test_ctrl_arrows_step_through_the_path_from_the_side_panel_too(lotse):
    from tui.widgets.onboarding_view import FIRST_STEP, LAST_STEP, OnboardingView
    from tui.widgets.source_panel import SourcePanel

    steps = lotse.guide().onboarding
    app = create_app(service=lotse)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f6")
        view = app.query_one(OnboardingView)
        await pilot.press("ctrl+left")  # at the first step: said, not silent
        await pilot.pause()
        assert view.index == 0 and FIRST_STEP in " ".join(n.message for n in app._notifications)
        app.query(".passage").first().focus()
        await pilot.press("enter")
        await ready(app, pilot)
        panel = app.query_one(SourcePanel)
        assert panel.has_class("open") and panel.cited == steps[0].units[0]
        panel.focus()
        await pilot.press("ctrl+right")
        await ready(app, pilot)
        assert view.index == 1 and "Schritt 2 von" in app.query_one("#step-text", Markdown).source
        # the panel follows: it shows the new step's first passage and keeps the focus
        assert panel.cited == steps[1].units[0] and app.focused is panel
        await pilot.press("ctrl+left")
        await ready(app, pilot)
        assert view.index == 0 and panel.cited == steps[0].units[0]
        for _ in range(len(steps)):
            await pilot.press("ctrl+right")
        await ready(app, pilot)
        assert view.index == len(steps) - 1 and LAST_STEP in " ".join(n.message for n in app._notifications)
        # in another tab the keys are the focused widget's again (the question field moves by words)
        await pilot.press("f2")
        field = app.query_one("#question")
        field.value = "Wer zahlt das"
        field.cursor_position = len(field.value)
        await pilot.press("ctrl+left")
        assert view.index == len(steps) - 1 and field.cursor_position == len("Wer zahlt ")
