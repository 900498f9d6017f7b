"""Installing a Debian package from a test (CI runs as root on a fresh Debian machine).

One apt-get at a time: xdist workers take a file lock, and apt-get itself waits for dpkg's lock
instead of failing when another process holds it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

LOCK = Path("/tmp/hocvuso-apt.lock")


def can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(*packages: str, recommends: bool = True) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    wait = ["-o", "DPkg::Lock::Timeout=600"]
    with LOCK.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        subprocess.run(["apt-get", *wait, "update", "-q"], check=True, env=env, capture_output=True)
        extra = [] if recommends else ["--no-install-recommends"]
        subprocess.run(
            ["apt-get", *wait, "install", "-y", "-q", *extra, *packages],
            check=True,
            env=env,
            capture_output=True,
        )
