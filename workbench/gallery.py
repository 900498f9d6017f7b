"""``hocvuso apps`` (``ung-dung``): the app gallery served the way a province publishes it.

Standalone Voila (not the JupyterLab extension, where a logged-in user may run any code), with:

- 127.0.0.1 only, and a token or a password: nothing is served to a visitor without one;
- sources stripped, tracebacks hidden; the browser may only talk to widgets (Voila refuses
  ``execute_request``);
- the served folder holds the app notebooks and nothing else (a copy in the course home), and its
  static-file allowlist admits only images under ``anh/``;
- preheated kernels: a pool per app, rendered before anyone asks (the dashboard too: it waits for
  its visitor before reading the gradebook), refilled once the visitor's page is up;
- idle kernels culled, open tabs included (kernels waiting in Voila's pool are not: the pool stays
  warm; ``tests/test_gallery.py`` checks both).

The page template (``workbench/templates/voila/hocvuso``) replaces Voila's JupyterLab-based front
end with one small bundle (``frontend/``): a kernel connection and the ipywidgets manager, which
nearly halves the time until an app answers. Its landing page is generated from
:data:`workbench.apps.APPS`. ``workbench/voila_main.py`` runs Voila with that bundle cacheable.
"""

from __future__ import annotations

import html
import os
import secrets
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .apps import APPS, AppInfo
from .course import Course

TEMPLATE = "hocvuso"
ALLOWLIST = r"anh/[A-Za-z0-9_-]+\.(png|jpe?g|svg|webp)"


@dataclass(frozen=True)
class Settings:
    port: int = 8866
    token: str = ""
    password_hash: str = ""  # jupyter_server.auth.passwd(...) hash; with it, a login form
    pool_size: int = 1  # preheated kernels per app
    idle_timeout: int = 900  # seconds without activity before a kernel is shut down
    cull_interval: int = 60
    trainers: bool = True  # include the apps for trainers and leaders (the dashboard)


def served_apps(settings: Settings) -> tuple[AppInfo, ...]:
    return tuple(a for a in APPS if settings.trainers or a.audience != "giang-vien")


def prepare(course: Course, settings: Settings) -> tuple[Path, Path]:
    """Write the served folder and the gallery template; returns (folder, jupyter data dir)."""
    # One folder per audience, updated in place and never removed: two servers on one course
    # (`start` and `apps`) may serve it at the same time.
    audience = "" if settings.trainers else "-hoc-vien"
    root = course.home / f"ung-dung{audience}"
    root.mkdir(parents=True, exist_ok=True)
    apps = served_apps(settings)
    for stale in set(root.glob("*.ipynb")) - {root / info.file for info in apps}:
        stale.unlink()
    for info in apps:
        shutil.copy2(info.path, root / info.file)
    data_dir = course.config_dir / f"voila-share{audience}"
    template = data_dir / "voila" / "templates" / TEMPLATE
    source = Path(__file__).parent / "templates" / "voila" / TEMPLATE
    shutil.copytree(source, template, dirs_exist_ok=True)
    landing = landing_page(apps)
    # Voila picks tree.html (classic) or tree-lab.html (?classic-tree=false): both are ours.
    for name in ("tree.html", "tree-lab.html"):
        (template / name).write_text(landing, encoding="utf-8")
    return root, data_dir


def landing_page(apps: tuple[AppInfo, ...]) -> str:
    """The gallery page (a Jinja template for Voila's tree handler; only ``base_url`` is used)."""
    cards = []
    for info in apps:
        who = "Cho giảng viên, lãnh đạo" if info.audience == "giang-vien" else "Cho mọi người"
        cards.append(
            f"<li class='the'><a href=\"{{{{ base_url }}}}voila/render/{html.escape(info.file)}\">"
            f"<strong>{html.escape(info.title)}</strong></a>"
            f"<span class='ai'>{who}</span>"
            f"<p>{html.escape(info.summary)}</p>"
            f"<p class='en' lang='en'>{html.escape(info.title_en)}: {html.escape(info.summary_en)}</p>"
            "</li>"
        )
    return LANDING.replace("@@CARDS@@", "\n".join(cards))


LANDING = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Ứng dụng Bình dân học vụ số — Lâm Đồng</title>
<link rel="icon" href="data:;base64,=">
<style>
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0; background: #f5f7fa;
  color: #1d2733; }
