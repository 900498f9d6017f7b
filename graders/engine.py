"""The grading engine: parallel, isolated, tamper-proof autograding into nbgrader's gradebook.

For each submission a worker (one per slot, ``N`` = cores by default):

1. **assembles** the notebook to run from the *trainer's* copy: every test and read-only cell comes
   from it (deleted ones restored, edited ones overwritten); from the learner's file only the
   answer cells (matched by the trainer's grade_ids; the first copy of a duplicated one) and any
   extra cells of their own are taken, in the trainer's order;
2. **runs** it in a fresh sandboxed kernel (:mod:`graders.sandbox`): per-cell and total time,
   memory, processes, output size, no network, no writes outside its own folder, no view of the
   trainer's files;
3. **judges** each test cell: its public part (``q1.check(strict=True)``) runs in the kernel;
   its hidden part runs *here*, in the grader's own process, on values fetched from the kernel as
   data (:mod:`graders.wire`) — the learner's functions are called remotely with trusted inputs.
   No hidden test, solution or expected value ever enters the learner's kernel, and nothing the
   kernel prints or patches can make a hidden test pass. The cell's points follow nbgrader's own
   rule (``nbgrader.utils.determine_grade``: an error or stderr output scores 0);
4. **saves** the grades into nbgrader's gradebook and the engine's own record in one transaction,
   so a run killed at any moment and started again loses nothing and grades nothing twice:
   unchanged submissions already graded are skipped.
"""

from __future__ import annotations

import ast
import builtins
import copy
import datetime as dt
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import wire
from .sandbox import Limits, Slot, capabilities, secret_paths

ENGINE_VERSION = "1"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
_WIRE = '__import__("graders.wire", fromlist=["wire"])'


# --- the plan: what the trainer's copy says, prepared once per assignment ---------------------


