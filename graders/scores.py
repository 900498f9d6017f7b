"""Saved scores read straight from nbgrader's tables, without importing nbgrader.

The progress dashboard runs in a Voila kernel that must start fast; importing ``nbgrader.api``
costs more than a second there. This module asks the gradebook the same question in one SQL
query, with nbgrader's own definitions (``nbgrader/api.py``):

- a grade's score is its manual score if set, else its auto score, else 0, plus extra credit;
- a submission's score is the sum of the grades of its notebooks;
- a lab's maximum is the sum of the points of its grade cells and task cells.

``tests/test_dashboard.py`` checks these numbers against nbgrader's ``Gradebook``. SQLite is read
with the standard library; any other database (PostgreSQL) through SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SCORES = """
SELECT student.id, assignment.name, submitted_assignment.timestamp, COALESCE(SUM(
    CASE WHEN grade.manual_score IS NOT NULL THEN grade.manual_score + COALESCE(grade.extra_credit, 0)
         WHEN grade.auto_score IS NOT NULL THEN grade.auto_score + COALESCE(grade.extra_credit, 0)
         ELSE 0 END), 0)
FROM submitted_assignment
JOIN assignment ON submitted_assignment.assignment_id = assignment.id
JOIN student ON submitted_assignment.student_id = student.id
LEFT JOIN submitted_notebook ON submitted_notebook.assignment_id = submitted_assignment.id
LEFT JOIN grade ON grade.notebook_id = submitted_notebook.id
WHERE assignment.course_id = :course
GROUP BY student.id, assignment.name, submitted_assignment.timestamp
"""

MAXIMA = """
SELECT assignment.name, COALESCE(SUM(COALESCE(grade_cells.max_score, task_cells.max_score)), 0)
FROM assignment
JOIN notebook ON notebook.assignment_id = assignment.id
JOIN base_cell ON base_cell.notebook_id = notebook.id
LEFT JOIN grade_cells ON grade_cells.id = base_cell.id
LEFT JOIN task_cells ON task_cells.id = base_cell.id
WHERE assignment.course_id = :course
GROUP BY assignment.name
"""


@dataclass(frozen=True)
class Saved:
    student: str
    lab: str
    score: float
    max_score: float
    submitted: dt.datetime | None


def _query(db_url: str, sql: str, course_id: str) -> list[tuple]:
    if db_url.startswith("sqlite:///"):
        import sqlite3

        path = db_url.removeprefix("sqlite:///")
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.OperationalError:
            return []  # no gradebook yet
        try:
            return connection.execute(sql.replace(":course", "?"), (course_id,)).fetchall()
        except sqlite3.OperationalError:  # a database without nbgrader's tables yet
            return []
        finally:
            connection.close()
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), {"course": course_id})]
    except DBAPIError:
        return []
    finally:
        engine.dispose()


def _time(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def saved_scores(db_url: str, course_id: str) -> list[Saved]:
    """Every saved submission's score and maximum (what nbgrader's Gradebook reports)."""
    maxima = {lab: float(total) for lab, total in _query(db_url, MAXIMA, course_id)}
    return [
        Saved(student, lab, float(score), maxima.get(lab, 0.0), _time(stamp))
        for student, lab, stamp, score in _query(db_url, SCORES, course_id)
    ]
