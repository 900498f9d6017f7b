"""`hocvuso start` really serves JupyterLab: Vietnamese UI, the course, nbgrader, Voila, kernels."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from html import unescape
from pathlib import Path

import pytest
import requests
import websocket

from workbench import curriculum
from workbench.apps import APPS

TOKEN = "kiem-tra-" + uuid.uuid4().hex


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(pristine_home, tmp_path_factory):
    # A copy of the run's built course: `start` finds it up to date and skips the build.
    home = tmp_path_factory.mktemp("start-home") / "home"
    shutil.copytree(pristine_home, home, symlinks=True)
    port, apps_port = _free_port(), _free_port()
    log = (home.parent / "start.log").open("w")
    command = [str(Path(sys.executable).parent / "hocvuso"), "start", "--no-browser"]
    command += ["--port", str(port), "--token", TOKEN, "--home", str(home)]
    command += ["--cong-ung-dung", str(apps_port)]
    process = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=dict(os.environ)
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("start exited early:\n" + Path(log.name).read_text())
        try:
            if requests.get(f"{base}/api/status", params={"token": TOKEN}, timeout=2).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.5)
    else:
        pytest.fail("JupyterLab did not answer:\n" + Path(log.name).read_text())
    yield base, home, Path(log.name)
    # SIGTERM to `start` alone: it stops JupyterLab and the gallery it started.
    import psutil

    children = psutil.Process(process.pid).children()
    assert len(children) == 2  # JupyterLab and the gallery
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("start did not stop on SIGTERM")
    gone, alive = psutil.wait_procs(children, timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    assert not alive, f"outlived start: {alive}"
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _apps_base(log: Path) -> str:
    import re

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"Ứng dụng: (http://127\.0\.0\.1:\d+)/", log.read_text())
        if found:
            return found[1]
        time.sleep(0.5)
    pytest.fail("start printed no app gallery address")


def test_start_serves_the_app_gallery_with_the_same_token(server):
    _base, _home, log = server
    apps = _apps_base(log)
    deadline = time.monotonic() + 60
    while True:
        try:
            page = requests.get(f"{apps}/", params={"token": TOKEN}, timeout=10)
            break
        except requests.ConnectionError:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
    html = unescape(page.content.decode("utf-8"))
    assert page.status_code == 200
    for info in APPS:
        assert info.title in html
    assert requests.get(f"{apps}/", timeout=10, allow_redirects=False).status_code == 302
    app = requests.get(f"{apps}/voila/render/{APPS[3].file}", params={"token": TOKEN}, timeout=60)
    assert app.status_code == 200 and "kernelId" in app.text


def _get(base, path, params=None):
    return requests.get(f"{base}{path}", params=params or {"token": TOKEN}, timeout=30)


def test_listens_on_loopback_with_token_and_prints_the_url(server):
    base, home, log = server
    assert base.startswith("http://127.0.0.1:")
    assert requests.get(f"{base}/api/contents", timeout=10).status_code == 403  # no token
    text = log.read_text()
    assert f"/lab/tree/bai-hoc?token={TOKEN}" in text
    assert str(home) in text


def test_lab_page_and_vietnamese_locale(server):
    base, _, _ = server
    page = _get(base, "/lab")
    assert page.status_code == 200 and "jupyter-config-data" in page.text
    settings = _get(base, "/lab/api/settings/@jupyterlab/translation-extension:plugin").json()
    # Default for everyone (overrides.json), unless a user chose another language.
    assert settings["schema"]["properties"]["locale"]["default"] == "vi_VN"
    assert settings["settings"].get("locale", "vi_VN") == "vi_VN"
    pack = _get(base, "/lab/api/translations/vi_VN").json()
    assert pack["data"], "Vietnamese language pack missing"
    assert "vi_VN" in _get(base, "/lab/api/translations").json()["data"]


def test_course_notebooks_are_in_the_file_browser(server):
    base, _, _ = server
    listing = {item["name"] for item in _get(base, "/api/contents/bai-hoc").json()["content"]}
    assert listing == {m.folder for m in curriculum.load().modules}


def test_nbgrader_panels_and_voila_are_served(server):
    base, _, _ = server
    assert _get(base, "/formgrader").status_code == 200
    # The trainer panel reads this course's gradebook: both labs are there after the build.
    labs = {a["name"] for a in _get(base, "/formgrader/api/assignments").json()}
    assert labs == {a.id for a in curriculum.load().assignments}
    # The learner panel (nbgrader's assignment list) answers for this course.
    listing = _get(base, "/assignments", params={"token": TOKEN, "course_id": "lamdong"})
    assert listing.status_code == 200 and listing.json()["success"], listing.text
    module = curriculum.load().module("m00")
    app = _get(base, f"/voila/render/bai-hoc/{module.folder}/bai-hoc.ipynb")
    assert app.status_code == 200
    # Voila sends no charset (requests would guess Latin-1) and writes entities for diacritics.
    html = unescape(app.content.decode("utf-8"))
    assert "Làm quen với Jupyter" in html
    assert "from graders" not in html  # sources stripped


def _run_cells(base: str, kernel_id: str, sources: list[str]) -> list[dict]:
    ws = websocket.create_connection(
        f"{base.replace('http', 'ws')}/api/kernels/{kernel_id}/channels?token={TOKEN}", timeout=60
    )
    replies = []
    try:
        for source in sources:
            msg_id = uuid.uuid4().hex
            ws.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "username": "test",
                            "session": uuid.uuid4().hex,
                            "version": "5.3",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "content": {"code": source, "silent": False, "store_history": True},
                        "channel": "shell",
                    }
                )
            )
            while True:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "execute_reply":
                    replies.append(msg["content"])
                    break
    finally:
        ws.close()
    return replies


def test_a_lesson_opened_through_the_api_runs(server):
    base, _, _ = server
    module = curriculum.load().module("m01")
    path = f"bai-hoc/{module.folder}/bai-hoc.ipynb"
    notebook = _get(base, f"/api/contents/{path}").json()["content"]
    session = requests.post(
        f"{base}/api/sessions",
        params={"token": TOKEN},
        json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
        timeout=60,
    ).json()
    try:
        code = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
        replies = _run_cells(base, session["kernel"]["id"], code)
        assert [r["status"] for r in replies] == ["ok"] * len(code)
    finally:
        requests.delete(f"{base}/api/sessions/{session['id']}", params={"token": TOKEN}, timeout=30)
