"""Shared fixtures: the course is built once per test run and copied where a test may change it."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/cohort.py, tests/answers/

from workbench.course import Course  # noqa: E402


@pytest.fixture(scope="session")
def pristine_home(tmp_path_factory) -> Path:
    """One real build for the whole run, shared by the xdist workers (first one builds, under a
    lock; the others wait). Never modify it: copy it with ``course_copy``."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's base is <run>/popen-gwN: the run's folder is shared by them.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    home = shared / "hocvuso-built"
    with (shared / "hocvuso-built.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        Course(home).build(progress=lambda _msg: None)  # skipped when already up to date
    return home


def copy_course(pristine: Path, target: Path) -> Course:
    shutil.copytree(pristine, target, symlinks=True)
    return Course(target)


@pytest.fixture(scope="session")
def built_course(pristine_home, tmp_path_factory) -> Course:
    """This worker's own copy of the built course."""
    return copy_course(pristine_home, tmp_path_factory.mktemp("hocvuso-home") / "home")
