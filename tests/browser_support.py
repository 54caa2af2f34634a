"""What the Chromium tests share: finding Chromium, its options, waiting, free ports."""
from __future__ import annotations

import os
import shutil
import socket
import time
from pathlib import Path

import pytest

MISSING = "Chromium/ChromeDriver fehlen (Debian-Pakete chromium, chromium-driver)"
# `make test` installs Chromium while the other tests run: this file exists until it is done
PENDING = "LOTSE_BROWSER_PENDING"
INSTALL_WAIT = 240  # seconds at most (apt downloads and unpacks Chromium; the test run itself takes about 2 minutes)


def chromium() -> tuple[str, str]:
    """(Chromium, ChromeDriver), once an install `make test` started beside the tests is done; the
    calling test is skipped, saying why, when either is missing."""
    pending = os.environ.get(PENDING)
    if pending:
        wait_for(lambda: not Path(pending).exists(), INSTALL_WAIT, 0.5)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (browser and driver):
        pytest.skip(MISSING + (f"; Installation: {Path(pending).with_name('browser-install.log')}" if pending else ""))
    return browser, driver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        return True
    except OSError:
        return False


def wait_for(predicate, timeout: float = 20, step: float = 0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def chrome_options(binary: str, profile: Path, window: str = "1200,800", downloads: Path | None = None):
    """Headless Chromium as this machine allows it (no background networking: the network is closed)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--window-size={window}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
    return options
