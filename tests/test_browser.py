"""Browser smoke test: `lotse serve` on a free local port, headless Chromium loads the page,
a question is typed into the terminal and the answer text reaches the page.

The page draws the terminal on a canvas, so the test reads what the page received over its
WebSocket (the terminal output xterm.js draws) instead of the DOM. Skipped, with the reason,
when Chromium, ChromeDriver or Selenium are missing (`make test` installs Debian's chromium
and chromium-driver where the machine allows it).
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_support import chrome_options, chromium, free_port, listening, wait_for

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium ist nicht installiert")
pytestmark = pytest.mark.browser  # placed in the run by conftest: `make test` installs Chromium meanwhile

RECORD_WEBSOCKET = """
window.__frames = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const ws = new NativeWebSocket(...args);
  ws.addEventListener('message', (ev) => {
    if (typeof ev.data === 'string') { window.__frames.push(ev.data); }
    else if (ev.data instanceof Blob) { ev.data.text().then((t) => window.__frames.push(t)); }
    else { window.__frames.push(new TextDecoder().decode(ev.data)); }
  });
  return ws;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, NativeWebSocket);
"""
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_question_in_the_browser(lotse):
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    binary, chromedriver = chromium()
    lotse.handle  # the served app opens the index this session already built
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                              cwd=Path(__file__).resolve().parents[1], env=os.environ.copy(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = chrome_options(binary, Path(lotse.handle.location).parent / "chromium-profile")
    driver = None
    try:
        assert wait_for(lambda: listening(port), 20, 0.3), "lotse serve did not start"
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_WEBSOCKET})
        driver.get(f"http://127.0.0.1:{port}/")
        screen = lambda: ANSI.sub("", driver.execute_script("return (window.__frames || []).join('')"))  # noqa: E731
        assert wait_for(lambda: "Ihre Frage" in screen(), 30), "the app did not appear in the page"
        box = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        box.send_keys("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?")
        box.send_keys(Keys.ENTER)
        assert wait_for(lambda: "unterweisungsfreien" in screen(), 30), "no answer in the page"
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(10)
