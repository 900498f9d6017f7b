"""Boot a learner's kernel inside its sandbox (run as ``python -I -S _sandbox_boot.py cfg argv…``).

Standard library only: it runs as root before privileges are dropped. Order matters:

1. join the submission's cgroups (the children inherit them);
2. new mount, network, PID, IPC and UTS namespaces; fork: the child is PID 1 of the new PID
   namespace (when it dies, everything the learner started dies with it), the parent drops to the
   learner's user id and only waits, so the kernel manager's process tracks the kernel's life;
3. the child builds an *allow-list* root on an empty tmpfs: read-only binds of the interpreter,
   the installed packages and the course's learner code, a few /etc files, five device nodes, a
   fresh /proc, a small /tmp and the work folder (the only writable place), then pivots into it —
   nothing else of the host (other checkouts, course homes, /root, host processes) exists there;
4. limits, no new privileges, the learner's user id, death with the parent, then exec the kernel.
"""

import ctypes
import json
import os
import platform
import resource
import signal
import sys

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "ppc64le": 203, "s390x": 217}
DEVICES = ("null", "zero", "full", "random", "urandom")

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    _check(
        _libc.mount(
            source.encode() if source else None,
            target.encode(),
            fstype.encode() if fstype else None,
            ctypes.c_ulong(flags),
            data.encode() if data else None,
        ),
        f"mount {target}",
    )


def _mount_points():
    with open("/proc/self/mountinfo", encoding="utf-8") as handle:
        return [line.split()[4].replace("\\040", " ") for line in handle]


def _die_with_parent():
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")


def _drop(uid):
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl")
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)


def _place(path, new):
    """Create ``new + path`` as an empty mount point of the same kind as ``path``."""
    target = new + path
    if os.path.isdir(path):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            open(target, "w").close()
    return target


def build_root(config):
    """The allow-list root, in the current (new, private) mount namespace; returns its path."""
    new, workdir = config["root"], config["workdir"]
    os.umask(0o022)  # the folders made here must be reachable by the learner's user id
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    writable = {new + workdir, new + "/tmp", new + "/dev/shm", new + "/proc"}
    # /tmp first: an allowed path may lie under it (a checkout or venv in /tmp), and its bind
    # must sit on top of this tmpfs, not under it.
    os.makedirs(new + "/tmp")
    _mount("tmpfs", new + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64m,mode=1777")
    for link, target in config["links"]:
        os.makedirs(os.path.dirname(new + link), exist_ok=True)
        os.symlink(target, new + link)
    for path in config["readonly"]:
        if os.path.exists(path):
            _mount(path, _place(path, new), None, MS_BIND | MS_REC)
    os.makedirs(new + "/dev")
    _mount("tmpfs", new + "/dev", "tmpfs", MS_NOSUID, "size=64k,mode=755")
    for name in DEVICES:
        device = _place("/dev/" + name, new)
        _mount("/dev/" + name, device, None, MS_BIND)
        writable.add(device)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0")):
        os.symlink(target, new + "/dev/" + name)
    for number, name in enumerate(("stdout", "stderr"), start=1):
        os.symlink(f"/proc/self/fd/{number}", new + "/dev/" + name)
    os.makedirs(new + "/dev/shm")
    _mount("tmpfs", new + "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,mode=1777")
    if config.get("proc", True):  # a fresh one: only the new PID namespace's processes
        os.makedirs(new + "/proc")
        _mount("proc", new + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(new + workdir, exist_ok=True)
    _mount(workdir, new + workdir, None, MS_BIND)
    for path in config["hide"]:
        if os.path.isdir(new + path):
            _mount("tmpfs", new + path, "tmpfs", MS_RDONLY, "size=4k,mode=755")
    for point in _mount_points():
        if point.startswith(new + "/") and point not in writable:
            try:
                _mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
            except OSError:
                pass  # a pseudo file system that refuses; the learner's user cannot write it
    _mount(None, new + workdir, None, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV)
    _mount(None, new, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    return new


def pivot(new):
    """Make ``new`` the root and detach the old one (the ``pivot_root(".", ".")`` idiom)."""
    os.chdir(new)
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise OSError(f"pivot_root: unknown machine {platform.machine()}")
    _check(_libc.syscall(number, b".", b"."), "pivot_root")
    _check(_libc.umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")


def _wait_for(child):
    """The parent's whole job: wait for the kernel, exit as it did."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the kernel gets the interrupt itself
    while True:
        try:
            _, status = os.waitpid(child, 0)
        except ChildProcessError:
            os._exit(1)
        except InterruptedError:
            continue
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    argv = sys.argv[2:]
    uid = config["uid"]
    for tasks in config["tasks"]:
        with open(tasks, "w") as handle:
            handle.write(str(os.getpid()))
    if config["isolate"]:
        flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS
        _check(_libc.unshare(flags), "unshare")
        child = os.fork()
        if child:
            _drop(uid)
            _die_with_parent()
            _wait_for(child)
        _die_with_parent()  # until the user id changes (which clears it; set again below)
        pivot(build_root(config))
    for name, value in config["rlimits"].items():
        if value is not None:
            resource.setrlimit(getattr(resource, name), (value, value))
    if uid is not None:
        if "-f" in argv:  # the connection file jupyter_client wrote (0600, root's)
            os.chown(argv[argv.index("-f") + 1], uid, uid)
        _drop(uid)
    _die_with_parent()
    os.umask(0o077)
    os.chdir(config["workdir"])
    os.execve(argv[0], argv, config["env"])


if __name__ == "__main__":
    main()
