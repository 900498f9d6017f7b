"""Isolation for one learner's kernel, and for the judge that grades it.

A submission is graded under a *lease* (:meth:`Slot.lease`): a user id, cgroups and a work folder
that belong to it alone, and are all gone before anything is reused.

==========================  =========================================================================
limit                       how
==========================  =========================================================================
what the kernel sees        an allow-list root (``_sandbox_boot.py``): read-only binds of the
                            interpreter, installed packages, the course's learner code (``graders``,
                            ``workbench``, ``curriculum``) and a few /etc files; five device nodes; its
                            own /proc (PID namespace); a small /tmp; its work folder. Nothing else:
                            no trainer notebooks of any checkout, no course home, no host process
memory                      cgroup (v1 ``memory.limit_in_bytes`` / v2 ``memory.max``); otherwise
                            ``RLIMIT_AS``
processes (fork bombs)      cgroup ``pids.max``; ``RLIMIT_NPROC`` for the lease's own user id; PID 1 of
                            its PID namespace is the kernel: when it dies, all it started dies
network                     a new, empty network namespace; the kernel talks to us over Unix sockets
writes                      its own unprivileged user id; every mount read-only except the work
                            folder, /tmp and /dev/shm (tmpfs); ``RLIMIT_FSIZE`` caps a file's size
the judge                   runs as the lease's user id too (never root) in its own mount namespace
                            where only the work folder is writable: whatever the learner puts in
                            that folder (links, FIFOs, renames) cannot turn it against the host
cell and total time         enforced by the judge (interrupt, then kill) and by the worker (kill)
output size                 counted by the judge as messages arrive; the kernel is stopped past it
leftovers                   workers, judges and kernels die with their parent (``PR_SET_PDEATHSIG``);
                            :func:`reap_debris` removes what a killed run left (processes of unused
                            user ids, cgroups and folders of dead runs)
==========================  =========================================================================

All of this needs root (the grading service, CI). Without it, the kernel and the judge run as
the grader's own user with rlimits only, and :func:`capabilities` says what is missing so that the
run reports it in Vietnamese.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workbench.paths import REPO

BOOT = Path(__file__).with_name("_sandbox_boot.py")
BASE_UID = 61000  # leases run as uid/gid 61000 … 61999, each held by one lease at a time
UID_RANGE = 1000
RUN_PREFIX = "hocvuso-cham-"  # slot folders: <tmp>/hocvuso-cham-<grader pid>-<random>
_CGROUP = "hocvuso"
_UID_LOCKS = Path("/run/hocvuso-uid-locks") if os.path.isdir("/run") else Path("/tmp/hocvuso-uid")
# What a learner's kernel may import and read besides its interpreter: the learner side of the
# course. Trainer notebooks (solutions, hidden tests), tests and .git are not on the list.
LEARNER_CODE = ("graders", "workbench", "curriculum")
_ETC = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "passwd",
    "group",
    "nsswitch.conf",
    "hosts",
    "fonts",
    "mime.types",
    "alternatives",
)
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWNET = 0x00020000, 0x08000000, 0x40000000


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 1024 * 1024 * 1024
    processes: int = 64
    file_bytes: int = 64 * 1024 * 1024
    open_files: int = 256
    cell_seconds: float = 30.0
    total_seconds: float = 180.0
    output_bytes: int = 2 * 1024 * 1024
    judge_memory_bytes: int = 4 * 1024 * 1024 * 1024
    disk_bytes: int = 256 * 1024 * 1024  # the work folder (a tmpfs of its own, as root)
    disk_files: int = 20_000

    @property
    def judge_seconds(self) -> float:
        """The worker's hard deadline for one submission: its kernel's time, the judge's own work
        on the trusted side, and starting and stopping."""
        return self.total_seconds * 1.5 + 90


@dataclass(frozen=True)
class Capabilities:
    root: bool
    namespaces: bool
    cgroup: str | None  # "v1", "v2" or None

    @property
    def missing(self) -> list[str]:
        out = []
        if not self.root:
            out.append(
                "không chạy bằng quyền root nên bài làm chạy bằng chính quyền của người chấm "
                "(đọc được mọi tệp người chấm đọc được)"
            )
        if not self.namespaces:
            out.append(
                "không tạo được không gian tên (unshare): bài làm thấy toàn bộ ổ đĩa và tiến "
                "trình của máy, dùng được mạng"
            )
        if self.cgroup is None:
            out.append("không dùng được cgroup: giới hạn bộ nhớ và số tiến trình bằng rlimit")
        return out


@cache
def capabilities() -> Capabilities:
    root = os.geteuid() == 0
    namespaces = False
    if root and shutil.which("unshare"):
        probe = subprocess.run(
            ["unshare", "--mount", "--net", "--pid", "--fork", "--ipc", "--uts", "--", "true"],
            capture_output=True,
            timeout=20,
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


# --- slots and leases -----------------------------------------------------------------------


def make_run_folder() -> Path:
    """This run's folder of slot folders, named after the grader so a later run can tell debris."""
    base = Path(tempfile.gettempdir())
    if not _traversable(base):  # the learner's user id must reach its work folder
        base = Path("/tmp")
    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-", dir=base))
    os.chmod(folder, 0o711)
    return folder


