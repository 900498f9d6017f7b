"""Grading benchmark: our engine vs plain ``nbgrader autograde`` on the same course, same files.

    .venv/bin/python bench/grading.py [--per-lab 15] [--workers N] [--labs m00,m01,m03,m06]

A cohort of honest submissions of the real labs (correct, partial, blank, and a few slow ones
that sleep 1.5 s in a cell of their own) is graded twice in this one process run: by our engine
(``graders.engine.run``, N sandboxed workers) into one copy of the course, and by the upstream
``nbgrader autograde <lab> --force`` command into another. Prints the wall time of each, the
ratio, the overhead per submission beyond the learner code's own run time, the peak memory of
each (the grader and all its kernels), and whether every cell's score is identical.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from cohort import answer_ids, solved  # noqa: E402

from graders import engine  # noqa: E402
from graders.pipeline import check_submission, import_folder  # noqa: E402
from workbench.course import Course  # noqa: E402


class PeakMemory:
    """Peak resident memory of this process and all its descendants, sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()


def write_cohort(course: Course, lab: str, folder: Path, n: int) -> dict[str, str]:
    """``n`` honest submissions: 40 % correct, 25 % partial, 20 % blank, 15 % slow."""
    file = course.lab(lab).file
    source = course.root / "source" / lab / file
    release = course.root / "release" / lab / file
    ids = answer_ids(source)
    kinds = {}
    for i in range(n):
        share = i / n
        kind = (
            "dung"
            if share < 0.4
            else "mot-phan"
            if share < 0.65
            else "trong"
            if share < 0.85
            else "cham"
        )
        student = f"{lab}-hv{i:02d}-{kind}"
        if kind == "dung":
            nb = solved(source, release)
        elif kind == "mot-phan":
            nb = solved(source, release, set(ids[: max(1, len(ids) // 2)]))
        elif kind == "trong":
            nb = nbformat.read(release, 4)
        else:
            nb = solved(source, release)
            nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(1.5)"))
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / file)
        kinds[student] = kind
    return kinds


def cell_scores(course: Course, lab: str, students) -> dict:
    notebook = Path(course.lab(lab).file).stem
    with course.gradebook() as gb:
        return {
            (student, grade.name): grade.auto_score
            for student in students
            for grade in gb.find_submission_notebook(notebook, lab, student).grades
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-lab", type=int, default=15)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--labs", default="m00,m01,m03,m06")
    args = parser.parse_args()
    labs = args.labs.split(",")

    work = Path(tempfile.mkdtemp(prefix="hocvuso-bench-"))
    try:
        ours = Course(work / "ours")
        print(f"Dựng khóa học ({', '.join(labs)})…", flush=True)
        ours.build(only=labs, progress=lambda _m: None)
        shutil.copytree(ours.home, work / "nbgrader", symlinks=True)
        theirs = Course(work / "nbgrader")
        theirs.build(only=[], progress=lambda _m: None)  # rewrites its nbgrader_config.py

        cohorts = {}
        for lab in labs:
            folder = work / "nop" / lab
            cohorts[lab] = write_cohort(ours, lab, folder, args.per_lab)
            import_folder(ours, lab, folder)
            import_folder(theirs, lab, folder)
        total = sum(len(c) for c in cohorts.values())
        print(f"{total} bài nộp, {args.workers} luồng chấm.", flush=True)

        results = {}
        with PeakMemory() as ours_memory:
            began = time.perf_counter()
            for lab, kinds in cohorts.items():
                got, _ = engine.run(
                    ours,
                    lab,
                    sorted(kinds),
                    check=lambda s, lab=lab: check_submission(ours, lab, s),
                    workers=args.workers,
                    force=True,
                )
                results.update({(lab, s): r for s, r in got.items()})
            ours_seconds = time.perf_counter() - began

        nbgrader = str(Path(sys.executable).parent / "nbgrader")
        with PeakMemory() as theirs_memory:
            began = time.perf_counter()
            for lab in cohorts:
                subprocess.run(
                    [nbgrader, "autograde", lab, "--force"],
                    cwd=theirs.root,
                    check=True,
                    capture_output=True,
                )
            theirs_seconds = time.perf_counter() - began

        same = all(
            cell_scores(ours, lab, kinds) == cell_scores(theirs, lab, kinds)
            for lab, kinds in cohorts.items()
        )
        learner = sum(r.learner_seconds for r in results.values())
        worker_seconds = sum(r.seconds for r in results.values())
        ours_overhead = (worker_seconds - learner) / total
        theirs_overhead = theirs_seconds / total - learner / total
        print()
        print(f"{'':28}{'hocvuso':>12}{'nbgrader':>12}")
        print(f"{'thời gian (giây)':28}{ours_seconds:12.1f}{theirs_seconds:12.1f}")
        print(
            f"{'giây mỗi bài (tường)':28}{ours_seconds / total:12.2f}{theirs_seconds / total:12.2f}"
        )
        print(f"{'phụ phí mỗi bài (giây)':28}{ours_overhead:12.2f}{theirs_overhead:12.2f}")
        print(
            f"{'bộ nhớ đỉnh (MB)':28}{ours_memory.peak / 2**20:12.0f}"
            f"{theirs_memory.peak / 2**20:12.0f}"
        )
        print(f"\ntỉ lệ nbgrader / hocvuso: {theirs_seconds / ours_seconds:.2f}× (mục tiêu ≥ 1,8×)")
        print(f"thời gian chạy mã học viên trung bình: {learner / total:.2f} giây mỗi bài")
        print(f"điểm từng ô giống hệt nbgrader: {'có' if same else 'KHÔNG'}")
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
