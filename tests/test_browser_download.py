"""Browser: the .ics export of `lotse serve` arrives as a download; the server writes no file.

Drives the calculator with the keyboard in headless Chromium (F3, choose „Planungsgespräch“,
compute, „Als .ics speichern“). Skipped like tests/test_browser.py when Chromium is missing.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_support import CHROMEDRIVER, CHROMIUM, MISSING, chrome_options, free_port, listening, wait_for
from .test_browser import ANSI, RECORD_WEBSOCKET, webdriver

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason=MISSING)

KEYS = ["F3", "ENTER", "DOWN", "DOWN", "DOWN", "ENTER", "TAB", "TAB", "TAB", "ENTER", "TAB", "TAB", "ENTER"]


def test_ics_export_is_a_browser_download(lotse, tmp_path):
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    lotse.handle
    server_dir = tmp_path / "server"  # the server's working directory: must stay empty
    downloads = tmp_path / "downloads"
    server_dir.mkdir()
    downloads.mkdir()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=server_dir, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = chrome_options(tmp_path / "profile", window="1400,900", downloads=downloads)
    driver = None
    try:
        assert wait_for(lambda: listening(port), 20, 0.3), "lotse serve did not start"
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_WEBSOCKET})
        driver.get(f"http://127.0.0.1:{port}/")
        screen = lambda: ANSI.sub("", driver.execute_script("return (window.__frames || []).join('')"))  # noqa: E731
        assert wait_for(lambda: "Ihre Frage" in screen(), 30), "the app did not appear in the page"
        box = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in KEYS:
            box.send_keys(getattr(Keys, key))
            wait_for(lambda: False, 0.35)  # let the app handle each key (the select opens, the form mounts)
        files = wait_for(lambda: [p for p in downloads.iterdir() if p.suffix == ".ics"], 20)
        assert files, "no .ics download arrived"
        assert b"BEGIN:VEVENT" in files[0].read_bytes()
        assert list(server_dir.iterdir()) == []  # nothing written on the server
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(10)
