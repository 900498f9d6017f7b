"""The grading engine: parallel, isolated, tamper-proof autograding into nbgrader's gradebook.

For each submission a worker (one per slot, ``N`` = cores by default):

1. **assembles** the notebook to run from the *trainer's* copy: every test and read-only cell comes
   from it (deleted ones restored, edited ones overwritten); from the learner's file only the
   answer cells (matched by the trainer's grade_ids; the first copy of a duplicated one) and any
   extra cells of their own are taken, in the trainer's order;
2. **leases** a fresh user id, cgroups and work folder (:mod:`graders.sandbox`) and forks a
   **judge** (:mod:`graders.judge`) that runs the notebook in a sandboxed kernel and decides each
   test cell on the trusted side: the public check's verdict is recomputed from the answer values
   fetched as data, the hidden part runs in the judge, the learner's functions are called
   remotely with trusted inputs. Nothing the kernel outputs, displays or returns is a grade;
3. **scores** from the plan: a test cell earns its points only when the judge reported it passed;
   a judge that dies or runs out of time leaves the cells it judged and zero for the rest;
4. **saves** the grades into nbgrader's gradebook and the engine's own record in one transaction,
   so a run killed at any moment and started again loses nothing and grades nothing twice:
   unchanged submissions already graded are skipped. A submission the machine could not grade
   (no kernel would start) is tried again by the next run, and recorded with the reason after
   :data:`MAX_TRIES` tries.
"""

from __future__ import annotations

import ast
import builtins
import copy
import datetime as dt
import hashlib
import json
import os
import re
import signal
import socket
import stat
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .sandbox import Limits, Slot, capabilities, make_run_folder, reap_debris, secret_paths

ENGINE_VERSION = "2"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


# --- the plan: what the trainer's copy says, prepared once per assignment ---------------------


@dataclass
class TestCell:
    grade_id: str
    points: float
    public: str
    hidden: str | None
    learner_names: list[str]
    questions: list[str]  # the trainer's Question objects the public part checks (q1, q2…)


@dataclass
class Plan:
    assignment: str
    notebook: str  # file name, e.g. thuc-hanh.ipynb
    cells: list  # the trainer's cells, learner version (answers are stubs), with nbgrader metadata
    tests: dict[str, TestCell]
    answer_ids: set[str]
    trusted: dict  # namespace after the trainer's read-only code cells ran here
    data_files: list[Path]
    fingerprint: str

    @property
    def max_score(self) -> float:
        return sum(t.points for t in self.tests.values())


def _split_test(source: str) -> tuple[str, str | None]:
    if HIDDEN_BEGIN not in source:
        return source, None
    before, rest = source.split(HIDDEN_BEGIN, 1)
    hidden, _, after = rest.partition(HIDDEN_END)
    return before + after, hidden


def _free_names(code: str) -> list[str]:
    tree = ast.parse(code)
    loaded, stored = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded.append if isinstance(node.ctx, ast.Load) else stored.add)(node.id)
        elif isinstance(node, ast.alias):
            stored.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            stored.add(node.name)
        elif isinstance(node, ast.arg):
            stored.add(node.arg)
    seen = []
    for name in loaded:
        if name not in stored and not hasattr(builtins, name) and name not in seen:
            seen.append(name)
    return seen


def _public_questions(public: str, trusted: dict, where: str) -> list[str]:
    """The names ``q`` in a public part made of a docstring and ``q.check(strict=True)`` calls
    (or ``q.kiem_tra``): the only form whose verdict the judge can recompute on the trusted side.
    Anything else is the trainer's mistake, refused here with the cell named."""
    from .feedback import Question

    names = []
    for node in ast.parse(public).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the cell's docstring
        call = node.value if isinstance(node, ast.Expr) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in ("check", "kiem_tra")
            and isinstance(call.func.value, ast.Name)
            and isinstance(trusted.get(call.func.value.id), Question)
            and not call.args
            and [(k.arg, getattr(k.value, "value", None)) for k in call.keywords]
            == [("strict", True)]
        ):
            names.append(call.func.value.id)
            continue
        raise ValueError(
            f"{where}: phần công khai của ô kiểm tra chỉ được gồm chuỗi mô tả và các lệnh "
            f"qN.check(strict=True); dòng {node.lineno} không như vậy. Chuyển phần đó vào "
            "giữa ### BEGIN HIDDEN TESTS và ### END HIDDEN TESTS."
        )
    if not names:
        raise ValueError(f"{where}: ô kiểm tra không gọi qN.check(strict=True) nào.")
    return names


