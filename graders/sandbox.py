"""Isolation for one learner's kernel while it is graded.

What a submission's kernel gets, and how (Linux; the strongest layer the machine allows):

==========================  =========================================================================
limit                       how
==========================  =========================================================================
memory                      cgroup (v1 ``memory.limit_in_bytes`` / v2 ``memory.max``); otherwise
                            ``RLIMIT_AS``
processes (fork bombs)      cgroup ``pids.max``; and ``RLIMIT_NPROC`` for the slot's own user id
network                     a new, empty network namespace (``unshare --net``): no interface but a
                            loopback that is down; the kernel talks to us over Unix sockets
writes                      the kernel runs as the slot's own unprivileged user id, every mount is
                            read-only in its mount namespace except its work folder; ``RLIMIT_FSIZE``
                            caps a file's size
reading secrets             the trainer's notebooks (``notebooks/``, ``.git``) and the course
                            folder are covered by empty tmpfs mounts; other slots' folders are 0700
cell and total time         enforced by the grader (interrupt, then kill)
output size                 counted by the grader as messages arrive; the kernel is stopped past it
==========================  =========================================================================

Full isolation needs root (the grading service, CI). Without it, the kernel gets the rlimits only,
and :func:`capabilities` says what is missing so the run can report it in Vietnamese.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workbench.paths import REPO

BOOT = Path(__file__).with_name("_sandbox_boot.py")
BASE_UID = 61000  # slots run as uid/gid 61000 … 61999, each claimed by one slot at a time
UID_RANGE = 1000
_UID_LOCKS = Path(tempfile.gettempdir()) / "hocvuso-uid-locks"


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 1024 * 1024 * 1024
    processes: int = 64
    file_bytes: int = 64 * 1024 * 1024
    open_files: int = 256
    cell_seconds: float = 30.0
    total_seconds: float = 180.0
    output_bytes: int = 2 * 1024 * 1024


@dataclass(frozen=True)
class Capabilities:
    root: bool
    namespaces: bool
    cgroup: str | None  # "v1", "v2" or None

    @property
    def missing(self) -> list[str]:
        out = []
        if not self.root:
            out.append("không chạy bằng quyền root nên học viên dùng chung quyền của người chấm")
        if not self.namespaces:
            out.append("không tạo được không gian tên (unshare): mạng và ổ đĩa không bị khóa")
        if self.cgroup is None:
            out.append("không dùng được cgroup: giới hạn bộ nhớ và số tiến trình bằng rlimit")
        return out


@cache
def capabilities() -> Capabilities:
    root = os.geteuid() == 0
    namespaces = False
    if root and shutil.which("unshare"):
        probe = subprocess.run(
            ["unshare", "--mount", "--net", "--", "true"], capture_output=True, timeout=20
        )
        namespaces = probe.returncode == 0
    return Capabilities(root, namespaces, _cgroup_version() if root else None)


def _cgroup_version() -> str | None:
    base = Path("/sys/fs/cgroup")
    if (base / "cgroup.controllers").exists():
        return "v2" if os.access(base, os.W_OK) else None
    if os.access(base / "memory", os.W_OK) and os.access(base / "pids", os.W_OK):
        return "v1"
    return None


@dataclass
class Slot:
    """One concurrent grading place: its user id, cgroup and a fresh folder per submission."""

    number: int
    root: Path  # parent of the per-submission folders
    limits: Limits
    caps: Capabilities = field(default_factory=capabilities)
    cgroup_dirs: list[Path] = field(default_factory=list)
    uid: int = -1
    _uid_lock: object = None

    def setup(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.own_uid:
            self.uid, self._uid_lock = _claim_uid()
        if self.caps.cgroup:
            self.cgroup_dirs = _make_cgroup(f"hocvuso-{os.getpid()}-{self.number}", self.limits)

    def workdir(self, name: str) -> Path:
        folder = self.root / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for sub in ("tmp", ".ipython", "runtime"):
            (folder / sub).mkdir()
        if self.caps.namespaces:
            for path in [folder, *folder.iterdir()]:
                os.chown(path, self.uid, self.uid)
            os.chmod(folder, 0o700)
        return folder

    @property
    def own_uid(self) -> bool:
        return self.caps.namespaces

    def kernel_argv(self, workdir: Path, hide: list[Path]) -> list[str]:
        """The kernelspec ``argv`` that starts an isolated ipykernel in ``workdir``."""
        config = {
            "workdir": str(workdir),
            # A separate user id only inside namespaces: it is what makes the kernel's Python
            # reachable when it lives under a private folder such as /root.
            "uid": self.uid if self.caps.namespaces else None,
            "needed": _needed_paths(),
            "hide": [str(p) for p in hide if p.exists()] if self.caps.namespaces else [],
            "readonly": self.caps.namespaces,
            "tasks": [str(d / "cgroup.procs") for d in self.cgroup_dirs],
            "rlimits": {
                "RLIMIT_FSIZE": self.limits.file_bytes,
                "RLIMIT_NOFILE": self.limits.open_files,
                "RLIMIT_CORE": 0,
                "RLIMIT_NPROC": self.limits.processes if self.own_uid else None,
                "RLIMIT_AS": None if self.cgroup_dirs else 2 * self.limits.memory_bytes,
            },
            "env": _kernel_env(workdir),
        }
        path = workdir.parent / f"{workdir.name}.boot.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        python = [sys.executable, "-I", "-S", str(BOOT), str(path)]
        kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        prefix = ["unshare", "--mount", "--net", "--"] if self.caps.namespaces else []
        return prefix + python + kernel

    def kill_all(self, wait_seconds: float = 20.0) -> None:
        """Kill every process left by the submission (its children too, wherever they went), and
        wait until they are gone: dying processes still count against the next submission's
        process limit."""
        deadline = time.monotonic() + wait_seconds
        while True:
            if self.own_uid:
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the forked child
                    try:
                        os.setgid(self.uid)
                        os.setuid(self.uid)
                        os.kill(-1, signal.SIGKILL)
                    finally:
                        os._exit(0)
                os.waitpid(pid, 0)
            for folder in self.cgroup_dirs:
                _kill_cgroup(folder)
            if not self._alive() or time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def _alive(self) -> bool:
        if any(_procs(folder) for folder in self.cgroup_dirs):
            return True
        return self.own_uid and bool(_uid_processes(self.uid))

    def teardown(self) -> None:
        self.kill_all()
        if self._uid_lock is not None:
            self._uid_lock.close()  # releases the flock: the uid is free for another slot
            self._uid_lock = None
        for folder in self.cgroup_dirs:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.05)


def _claim_uid():
    """A user id no other slot (of this or another grading process) is using, with its lock.

    ``kill_all`` kills every process of the slot's uid, so two live slots must never share one."""
    import fcntl

    _UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    for uid in range(BASE_UID, BASE_UID + UID_RANGE):
        handle = (_UID_LOCKS / str(uid)).open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return uid, handle
    raise RuntimeError("Hết mã người dùng cho vùng chấm (đang có quá nhiều lượt chấm cùng lúc).")