@dataclass
class TestCell:
    grade_id: str
    points: float
    public: str
    hidden: str | None
    learner_names: list[str]


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
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers.add(meta["grade_id"])
        if cell.cell_type == "code" and meta.get("grade"):
            public, hidden = _split_test(cell.source)
            names = [n for n in _free_names(hidden) if n not in trusted] if hidden else []
            tests[meta["grade_id"]] = TestCell(
                meta["grade_id"], float(meta["points"]), public, hidden, names
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


# --- running one submission ------------------------------------------------------------------


class KernelGone(RuntimeError):
    pass


class EngineUnavailable(RuntimeError):
    """The grader could not grade (no kernel, a worker died): nothing is saved, the submission
    stays ungraded and the next run grades it."""


POSTPONED = "tam_hoan"  # a Result status that is never saved


class _Runner:
    """A sandboxed kernel and the outputs of what it ran."""

    def __init__(self, slot: Slot, workdir: Path, hide: list[Path], limits: Limits) -> None:
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpec

        argv = slot.kernel_argv(workdir, hide)

        class _SandboxKM(KernelManager):
            @property
            def kernel_spec(self):  # the sandbox's own argv, not an installed kernelspec
                return KernelSpec(argv=argv, display_name="hocvuso", language="python")

        self.limits = limits
        self.slot, self.workdir = slot, workdir
        self.km = _SandboxKM(
            transport="ipc", ip=str(workdir / "k"), connection_file=str(workdir / "kernel.json")
        )
        self.deadline = time.monotonic() + limits.total_seconds
        self.output_bytes = 0
        self.dead = False
        self.km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The kernel leads its own process group: what it forks can be killed with it, even
        # where the sandbox has no user id of its own.
        self.pgid = getattr(self.km.provisioner, "pgid", None)
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=60)
        except RuntimeError as error:
            self.dead = True
            raise KernelGone("hạt nhân không khởi động được") from error

    def run(self, code: str) -> tuple[list, list[str]]:
        """Execute ``code``; return (notebook outputs, wire texts). Never raises for the learner's
        errors; timeouts and limits become error outputs."""
        if self.dead:
            raise KernelGone("hạt nhân đã dừng")
        msg_id = self.kc.execute(code, store_history=False, allow_stdin=False)
        outputs, wires = [], []
        cell_bytes = 0
        cell_deadline = min(time.monotonic() + self.limits.cell_seconds, self.deadline)
        interrupted = None
        while True:
            remaining = cell_deadline - time.monotonic()
            if remaining <= 0:
                if interrupted is None:
                    interrupted = _error("TimeoutError", "Ô chạy quá thời gian cho phép")
                    self._interrupt()
                    cell_deadline = time.monotonic() + 5
                    continue
                self._die()
                outputs.append(interrupted)
                raise KernelGone("ô chạy quá lâu, đã dừng hạt nhân")
            try:
                msg = self.kc.get_iopub_msg(timeout=min(remaining, 1.0))
            except queue.Empty:
                if not self.km.is_alive():
                    self.dead = True
                    outputs.append(_error("DeadKernelError", "Hạt nhân đã dừng đột ngột"))
                    raise KernelGone("hạt nhân dừng đột ngột (os._exit, hết bộ nhớ…)") from None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                break
            if kind == "display_data" and wire.MIME in content.get("data", {}):
                wires.append(content["data"][wire.MIME])
                continue
            if kind not in ("stream", "display_data", "execute_result", "error"):
                continue
            size = _size(content)
            cell_bytes += size
            if cell_bytes > self.limits.output_bytes:
                if interrupted is None:  # keep reading (and dropping) until the cell stops
                    interrupted = _error(
                        "OutputLimitError",
                        f"Kết quả in ra vượt {self.limits.output_bytes // 1024} KB",
                    )
                    self._interrupt()
                continue
            self.output_bytes += size
            if self.output_bytes > 10 * self.limits.output_bytes:
                outputs.append(_error("OutputLimitError", "Cả bài in ra quá nhiều"))
                self._die()
                raise KernelGone("bài in ra quá nhiều, đã dừng hạt nhân")
            outputs.append(_output(kind, content))
        if interrupted is not None:
            outputs.append(interrupted)
        return outputs, wires

    def hand_over(self) -> None:
        """Give the learner's user id what the hidden test made in the shared work folder (a temp
        folder, sample files) before the learner's function runs on it."""
        if not self.slot.own_uid:
            return
        for path in [self.workdir, *self.workdir.rglob("*")]:
            try:
                if path.lstat().st_uid != self.slot.uid:
                    os.lchown(path, self.slot.uid, self.slot.uid)
            except FileNotFoundError:
                pass

    def _interrupt(self) -> None:
        try:
            self.km.interrupt_kernel()
        except Exception:
            pass

    def _die(self) -> None:
        self.dead = True
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:
            pass

    def close(self) -> None:
        try:
            self.kc.stop_channels()
        finally:
            if not self.dead:
                self._die()
            else:
                try:
                    self.km.cleanup_resources()
                except Exception:
                    pass
            if self.pgid and self.pgid != os.getpgrp():
                try:
                    os.killpg(self.pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass


def _size(content: dict) -> int:
    if "text" in content:
        return len(content["text"])
    data = content.get("data", {})
    return sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in data.values()) + len(
        str(content.get("traceback", ""))
    )


def _error(ename: str, evalue: str) -> dict:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[])


def _output(kind: str, content: dict):
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=content["name"], text=content["text"])
    if kind == "error":
        return nbformat.v4.new_output(
            "error", ename=content["ename"], evalue=content["evalue"], traceback=[]
        )
    if kind == "execute_result":
        return nbformat.v4.new_output(
            "execute_result",
            data=content.get("data", {}),
            execution_count=content.get("execution_count"),
        )
    return nbformat.v4.new_output("display_data", data=content.get("data", {}))


class _Remote:
    """A learner's function, called in their kernel with trusted arguments."""

    def __init__(self, runner: _Runner, name: str, sink: list) -> None:
        self._runner, self._name, self._sink = runner, name, sink
        self.__name__ = name

    def __call__(self, *args, **kwargs):
        payload = wire.call_payload(args, kwargs)
        self._runner.hand_over()
        outputs, wires = self._runner.run(
            f"{_WIRE}.serve_call(globals(), {self._name!r}, {payload!r})"
        )
        self._sink.extend(outputs)
        if len(wires) != 1:
            raise RuntimeError("không nhận được kết quả của hàm")
        result = wire.read(wires[0])
        if type(result) is tuple and result and result[0] == "ok" and len(result) == 2:
            return _value(self._runner, result[1], self._sink, self._name)
        if type(result) is tuple and result and result[0] == "raise":
            raise LearnerError(f"{result[1]}: {result[2] if len(result) > 2 else ''}")
        raise RuntimeError("kết quả của hàm sai dạng")


class LearnerError(Exception):
    """The learner's function raised (in their kernel)."""


def _value(runner: _Runner, desc, sink: list, name: str):
    if type(desc) is tuple and desc and desc[0] == "fn":
        return _Remote(runner, name, sink)
    return wire.rebuild(desc)