def _traversable(path: Path) -> bool:
    return all(os.stat(p).st_mode & stat.S_IXOTH for p in [path, *path.parents])


@dataclass
class Slot:
    """One concurrent grading place (one worker): a folder, and a lease per submission."""

    number: int
    root: Path
    limits: Limits
    caps: Capabilities = field(default_factory=capabilities)
    owner: int = field(default_factory=os.getpid)  # the grading run (its main process)
    retired: list = field(default_factory=list)  # locks of user ids whose processes survived
    _serial: int = 0

    def setup(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o711)

    @property
    def own_uid(self) -> bool:
        return self.caps.namespaces

    def lease(self, name: str, data: list[Path] = ()) -> Lease:
        """A fresh user id (no process of it alive), fresh cgroups and a fresh work folder holding
        a copy of ``data``, all owned by that user id."""
        self._serial += 1
        uid, lock = _claim_uid() if self.own_uid else (None, None)
        cgroups = []
        if self.caps.cgroup:
            cgroups = _make_cgroup(
                f"r{self.owner}-{self.number}-{self._serial}", self.limits, self.caps.cgroup
            )
        workdir = self.root / name
        if os.path.lexists(workdir):
            _unmount_under(workdir)
            _remove_tree(workdir)
        workdir.mkdir(mode=0o700)
        if self.caps.namespaces:  # its own size and number of files: no filling the host's disk
            libc = ctypes.CDLL(None, use_errno=True)
            options = f"size={self.limits.disk_bytes},nr_inodes={self.limits.disk_files},mode=700"
            _ok(
                libc.mount(b"tmpfs", bytes(workdir), b"tmpfs", ctypes.c_ulong(6), options.encode()),
                "mount tmpfs",
            )
        for sub in ("tmp", ".ipython", "runtime"):
            (workdir / sub).mkdir(mode=0o700)
        for path in data:
            if path.is_dir():
                shutil.copytree(path, workdir / path.name, symlinks=False)
            else:
                shutil.copy(path, workdir / path.name)
        if uid is not None:
            # No process of this uid is alive (checked when claimed): nobody can race this walk.
            for folder, dirs, files in os.walk(workdir):
                for entry in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                    os.lchown(entry, uid, uid)
        points = [self.root / f"{name}.root", self.root / f"{name}.judge"]
        for point in points:
            if not point.exists():
                point.mkdir(mode=0o700)
        return Lease(self, uid, lock, cgroups, workdir, *points)


