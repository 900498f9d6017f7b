"""``hocvuso start``: JupyterLab in Vietnamese with the course ready and Voila available."""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

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
    course: Course, port: int = 8888, token: str | None = None, open_browser: bool = True
) -> None:
    """Build the course, then become JupyterLab (in the foreground until Ctrl+C)."""
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
    print(f"Khóa học: {course.home}", flush=True)
    print(f"Mở JupyterLab: {base}/lab/tree/bai-hoc?token={token}", flush=True)
    print(f"Ứng dụng Voila: {base}/voila/tree?token={token}", flush=True)
    print("Dừng: Ctrl + C", flush=True)
    os.chdir(course.home)
    command = lab_command(course, port, token, open_browser)
    os.execve(command[0], command, env)  # JupyterLab takes over this process (and its signals)