def _judge_hidden(runner: _Runner, plan: Plan, test: TestCell) -> tuple[list, dict | None]:
    """Run a hidden block here on the learner's values; (extra outputs, error output or None)."""
    extra: list = []
    namespace = {k: (copy.deepcopy(v) if _copyable(v) else v) for k, v in plan.trusted.items()}
    if test.learner_names:
        outputs, wires = runner.run(f"{_WIRE}.serve_names(globals(), {test.learner_names!r})")
        extra.extend(outputs)
        if len(wires) != 1:
            return extra, _error("AssertionError", "")
        described = wire.read(wires[0])
        if type(described) is not dict:
            return extra, _error("AssertionError", "")
        for name in test.learner_names:
            desc = described.get(name)
            if desc is None or desc == ("missing",):
                continue
            namespace[name] = _value(runner, desc, extra, name)
    try:
        exec(compile(test.hidden, f"<kiểm tra ẩn {test.grade_id}>", "exec"), namespace)
    except KernelGone:
        raise
    except AssertionError:
        return extra, _error("AssertionError", "")
    except Exception as error:  # the learner's value broke the test: no points; the detail is
        # for the trainer's copy only (our feedback never shows it)
        return extra, _error(type(error).__name__, str(error)[:300])
    return extra, None


def _copyable(value) -> bool:
    import pandas as pd

    return isinstance(value, list | dict | set | pd.DataFrame | pd.Series)


@dataclass
class Result:
    student: str
    status: str  # "da_cham" | "loi"
    score: float = 0.0
    max_score: float = 0.0
    cell_scores: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notebook: nbformat.NotebookNode | None = None
    seconds: float = 0.0  # wall time of this submission in its worker
    learner_seconds: float = 0.0  # of which: running the learner's and setup cells


def grade_notebook(
    plan: Plan, learner, student: str, slot: Slot, hide: list[Path], limits: Limits
) -> Result:
    """Grade one learner notebook (already read and checked) in ``slot``."""
    from nbgrader.utils import determine_grade

    started = time.monotonic()
    nb, notes = assemble(plan, learner)
    workdir = slot.workdir(_safe(student))
    for path in plan.data_files:
        if path.is_dir():
            shutil.copytree(path, workdir / path.name)
        else:
            shutil.copy(path, workdir / path.name)
    if slot.own_uid:
        for path in workdir.rglob("*"):
            os.chown(path, slot.uid, slot.uid)
    # Hidden tests run here with the kernel's folder as theirs: files they make for the learner's
    # functions, and files those functions write, are seen the same way on both sides.
    os.chdir(workdir)
    tempfile.tempdir = str(workdir / "tmp")
    old_umask = os.umask(0)
    problems = [f"{student}/{plan.notebook}: {n}" for n in notes]
    gone = None
    try:
        runner = _Runner(slot, workdir, hide, limits)
    except KernelGone as error:  # before any learner code ran: the machine's problem, not theirs
        slot.kill_all()
        raise EngineUnavailable(str(error)) from error
    count = 0
    learner_seconds = 0.0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        cell.outputs = []
        if gone:
            if meta.get("grade"):
                cell.outputs = [_error("DeadKernelError", gone)]
            continue
        count += 1
        cell.execution_count = count
        try:
            if meta.get("grade"):
                test = plan.tests[meta["grade_id"]]
                outputs, _ = runner.run(test.public)
                cell.outputs = outputs
                if test.hidden is not None and not _has_error(outputs):
                    extra, failure = _judge_hidden(runner, plan, test)
                    cell.outputs.extend(extra)
                    if failure:
                        cell.outputs.append(failure)
            else:
                began = time.monotonic()
                cell.outputs, _ = runner.run(cell.source)
                learner_seconds += time.monotonic() - began
        except KernelGone as error:
            gone = str(error)
            if meta.get("grade"):
                cell.outputs.append(_error("DeadKernelError", gone))
    runner.close()
    slot.kill_all()
    if gone:
        problems.append(f"{student}/{plan.notebook}: {gone}; các câu sau đó không được điểm")
    scores = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and cell.cell_type == "code":
            score, _ = determine_grade(cell)
            scores[meta["grade_id"]] = float(score or 0)
    os.umask(old_umask)
    os.chdir(slot.root)
    tempfile.tempdir = None
    shutil.rmtree(workdir, ignore_errors=True)
    return Result(
        student,
        "da_cham",
        sum(scores.values()),
        plan.max_score,
        scores,
        problems,
        nb,
        time.monotonic() - started,
        learner_seconds,
    )


