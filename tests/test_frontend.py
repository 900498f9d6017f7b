"""The app pages' bundle (``frontend/`` → ``workbench/templates/voila/hocvuso/static``) is the
build of the committed sources: checked by hash without Node.js, and rebuilt byte for byte with it.
What the bundle does in a browser is tested in ``tests/test_apps_browser.py``."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FRONTEND = REPO / "frontend"
TEMPLATE = REPO / "workbench" / "templates" / "voila" / "hocvuso"


def source_hash(folder: Path = FRONTEND) -> str:
    """The hash ``frontend/build.mjs`` records (same files, same order, same separators)."""
    files = sorted(
        ["package.json", "package-lock.json"]
        + [f"src/{p.name}" for p in (folder / "src").iterdir()]
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()


def built(template: Path) -> dict[str, bytes]:
    files = {
        p.relative_to(template).as_posix(): p.read_bytes() for p in (template / "static").iterdir()
    }
    files["bundle.html.j2"] = (template / "bundle.html.j2").read_bytes()
    return files


def test_the_bundle_is_built_from_the_committed_sources():
    tags = (TEMPLATE / "bundle.html.j2").read_text(encoding="utf-8")
    recorded = re.search(r"sources: ([0-9a-f]{64})", tags).group(1)
    assert recorded == source_hash(), (
        "frontend/ đã đổi mà chưa build lại: chạy `cd frontend && npm ci && npm run build`. "
        "/ frontend/ changed without a rebuild."
    )
    static = TEMPLATE / "static"
    for name, version in re.findall(r'static }}(hocvuso\.(?:js|css))\?v=([0-9a-f]{12})"', tags):
        assert hashlib.sha256((static / name).read_bytes()).hexdigest()[:12] == version, name
    preloaded = re.findall(r'modulepreload" href="{{ static }}(chunk-[A-Z0-9]+\.js)"', tags)
    chunks = {p.name for p in static.glob("chunk-*.js")}
    entry = (static / "hocvuso.js").read_text(encoding="utf-8")
    imported = set(re.findall(r"\./(chunk-[A-Z0-9]+\.js)", entry))
    assert preloaded and set(preloaded) <= imported, "the entry's static imports are preloaded"
    assert imported == chunks, "every chunk is used by the entry and none is missing"
    licences = (static / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for package in ("@jupyter-widgets/controls", "@jupyterlab/services", "@lumino/widgets"):
        assert f"\n{package} " in licences


def node_and_npm() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node and npm:
        return node, npm
    from debian_packages import apt_install, can_install

    if not can_install():
        pytest.skip(
            "Cần Node.js và npm (apt-get install nodejs npm) để build lại bundle; máy này không có "
            "và không cài được (không phải root). / Needs Node.js and npm to rebuild the bundle."
        )
    apt_install("nodejs", "npm")
    return shutil.which("node"), shutil.which("npm")


@pytest.mark.slow
def test_the_bundle_rebuilds_byte_for_byte(tmp_path):
    """`npm ci` from the lock file and the build script give exactly the committed files."""
    node, npm = node_and_npm()
    work = tmp_path / "frontend"
    work.mkdir()
    for name in ("package.json", "package-lock.json", "build.mjs"):
        shutil.copy2(FRONTEND / name, work / name)
    shutil.copytree(FRONTEND / "src", work / "src")
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=work, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    out = tmp_path / "template"
    subprocess.run([node, "build.mjs", str(out)], cwd=work, check=True, capture_output=True)
    assert source_hash(work) == source_hash()
    assert built(out) == built(TEMPLATE)
