"""Learner feedback as Vietnamese HTML, built from the gradebook and the autograded notebook.

nbgrader's own feedback shows every test cell's source, hidden tests included (#917). Here only
the question title (the test cell's docstring, which sits above the hidden part), the score and
a message are shown. Messages come from our checks (``CheckFailed``: written to never reveal the
answer); any other failure is reported generically, never with its traceback or source.
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from functools import cache
from pathlib import Path

import nbformat
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .pipeline import GRADED, load_records

_TEMPLATES = Path(__file__).parent / "templates"
_OUR_ERRORS = {"CheckFailed", "NotAttempted"}
HIDDEN_FAILED = (
    "Đã qua kiểm tra công khai nhưng chưa qua kiểm tra ẩn của giảng viên. Xem lại các trường hợp "
    "khác ví dụ mẫu: chữ hoa/thường, dữ liệu khác, kiểu kết quả (số, chữ, bảng)."
)


@cache
def _template():
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("feedback.html")


def _title(source: str, fallback: str) -> str:
    """The test cell's docstring (its first statement), if it has one."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return fallback
    doc = ast.get_docstring(tree) if tree.body else None
    return doc.strip().splitlines()[0] if doc else fallback


def _message(cell, passed: bool) -> tuple[str, str, str]:
    """(css class, status label, message) for one graded cell: the status follows the saved
    score (``passed``), the message the grader's verdict in the graded notebook."""
    if passed:
        return "dat", "Đạt", ""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return "chua-dat", "Chưa đạt", HIDDEN_FAILED
    error = errors[-1]
    if error.get("ename") == "NotAttempted":
        return "chua-lam", "Chưa làm", error.get("evalue", "")
    if error.get("ename") in _OUR_ERRORS:
        return "chua-dat", "Chưa đạt", error.get("evalue", "")
    if error.get("ename") == "AssertionError":
        return "chua-dat", "Chưa đạt", HIDDEN_FAILED
    return (
        "chua-dat",
        "Chưa đạt",
        f"Khi chấm, mã gây lỗi {error.get('ename', 'Exception')}. Chạy lại toàn bộ bài "
        "(Kernel → Restart and Run All) để tìm và sửa lỗi.",
    )


def feedback_for(course, gb, record, notebook: Path) -> str:
    assignment, student = record.assignment, record.student
    nb = nbformat.read(notebook, as_version=4)
    notebook_id = notebook.stem
    questions = []
    for index, cell in enumerate(nb.cells, 1):
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade") or cell.cell_type != "code":
            continue
        grade = gb.find_grade(meta["grade_id"], notebook_id, assignment, student)
        css, status, message = _message(cell, grade.score >= grade.max_score > 0)
        questions.append(
            {
                "title": _title(cell.source, f"Ô chấm điểm {index}"),
                "score": float(grade.score),
                "max_score": float(grade.max_score),
                "css": css,
                "status": status,
                "message": message,
            }
        )
    submission = gb.find_submission(assignment, student)
    lab = course.lab(assignment)
    return _template().render(
        assignment=assignment,
        title=lab.module.title["vi"],
        student=student,
        graded_at=_vi_time(record.graded_at),
        score=float(submission.score),
        max_score=float(submission.max_score),
        questions=questions,
    )


def _vi_time(iso: str) -> str:
    """dd/mm/yyyy HH:MM, as Vietnamese readers write dates."""
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def write_feedback(course, assignment: str) -> list[Path]:
    """Write ``feedback/<learner>/<assignment>/<notebook>.html`` for every graded learner."""
    written = []
    records = load_records(course, assignment)
    with course.gradebook() as gb:
        for student, record in sorted(records.items()):
            if record.status != GRADED:
                continue
            source = course.root / "autograded" / student / assignment
            target = course.root / "feedback" / student / assignment
            target.mkdir(parents=True, exist_ok=True)
            for notebook in sorted(source.glob("*.ipynb")):
                html = feedback_for(course, gb, record, notebook)
                path = target / f"{notebook.stem}.html"
                path.write_text(html, encoding="utf-8")
                written.append(path)
            if (source / "timestamp.txt").exists():  # nbgrader's release_feedback needs it
                shutil.copy(source / "timestamp.txt", target / "timestamp.txt")
    return written
