"""Boot a learner's kernel inside its sandbox (run as ``python -I -S _sandbox_boot.py cfg argv…``).

Standard library only: it runs before privileges are dropped, in the new mount and network
namespaces made by ``unshare``. Order matters: join the cgroups and set mounts while still root,
then limits, then drop to the slot's user id, then exec the kernel.
"""

import ctypes
import json
import os
import resource
import sys

MS_RDONLY, MS_REMOUNT, MS_BIND, MS_MOVE, MS_REC, MS_PRIVATE = 1, 32, 4096, 8192, 16384, 1 << 18


def _mount(source, target, fstype, flags, data=None):
    libc = ctypes.CDLL(None, use_errno=True)
    result = libc.mount(
        source.encode() if source else None,
        target.encode(),
        fstype.encode() if fstype else None,
        ctypes.c_ulong(flags),
        data.encode() if data else None,
    )
    if result != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}")


def _mount_points():
    with open("/proc/self/mountinfo", encoding="utf-8") as handle:
        points = [line.split()[4] for line in handle]
    return sorted(set(points), key=len)


def _open_paths(workdir, needed):
    """Let the unprivileged kernel reach ``needed`` paths (its Python, the venv, the code) that
    sit under a folder others may not enter (``/root`` is 0700): cover that folder with an empty
    tmpfs holding only the needed children, moved back in from a stash in the work folder."""
    blocked = {}
    for path in needed:
        parts = path.split("/")
        for i in range(2, len(parts)):
            folder = "/".join(parts[:i]) or "/"
            if not os.stat(folder).st_mode & 0o001:
                child = "/".join(parts[: i + 1])
                blocked.setdefault(folder, set()).add(child)
                break
    for number, (folder, children) in enumerate(sorted(blocked.items())):
        stashes = []
        for k, child in enumerate(sorted(children)):
            stash = os.path.join(workdir, f".stash-{number}-{k}")
            os.mkdir(stash)
            _mount(child, stash, None, MS_BIND | MS_REC)
            stashes.append((stash, child))
        _mount("tmpfs", folder, "tmpfs", 0, "size=16k,mode=755")
        for stash, child in stashes:
            os.mkdir(child)
            _mount(stash, child, None, MS_MOVE)
            os.rmdir(stash)


def main():
    config = json.load(open(sys.argv[1], encoding="utf-8"))
    argv = sys.argv[2:]
    workdir = config["workdir"]
    for tasks in config["tasks"]:
        with open(tasks, "w") as handle:
            handle.write(str(os.getpid()))
    if config["readonly"]:
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        if config["uid"] is not None:
            _open_paths(workdir, config["needed"])
        _mount(workdir, workdir, None, MS_BIND)
        for point in _mount_points():
            if point == workdir:
                continue
            try:
                _mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY)
            except OSError:
                pass  # some pseudo file systems refuse; they are not writable by the user anyway
        for path in config["hide"]:
            _mount("tmpfs", path, "tmpfs", MS_RDONLY, "size=4k,mode=755")
    for name, value in config["rlimits"].items():
        if value is not None:
            resource.setrlimit(getattr(resource, name), (value, value))
    uid = config["uid"]
    if uid is not None:
        if "-f" in argv:  # the connection file jupyter_client wrote (0600, root's)
            os.chown(argv[argv.index("-f") + 1], uid, uid)
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    os.chdir(workdir)
    os.execve(argv[0], argv, config["env"])


main()
