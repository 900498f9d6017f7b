"""Benchmark: the app gallery as we serve it vs plain ``voila <notebook>``, in headless Chromium.

    .venv/bin/python bench/apps.py [--lan 5] [--phien 30] [--het-gio 20]

1. Time to interactive, per app: from navigation to the first widget answering (the control
   marked ``hocvuso-first`` is used and the widget marked ``hocvuso-first-result`` changes).
   - *warm*: browser cache warm; ours has a preheated kernel waiting; plain voila starts a
     kernel per visit (that is all it can do);
   - *cold*: a fresh browser profile, and no preheated kernel on our side either (pool 0).
2. Concurrent sessions on loopback (default 30, the apps in turn): all must render and answer;
   peak memory of the server and its kernels; then every tab is closed and we wait for the idle
   timeout: our kernels go back to the preheated pool, plain voila's stay.

Both tools run in this same process run, on the same machine, same notebooks, same browser.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import FLAGS, PHONE, ensure_chromium, free_port, stop_group  # noqa: E402

from workbench import gallery  # noqa: E402
from workbench.apps import APPS, _ui  # noqa: E402
from workbench.course import Course  # noqa: E402

TOKEN = "bench"


# --- servers ------------------------------------------------------------------------------


def wait_listening(port: int, process: subprocess.Popen, seconds: float = 90) -> None:
    """Until the server accepts connections (a GET on plain voila's "/" would run the notebook)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.args}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def ours(course: Course, pool: int, idle: int = 900, interval: int = 60):
    settings = gallery.make_settings(
        port=free_port(), token=TOKEN, pool_size=pool, idle_timeout=idle, cull_interval=interval
    )
    process = gallery.launch(
        course, settings, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{settings.port}"
    try:
        wait_listening(settings.port, process)
        if pool:
            wait_pool(process, pool * len(APPS))
        yield base, process
    finally:
        stop_group(process)


@contextlib.contextmanager
def plain(target: Path, env: dict):
    """``voila <target>`` with its defaults (only the port and no browser are set)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(target), "--no-browser", f"--port={port}"],
        cwd=target if target.is_dir() else target.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_listening(port, process)
        yield base, process
    finally:
        stop_group(process)


def kernels(process: subprocess.Popen) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(process.pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
    return found


def wait_pool(process: subprocess.Popen, count: int, seconds: float = 180) -> None:
    """Until ``count`` kernels exist and the machine is quiet (the pool has rendered)."""
    deadline = time.monotonic() + seconds
    while len(kernels(process)) < count and time.monotonic() < deadline:
        time.sleep(0.5)
    quiet(deadline - time.monotonic())


def quiet(seconds: float = 60) -> None:
    """Until the machine is idle: a *warm* visit meets a server that is not busy (refilling its
    pool, shutting down the previous visit's kernel)."""
    deadline = time.monotonic() + seconds
    while psutil.cpu_percent(interval=0.5) > 20 and time.monotonic() < deadline:
        pass


class PeakMemory:
    """Samples the RSS of a server and all its descendants (kernels included)."""

    def __init__(self, process: subprocess.Popen):
        self.root = psutil.Process(process.pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        total = 0
        for proc in [self.root, *self.root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._total())
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# --- the browser ------------------------------------------------------------------------------


async def perform(page, action) -> None:
    control = page.locator(f".{_ui.FIRST}").first
    kind, *arg = action
    if kind == "type":
        await control.locator("input, textarea").first.fill(arg[0])
    elif kind == "select":
        select = control.locator("select")
        if await select.count():
            await select.first.select_option(label=arg[0])
        else:
            await control.get_by_text(arg[0], exact=True).first.click()
    else:
        await control.click()


async def interactive(context, url: str, action, limit: float = 120_000) -> float:
    """Seconds from navigation until the first widget has answered (``limit`` in ms)."""
    page = await context.new_page()
    try:
        started = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=limit)
        result = page.locator(f".{_ui.FIRST_RESULT}").first
        await page.locator(f".{_ui.FIRST}").first.wait_for(state="visible", timeout=limit)
        before = await result.inner_text()
        await perform(page, action)
        await page.wait_for_function(
            "([s, before]) => { const e = document.querySelector(s);"
            " return e && e.innerText !== before; }",
            arg=[f".{_ui.FIRST_RESULT}", before],
            timeout=limit,
        )
        return time.perf_counter() - started
    finally:
        await page.close()


def actions() -> dict[str, tuple]:
    return {info.file: info.load().FIRST_ACTION for info in APPS}


async def timings(args, course: Course, env: dict) -> dict:
    from playwright.async_api import async_playwright

    acts = actions()
    results = {"ours": {"warm": {}, "cold": {}}, "plain": {"warm": {}, "cold": {}}}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=ensure_chromium(), args=FLAGS)

        # Ours, warm: one browser profile that has seen the gallery; a preheated kernel waits.
        with ours(course, pool=1) as (base, process):
            context = await browser.new_context(viewport=PHONE)
            await interactive(context, f"{base}/voila/render/{APPS[0].file}?token={TOKEN}",
                              acts[APPS[0].file])  # fmt: skip
            time.sleep(5)  # the pool refills 4 s after a visit (gallery.py): let it
            wait_pool(process, len(APPS) + 1)
            for _ in range(args.lan):
                for info in APPS:
                    quiet()
                    url = f"{base}/voila/render/{info.file}?token={TOKEN}"
                    seconds = await interactive(context, url, acts[info.file])
                    results["ours"]["warm"].setdefault(info.file, []).append(seconds)
                wait_pool(process, len(APPS))
            await context.close()

        # Ours, cold: no preheated kernel, fresh browser profile per visit.
        with ours(course, pool=0) as (base, process):
            for _ in range(args.lan_lanh):
                for info in APPS:
                    quiet()
                    context = await browser.new_context(viewport=PHONE)
                    url = f"{base}/voila/render/{info.file}?token={TOKEN}"
                    seconds = await interactive(context, url, acts[info.file])
                    results["ours"]["cold"].setdefault(info.file, []).append(seconds)
                    await context.close()

        # Plain `voila <notebook>`, defaults: one server per app.
        for info in APPS:
            with plain(info.path, env) as (base, _process):
                context = await browser.new_context(viewport=PHONE)
                await interactive(context, f"{base}/", acts[info.file])  # warms the cache
                for _ in range(args.lan):
                    quiet()
                    seconds = await interactive(context, f"{base}/", acts[info.file])
                    results["plain"]["warm"].setdefault(info.file, []).append(seconds)
                await context.close()
                for _ in range(args.lan_lanh):
                    quiet()
                    context = await browser.new_context(viewport=PHONE)
                    seconds = await interactive(context, f"{base}/", acts[info.file])
                    results["plain"]["cold"].setdefault(info.file, []).append(seconds)
                    await context.close()
        await browser.close()
    return results


async def sessions(args, course: Course, env: dict) -> dict:
    from playwright.async_api import async_playwright

    acts = actions()
    report = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=ensure_chromium(), args=FLAGS)

        async def run(name, base, process, query):
            contexts = [await browser.new_context(viewport=PHONE) for _ in range(args.phien)]
            apps = [APPS[i % len(APPS)] for i in range(args.phien)]
            with PeakMemory(process) as memory:
                started = time.perf_counter()
                outcomes = await asyncio.gather(
                    *(
                        interactive(
                            ctx, f"{base}/voila/render/{a.file}{query}", acts[a.file], 300_000
                        )
                        for ctx, a in zip(contexts, apps, strict=True)
                    ),
                    return_exceptions=True,
                )
                wall = time.perf_counter() - started
            ok = [o for o in outcomes if not isinstance(o, BaseException)]
            during = len(kernels(process))
            for ctx in contexts:
                await ctx.close()
            closed = time.monotonic()
            floor = args.pool * len(APPS) if name == "ours" else 0
            deadline = closed + args.het_gio + 3 * 5 + 30  # the timeout, 3 cull intervals, slack
            while len(kernels(process)) > floor and time.monotonic() < deadline:
                await asyncio.sleep(1)
            report[name] = {
                "rendered": len(ok),
                "errors": [repr(o)[:120] for o in outcomes if isinstance(o, BaseException)],
                "wall": wall,
                "median": statistics.median(ok) if ok else None,
                "worst": max(ok) if ok else None,
                "peak_mb": memory.peak / 2**20,
                "kernels_during": during,
                "kernels_after": len(kernels(process)),
                "seconds_to_cull": time.monotonic() - closed,
            }

        with ours(course, pool=args.pool, idle=args.het_gio, interval=5) as (base, process):
            await run("ours", base, process, f"?token={TOKEN}")
        with plain(gallery.prepare(course, gallery.Settings())[0], env) as (base, process):
            await run("plain", base, process, "")
        await browser.close()
    return report


def show_timings(results: dict) -> None:
    print("\nTime to interactive (s): navigation → first widget answered, phone viewport")
    print(f"{'app':28} {'ours warm':>10} {'plain warm':>11} {'ours cold':>10} {'plain cold':>11}")
    for info in APPS:
        row = [
            statistics.median(results[t][k][info.file])
            for t, k in (("ours", "warm"), ("plain", "warm"))
        ] + [max(results[t]["cold"][info.file]) for t in ("ours", "plain")]
        print(f"{info.slug:28} " + " ".join(f"{v:>10.2f}" for v in row))
    for kind in ("warm", "cold"):
        mine = [s for v in results["ours"][kind].values() for s in v]
        theirs = [s for v in results["plain"][kind].values() for s in v]
        print(
            f"{kind}: ours median {statistics.median(mine):.2f} worst {max(mine):.2f} · plain "
            f"median {statistics.median(theirs):.2f} worst {max(theirs):.2f} · ratio (plain/ours, "
            f"median) {statistics.median(theirs) / statistics.median(mine):.2f}×"
        )


def show_sessions(report: dict, count: int) -> None:
    print(f"\n{count} concurrent sessions (the apps in turn), loopback")
    for name, r in report.items():
        median = f"{r['median']:.2f}" if r["median"] is not None else "—"
        worst = f"{r['worst']:.2f}" if r["worst"] is not None else "—"
        print(
            f"{name:6} rendered {r['rendered']}/{count} in {r['wall']:.1f} s (median {median} s, "
            f"worst {worst} s) · peak {r['peak_mb']:.0f} MB · kernels {r['kernels_during']} "
            f"during → {r['kernels_after']} after {r['seconds_to_cull']:.0f} s"
        )
        for error in r["errors"][:3]:
            print("   ", error)
    if "plain" in report and report["ours"]["peak_mb"]:
        print(
            f"peak memory ratio (plain/ours): {report['plain']['peak_mb'] / report['ours']['peak_mb']:.2f}×"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lan", type=int, default=5, help="warm visits per app and tool")
    parser.add_argument("--lan-lanh", type=int, default=2, help="cold visits per app and tool")
    parser.add_argument("--phien", type=int, default=30, help="concurrent sessions")
    parser.add_argument("--pool", type=int, default=1, help="our preheated kernels per app")
    parser.add_argument("--het-gio", type=int, default=120, help="our idle timeout (s)")
    parser.add_argument("--bo-qua", choices=["timings", "sessions"], help="skip one part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hocvuso-bench-apps-") as tmp:
        course = Course(Path(tmp) / "home")
        env = dict(os.environ, HOCVUSO_HOME=str(course.home))
        print(f"{os.cpu_count()} CPUs · Chromium {ensure_chromium()} · {len(APPS)} apps")
        if args.bo_qua != "timings":
            show_timings(asyncio.run(timings(args, course, env)))
        if args.bo_qua != "sessions":
            show_sessions(asyncio.run(sessions(args, course, env)), args.phien)


if __name__ == "__main__":
    main()