@dataclass
class Lease:
    slot: Slot
    uid: int | None
    _lock: object
    cgroup_dirs: list[Path]
    workdir: Path
    mount_point: Path  # the kernel's root is built on it (in the kernel's mount namespace)
    judge_point: Path  # the judge's

    @property
    def limits(self) -> Limits:
        return self.slot.limits

    def kernel_argv(self, hide: list[Path]) -> list[str]:
        """The kernelspec ``argv`` that starts an isolated ipykernel in the work folder."""
        caps = self.slot.caps
        readonly, links = allowed_paths()
        config = {
            "workdir": str(self.workdir),
            "root": str(self.mount_point),
            "uid": self.uid,
            "isolate": caps.namespaces,
            "readonly": readonly,
            "links": links,
            "hide": [str(p) for p in hide],
            "tasks": [str(d / "cgroup.procs") for d in self.cgroup_dirs],
            "rlimits": {
                "RLIMIT_FSIZE": self.limits.file_bytes,
                "RLIMIT_NOFILE": self.limits.open_files,
                "RLIMIT_CORE": 0,
                "RLIMIT_NPROC": self.limits.processes if self.uid is not None else None,
                "RLIMIT_AS": None if self.cgroup_dirs else 2 * self.limits.memory_bytes,
            },
            "env": _kernel_env(self.workdir),
        }
        path = self.workdir.parent / f"{self.workdir.name}.boot.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        python = [sys.executable, "-I", "-S", str(BOOT), str(path)]
        return python + [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]

    def confine_judge(self, parent: int) -> None:
        """Called by the judge process once its kernel is started: from here on it works on what
        the learner controls, so it keeps root for nothing. Its own mount namespace (only the work
        folder writable), no network, limits, the lease's user id, death with its parent."""
        # The judge is a fork of a worker that may already map a lot (under pytest, all of the
        # test process): its memory limit is on top of what it has, or the ZeroMQ threads it
        # starts next could not even get their stacks.
        with open("/proc/self/statm", encoding="ascii") as handle:
            mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        if self.slot.caps.namespaces:
            from . import _sandbox_boot as boot

            libc = ctypes.CDLL(None, use_errno=True)
            _ok(libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC), "unshare")
            readonly, links = allowed_paths(judge=True)
            root = {"root": str(self.judge_point), "workdir": str(self.workdir), "proc": False}
            root.update(readonly=readonly, links=links, hide=[])
            boot.pivot(boot.build_root(root))
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.limits.file_bytes,) * 2)
        resource.setrlimit(resource.RLIMIT_AS, (mapped + self.limits.judge_memory_bytes,) * 2)
        if self.uid is not None:
            os.setgroups([])
            os.setgid(self.uid)
            os.setuid(self.uid)
        die_with_parent(parent)
        os.umask(0o077)
        os.chdir(self.workdir)
        os.environ.update(HOME=str(self.workdir), MPLCONFIGDIR=str(self.workdir / "tmp"))
        tempfile.tempdir = str(self.workdir / "tmp")

    def release(self, wait_seconds: float = 20.0) -> bool:
        """Kill every process of the lease (its children too, wherever they went), wait until
        they are gone, then free the user id and remove the cgroups and the work folder. A user id
        whose processes survived is never handed out again by this run. True when all is gone."""
        deadline = time.monotonic() + wait_seconds
        while True:
            if self.uid is not None:
                kill_uid(self.uid)
            for folder in self.cgroup_dirs:
                _kill_cgroup(folder)
            reap_children()
            alive = self._alive()
            if not alive or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if self._lock is not None:
            if alive:
                self.slot.retired.append(self._lock)
            else:
                self._lock.close()  # releases the flock: the uid is free for another lease
            self._lock = None
        for folder in self.cgroup_dirs:
            _remove_cgroup(folder)
        _unmount_under(self.workdir)
        _remove_tree(self.workdir)
        for leftover in (self.workdir.parent / f"{self.workdir.name}.boot.json",):
            leftover.unlink(missing_ok=True)
        for point in (self.mount_point, self.judge_point):
            try:
                point.rmdir()
            except OSError:
                pass
        return not alive

    def _alive(self) -> bool:
        if any(_procs(folder) for folder in self.cgroup_dirs):
            return True
        return self.uid is not None and bool(uid_processes(self.uid))


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when ``parent`` dies (set after any change of user id, which clears
    it); if the parent is already gone, die now."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _ok(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _unmount_under(path: Path) -> None:
    """Detach every mount at or under ``path`` (the work folder's tmpfs), deepest first."""
    top = os.path.realpath(path)
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as handle:
            points = [line.split()[4].replace("\\040", " ") for line in handle]
    except OSError:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for point in sorted(
        (p for p in points if p == top or p.startswith(top + os.sep)), key=len, reverse=True
    ):
        libc.umount2(point.encode(), 2)  # MNT_DETACH


