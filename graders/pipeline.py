"""Grading pipeline around nbgrader: import submissions, check each file, autograde, export.

Submissions folder rule (``hocvuso grade m01 <folder>``): one entry per learner, named by the
learner id (letters, digits, ``.``, ``_``, ``-``):

* ``<folder>/<id>/thuc-hanh.ipynb`` — a folder per learner (nbgrader's own layout
  ``<id>/<assignment>/thuc-hanh.ipynb`` is accepted too), or
* ``<folder>/<id>.ipynb`` — a single notebook, for one-notebook labs.

One bad submission never stops the others: it gets a Vietnamese reason naming the file and the
fix, and a grade already saved in the gradebook is never overwritten by a failed attempt.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

GRADED = "da_cham"
FAILED = "loi"
STATUS_VI = {GRADED: "đã chấm", FAILED: "lỗi"}
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass
class GradeRecord:
    student: str
    assignment: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    problems: list[str] = field(default_factory=list)
    graded_at: str = ""


@dataclass
class GradeRun:
    assignment: str
    records: list[GradeRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about files that are no submission at all
    not_submitted: list[str] = field(default_factory=list)  # on the roster, nothing submitted

    def by_student(self) -> dict[str, GradeRecord]:
        return {r.student: r for r in self.records}


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def load_records(course, assignment: str) -> dict[str, GradeRecord]:
    """The engine's saved record of every learner graded on ``assignment`` (from the gradebook)."""
    from .engine import saved_records

    with course.gradebook() as gb:
        rows = saved_records(gb, assignment)
    return {
        student: GradeRecord(
            student,
            assignment,
            row["status"],
            float(row["score"]),
            float(row["max_score"]),
            json.loads(row["problems"]),
            row["graded_at"],
        )
        for student, row in rows.items()
    }


# --- collecting -----------------------------------------------------------------------------


def import_folder(course, assignment: str, folder: Path) -> tuple[list[str], list[str]]:
    """Copy a folder of submissions into nbgrader's ``submitted/`` layout.

    Returns (learner ids imported, problems with entries that are not a submission).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: không có thư mục bài nộp này. Kiểm tra lại đường dẫn.")
    students, problems = [], []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        student = entry.name if entry.is_dir() else entry.stem
        if entry.is_file() and entry.suffix != ".ipynb":
            problems.append(
                f"{entry}: không phải notebook (.ipynb) nên không chấm. Bài nộp là thư mục "
                "<mã học viên>/ hoặc tệp <mã học viên>.ipynb."
            )
            continue
        if not _STUDENT_ID.match(student):
            problems.append(
                f"{entry}: tên “{student}” không phải mã học viên hợp lệ (chỉ dùng chữ không dấu, "
                "số, dấu chấm, gạch dưới, gạch ngang). Đổi tên rồi chấm lại."
            )
            continue
        target = course.root / "submitted" / student / assignment
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        if entry.is_dir():
            inner = entry / assignment if (entry / assignment).is_dir() else entry
            for item in inner.iterdir():
                if item.is_file():
                    shutil.copy2(item, target / item.name)
        else:
            shutil.copy2(entry, target / course.lab(assignment).file)
        if not (target / "timestamp.txt").exists():
            stamp = dt.datetime.fromtimestamp(entry.stat().st_mtime).astimezone()
            (target / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z"))
        students.append(student)
    return students, problems


def check_submission(course, assignment: str, student: str) -> list[str]:
    """Problems that stop a submission from being graded, in Vietnamese, naming the file."""
    lab = course.lab(assignment).file
    folder = course.root / "submitted" / student / assignment
    path = folder / lab
    shown = f"{student}/{lab}"
    if not path.exists():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return [
                f"{student}/{others[0]}: tệp bị đổi tên; bài cần đúng tên “{lab}”. "
                f"Đổi tên tệp thành {lab} rồi nộp lại."
            ]
        return [f"{shown}: không có tệp bài làm trong bài nộp. Nộp tệp {lab}."]
    try:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [
            f"{shown}: tệp bị hỏng, không phải notebook JSON hợp lệ ({error.__class__.__name__}). "
            "Mở lại bài trong JupyterLab, lưu (Ctrl + S) và nộp lại; nếu không mở được, "
            "làm lại từ bản phát hành."
        ]
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        return [
            f"{shown}: không phải notebook định dạng 4 (nbformat). Mở bài trong JupyterLab, "
            "lưu lại và nộp lại."
        ]
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # nbformat raises several kinds for a malformed notebook
        return [
            f"{shown}: notebook sai cấu trúc ({_first_line(error)}). Mở bài trong JupyterLab, "
            "lưu lại và nộp lại."
        ]
    return []


# --- grading --------------------------------------------------------------------------------


def collect(course, assignment: str, source: Path) -> tuple[list[str], list[str]]:
    """Import a folder or a .zip of submissions (see ``graders.collect`` for the naming rule)."""
    from .collect import unpack_zip

    source = Path(source)
    if source.suffix.lower() != ".zip":
        return import_folder(course, assignment, source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = course.root / "hocvuso" / "nhan" / f"{assignment}-{stamp}"
    unpacked = unpack_zip(source, target, course.lab(assignment).file, assignment)
    students, problems = import_folder(course, assignment, target)
    return students, unpacked.problems + problems


def grade_assignment(
    course,
    assignment: str,
    folder: Path | None = None,
    progress=print,
    roster=None,
    workers: int | None = None,
    force: bool = False,
    limits=None,
) -> GradeRun:
    """Autograde every submission of ``assignment`` (after importing ``folder`` — a folder or a
    .zip — if given) with the parallel, isolated engine. With a ``roster``
    (``graders.roster.Roster``), submissions of nobody on the roster are reported (and still
    graded) and learners who submitted nothing are listed. Unchanged submissions already graded
    are skipped unless ``force``."""
    from . import engine

    course.lab(assignment)
    run = GradeRun(assignment)
    if folder is not None:
        _, run.problems = collect(course, assignment, Path(folder))
    submitted = course.root / "submitted"
    students = (
        sorted(p.name for p in submitted.glob("*") if (p / assignment).is_dir())
        if submitted.exists()
        else []
    )
    if roster is not None:
        from .roster import save_roster

        save_roster(course, roster)  # exports and the dashboard use it later
        unknown, run.not_submitted = roster.match(students)
        run.problems += unknown + roster.problems

    def report(state: engine.Progress) -> None:
        if not state.last:
            progress(f"Bỏ qua {state.skipped} bài đã chấm, không thay đổi.")
            return
        eta = state.eta_seconds
        tail = f" · còn khoảng {_duration(eta)}" if eta else ""
        progress(f"{_bar(state.done, state.total)} {state.done}/{state.total} {state.last}{tail}")

    _, notes = engine.run(
        course,
        assignment,
        students,
        check=lambda student: check_submission(course, assignment, student),
        workers=workers,
        limits=limits,
        on_progress=report,
        force=force,
    )
    run.problems += notes
    saved = load_records(course, assignment)
    run.records = [saved[s] for s in students if s in saved]
    return run


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} giây"
    return f"{seconds // 60} phút {seconds % 60} giây"


def _first_line(error) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "không rõ lỗi"
