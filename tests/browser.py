"""Headless Chromium (Debian's ``chromium``) driven by Playwright, and the served app gallery.

Playwright cannot download its own browser here, so tests use the system Chromium by path. When it
is missing and we are root with apt-get (CI), it is installed; otherwise the tests that need it
skip, saying why. Screenshots go to ``test-artifacts/screenshots/`` (or ``$HOCVUSO_ARTIFACTS``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from workbench import gallery
from workbench.apps import _ui
from workbench.course import Course
from workbench.paths import REPO

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
PHONE = {"width": 390, "height": 844}


def artifacts() -> Path:
    folder = Path(os.environ.get("HOCVUSO_ARTIFACTS", REPO / "test-artifacts")) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ensure_chromium() -> str:
    """The path of Debian's Chromium, installing it (as root, with apt-get) when missing."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    from debian_packages import apt_install, can_install

    if not can_install():
        pytest.skip(
            "Cần Chromium của Debian (apt-get install chromium) mà máy này chưa có và không cài "
            "được (không phải root). / Needs Debian's chromium; not root, so it cannot be installed."
        )
    if not Path(CHROMIUM).exists():  # another worker may have installed it meanwhile
        apt_install("chromium")
    return CHROMIUM


@contextlib.contextmanager
def browser():
    """A Playwright Chromium browser (sync API)."""
    from playwright.sync_api import sync_playwright

    path = ensure_chromium()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served_gallery(home: Path, token: str = "", password: str = "", **settings):
    """``hocvuso ung-dung``'s server on a free port, for the course in ``home``."""
    course = Course(home)
    config = gallery.make_settings(
        port=free_port(), token=token or None, password=password or None, **settings
    )
    log = (home.parent / f"gallery-{config.port}.log").open("w")
    process = gallery.launch(
        course, config, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{config.port}"
    try:
        get_when_up(base + "/login", process, seconds=90, log=Path(log.name))
        yield base, config, process, Path(log.name)
    finally:
        stop_group(process)
        log.close()


def get_when_up(
    url: str, process: subprocess.Popen, seconds: float = 60, log: Path | None = None, **kwargs
) -> requests.Response:
    """GET ``url`` as soon as its server accepts connections; the test fails if ``process``
    exits first or nothing answers within ``seconds`` (showing ``log`` when given)."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            pytest.fail(f"the server exited: {process.args}\n" + (log.read_text() if log else ""))
        try:
            return requests.get(url, timeout=10, **kwargs)
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                pytest.fail(f"nothing answered at {url}\n" + (log.read_text() if log else ""))
            time.sleep(0.3)


def stop_group(process: subprocess.Popen, seconds: float = 20) -> None:
    """SIGTERM to a server started with ``start_new_session=True`` and all its children (its
    kernels); SIGKILL if they are not gone within ``seconds``."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def perform(page, action) -> None:
    """The browser twin of ``tests/test_apps.py::perform`` on the control marked ``hocvuso-first``."""
    control = page.locator(f".{_ui.FIRST}").first
    kind, *arg = action
    if kind == "type":
        control.locator("input, textarea").first.fill(arg[0])
    elif kind == "select":
        select = control.locator("select")
        if select.count():
            select.first.select_option(label=arg[0])
        else:  # radio or toggle buttons
            control.get_by_text(arg[0], exact=True).first.click()
    elif kind == "click":
        control.click()
    else:
        raise ValueError(kind)


def first_result_text(page) -> str:
    return page.locator(f".{_ui.FIRST_RESULT}").first.inner_text()


def open_app(page, base: str, file: str, token: str = "", timeout: float = 60_000) -> None:
    """Open an app and wait until its first control is on screen."""
    query = f"?token={token}" if token else ""
    page.goto(f"{base}/voila/render/{file}{query}", wait_until="commit", timeout=timeout)
    page.locator(f".{_ui.FIRST}").first.wait_for(state="visible", timeout=timeout)


def answers(page, action, timeout: float = 30_000) -> float:
    """Perform ``action`` and wait until the result widget's text changes; returns seconds."""
    before = first_result_text(page)
    started = time.perf_counter()
    perform(page, action)
    page.wait_for_function(
        "([selector, before]) => { const e = document.querySelector(selector);"
        " return e && e.innerText !== before; }",
        arg=[f".{_ui.FIRST_RESULT}", before],
        timeout=timeout,
    )
    return time.perf_counter() - started
