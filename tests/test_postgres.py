"""Several graders at once into one PostgreSQL gradebook: no grade lost, none graded twice.

A real PostgreSQL server (Debian's ``postgresql``, installed here if missing and we are root) is
started on 127.0.0.1 in a temporary data folder for this test run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from cohort import solved
from pgserver import NoPostgres, postgres_server

from graders.pipeline import GRADED, import_folder, load_records
from workbench.course import Course


@pytest.fixture(scope="module")
def postgres():
    try:
        with postgres_server() as url:
            yield url
    except NoPostgres as error:
        pytest.skip(str(error))


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
