"""Several graders at once into one PostgreSQL gradebook: no grade lost, none graded twice.

A real PostgreSQL server (Debian's ``postgresql``, installed here if missing and we are root) is
started on 127.0.0.1 in a temporary data folder for this test run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from cohort import solved

from graders.pipeline import GRADED, import_folder, load_records
from workbench.course import Course


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return found[0].parent if found else None


def _install_postgresql() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(
            "Cần PostgreSQL (Debian: apt-get install postgresql) mà máy này chưa có và không "
            "có quyền root để cài."
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"],
        check=True,
        env=env,
        capture_output=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    if _pg_bin() is None:
        _install_postgresql()
    pg = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="hocvuso-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_postgres, str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {sockets} -c max_connections=100"
    subprocess.run(
        [*as_postgres, str(pg / "pg_ctl"), "-D", str(data), "-o", options, "-l"]
        + [str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [str(pg / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
            + ["-c", "CREATE DATABASE hocvuso"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/hocvuso"
    finally:
        subprocess.run(
            [*as_postgres, str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def test_two_graders_share_one_postgresql_gradebook(postgres, tmp_path):
    home = tmp_path / "home"
    course = Course(home, db_url=postgres)
    course.build(only=["m01"], progress=lambda _m: None)
    lab = course.lab("m01")
    source = course.root / "source" / "m01" / lab.file
    release = course.root / "release" / "m01" / lab.file
    folder = tmp_path / "nop"
    expected = {}
    for i in range(12):
        student = f"hv{i:02d}"
        (folder / student).mkdir(parents=True)
        if i % 3 == 0:
            nb, expected[student] = nbformat.read(release, 4), 0.0
        else:
            nb, expected[student] = solved(source, release), 11.0
        nbformat.write(nb, folder / student / lab.file)
    import_folder(course, "m01", folder)

    command = [str(Path(sys.executable).parent / "hocvuso"), "grade", "m01", "--home", str(home)]
    command += ["--db", postgres, "--so-luong", "1"]
    graders = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = []
    for grader in graders:
        out, _ = grader.communicate(timeout=600)
        assert grader.returncode == 0, out
        outputs.append(out)

    graded_by = [set(re.findall(r"(?m)^\[[#-]+\] \d+/\d+ (\S+)", out)) for out in outputs]
    assert graded_by[0] and graded_by[1], outputs  # both graders did part of the work
    assert not graded_by[0] & graded_by[1], "a submission was graded twice"
    assert graded_by[0] | graded_by[1] == set(expected)

    records = load_records(course, "m01")
    assert {s: (r.status, r.score) for s, r in records.items()} == {
        s: (GRADED, score) for s, score in expected.items()
    }
    with course.gradebook() as gb:
        submissions = gb.assignment_submissions("m01")
        assert sorted(s.student.id for s in submissions) == sorted(expected)
        assert {s.student.id: float(s.score) for s in submissions} == expected

    # Started again, nothing is graded twice: every submission is already there, unchanged.
    began = time.monotonic()
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"Bỏ qua {len(expected)} bài đã chấm" in again.stdout
    assert time.monotonic() - began < 120
