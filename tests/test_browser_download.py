"""Browser: the .ics export of `lotse serve` arrives as a download; the server writes no file.

Drives the calculator with the keyboard in headless Chromium (F3, choose „Planungsgespräch“,
compute, „Als .ics speichern“), each step once the app shows the previous one done. Skipped
like tests/test_browser.py when Chromium is missing.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_support import chrome_options, chromium, free_port, listening, wait_for
from .test_browser import ANSI, RECORD_WEBSOCKET, webdriver

pytestmark = pytest.mark.browser  # placed in the run by conftest: `make test` installs Chromium meanwhile

# keys, and what the app shows once it has handled them: the next keys wait for it (a busy machine
# may take a while to mount a screen, and keys sent earlier would reach the one before)
STEPS = [
    (["F3"], "Berechnen"),  # the calculators
    (["ENTER"], "Unterweisungsfreie"),  # the list of calculators is open
    (["DOWN", "DOWN", "DOWN", "ENTER"], "Bundesland für Feiertage"),  # the Planungsgespräch form
    # computed: the row to save its dates shows now, named for this calculator
    (["TAB", "TAB", "TAB", "ENTER"], "planungsgespraech.ics"),
    (["TAB", "TAB", "ENTER"], ""),  # „Als .ics speichern“
]


def test_ics_export_is_a_browser_download(lotse, tmp_path):
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    binary, chromedriver = chromium()
    lotse.handle
    server_dir = tmp_path / "server"  # the server's working directory: must stay empty
    downloads = tmp_path / "downloads"
    server_dir.mkdir()
    downloads.mkdir()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=server_dir, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = chrome_options(binary, tmp_path / "profile", window="1400,900", downloads=downloads)
    driver = None
    try:
        assert wait_for(lambda: listening(port), 20, 0.3), "lotse serve did not start"
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_WEBSOCKET})
        driver.get(f"http://127.0.0.1:{port}/")
        screen = lambda: ANSI.sub("", driver.execute_script("return (window.__frames || []).join('')"))  # noqa: E731
        assert wait_for(lambda: "Ihre Frage" in screen(), 30), "the app did not appear in the page"
        box = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for step, (keys, shown) in enumerate(STEPS):
            start = len(screen())
            # F3 may come while the app still loads its knowledge base: it is pressed again then
            for _attempt in range(3 if step == 0 else 1):
                for key in keys:
                    box.send_keys(getattr(Keys, key))
                    wait_for(lambda: False, 0.15)  # let the app handle each key
                if wait_for(lambda: shown in screen()[start:], 10 if step == 0 else 30):
                    break
            assert shown in screen()[start:], f"after {keys}: {shown!r} did not appear"
        files = wait_for(lambda: [p for p in downloads.iterdir() if p.suffix == ".ics"], 20)
        assert files, "no .ics download arrived"
        assert b"BEGIN:VEVENT" in files[0].read_bytes()
        assert list(server_dir.iterdir()) == []  # nothing written on the server
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(10)