def _stored_names(code: str) -> set[str]:
    """Top-level names a cell defines (assignments, functions, classes, imports)."""
    names = set()
    for node in ast.parse(code).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        else:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
                    names.add(inner.id)
    return names


def _quiet_display(*_args, **_kwargs) -> None:
    return None


def make_plan(course, assignment: str) -> Plan:
    """Read the trainer's source and release copies of ``assignment`` and run its setup cells."""
    lab = course.lab(assignment)
    source_dir = course.root / "source" / assignment
    source = nbformat.read(source_dir / lab.file, as_version=4)
    release = nbformat.read(course.root / "release" / assignment / lab.file, as_version=4)
    trusted: dict = {"__name__": "__hocvuso_trusted__", "display": _quiet_display}
    old = os.getcwd()
    os.chdir(source_dir)
    try:
        for cell in source.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and not meta.get("grade") and not meta.get("solution"):
                try:
                    exec(
                        compile(cell.source, f"<{assignment}:{meta.get('grade_id')}>", "exec"),
                        trusted,
                    )
                except Exception:  # a setup cell that needs a display: its names stay unset
                    pass
    finally:
        os.chdir(old)
    tests, answers = {}, set()
    # Only what the answer cells define is ever taken from the learner: a name of a setup cell
    # that failed here stays undefined rather than being filled with the learner's value.
    answer_names = set()
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            answer_names |= _stored_names(cell.source)
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers.add(meta["grade_id"])
        if cell.cell_type == "code" and meta.get("grade"):
            public, hidden = _split_test(cell.source)
            names = [
                n
                for n in (_free_names(hidden) if hidden else [])
                if n in answer_names - set(trusted)
            ]
            questions = _public_questions(public, trusted, f"{assignment}:{meta['grade_id']}")
            tests[meta["grade_id"]] = TestCell(
                meta["grade_id"], float(meta["points"]), public, hidden, names, questions
            )
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    digest.update((source_dir / lab.file).read_bytes())
    # Data next to the lab (files and folders): copied into each learner's work folder.
    data_files = sorted(
        p for p in source_dir.iterdir() if p.suffix != ".ipynb" and not p.name.startswith(".")
    )
    for top in data_files:
        for path in sorted([top, *top.rglob("*")] if top.is_dir() else [top]):
            digest.update(str(path.relative_to(source_dir)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return Plan(
        assignment,
        lab.file,
        release.cells,
        tests,
        answers,
        trusted,
        data_files,
        digest.hexdigest(),
    )


# --- assembling the notebook to run ----------------------------------------------------------


def assemble(plan: Plan, learner) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook to grade: the trainer's cells in the trainer's order, with the learner's
    answers and extra cells; returns it and Vietnamese notes on what was repaired."""
    notes = []
    answers: dict[str, str] = {}
    extras: dict[str | None, list] = {}
    anchor = None
    trainer_ids = [
        c.metadata["nbgrader"]["grade_id"] for c in plan.cells if "nbgrader" in c.metadata
    ]
    for cell in learner.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in plan.answer_ids:
            if grade_id in answers:
                notes.append(f"ô trả lời “{grade_id}” bị nhân đôi: chỉ chấm ô đầu tiên")
            else:
                answers[grade_id] = cell.source
            anchor = grade_id
        elif grade_id in trainer_ids:
            anchor = grade_id  # the trainer's copy of this cell is used, whatever was edited
        elif cell.cell_type == "code":
            extras.setdefault(anchor, []).append(cell.source)
    cells = []
    for source in extras.get(None, []):
        cells.append(nbformat.v4.new_code_cell(source))
    for cell in plan.cells:
        cell = copy.deepcopy(cell)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in plan.answer_ids:
            if grade_id in answers:
                cell.source = answers[grade_id]
            else:
                notes.append(f"thiếu ô trả lời “{grade_id}”: coi như chưa làm")
        cells.append(cell)
        for source in extras.get(grade_id, []):
            cells.append(nbformat.v4.new_code_cell(source))
    missing = [g for g in trainer_ids if g not in plan.answer_ids and g not in _ids(learner)]
    if missing:
        notes.append(f"đã khôi phục {len(missing)} ô của giảng viên bị xóa")
    nb = nbformat.v4.new_notebook(cells=cells, metadata=copy.deepcopy(_NOTEBOOK_METADATA))
    return nb, notes


def _ids(nb) -> set[str]:
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells}


_NOTEBOOK_METADATA = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


# --- grading one submission (in a worker; the judge process does the kernel work) -------------


class EngineUnavailable(RuntimeError):
    """The grader could not grade (no kernel, a worker died): nothing is saved this time; after
    :data:`MAX_TRIES` such tries the submission is recorded with the reason."""


POSTPONED = "tam_hoan"  # a Result status that is never saved as such
MAX_TRIES = 3


@dataclass
class Result:
    student: str
    status: str  # "da_cham" | "loi" | POSTPONED
    score: float = 0.0
    max_score: float = 0.0
    cell_scores: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notebook: nbformat.NotebookNode | None = None
    seconds: float = 0.0  # wall time of this submission in its worker
    learner_seconds: float = 0.0  # of which: running the learner's and setup cells


def grade_submission(
    plan: Plan, learner, student: str, slot: Slot, hide: list[Path], limits: Limits
) -> Result:
    """Grade one learner notebook (already read and checked) under a fresh lease of ``slot``.

    The judge process (:mod:`graders.judge`) runs the kernel and makes the verdicts; this side
    only reads its frames (bounded in size and time), keeps the trusted verdicts, and makes sure
    every process of the lease is gone before returning. Points come from the plan: a test cell
    the judge did not report as passed scores 0."""
    from . import judge

    started = time.monotonic()
    nb, notes = assemble(plan, learner)
    shown = f"{student}/{plan.notebook}"
    problems = [f"{shown}: {n}" for n in notes]
    lease = slot.lease(_safe(student), plan.data_files)
    frames: dict[int, dict] = {}
    end: dict = {}
    stopped = crash = None
    vanished = False
    pid = None
    try:
        pid, fd = judge.spawn(plan, nb, lease, hide, limits)
        try:
            for frame in judge.read_frames(fd, time.monotonic() + limits.judge_seconds):
                index = frame.get("cell")
                if type(index) is int and 0 <= index < len(nb.cells):
                    frames[index] = frame
                elif "crash" in frame:
                    crash = str(frame["crash"]).strip().splitlines()[-1:] or ["?"]
                elif "cell" not in frame:
                    end = frame
                    break
            else:
                stopped, vanished = "tiến trình chấm dừng đột ngột", True
        except judge.FrameError as error:
            stopped = str(error)
        finally:
            os.close(fd)
    finally:
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        lease.release()
    if "unavailable" in end:
        raise EngineUnavailable(str(end["unavailable"])[:300])
    if crash:  # the grader's own bug: tried again (and recorded after MAX_TRIES), never a score
        raise EngineUnavailable(f"máy chấm gặp lỗi: {crash[0][:300]}")
    if stopped and not end and (vanished or not frames):
        # The judge vanished (no deadline, no report): not something the learner can cause from
        # the kernel. Tried again at once, then counted as a try; never a recorded zero.
        raise EngineUnavailable(stopped)
    gone = end.get("gone") if type(end.get("gone")) is str else None
    if stopped and not end:
        gone = f"{stopped}; đã dừng bài"
    scores = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        frame = frames.get(index)
        outputs = _trusted_outputs(frame.get("outputs")) if frame else []
        if frame is None and meta.get("grade"):
            outputs = [_error("DeadKernelError", gone or "chưa được chấm")]
        cell.outputs = outputs
        if meta.get("grade"):
            passed = frame is not None and frame.get("passed") is True
            scores[meta["grade_id"]] = plan.tests[meta["grade_id"]].points if passed else 0.0
    if gone:
        problems.append(f"{shown}: {gone[:300]}; các câu sau đó không được điểm")
    if type(end.get("problems")) is list:
        problems += [f"{shown}: {p[:300]}" for p in end["problems"][:50] if type(p) is str]
    learner_seconds = end.get("learner_seconds")
    return Result(
        student,
        "da_cham",
        sum(scores.values()),
        plan.max_score,
        scores,
        problems,
        nb,
        time.monotonic() - started,
        float(learner_seconds) if type(learner_seconds) in (int, float) else 0.0,
    )


def _trusted_outputs(outputs) -> list:
    """The judge's outputs rebuilt field by field (it works on the learner's data)."""
    from . import judge

    if type(outputs) is not list:
        return []
    kept = []
    for output in outputs[:1000]:
        if type(output) is not dict:
            continue
        kind = output.get("output_type")
        if kind == "display_data" and type(output.get("data")) is dict:
            data = output["data"]
            if type(data.get("text/html")) is str and "hocvuso-feedback" in data["text/html"]:
                kept.append(nbformat.v4.new_output("display_data", data=dict(data)))
                continue
        cleaned = judge.clean_output(kind, output)
        if cleaned is not None:
            kept.append(cleaned)
    return kept


def _error(ename: str, evalue: str) -> dict:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[])


def _safe(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", student)


# --- the gradebook: nbgrader's tables plus the engine's record, in one transaction ------------

_RECORD_TABLE = "hocvuso_grading"


def ensure_tables(gb) -> None:
    """Create the engine's two tables if needed. Two graders starting at once on PostgreSQL can
    race on ``CREATE TABLE IF NOT EXISTS`` (a known PostgreSQL behaviour): the loser just finds
    the table made by the winner."""
    from sqlalchemy.exc import DBAPIError

    for attempt in range(3):
        try:
            _create_tables(gb)
            return
        except DBAPIError:
            gb.db.rollback()
            if attempt == 2:
                raise
            time.sleep(0.2)


def _create_tables(gb) -> None:
    from sqlalchemy import text

    gb.db.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {_RECORD_TABLE} ("
            "assignment VARCHAR(128) NOT NULL, student VARCHAR(128) NOT NULL, "
            "submission_sha VARCHAR(64) NOT NULL, plan_sha VARCHAR(64) NOT NULL, "
            "status VARCHAR(16) NOT NULL, score FLOAT NOT NULL, max_score FLOAT NOT NULL, "
            "problems TEXT NOT NULL, graded_at VARCHAR(40) NOT NULL, "
            "PRIMARY KEY (assignment, student))"
        )
    )
    gb.db.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {_CLAIM_TABLE} ("
            "assignment VARCHAR(128) NOT NULL, student VARCHAR(128) NOT NULL, "
            "owner VARCHAR(200) NOT NULL, claimed_at FLOAT NOT NULL, "
            "PRIMARY KEY (assignment, student))"
        )
    )
    gb.db.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {_TRIES_TABLE} ("
            "assignment VARCHAR(128) NOT NULL, student VARCHAR(128) NOT NULL, "
            "submission_sha VARCHAR(64) NOT NULL, tries INTEGER NOT NULL, "
            "PRIMARY KEY (assignment, student))"
        )
    )
    gb.db.commit()


_CLAIM_TABLE = "hocvuso_claims"
_TRIES_TABLE = "hocvuso_tries"


def count_try(gb, assignment: str, student: str, sha: str) -> int:
    """One more failed try at grading this very file; returns how many there have been."""
    from sqlalchemy import text

    key = {"assignment": assignment, "student": student}
    row = gb.db.execute(
        text(
            f"SELECT submission_sha, tries FROM {_TRIES_TABLE} "
            "WHERE assignment = :assignment AND student = :student"
        ),
        key,
    ).first()
    tries = row[1] + 1 if row is not None and row[0] == sha else 1
    gb.db.execute(
        text(f"DELETE FROM {_TRIES_TABLE} WHERE assignment = :assignment AND student = :student"),
        key,
    )
    gb.db.execute(
        text(
            f"INSERT INTO {_TRIES_TABLE} (assignment, student, submission_sha, tries) "
            "VALUES (:assignment, :student, :sha, :tries)"
        ),
        {**key, "sha": sha, "tries": tries},
    )
    gb.db.commit()
    return tries


_CLAIM_STALE_SECONDS = 2 * 3600
OWNER = f"{socket.gethostname()}:{os.getpid()}"


def claim(gb, assignment: str, student: str, sha: str, plan_sha: str, force: bool = False) -> bool:
    """Take ``student``'s submission for this grader, unless another grader has it or already
    graded this very file (``force``: even so). Several graders (processes, machines) can share
    one gradebook."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    key = {"assignment": assignment, "student": student}
    for _ in range(2):
        try:
            gb.db.execute(
                text(
                    f"INSERT INTO {_CLAIM_TABLE} (assignment, student, owner, claimed_at) "
                    "VALUES (:assignment, :student, :owner, :at)"
                ),
                {**key, "owner": OWNER, "at": time.time()},
            )
            gb.db.commit()
        except IntegrityError:
            gb.db.rollback()
            holder = gb.db.execute(
                text(
                    f"SELECT owner, claimed_at FROM {_CLAIM_TABLE} "
                    "WHERE assignment = :assignment AND student = :student"
                ),
                key,
            ).first()
            if holder is None or not _stale(*holder):
                return False
            gb.db.execute(  # the grader that held it died: take it over
                text(
                    f"DELETE FROM {_CLAIM_TABLE} WHERE assignment = :assignment "
                    "AND student = :student AND owner = :owner"
                ),
                {**key, "owner": holder[0]},
            )
            gb.db.commit()
            continue
        done = gb.db.execute(
            text(
                f"SELECT submission_sha, plan_sha FROM {_RECORD_TABLE} "
                "WHERE assignment = :assignment AND student = :student"
            ),
            key,
        ).first()
        if not force and done is not None and tuple(done) == (sha, plan_sha):
            release(gb, assignment, student)
            return False
        return True
    return False


def release(gb, assignment: str, student: str) -> None:
    from sqlalchemy import text

    gb.db.execute(
        text(
            f"DELETE FROM {_CLAIM_TABLE} WHERE assignment = :assignment AND student = :student "
            "AND owner = :owner"
        ),
        {"assignment": assignment, "student": student, "owner": OWNER},
    )
    gb.db.commit()


def _stale(owner: str, claimed_at: float) -> bool:
    host, _, pid = owner.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and int(pid) != os.getpid():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass
    return time.time() - claimed_at > _CLAIM_STALE_SECONDS


def saved_records(gb, assignment: str) -> dict[str, dict]:
    from sqlalchemy import text

    ensure_tables(gb)
    rows = gb.db.execute(
        text(f"SELECT * FROM {_RECORD_TABLE} WHERE assignment = :a"), {"a": assignment}
    ).mappings()
    return {r["student"]: dict(r) for r in rows}


def _upsert_record(gb, row: dict) -> None:
    from sqlalchemy import text

    gb.db.execute(
        text(f"DELETE FROM {_RECORD_TABLE} WHERE assignment = :assignment AND student = :student"),
        row,
    )
    gb.db.execute(
        text(
            f"INSERT INTO {_RECORD_TABLE} (assignment, student, submission_sha, plan_sha, status, "
            "score, max_score, problems, graded_at) VALUES (:assignment, :student, "
            ":submission_sha, :plan_sha, :status, :score, :max_score, :problems, :graded_at)"
        ),
        row,
    )


def save(gb, plan: Plan, result: Result, submission_sha: str, timestamp: str | None) -> dict:
    """Grades and the engine's record in one commit (a failed file keeps the saved grades);
    returns the record as saved."""
    from nbgrader.api import MissingEntry
    from sqlalchemy import text

    row = {
        "assignment": plan.assignment,
        "student": result.student,
        "submission_sha": submission_sha,
        "plan_sha": plan.fingerprint,
        "status": result.status,
        "score": result.score,
        "max_score": plan.max_score,
        "problems": json.dumps(result.problems, ensure_ascii=False),
        "graded_at": _now(),
    }
    try:
        if result.status == "da_cham":
            gb.update_or_create_student(result.student)
            kwargs = {"timestamp": timestamp} if timestamp else {}
            gb.update_or_create_submission(plan.assignment, result.student, **kwargs)
            notebook_id = Path(plan.notebook).stem
            for grade_id, score in result.cell_scores.items():
                grade = gb.find_grade(grade_id, notebook_id, plan.assignment, result.student)
                grade.auto_score = score
                grade.needs_manual_grade = grade.manual_score is not None
            for cell in result.notebook.cells:
                meta = cell.metadata.get("nbgrader", {})
                if meta.get("solution"):
                    try:
                        comment = gb.find_comment(
                            meta["grade_id"], notebook_id, plan.assignment, result.student
                        )
                    except MissingEntry:
                        continue
                    comment.auto_comment = None
        else:
            try:
                saved = gb.find_submission(plan.assignment, result.student)
                row["score"], row["max_score"] = float(saved.score), float(saved.max_score)
            except MissingEntry:
                row["score"] = 0.0
        _upsert_record(gb, row)
        gb.db.execute(
            text(
                f"DELETE FROM {_TRIES_TABLE} WHERE assignment = :assignment AND student = :student"
            ),
            {"assignment": plan.assignment, "student": result.student},
        )
        gb.db.execute(
            text(
                f"DELETE FROM {_CLAIM_TABLE} WHERE assignment = :assignment "
                "AND student = :student AND owner = :owner"
            ),
            {"assignment": plan.assignment, "student": result.student, "owner": OWNER},
        )
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise
    return row


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


# --- a run: many submissions, N workers ------------------------------------------------------


@dataclass
class Progress:
    done: int
    total: int
    skipped: int
    elapsed: float
    last: str

    @property
    def eta_seconds(self) -> float | None:
        graded = self.done - self.skipped
        if graded <= 0 or self.done >= self.total:
            return None
        return self.elapsed / graded * (self.total - self.done)


def sha256_file(path: Path, limit: int = 64 * 1024 * 1024) -> str:
    """The content's hash, read without following a link or blocking on a FIFO; a file that is
    no regular file or is too big gets a stand-in (the check then names the problem)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        return f"-{error.errno}"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return f"-{info.st_mode:o}-{info.st_size}-{info.st_mtime_ns}"
        digest = hashlib.sha256()
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            if handle.tell() > limit:
                return f"-{info.st_mode:o}-{handle.tell()}-{info.st_mtime_ns}"
        return digest.hexdigest()


def run(
    course,
    assignment: str,
    students: list[str],
    check: Callable[[str], list[str]],
    workers: int | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    force: bool = False,
) -> tuple[dict[str, Result], list[str]]:
    """Grade ``students``' submissions of ``assignment``; returns (results, run-level notes).

    ``check(student)`` returns the problems that stop a file from being graded (broken JSON…).
    Unchanged submissions already graded with the same trainer copy are skipped unless ``force``.
    """
    limits = limits or Limits()
    workers = max(1, workers or os.cpu_count() or 1)
    plan = make_plan(course, assignment)
    lab_file = plan.notebook
    submitted = course.root / "submitted"
    results: dict[str, Result] = {}
    notes = [f"Cách ly hạn chế: {m}." for m in capabilities().missing]
    gb = course.gradebook()  # one connection for the run; only this process writes through it
    saved = saved_records(gb, assignment)
    todo = []
    skipped = 0
    for student in students:
        path = submitted / student / assignment / lab_file
        sha = sha256_file(path)
        old = saved.get(student)
        if (
            not force
            and old
            and old["submission_sha"] == sha
            and old["plan_sha"] == plan.fingerprint
        ):
            skipped += 1
            results[student] = Result(
                student,
                old["status"],
                old["score"],
                old["max_score"],
                problems=json.loads(old["problems"]),
            )
            continue
        todo.append((student, path, sha))
    started = time.monotonic()
    done = skipped
    old_umask = os.umask(0o077)  # everything the grader writes is its own
    reap_debris()  # what a killed run left: its processes, cgroups and folders
    run_folder = make_run_folder()
    made = []
    for number in range(min(workers, max(1, len(todo)))):
        slot = Slot(number, run_folder / f"o-{number}", limits)
        slot.setup()
        made.append(slot)

    def finish(student: str, sha: str, result: Result) -> None:
        nonlocal done
        if result.status == POSTPONED:
            tries = count_try(gb, assignment, student, sha)
            if tries < MAX_TRIES:
                notes.extend(
                    f"{p}; bài chưa bị tính điểm (lần thử {tries}/{MAX_TRIES}). Chạy lại lệnh "
                    "chấm để chấm tiếp."
                    for p in result.problems
                )
                release(gb, assignment, student)
                done += 1
                return
            result = Result(
                student,
                "loi",
                problems=[
                    f"{p}; đã thử chấm {tries} lần không được nên ghi nhận là lỗi (giữ điểm đã "
                    "lưu trước đó, nếu có). Báo người quản lý máy chấm; sau khi sửa, chấm lại "
                    "bằng --cham-lai."
                    for p in result.problems
                ],
            )
        if result.notebook is not None:
            _write_autograded(course, assignment, student, lab_file, result.notebook)
        row = save(gb, plan, result, sha, _timestamp(submitted / student / assignment))
        result.score, result.max_score = row["score"], row["max_score"]
        results[student] = result
        done += 1
        if on_progress:
            on_progress(Progress(done, len(students), skipped, time.monotonic() - started, student))

    try:
        if on_progress and skipped:
            on_progress(Progress(skipped, len(students), skipped, 0.0, ""))

        def take(student: str, sha: str) -> bool:
            nonlocal skipped, done
            if claim(gb, assignment, student, sha, plan.fingerprint, force):
                return True
            skipped += 1  # another grader has it, or has just graded this very file
            done += 1
            return False

        gradable = []
        for student, path, sha in todo:
            problems = check(student)
            if not problems:
                gradable.append((student, path, sha))
            elif take(student, sha):
                finish(student, sha, Result(student, "loi", problems=problems))
        if gradable:
            _grade_in_workers(plan, made, secret_paths(course), limits, gradable, finish, take)
    finally:
        try:
            gb.close()
        finally:
            reap_debris(own=True)
            os.umask(old_umask)
    return results, notes


# One forked worker process per slot: it takes one submission at a time, leases a fresh user id,
# cgroups and work folder for it, forks its judge and returns the result. The parent keeps the
# gradebook (one writer). Workers and judges die with their parent (PR_SET_PDEATHSIG).


def _worker_main(conn, plan: Plan, slot: Slot, hide: list[Path], limits: Limits, parent: int):
    from .sandbox import die_with_parent

    die_with_parent(parent)
    import ctypes

    # Orphans of this worker's judges (the kernel's boot process) come back here to be reaped
    # at once instead of waiting as zombies for the machine's init.
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    import jupyter_client  # noqa: F401 - imported once here, not in every judge
    import zmq  # noqa: F401

    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        student, path = task
        conn.send(_grade_file(plan, student, Path(path), slot, hide, limits))
    os._exit(0)


def _grade_file(plan: Plan, student: str, path: Path, slot: Slot, hide, limits) -> Result:
    try:
        learner = _read_learner(path)
    except Exception as error:  # checked just before; changed since: grade it next run
        return _postponed(student, plan, error)
    for attempt in range(3):  # the machine's trouble may pass: try again at once
        try:
            return grade_submission(plan, learner, student, slot, hide, limits)
        except EngineUnavailable as error:
            last = error
            time.sleep(0.5 * (attempt + 1))
        except Exception as error:  # the grader's trouble, never the learner's
            return _postponed(student, plan, error)
    return _postponed(student, plan, last)


def _read_learner(path: Path):
    from . import pipeline

    reader = getattr(pipeline, "read_submission", None)
    if reader is not None:
        return reader(path, f"{path.parent.parent.name}/{path.name}")
    return nbformat.read(path, as_version=4)


def _postponed(student: str, plan: Plan, error: BaseException) -> Result:
    return Result(
        student,
        POSTPONED,
        problems=[
            f"{student}/{plan.notebook}: chưa chấm được lần này ({type(error).__name__}: "
            f"{str(error)[:200]})"
        ],
    )


class _Worker:
    def __init__(self, context, plan, slot, hide, limits) -> None:
        self.slot = slot
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, plan, slot, hide, limits, os.getpid()),
            daemon=True,
        )
        self.process.start()
        child.close()
        self.task = None  # (student, sha, started) while busy

    def stop(self) -> None:
        if self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


def _grade_in_workers(plan, slots, hide, limits, items, finish, take) -> None:
    """Feed ``items`` to one worker process per slot, claiming each just before it is sent (so
    graders sharing a gradebook split the work), and ``finish`` each result as it comes back. A
    worker that dies or stops answering costs its submission one try; a new one takes its slot."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    workers = [_Worker(context, plan, slot, hide, limits) for slot in slots]
    pending = list(reversed(items))
    try:
        while True:
            for worker in workers:
                while worker.task is None and pending:
                    student, path, sha = pending.pop()
                    if take(student, sha):
                        worker.conn.send((student, str(path)))
                        worker.task = (student, sha, time.monotonic())
            busy = [w for w in workers if w.task is not None]
            if not busy:
                return
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=5)
            for index, worker in enumerate(workers):
                if worker.task is None:
                    continue
                student, sha, began = worker.task
                result, replace = None, False
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError) as error:
                        result, replace = _postponed(student, plan, error), True
                elif worker.process.sentinel in ready or (
                    time.monotonic() - began > limits.judge_seconds + 120
                ):
                    error = RuntimeError("tiến trình chấm đã dừng hoặc không trả lời")
                    result, replace = _postponed(student, plan, error), True
                if result is None:
                    continue
                worker.task = None
                if replace:
                    worker.stop()
                    workers[index] = _Worker(context, plan, worker.slot, hide, limits)
                finish(student, sha, result)
    finally:
        for worker in workers:
            worker.stop()


def _timestamp(folder: Path) -> str | None:
    from .pipeline import read_timestamp

    return read_timestamp(folder)


def _write_autograded(course, assignment: str, student: str, lab_file: str, nb) -> None:
    """The executed notebook, where nbgrader's formgrader and our feedback look for it."""
    folder = course.root / "autograded" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _timestamp(course.root / "submitted" / student / assignment)
    if stamp is not None:
        (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
    tmp = folder / f".{lab_file}.tmp"
    text = nbformat.writes(nb)
    tmp.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    os.replace(tmp, folder / lab_file)