def _remove_tree(path: Path) -> None:
    """Remove a folder the learner could write: ``shutil.rmtree`` works through directory file
    descriptors and never follows a symbolic link (CPython's symlink-attack-safe version)."""
    assert shutil.rmtree.avoids_symlink_attacks
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)


# --- user ids --------------------------------------------------------------------------------


def _uid_lock(uid: int):
    """``uid``'s lock, taken (the open file, whose closing frees it), or None when a live lease
    holds it."""
    _UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    fd = os.open(_UID_LOCKS / str(uid), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    handle = os.fdopen(fd, "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def _claim_uid():
    """A user id no other lease (of this or another grading process) holds and no process uses,
    with its lock. ``release`` kills every process of the uid, so two live leases never share."""
    alive = _uids_in_use()
    for uid in range(BASE_UID, BASE_UID + UID_RANGE):
        handle = _uid_lock(uid)
        if handle is None:
            continue
        if uid in alive:  # left by a dead run: kill, and use it only if that worked
            kill_uid(uid)
            if uid_processes(uid):
                handle.close()
                continue
        return uid, handle
    raise RuntimeError("Hết mã người dùng cho vùng chấm (đang có quá nhiều lượt chấm cùng lúc).")


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid`` (from a child that takes that uid: ``kill(-1)``)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked child
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            if os.getuid() == uid and os.geteuid() == uid:
                os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def uid_processes(uid: int) -> list[int]:
    return [pid for pid, owner in _process_owners() if owner == uid]


def _uids_in_use() -> set[int]:
    return {u for _, u in _process_owners() if BASE_UID <= u < BASE_UID + UID_RANGE}


def _process_owners() -> list[tuple[int, int]]:
    """(pid, uid) of every live process; zombies (dead, waiting for their parent to read their
    status) run nothing and are left out."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                uid = entry.stat().st_uid
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    state = handle.read().rpartition(b")")[2].split()[0]
            except (OSError, IndexError):
                continue
            if state not in (b"Z", b"X"):
                found.append((int(entry.name), uid))
    return found


def reap_children() -> None:
    """Read the status of every child that has exited (a worker is the subreaper of its judges'
    kernels: without this they would wait as zombies)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


# --- cgroups ---------------------------------------------------------------------------------


def _cgroup_parents(version: str | None) -> list[Path]:
    base = Path("/sys/fs/cgroup")
    if version == "v2":
        return [base / _CGROUP]
    if version == "v1":
        return [base / "memory" / _CGROUP, base / "pids" / _CGROUP]
    return []


def _make_cgroup(name: str, limits: Limits, version: str) -> list[Path]:
    base = Path("/sys/fs/cgroup")
    try:
        if version == "v2":
            parent = base / _CGROUP
            parent.mkdir(exist_ok=True)
            (base / "cgroup.subtree_control").write_text("+memory +pids")
            (parent / "cgroup.subtree_control").write_text("+memory +pids")
            folder = parent / name
            folder.mkdir(exist_ok=True)
            (folder / "memory.max").write_text(str(limits.memory_bytes))
            (folder / "memory.swap.max").write_text("0")
            (folder / "pids.max").write_text(str(limits.processes))
            return [folder]
        memory = base / "memory" / _CGROUP / name
        pids = base / "pids" / _CGROUP / name
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
        pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
    except OSError:
        return []
    live = {pid for pid, _ in _process_owners()} if pids else set()
    return [pid for pid in pids if pid in live]


def _kill_cgroup(folder: Path) -> None:
    kill = folder / "cgroup.kill"  # cgroup v2, Linux ≥ 5.14: atomic
    if kill.exists():
        try:
            kill.write_text("1")
        except OSError:
            pass
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


def _remove_cgroup(folder: Path) -> None:
    for _ in range(50):
        try:
            folder.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.05)


# --- what a killed run left behind -----------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_debris(own: bool = False) -> list[str]:
    """Remove what dead grading runs left on this machine: processes of lease user ids that no
    live run holds, cgroups and slot folders whose run is dead. ``own``: this run's too (at its
    end). Returns what was removed, for the log."""
    me = os.getpid()

    def dead(owner: str) -> bool:
        if not owner.isdigit():
            return False
        return (own and int(owner) == me) or (int(owner) != me and not _pid_alive(int(owner)))

    removed = []
    caps = capabilities()
    for parent in _cgroup_parents(caps.cgroup):
        if not parent.is_dir():
            continue
        for folder in parent.iterdir():
            if (
                folder.is_dir()
                and folder.name.startswith("r")
                and dead(folder.name[1:].split("-")[0])
            ):
                _kill_cgroup(folder)
                _remove_cgroup(folder)
                removed.append(str(folder))
    if caps.namespaces:
        for uid in sorted(_uids_in_use()):
            handle = _uid_lock(uid)
            if handle is None:
                continue
            for _ in range(20):
                kill_uid(uid)
                if not uid_processes(uid):
                    break
                time.sleep(0.05)
            handle.close()
            removed.append(f"uid {uid}")
    base = Path(tempfile.gettempdir())
    for folder in {*base.glob(f"{RUN_PREFIX}*"), *Path("/tmp").glob(f"{RUN_PREFIX}*")}:
        owner = folder.name.removeprefix(RUN_PREFIX).split("-")[0]
        if folder.is_dir() and not folder.is_symlink() and dead(owner):
            if folder.stat().st_uid == os.geteuid():
                _unmount_under(folder)
                _remove_tree(folder)
                removed.append(str(folder))
    return removed


# --- the kernel's view -----------------------------------------------------------------------


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


@cache
def allowed_paths(judge: bool = False) -> tuple[list[str], list[list[str]]]:
    """(read-only paths, [link, target] symlinks) of the kernel's root (``judge``: the judge's,
    which has the whole repository), as absolute host paths."""
    readonly, links = [], []
    for name in ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{name}"
        if os.path.islink(path):
            links.append([path, os.readlink(path)])
        elif os.path.isdir(path):
            readonly.append(path)
    readonly += [f"/etc/{name}" for name in _ETC if os.path.exists(f"/etc/{name}")]
    python = {
        os.path.realpath(sys.base_prefix),
        os.path.realpath(sys.prefix),
        os.path.dirname(os.path.realpath(sys.executable)),
    }
    for entry in sys.path:
        if entry and os.path.isdir(entry):
            python.add(os.path.realpath(entry))
    repo = os.path.realpath(REPO)
    for path in sorted(python):
        if path == repo or path.startswith(repo + os.sep):
            if not path.startswith(os.path.realpath(sys.prefix)):
                continue  # the repository's own folders: only the learner code below
        if not any(path == p or path.startswith(p + os.sep) for p in readonly):
            readonly.append(path)
    readonly += [repo] if judge else [os.path.join(repo, name) for name in LEARNER_CODE]
    return sorted(set(readonly), key=lambda p: (p.count(os.sep), p)), links


def secret_paths(course) -> list[Path]:
    """What a learner's kernel must never read, were it ever under an allowed path: solutions,
    hidden tests, other learners' work."""
    git = REPO / ".git"
    if git.is_file():  # a git worktree: .git names the repository's real git folder
        text = git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            git = Path(text.removeprefix("gitdir:").strip()).resolve().parent.parent
    return [p for p in (REPO / "notebooks", git, course.home) if p.is_dir()]
