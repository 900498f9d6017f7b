"""The grading engine against hostile and broken submissions, graded in one run with honest ones.

Every hostile submission is the correct solution of lab m01 (11 points) with one attack added; its
expected grade says what the attack must earn. Honest learners in the same run must be unaffected.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import psutil
import pytest
from cohort import insert_after, set_answer, solved
from conftest import copy_course

from graders.pipeline import FAILED, GRADED, import_folder, load_records
from graders.sandbox import Limits
from workbench.data import units
from workbench.paths import NOTEBOOKS

LAB = "m01"
POINTS = {"so_xa": 2, "dem_tinh_cu": 2, "loc_theo_loai": 2, "tim_ma": 3, "ma_xa_nho_nhat": 2}
FULL = sum(POINTS.values())
N_XA = sum(u["loai"] == "xã" for u in units())
SECRET = NOTEBOOKS / "m01-bang-du-lieu-124-don-vi" / "thuc-hanh.ipynb"
MARK = uuid.uuid4().hex
FORK_BOMB = f"hv13-bom-tien-trinh-{MARK[:8]}"  # unique: its processes are looked for afterwards


@pytest.fixture(scope="module")
def listener():
    """A TCP server on the host's loopback: a sandboxed kernel must not reach it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture(scope="module")
def hostile_run(pristine_home, tmp_path_factory, listener):
    home = tmp_path_factory.mktemp("engine") / "home"
    course = copy_course(pristine_home, home)
    lab = course.lab(LAB)
    source = course.root / "source" / LAB / lab.file
    release = course.root / "release" / LAB / lab.file
    folder = home.parent / "nop"
    expected: dict[str, float | str | None] = {}
    zero: dict[str, str] = {}  # learner → a question that must score 0, whatever else happens

    def submit(student: str, nb, score: float | None) -> None:
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / lab.file)
        expected[student] = score

    def good():
        return solved(source, release)

    submit("hv01-dung", good(), FULL)
    submit("hv02-mot-phan", solved(source, release, {"so_xa", "dem_tinh_cu"}), 4)
    submit("hv03-trong", nbformat.read(release, 4), 0)

    nb = good()
    insert_after(nb, "dem_tinh_cu_kiem_tra", "import os\nos._exit(1)")
    submit("hv10-chet-dot-ngot", nb, POINTS["so_xa"] + POINTS["dem_tinh_cu"])

    nb = good()
    set_answer(nb, "tim_ma", "while True:\n    pass")
    submit("hv11-vong-lap", nb, FULL - POINTS["tim_ma"])

    nb = good()
    insert_after(nb, "tim_ma_kiem_tra", "_x = bytearray(3 * 1024**3)")
    set_answer(nb, "ma_xa_nho_nhat", "_y = bytearray(3 * 1024**3)\nma_xa_nho_nhat = [1]")
    submit("hv12-bo-nho", nb, FULL - POINTS["ma_xa_nho_nhat"])

    nb = good()
    insert_after(nb, "tim_ma_kiem_tra", "import os\nwhile True:\n    os.fork()")
    submit(FORK_BOMB, nb, None)  # contained; may cost the cells after it

    nb = good()
    insert_after(nb, "so_xa_kiem_tra", "print('x' * 100_000_000)")
    submit("hv14-in-100MB", nb, FULL)

    nb = good()
    set_answer(
        nb,
        "so_xa",
        "class _LuonBang(int):\n    def __eq__(self, other):\n        return True\n"
        "so_xa = _LuonBang(0)",
    )
    submit("hv15-gia-eq", nb, FULL - POINTS["so_xa"])

    nb = good()  # the last answer wrong, and everything that judges it in the kernel patched
    smallest = sorted(u["ma"] for u in units() if u["loai"] == "xã")[:5]
    set_answer(
        nb,
        "ma_xa_nho_nhat",
        "import graders.canonical as _c\nimport graders.m01.thuc_hanh as _t\n"
        f"_c.plain = lambda v: {smallest}\n"
        "_t.q5.check = lambda strict=False: None\n"
        "import builtins\nbuiltins.AssertionError = type('K', (Exception,), {})\n"
        "ma_xa_nho_nhat = [1, 2, 3, 4, 5]",
    )
    submit("hv16-va-ham-kiem-tra", nb, FULL - POINTS["ma_xa_nho_nhat"])

    nb = good()  # a wrong function, and pandas patched so the wrong answer looks right
    set_answer(
        nb,
        "loc_theo_loai",
        "import pandas\npandas.Series.tolist = lambda s: [1, 3]\n"
        "pandas.DataFrame.__len__ = lambda s: 0\n"
        "def loc_theo_loai(bang, loai):\n    return bang",
    )
    # The patch also spoils the learner's own later answers: only this question is pinned.
    submit("hv25-va-pandas", nb, None)
    zero["hv25-va-pandas"] = "loc_theo_loai"

    nb = good()
    nb.cells.insert(
        0,
        nbformat.v4.new_code_cell(
            "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"
        ),
    )
    submit("hv17-nuot-o-kiem-tra", nb, 0)

    nb = good()
    set_answer(nb, "so_xa", "so_xa = 1")
    insert_after(nb, "so_xa", "print('✅ Đúng rồi! Đã qua tất cả các kiểm tra. 11/11 điểm')")
    submit("hv18-in-gia", nb, FULL - POINTS["so_xa"])

    nb = good()
    set_answer(nb, "so_xa", f"import os\nso_xa = {N_XA} if os.path.exists({str(SECRET)!r}) else -1")
    submit("hv19-doc-de", nb, FULL - POINTS["so_xa"])

    nb = good()
    set_answer(
        nb,
        "so_xa",
        "import socket\ntry:\n"
        f"    socket.create_connection(('127.0.0.1', {listener}), timeout=2)\n"
        f"    so_xa = {N_XA}\nexcept OSError:\n    so_xa = -1",
    )
    submit("hv20-mang", nb, FULL - POINTS["so_xa"])

    targets = [course.root / f"hack-{MARK}.txt", f"/tmp/hack-{MARK}.txt", f"/var/tmp/hack-{MARK}"]
    nb = good()
    insert_after(
        nb,
        "so_xa",
        f"for _p in {[str(t) for t in targets]!r}:\n"
        "    try:\n        open(_p, 'w').write('x')\n    except OSError:\n        pass",
    )
    submit("hv21-ghi-ra-ngoai", nb, FULL)

    nb = good()
    nb.cells = [c for c in nb.cells if not c.metadata.get("nbgrader", {}).get("locked")]
    submit("hv22-xoa-o", nb, FULL)

    nb = good()  # a wrong answer, and its test cell edited to test nothing
    set_answer(nb, "so_xa", "so_xa = 7")
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "so_xa_kiem_tra":
            cell.source = '"""Câu 1."""\npass'
    submit("hv26-sua-o-kiem-tra", nb, FULL - POINTS["so_xa"])

    nb = good()
    insert_after(nb, "so_xa", "so_xa = 0", {"grade_id": "so_xa", "solution": True})
    submit("hv23-nhan-doi", nb, FULL)

    nb = good()
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "so_xa":
            cell.metadata["nbgrader"]["grade_id"] = "so_xa_kiem_tra"
    insert_after(
        nb,
        "dem_tinh_cu",
        "pass",
        {"grade": True, "grade_id": "thuong", "points": 100, "locked": True, "solution": False},
    )
    submit("hv24-sua-grade-id", nb, FULL - POINTS["so_xa"])

    (folder / "hv30-json-hong").mkdir(parents=True)
    (folder / "hv30-json-hong" / lab.file).write_text('{"cells": [', encoding="utf-8")
    expected["hv30-json-hong"] = "lỗi"
    old = json.loads(nbformat.writes(good()))
    old["nbformat"] = 3
    (folder / "hv31-nbformat-3").mkdir(parents=True)
    (folder / "hv31-nbformat-3" / lab.file).write_text(json.dumps(old), encoding="utf-8")
    expected["hv31-nbformat-3"] = "lỗi"

    limits = Limits(
        memory_bytes=768 * 1024**2,
        cell_seconds=8,
        total_seconds=120,
        output_bytes=1024**2,
    )
    run = course.grade(LAB, folder, progress=lambda _m: None, workers=2, limits=limits)
    run.zero = zero
    return course, run, expected, targets


