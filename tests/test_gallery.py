"""The served gallery is locked down: credentials, no sources, an allowlist, no code execution,
idle kernels culled while the preheated pool stays (real Voila on 127.0.0.1, HTTP and websocket)."""

from __future__ import annotations

import json
import re
import time
import unicodedata
import uuid
from html import unescape
from pathlib import Path

import nbformat
import psutil
import pytest
import requests
import websocket
from browser import get_when_up, served_gallery, stop_group
from conftest import copy_course

from workbench import gallery
from workbench.apps import APPS

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("gallery")]
TOKEN = "kiem-tra-" + uuid.uuid4().hex
IDLE = 6  # seconds: short, so the culling test does not wait long


@pytest.fixture(scope="module")
def server(pristine_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("gallery") / "home"
    copy_course(pristine_home, home)
    with served_gallery(home, token=TOKEN, pool_size=1, idle_timeout=IDLE) as served:
        yield served


def _get(base, path, token=TOKEN, **kwargs):
    params = {"token": token} if token else {}
    return requests.get(base + path, params=params, timeout=60, allow_redirects=False, **kwargs)


def _text(response) -> str:
    # Voila sends no charset (requests would guess Latin-1) and writes entities for diacritics.
    return unescape(response.content.decode("utf-8"))


def _kernel_id(page_html: str) -> str:
    return re.search(r'"kernelId": "([0-9a-f-]{36})"', page_html).group(1)


def test_landing_page_lists_every_app_in_vietnamese(server):
    base, *_ = server
    page = _get(base, "/")
    assert page.status_code == 200
    html = _text(page)
    assert '<html lang="vi">' in html and unicodedata.is_normalized("NFC", html)
    for info in APPS:
        assert info.title in html and info.summary in html
        assert f'href="/voila/render/{info.file}"' in html


@pytest.mark.parametrize("token", ["", "sai-" + uuid.uuid4().hex], ids=["no-token", "wrong-token"])
def test_nothing_is_served_without_credentials(server, token):
    base, *_ = server
    paths = ["/", "/voila/tree", "/voila/api/contents"]
    paths += [f"/voila/render/{info.file}" for info in APPS]
    paths += [f"/voila/files/{info.file}" for info in APPS]
    for path in paths:
        response = _get(base, path, token=token)
        # A login redirect or a refusal, never the content.
        assert response.status_code in (302, 403, 404), (path, response.status_code)
        if response.status_code == 302:
            assert response.headers["location"].startswith("/login"), path
        body = _text(response)
        assert "workbench.apps" not in body and "kernelId" not in body, path
        assert not any(info.title in body for info in APPS), path


def test_sources_are_stripped_and_only_allowlisted_files_are_served(server):
    base, _settings, _process, _log = server
    served = gallery.served_apps(_settings)
    for info in served:
        page = _get(base, f"/voila/render/{info.file}")
        assert page.status_code == 200, info.file
        html = _text(page)
        # Our template: nothing fetched from a CDN, the loading message in Vietnamese.
        assert "cdn.jsdelivr" not in html and "Đang mở ứng dụng" in html, info.file
        visible = re.sub(r"<[^>]+>", "", html)  # the text, whatever markup surrounds it
        assert "workbench.apps" not in visible and "App().view" not in visible, info.file
        assert _get(base, f"/voila/files/{info.file}").status_code == 403  # the notebook itself
    for path in ("/voila/files/../../../etc/passwd", "/voila/files/%2e%2e/%2e%2e/etc/passwd"):
        assert _get(base, path).status_code in (403, 404), path


def test_a_planted_file_is_refused_and_an_allowlisted_image_is_served(server, pristine_home):
    base, settings, _process, _log = server
    root = _served_root(server)
    (root / "ghi-chu.txt").write_text("bí mật", encoding="utf-8")
    (root / "anh").mkdir(exist_ok=True)
    (root / "anh" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "anh" / "logo.py").write_text("print(1)", encoding="utf-8")
    assert _get(base, "/voila/files/ghi-chu.txt").status_code == 403
    assert _get(base, "/voila/files/anh/logo.py").status_code == 403
    image = _get(base, "/voila/files/anh/logo.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


def _served_root(server) -> Path:
    """The folder the gallery serves (its working directory)."""
    _base, _settings, process, _log = server
    return Path(psutil.Process(process.pid).cwd())


def test_tracebacks_are_hidden(server):
    base, *_ = server
    root = _served_root(server)
    broken = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell('raise RuntimeError("chi tiết nội bộ 4711")')]
    )
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(broken, root / "loi.ipynb")
    page = _get(base, "/voila/render/loi.ipynb")
    body = _text(page)
    assert "4711" not in body and "Traceback" not in body and "RuntimeError" not in body
    assert page.status_code in (200, 500)