def _has_error(outputs: list) -> bool:
    return any(o.get("output_type") == "error" for o in outputs)


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
    gb.db.commit()


_CLAIM_TABLE = "hocvuso_claims"
_CLAIM_STALE_SECONDS = 2 * 3600
OWNER = f"{socket.gethostname()}:{os.getpid()}"


def claim(gb, assignment: str, student: str, sha: str, plan_sha: str) -> bool:
    """Take ``student``'s submission for this grader, unless another grader has it or already
    graded this very file. Several graders (processes, machines) can share one gradebook."""
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
        if done is not None and tuple(done) == (sha, plan_sha):
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


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
        sha = sha256_file(path) if path.exists() else "-"
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
    slot_root = Path(tempfile.mkdtemp(prefix="hocvuso-cham-"))
    os.chmod(slot_root, 0o711)
    made = []
    for number in range(min(workers, max(1, len(todo)))):
        slot = Slot(number, slot_root / f"o-{number}", limits)
        slot.setup()
        os.chmod(slot.root, 0o711)
        made.append(slot)

    def finish(student: str, sha: str, result: Result) -> None:
        nonlocal done
        if result.status == POSTPONED:
            notes.extend(result.problems)
            release(gb, assignment, student)
            done += 1
            return
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
            if claim(gb, assignment, student, sha, plan.fingerprint):
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
        for slot in made:
            slot.teardown()
        shutil.rmtree(slot_root, ignore_errors=True)
        gb.close()
    return results, notes


# One forked worker process per slot: each runs its submissions' kernels and judges their hidden
# tests in its own working folder. The parent keeps the gradebook (one writer).
_WORKER: dict = {}


def _worker_init(plan: Plan, slots: list[Slot], numbers, hide: list[Path], limits: Limits) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _WORKER.update(plan=plan, slot=slots[numbers.get()], hide=hide, limits=limits)


def _worker_grade(student: str, path: str) -> Result:
    w = _WORKER
    try:
        learner = nbformat.read(path, as_version=4)
        return grade_notebook(w["plan"], learner, student, w["slot"], w["hide"], w["limits"])
    except Exception as error:  # the grader's trouble, never the learner's: grade it next run
        return _postponed(student, w["plan"], error)


def _postponed(student: str, plan: Plan, error: BaseException) -> Result:
    return Result(
        student,
        POSTPONED,
        problems=[
            f"{student}/{plan.notebook}: chưa chấm được lần này ({type(error).__name__}: "
            f"{str(error)[:200]}); bài chưa bị tính điểm. Chạy lại lệnh chấm để chấm tiếp."
        ],
    )


def _grade_in_workers(plan, slots, hide, limits, items, finish, take) -> None:
    """Feed ``items`` to one worker process per slot, claiming each just before it is sent (so
    graders sharing a gradebook split the work), and ``finish`` each result as it comes back."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork")
    numbers = context.Queue()
    for number in range(len(slots)):
        numbers.put(number)
    pending = list(reversed(items))
    with ProcessPoolExecutor(
        max_workers=len(slots),
        mp_context=context,
        initializer=_worker_init,
        initargs=(plan, slots, numbers, hide, limits),
    ) as pool:
        running: dict = {}
        while pending or running:
            while pending and len(running) < len(slots):
                student, path, sha = pending.pop()
                if take(student, sha):
                    try:
                        running[pool.submit(_worker_grade, student, str(path))] = (student, sha)
                    except Exception as error:  # the pool broke (a worker was killed)
                        finish(student, sha, _postponed(student, plan, error))
            if not running:
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                student, sha = running.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # a worker died (killed by the OS…)
                    result = _postponed(student, plan, error)
                finish(student, sha, result)


def _timestamp(folder: Path) -> str | None:
    stamp = folder / "timestamp.txt"
    return stamp.read_text().strip() if stamp.exists() else None


def _write_autograded(course, assignment: str, student: str, lab_file: str, nb) -> None:
    """The executed notebook, where nbgrader's formgrader and our feedback look for it."""
    folder = course.root / "autograded" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    stamp = course.root / "submitted" / student / assignment / "timestamp.txt"
    if stamp.exists():
        shutil.copy2(stamp, folder / "timestamp.txt")
    tmp = folder / f".{lab_file}.tmp"
    text = nbformat.writes(nb)
    tmp.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    os.replace(tmp, folder / lab_file)