def test_every_submission_gets_its_expected_grade(hostile_run):
    course, run, expected, _ = hostile_run
    by = run.by_student()
    assert set(by) == set(expected)
    wrong = {}
    for student, want in expected.items():
        record = by[student]
        if want == "lỗi":
            ok = record.status == FAILED and record.problems
        elif want is None:
            ok = record.status == GRADED and 0 <= record.score <= FULL
        else:
            ok = record.status == GRADED and record.score == want
        if not ok:
            wrong[student] = (want, record.status, record.score, record.problems)
    assert not wrong, wrong
    with course.gradebook() as gb:
        for student, question in run.zero.items():
            grade = gb.find_grade(question + "_kiem_tra", "thuc-hanh", LAB, student)
            assert grade.auto_score == 0, (student, question)


def test_broken_files_are_explained_in_vietnamese(hostile_run):
    _, run, _, _ = hostile_run
    by = run.by_student()
    assert "tệp bị hỏng" in by["hv30-json-hong"].problems[0]
    assert "định dạng 4" in by["hv31-nbformat-3"].problems[0]
    assert "hv31-nbformat-3/thuc-hanh.ipynb" in by["hv31-nbformat-3"].problems[0]


def test_a_dead_kernel_is_reported_not_fatal(hostile_run):
    _, run, _, _ = hostile_run
    problems = " ".join(run.by_student()["hv10-chet-dot-ngot"].problems)
    assert "hạt nhân dừng đột ngột" in problems


def test_nothing_was_written_outside_and_no_process_is_left(hostile_run):
    _, _, _, targets = hostile_run
    assert not [t for t in targets if os.path.exists(t)]
    left = []
    for proc in psutil.process_iter(["cmdline"]):
        if any(FORK_BOMB in part for part in proc.info["cmdline"] or ()):
            left.append(proc.pid)
    assert not left, f"the fork bomb's processes survived: {left}"


