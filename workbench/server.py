"""``hocvuso start``: JupyterLab in Vietnamese with the course ready and Voila available."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import gallery
from .course import Course

LAB_DEFAULTS = {
    # UI in Vietnamese by default (a learner can still switch in Settings → Language).
    "@jupyterlab/translation-extension:plugin": {"locale": "vi_VN"},
}


def write_lab_defaults(prefix: Path = Path(sys.prefix)) -> Path:
    """JupyterLab's documented place for environment-wide default settings."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    current.update(LAB_DEFAULTS)
    path.write_text(json.dumps(current, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def lab_command(course: Course, port: int, token: str, open_browser: bool) -> list[str]:
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={course.home}",
        f"--IdentityProvider.token={token}",
        "--LabApp.default_url=/lab/tree/bai-hoc",
        # Kernels left open by closed tabs (and Voila pages) are shut down after 1 h idle.
        "--MappingKernelManager.cull_idle_timeout=3600",
        "--MappingKernelManager.cull_interval=300",
    ]
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def start(
    course: Course,
    port: int = 8888,
    token: str | None = None,
    open_browser: bool = True,
    apps_port: int | None = None,
) -> None:
    """Build the course, then run JupyterLab and the app gallery (in the foreground until Ctrl+C
    or SIGTERM; when JupyterLab stops, the gallery stops with it)."""
    report = course.build()
    if report.kept_learner_copies:
        print("Giữ nguyên các bài học viên đã sửa: " + ", ".join(report.kept_learner_copies))
    write_lab_defaults()
    token = token or os.environ.get("HOCVUSO_TOKEN") or secrets.token_hex(24)
    env = dict(os.environ)
    # nbgrader's trainer (formgrader) and learner (assignments) panels read this course's config.
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(course.config_dir), env.get("JUPYTER_CONFIG_PATH", "")) if p
    )
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    base = f"http://127.0.0.1:{port}"
    # The gallery as published (locked down, same token); no preheated kernels on a laptop: an
    # app's kernel starts when it is opened.
    apps = gallery.make_settings(port=apps_port or port + 1, token=token, pool_size=0)
    print(f"Khóa học: {course.home}", flush=True)
    print(f"Mở JupyterLab: {base}/lab/tree/bai-hoc?token={token}", flush=True)
    print(f"Ứng dụng: {gallery.url(apps)}", flush=True)
    print("Dừng: Ctrl + C", flush=True)
    os.chdir(course.home)
    children = [
        subprocess.Popen(lab_command(course, port, token, open_browser), env=env),
        gallery.launch(course, apps),
    ]
    supervise(children)


def supervise(children: list[subprocess.Popen]) -> None:
    """Wait on the servers; a signal to us goes to all of them; when the first (JupyterLab) ends,
    the others are stopped. A gallery that fails alone is reported and JupyterLab goes on."""

    def stop(signum, _frame):
        for child in children:
            if child.poll() is None:
                child.send_signal(signum if signum != signal.SIGINT else signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    reported = False
    try:
        while children[0].poll() is None:
            if not reported and any(c.poll() is not None for c in children[1:]):
                print("Trang ứng dụng đã dừng (xem thông báo lỗi ở trên); JupyterLab vẫn chạy.")
                reported = True
            time.sleep(0.5)
    finally:
        for child in children[1:]:
            if child.poll() is None:
                child.terminate()
        for child in children[1:]:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    sys.exit(children[0].returncode or 0)
