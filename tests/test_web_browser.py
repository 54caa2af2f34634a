"""`lotse web` in real headless Chromium: a question typed and answered, a calculator filled
and its .ics downloaded, axe-core without serious or critical violations, and no horizontal
scrolling on a 360×740 phone (a screenshot is kept in tests/artifacts/, git-ignored).

One server and one browser for the module, few page loads. Skipped, with the reason, when
Chromium, ChromeDriver, Selenium or axe-selenium-python are missing (`make browser`).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .browser_support import chrome_options, chromium, wait_for

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium ist nicht installiert")
axe_module = pytest.importorskip("axe_selenium_python", reason="axe-selenium-python ist nicht installiert")
pytestmark = pytest.mark.browser  # placed in the run by conftest: `make test` installs Chromium meanwhile

from .web_support import running_server  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
URLAUB = "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"


@pytest.fixture(scope="module")
def site(lotse, tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    from assistant.web.app import create_app

    binary, chromedriver = chromium()
    downloads = tmp_path_factory.mktemp("downloads")
    options = chrome_options(binary, tmp_path_factory.mktemp("chromium-profile"), window="1200,900", downloads=downloads)
    with running_server(create_app(lotse)) as base:
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        try:
            driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
            yield driver, base, downloads
        finally:
            driver.quit()


def serious_violations(driver) -> list[str]:
    axe = axe_module.Axe(driver)
    axe.inject()
    results = axe.run()
    return [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def test_question_calculator_ics_and_accessibility(site):
    from selenium.webdriver.common.by import By

    driver, base, downloads = site
    driver.get(base + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert serious_violations(driver) == [], "start page"

    box = driver.find_element(By.ID, "q")
    box.send_keys(URLAUB)
    driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]").click()
    answer = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "section.reply"))
    assert answer, "no answer in the page"
    text = answer[0].text
    assert "Kurz:" in text and "unterweisungsfreie" in text
    # the answer's address holds the question (bookmark, share), and the focus is on its heading:
    # a screen reader goes on with the answer, not with the menu and the form
    assert "q=Haben+Teilnehmer" in driver.current_url and driver.current_url.endswith("#antwort-titel")
    assert driver.execute_script("return document.activeElement.id") == "antwort-titel"
    assert serious_violations(driver) == [], "answer"

    driver.get(base + "/rechner/inbeq-dauer")
    field = driver.find_element(By.ID, "feld-beginn")
    field.send_keys("01.09.2026")
    driver.find_element(By.CSS_SELECTOR, "form.calc button[type=submit]").click()
    result = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "section.calculation"))
    assert result and "Ende" in result[0].text
    assert serious_violations(driver) == [], "calculator"
    driver.find_element(By.PARTIAL_LINK_TEXT, "Kalenderdatei").click()
    ics = wait_for(lambda: [p for p in downloads.glob("*.ics")])
    assert ics, "no .ics downloaded"
    assert "BEGIN:VEVENT" in wait_for(lambda: ics[0].read_text(encoding="utf-8"))

    driver.get(base + "/glossar")
    assert serious_violations(driver) == [], "glossary"


# the words (between spaces, hyphens and slashes) in the elements `arguments[0]` that are split across lines
BROKEN_WORDS = """
const out = [];
for (const cell of document.querySelectorAll(arguments[0])) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/[^\\s\\-\\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) out.push(m[0]);
    }
  }
}
return out;"""


def test_phone_width_without_horizontal_scrolling(site):
    driver, base, _ = site
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        for name, url in [("antwort", "/?q=" + URLAUB), ("rechner", "/rechner/personal?teilnehmende=8&monat=6&berechnen=1"),
                          ("dokument", "/dokumente/bagub-faq"), ("tabelle", "/abschnitt/jc-aa-103/ablauf-vor-massnahmebeginn-schritte")]:
            driver.get(base + url)
            widths = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[1] == 360
            assert widths[0] <= widths[1], f"{name}: horizontal scrolling ({widths[0]} > {widths[1]})"
            assert driver.execute_script(BROKEN_WORDS, "th, td") == [], f"{name}: a word in a table is broken across lines"
            if name == "antwort":
                driver.save_screenshot(str(ARTIFACTS / "web-360x740-antwort.png"))
        assert (ARTIFACTS / "web-360x740-antwort.png").stat().st_size > 0
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