header { background: #b71c1c; color: #fff; padding: 16px; }
header h1 { font-size: 1.35rem; margin: 0 0 4px; }
header p { margin: 0; }
main { max-width: 760px; margin: 0 auto; padding: 12px; }
ul { list-style: none; padding: 0; margin: 0; }
li.the { background: #fff; border-radius: 8px; padding: 12px 14px; margin: 0 0 12px;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
li.the a { font-size: 1.1rem; color: #0d47a1; text-decoration: none; }
li.the .ai { display: block; font-size: .85rem; color: #5f6b7a; margin-top: 2px; }
li.the p { margin: 6px 0 0; line-height: 1.45; }
li.the p.en { color: #5f6b7a; font-size: .85rem; }
footer { max-width: 760px; margin: 0 auto; padding: 0 12px 24px; font-size: .85rem; color: #5f6b7a; }
</style>
</head>
<body>
<header>
<h1>Ứng dụng Bình dân học vụ số</h1>
<p>Tỉnh Lâm Đồng · dùng ngay trên trình duyệt, không cần biết lập trình</p>
</header>
<main>
<ul id="danh-sach-ung-dung">
@@CARDS@@
</ul>
</main>
<footer>Dữ liệu trong các ứng dụng là dữ liệu minh hoạ hoặc dữ liệu của khóa học; không gửi đi
đâu. <span lang="en">Illustrative or course data only; nothing is sent anywhere.</span></footer>
</body>
</html>
"""


def voila_command(root: Path, settings: Settings) -> list[str]:
    denylist = [a.file for a in served_apps(settings) if not a.preheat]
    command = [
        sys.executable,
        "-m",
        "workbench.voila_main",
        str(root),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={settings.port}",
        "--Voila.port_retries=0",
        f"--Voila.token={settings.token}",
        f"--template={TEMPLATE}",
        "--VoilaConfiguration.classic_tree=True",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--VoilaConfiguration.file_allowlist={ALLOWLIST}",
        "--VoilaConfiguration.file_denylist=.*\\.ipynb",
        f"--MappingKernelManager.cull_idle_timeout={settings.idle_timeout}",
        f"--MappingKernelManager.cull_interval={settings.cull_interval}",
        "--MappingKernelManager.cull_connected=True",
        "--MappingKernelManager.cull_busy=False",
        "--HTMLExporter.language_code=vi",
        # A busy server may deliver a cell's output (the app's widget) seconds after the cell
        # finished; nbclient's default 4 s wait would then render a page with no app at all.
        "--VoilaExecutor.iopub_timeout=60",
    ]
    if settings.pool_size > 0:
        command += ["--preheat_kernel=True", f"--pool_size={settings.pool_size}"]
        # Refill the pool once the visitor's page is up, not while it loads (Voila waits 1 s):
        # on a small server the refill's kernel start would compete with the page for the CPU.
        command += ["--VoilaKernelManager.fill_delay=4"]
        command += [f"--VoilaKernelManager.preheat_denylist={name}" for name in denylist]
    if settings.password_hash:
        command.append(f"--PasswordIdentityProvider.hashed_password={settings.password_hash}")
    return command


def environment(course: Course, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(data_dir), env.get("JUPYTER_PATH")) if p)
    env["HOCVUSO_HOME"] = str(course.home)  # the dashboard reads this course's gradebook
    if course.db_url:
        env["HOCVUSO_DB_URL"] = course.db_url
    # A kernel runs single-threaded numerics: 30 sessions on 2 cores must not oversubscribe.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def launch(course: Course, settings: Settings, **popen):
    """Start the gallery server as a child process (used by ``start`` and the tests)."""
    import subprocess

    root, data_dir = prepare(course, settings)
    command = voila_command(root, settings)
    return subprocess.Popen(command, env=environment(course, data_dir), cwd=root, **popen)


def make_settings(
    port: int = 8866,
    token: str | None = None,
    password: str | None = None,
    pool_size: int = 1,
    idle_timeout: int = 900,
    trainers: bool = True,
    cull_interval: int = 60,
) -> Settings:
    """Token from the argument, ``HOCVUSO_TOKEN`` or a random one; a password replaces the token."""
    token = token or os.environ.get("HOCVUSO_TOKEN") or secrets.token_hex(24)
    password_hash = ""
    if password:
        from jupyter_server.auth import passwd

        token, password_hash = "", passwd(password)
    interval = min(cull_interval, max(1, idle_timeout // 2))
    return Settings(port, token, password_hash, pool_size, idle_timeout, interval, trainers)


def url(settings: Settings) -> str:
    base = f"http://127.0.0.1:{settings.port}/"
    return base + (f"?token={settings.token}" if settings.token else "")


def serve(course: Course, settings: Settings) -> None:
    """Serve the gallery in the foreground until Ctrl+C."""
    root, data_dir = prepare(course, settings)
    print(f"Ứng dụng: {url(settings)}", flush=True)
    if settings.password_hash:
        print("Đăng nhập bằng mật khẩu đã đặt.", flush=True)
    print("Dừng: Ctrl + C", flush=True)
    command = voila_command(root, settings)
    os.chdir(root)
    os.execve(command[0], command, environment(course, data_dir))