def _make_cgroup(name: str, limits: Limits) -> list[Path]:
    base = Path("/sys/fs/cgroup")
    try:
        if (base / "cgroup.controllers").exists():  # v2: one tree
            parent = base / "hocvuso"
            parent.mkdir(exist_ok=True)
            (base / "cgroup.subtree_control").write_text("+memory +pids")
            (parent / "cgroup.subtree_control").write_text("+memory +pids")
            folder = parent / name
            folder.mkdir(exist_ok=True)
            (folder / "memory.max").write_text(str(limits.memory_bytes))
            (folder / "memory.swap.max").write_text("0")
            (folder / "pids.max").write_text(str(limits.processes))
            return [folder]
        memory = base / "memory" / "hocvuso" / name
        pids = base / "pids" / "hocvuso" / name
        memory.mkdir(parents=True, exist_ok=True)
        pids.mkdir(parents=True, exist_ok=True)
        (memory / "memory.limit_in_bytes").write_text(str(limits.memory_bytes))
        swap = memory / "memory.memsw.limit_in_bytes"
        if swap.exists():
            try:
                swap.write_text(str(limits.memory_bytes))
            except OSError:
                pass
        (pids / "pids.max").write_text(str(limits.processes))
        return [memory, pids]
    except OSError:
        return []


def _procs(folder: Path) -> list[int]:
    try:
        return [int(p) for p in (folder / "cgroup.procs").read_text().split()]
    except OSError:
        return []


def _uid_processes(uid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _kill_cgroup(folder: Path) -> None:
    for _ in range(100):
        pids = _procs(folder)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.02)


def _kernel_env(workdir: Path) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "HOCVUSO_LANG", "PYTHONPATH", "VIRTUAL_ENV")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        HOME=str(workdir),
        TMPDIR=str(workdir / "tmp"),
        IPYTHONDIR=str(workdir / ".ipython"),
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        MPLCONFIGDIR=str(workdir / "tmp"),
        PYTHONDONTWRITEBYTECODE="1",
        # One thread per numeric library: kernels run side by side, and threads count against
        # the process limit.
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    env.setdefault("LANG", "C.UTF-8")
    return env


def _needed_paths() -> list[str]:
    """Folders the kernel must reach: the base Python, the venv, the repository (code, data)."""
    paths = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), str(REPO)}
    return sorted(paths)


def secret_paths(course) -> list[Path]:
    """What a learner's kernel must never read: solutions, hidden tests, other learners' work."""
    git = REPO / ".git"
    if git.is_file():  # a git worktree: .git names the repository's real git folder
        text = git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            git = Path(text.removeprefix("gitdir:").strip()).resolve().parent.parent
    return [p for p in (REPO / "notebooks", git, course.home) if p.is_dir()]