def _channel(base, kernel_id, token=TOKEN):
    return websocket.create_connection(
        f"{base.replace('http', 'ws')}/api/kernels/{kernel_id}/channels?token={token}", timeout=20
    )


def _request(msg_type: str, content: dict) -> tuple[str, str]:
    msg_id = uuid.uuid4().hex
    message = {
        "header": {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "username": "khach",
            "session": uuid.uuid4().hex,
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
    }
    return msg_id, json.dumps(message)


def _replies(ws, msg_id: str, seconds: float) -> list[dict]:
    got, deadline = [], time.monotonic() + seconds
    ws.settimeout(0.5)
    while time.monotonic() < deadline:
        try:
            raw = ws.recv()
        except websocket.WebSocketTimeoutException:
            continue
        if isinstance(raw, bytes):
            continue
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            got.append(msg)
    return got


def test_the_browser_cannot_execute_code_in_an_app_kernel(server, tmp_path):
    base, *_ = server
    kernel_id = _kernel_id(_text(_get(base, f"/voila/render/{APPS[2].file}")))
    marker = tmp_path / "da-chay-ma.txt"
    ws = _channel(base, kernel_id)
    try:
        # The channel is live: a message the browser may send is answered...
        info_id, info = _request("kernel_info_request", {})
        ws.send(info)
        assert any(m["msg_type"] == "kernel_info_reply" for m in _replies(ws, info_id, 10))
        # ...but code is refused: no reply, no side effect.
        code = f"open({str(marker)!r}, 'w').write('x')"
        run_id, run = _request("execute_request", {"code": code, "silent": False})
        ws.send(run)
        assert _replies(ws, run_id, 4) == []
    finally:
        ws.close()
    assert not marker.exists()


def test_the_kernel_channel_refuses_a_visitor_without_the_token(server):
    base, *_ = server
    kernel_id = _kernel_id(_text(_get(base, f"/voila/render/{APPS[2].file}")))
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        _channel(base, kernel_id, token="")
    assert refused.value.status_code in (401, 403)


def test_idle_kernels_are_culled_and_the_preheated_pool_stays(server):
    base, _settings, _process, log = server
    app = APPS[0].file
    kernel_id = _kernel_id(_text(_get(base, f"/voila/render/{app}")))
    assert _get(base, f"/api/kernels/{kernel_id}").status_code == 200
    # The pool refills (a new kernel renders the app ahead of the next visitor), a few seconds
    # after the visit: wait until that kernel has started.
    started = set(re.findall(r"Kernel started: ([0-9a-f-]{36})", log.read_text()))
    deadline = time.monotonic() + 60
    while set(re.findall(r"Kernel started: ([0-9a-f-]{36})", log.read_text())) == started:
        assert time.monotonic() < deadline, "the pool was not refilled"
        time.sleep(0.5)
    time.sleep(3)  # and has rendered the app
    started_before = set(re.findall(r"Kernel started: ([0-9a-f-]{36})", log.read_text()))
    deadline = time.monotonic() + IDLE * 6
    while _get(base, f"/api/kernels/{kernel_id}").status_code == 200:
        assert time.monotonic() < deadline, "the idle kernel was not culled"
        time.sleep(1)
    time.sleep(IDLE * 2)  # long enough for any idle kernel to be culled
    # The next visitor gets a kernel from the pool, started before the wait: not culled.
    again = _kernel_id(_text(_get(base, f"/voila/render/{app}")))
    assert again in started_before and again != kernel_id


def test_password_login_and_a_gallery_for_learners_only(pristine_home, tmp_path):
    home = tmp_path / "home"
    copy_course(pristine_home, home)
    password = "Mật-khẩu-" + uuid.uuid4().hex[:8]
    with served_gallery(home, password=password, pool_size=0, trainers=False) as (base, *_):
        session = requests.Session()
        assert session.get(base + "/", allow_redirects=False).status_code == 302
        form = session.get(base + "/login")
        xsrf = (
            session.cookies.get("_xsrf") or re.search(r'name="_xsrf" value="([^"]+)"', form.text)[1]
        )
        wrong = session.post(
            base + "/login", data={"password": "sai", "_xsrf": xsrf}, allow_redirects=False
        )
        assert wrong.status_code != 302 or "login" in wrong.headers.get("location", "")
        assert session.get(base + "/", allow_redirects=False).status_code == 302
        right = session.post(
            base + "/login", data={"password": password, "_xsrf": xsrf}, allow_redirects=False
        )
        assert right.status_code == 302, right.text[:300]
        page = session.get(base + "/", allow_redirects=False)
        assert page.status_code == 200 and APPS[0].title in _text(page)
        # --chi-hoc-vien: the trainers' dashboard is neither listed nor served.
        dashboard = next(a for a in APPS if a.audience == "giang-vien")
        assert dashboard.title not in _text(page)
        assert session.get(f"{base}/voila/render/{dashboard.file}").status_code == 404


def test_trainer_apps_can_be_left_out():
    learners = gallery.Settings(trainers=False)
    assert [a.audience for a in gallery.served_apps(learners)].count("giang-vien") == 0
    assert len(gallery.served_apps(gallery.Settings())) == len(APPS)


def test_an_app_that_cannot_run_ahead_is_not_preheated(monkeypatch, tmp_path):
    from dataclasses import replace

    apps = (APPS[0], replace(APPS[1], preheat=False))
    monkeypatch.setattr(gallery, "APPS", apps)
    command = gallery.voila_command(tmp_path, gallery.Settings(pool_size=2))
    assert "--pool_size=2" in command
    deny = [c.split("=", 1)[1] for c in command if "preheat_denylist=" in c]
    assert deny == [APPS[1].file]
    assert not any(
        "pool_size" in c for c in gallery.voila_command(tmp_path, gallery.Settings(pool_size=0))
    )


def test_the_cli_command_serves_the_gallery_and_checks_the_password(pristine_home, tmp_path):
    import os
    import subprocess
    import sys

    from browser import free_port

    home = tmp_path / "home"
    copy_course(pristine_home, home)
    hocvuso = str(Path(sys.executable).parent / "hocvuso")
    short = subprocess.run(
        [hocvuso, "apps", "--mat-khau", "--home", str(home)],
        env=dict(os.environ, HOCVUSO_APPS_PASSWORD="ngan"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert short.returncode == 1 and "ít nhất 8 ký tự" in short.stderr
    port = free_port()
    command = [hocvuso, "ung-dung", "--port", str(port), "--token", TOKEN, "--san-sang", "0"]
    process = subprocess.Popen(
        [*command, "--home", str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        first_line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/?token={TOKEN}" in first_line
        page = get_when_up(f"http://127.0.0.1:{port}/", process, params={"token": TOKEN})
        assert page.status_code == 200 and APPS[-1].title in _text(page)
    finally:
        stop_group(process)