def test_rerun_skips_unchanged_and_regrades_changed(hostile_run, tmp_path):
    course, _, expected, _ = hostile_run
    folder = course.root / "submitted"
    changed = folder / "hv03-trong" / LAB / course.lab(LAB).file
    changed.write_text(changed.read_text(encoding="utf-8") + " ", encoding="utf-8")
    lines = []
    run = course.grade(LAB, progress=lines.append, workers=2)
    assert f"Bỏ qua {len(expected) - 1} bài đã chấm" in lines[0]
    assert [line for line in lines[1:] if "hv03-trong" in line]
    assert len(lines) == 2
    assert run.by_student()["hv01-dung"].score == FULL


def test_a_killed_run_resumes_without_losing_or_repeating_a_grade(pristine_home, tmp_path):
    """SIGKILL the grading process mid-run, start it again: the gradebook equals a clean run's."""

    killed = copy_course(pristine_home, tmp_path / "killed")
    clean = copy_course(pristine_home, tmp_path / "clean")
    lab = killed.lab(LAB)
    source = killed.root / "source" / LAB / lab.file
    release = killed.root / "release" / LAB / lab.file
    folder = tmp_path / "nop"
    for i in range(10):
        student = f"hv{i:02d}"
        nb = solved(source, release, None if i % 2 else {"so_xa", "tim_ma"})
        nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(1)"))
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / lab.file)
    for course in (killed, clean):
        import_folder(course, LAB, folder)

    hocvuso = str(Path(sys.executable).parent / "hocvuso")
    command = [hocvuso, "grade", LAB, "--home", str(killed.home), "--so-luong", "2"]
    log = (tmp_path / "lan-1.log").open("w")
    first = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 300
    while len(load_records(killed, LAB)) < 3:
        assert first.poll() is None, (tmp_path / "lan-1.log").read_text()
        assert time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    before = load_records(killed, LAB)
    assert 3 <= len(before) < 10, "the kill came mid-run"

    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    regraded = set(re.findall(r"(?m)^\[[#-]+\] \d+/\d+ (\S+)", again.stdout))
    assert not regraded & set(before), "a saved grade was graded again"
    assert regraded | set(before) == {f"hv{i:02d}" for i in range(10)}

    subprocess.run([hocvuso, "grade", LAB, "--home", str(clean.home)], check=True, timeout=600)
    assert _cell_scores(killed) == _cell_scores(clean)


def _cell_scores(course) -> dict:
    with course.gradebook() as gb:
        return {
            (sub.student.id, grade.name): grade.auto_score
            for sub in gb.assignment_submissions(LAB)
            for grade in gb.find_submission_notebook("thuc-hanh", LAB, sub.student.id).grades
        }


def test_a_kernel_that_cannot_start_postpones_instead_of_scoring_zero(pristine_home, tmp_path):
    """The grader's own trouble (here: too little memory for any kernel) saves nothing; the next
    run grades the submission."""
    course = copy_course(pristine_home, tmp_path / "home")
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    release = course.root / "release" / "m00" / lab.file
    (tmp_path / "nop" / "hv01").mkdir(parents=True)
    nbformat.write(solved(source, release), tmp_path / "nop" / "hv01" / lab.file)
    starved = Limits(memory_bytes=24 * 1024**2)
    run = course.grade("m00", tmp_path / "nop", progress=lambda _m: None, limits=starved)
    assert run.records == []
    assert any("hv01/thuc-hanh.ipynb: chưa chấm được lần này" in p for p in run.problems)
    run = course.grade("m00", progress=lambda _m: None)
    assert run.by_student()["hv01"].score == run.by_student()["hv01"].max_score > 0


def test_a_submission_the_machine_cannot_grade_is_recorded_after_three_tries(
    pristine_home, tmp_path
):
    """Issue 11: no submission is postponed forever. Three tries that cannot start a kernel,
    then the submission is recorded (status "lỗi") with the reason in Vietnamese."""
    from graders.engine import MAX_TRIES

    course = copy_course(pristine_home, tmp_path / "home")
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    release = course.root / "release" / "m00" / lab.file
    (tmp_path / "nop" / "hv01").mkdir(parents=True)
    nbformat.write(solved(source, release), tmp_path / "nop" / "hv01" / lab.file)
    starved = Limits(memory_bytes=24 * 1024**2)
    folder = tmp_path / "nop"
    for attempt in range(1, MAX_TRIES + 1):
        run = course.grade("m00", folder, progress=lambda _m: None, limits=starved)
        folder = None
        if attempt < MAX_TRIES:
            assert run.records == []
            assert any(f"lần thử {attempt}/{MAX_TRIES}" in p for p in run.problems)
    record = run.by_student()["hv01"]
    assert record.status == FAILED and record.score == 0
    assert f"đã thử chấm {MAX_TRIES} lần không được" in record.problems[0]
    assert "hạt nhân không khởi động được" in record.problems[0]
    run = course.grade("m00", progress=lambda _m: None, force=True)
    assert run.by_student()["hv01"].score == run.by_student()["hv01"].max_score > 0
