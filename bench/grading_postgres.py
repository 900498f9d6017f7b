"""Two graders at once into one PostgreSQL gradebook: the same cohort as ``bench/grading.py``.

    .venv/bin/python bench/grading_postgres.py [--per-lab 15] [--labs m00,m01,m03,m06]

Starts a throwaway PostgreSQL server (Debian's ``postgresql``) on 127.0.0.1, builds the course
into it, then for each lab runs two ``hocvuso grade`` processes at the same time on the same
submissions. Prints the wall time, how the work was split, and checks that every submission has
exactly one grade record, one nbgrader submission and one grade per test cell: nothing lost,
nothing duplicated; the scores equal a single grader's run into SQLite.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from grading import cell_scores, write_cohort  # noqa: E402
from pgserver import postgres_server  # noqa: E402
from sqlalchemy import text  # noqa: E402

from graders.pipeline import import_folder, load_records  # noqa: E402
from workbench.course import Course  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-lab", type=int, default=15)
    parser.add_argument("--labs", default="m00,m01,m03,m06")
    args = parser.parse_args()
    labs = args.labs.split(",")
    work = Path(tempfile.mkdtemp(prefix="hocvuso-bench-pg-"))
    hocvuso = str(Path(sys.executable).parent / "hocvuso")
    ok = True
    try:
        with postgres_server() as url:
            shared = Course(work / "pg", db_url=url)
            single = Course(work / "sqlite")
            print(f"Dựng khóa học vào PostgreSQL ({', '.join(labs)})…", flush=True)
            for course in (shared, single):
                course.build(only=labs, progress=lambda _m: None)
            cohorts = {}
            for lab in labs:
                folder = work / "nop" / lab
                cohorts[lab] = write_cohort(shared, lab, folder, args.per_lab)
                import_folder(shared, lab, folder)
                import_folder(single, lab, folder)
            total = sum(len(c) for c in cohorts.values())
            print(f"{total} bài nộp, 2 người chấm cùng lúc, mỗi người 1 luồng.\n", flush=True)

            began = time.perf_counter()
            split = [0, 0]
            for lab in labs:
                command = [hocvuso, "grade", lab, "--home", str(shared.home), "--db", url]
                command += ["--so-luong", "1"]
                graders = [
                    subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)
                ]
                for i, grader in enumerate(graders):
                    out, _ = grader.communicate()
                    ok &= grader.returncode == 0
                    split[i] += len(re.findall(r"(?m)^\[[#-]+\] \d+/\d+ \S+", out))
            seconds = time.perf_counter() - began
            for lab in labs:
                subprocess.run(
                    [hocvuso, "grade", lab, "--home", str(single.home)],
                    check=True,
                    capture_output=True,
                )

            lost = duplicated = 0
            with shared.gradebook() as gb:
                for lab, kinds in cohorts.items():
                    records = load_records(shared, lab)
                    lost += len(set(kinds) - set(records))
                    rows = gb.db.execute(
                        text(
                            "SELECT student.id, count(*) FROM submitted_assignment "
                            "JOIN assignment ON assignment.id = submitted_assignment.assignment_id "
                            "JOIN student ON student.id = submitted_assignment.student_id "
                            "WHERE assignment.name = :lab GROUP BY student.id"
                        ),
                        {"lab": lab},
                    ).all()
                    duplicated += sum(count - 1 for _, count in rows)
                    lost += len(set(kinds) - {student for student, _ in rows})
            same = all(
                cell_scores(shared, lab, kinds) == cell_scores(single, lab, kinds)
                for lab, kinds in cohorts.items()
            )
            print(f"thời gian (2 người chấm, PostgreSQL): {seconds:.1f} giây")
            print(f"chia việc: người chấm 1 = {split[0]} bài, người chấm 2 = {split[1]} bài")
            print(f"điểm bị mất: {lost} · điểm bị trùng: {duplicated}")
            print(f"điểm từng ô giống một người chấm vào SQLite: {'có' if same else 'KHÔNG'}")
            ok &= lost == 0 and duplicated == 0 and same and sum(split) == total
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
