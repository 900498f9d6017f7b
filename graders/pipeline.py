"""Grading pipeline around nbgrader: import submissions, check each file, autograde, export.

Submissions folder rule (``hocvuso grade m01 <folder>``): one entry per learner, named by the
learner id (letters, digits, ``.``, ``_``, ``-``):

* ``<folder>/<id>/thuc-hanh.ipynb`` — a folder per learner (nbgrader's own layout
  ``<id>/<assignment>/thuc-hanh.ipynb`` is accepted too), or
* ``<folder>/<id>.ipynb`` — a single notebook, for one-notebook labs.

One bad submission never stops the others: it gets a Vietnamese reason naming the file and the
fix, and a grade already saved in the gradebook is never overwritten by a failed attempt.

Everything a learner supplies is read the same bounded way (``read_submission``,
``read_timestamp``): opened without following a link and without blocking (a FIFO, a device, a
socket or a link is refused before any byte is read), at most ``MAX_NOTEBOOK_BYTES``, and its JSON
shape (nesting depth, number of objects, arrays, keys and items) measured on the raw bytes before
it is parsed. Unchecked, a crafted 20 MB notebook took 15 to 25 s and up to 2.6 GB to parse and
validate, and JSON nested 100 000 deep raised out of the whole run; within the limits the slowest
one measured takes about 0.5 s and 70 MB (a 20 MB honest notebook: 0.25 s, a usual one: 1 ms), so
it runs in this process, with no subprocess per submission.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import shutil
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .collect import MAX_NOTEBOOK_BYTES

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


# --- reading what a learner supplies, bounded ---------------------------------------------------

# A notebook saved by JupyterLab nests 5 to 10 deep and holds a few hundred objects and arrays, a
# few thousand keys, and items by the thousand even with long outputs printed (100 000 lines of
# output fit). The slowest notebooks within these limits (6 600 outputs validated against every
# output type, 50 000 keys of one output, 500 000 numbers) parse and validate in about 0.5 s.
MAX_DEPTH = 64  # nested objects and arrays
MAX_CONTAINERS = 20_000  # objects and arrays
MAX_KEYS = 50_000  # keys of all objects
MAX_ITEMS = 500_000  # commas: items of arrays and objects
MAX_TIMESTAMP_BYTES = 100
_KINDS = {
    stat.S_IFLNK: "một liên kết (symlink) tới tệp khác",
    stat.S_IFIFO: "một ống dẫn (FIFO)",
    stat.S_IFCHR: "một thiết bị",
    stat.S_IFBLK: "một thiết bị",
    stat.S_IFSOCK: "một socket",
    stat.S_IFDIR: "một thư mục",
}
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_STRUCTURE = bytes(c in b'"[]{},:' for c in range(256))  # a lookup table, see _check_shape
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?: (?:[A-Za-z]{1,5}|[+-]\d{2}(?::?\d{2})?))?"
)
_RESAVE = (
    "Mở lại bài trong JupyterLab, lưu (Ctrl + S) và nộp lại; nếu không mở được, làm lại từ bản "
    "phát hành."
)
_CLEAR = (
    "Xóa kết quả in ra trong bài (Kernel → Restart Kernel and Clear Outputs), lưu (Ctrl + S) rồi "
    "nộp lại."
)


class SubmissionError(ValueError):
    """A learner's file that cannot be graded. The message is Vietnamese, names the file and says
    what to do."""


def _mb(size: int) -> str:
    """A size the Vietnamese way: "20 MB", "2048,5 MB", "512 byte"."""
    if size < 1024 * 1024:
        return f"{size} byte"
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0").replace(".", ",") + " MB"


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _not_a_file(shown: str, mode: int) -> SubmissionError:
    kind = _KINDS.get(stat.S_IFMT(mode), "không phải tệp thường")
    name = Path(shown).name
    return SubmissionError(
        f"{shown}: không phải tệp bài làm mà là {kind}, nên không được đọc. Nộp lại chính tệp "
        f"{name} (tệp thường, lưu từ JupyterLab), không nộp liên kết hay tệp đặc biệt."
    )


def _too_big(shown: str, size: int, cap: int) -> SubmissionError:
    return SubmissionError(f"{shown}: tệp quá lớn ({_mb(size)}; tối đa {_mb(cap)}). {_CLEAR}")


def _unreadable(shown: str, error: OSError) -> SubmissionError:
    code = errno.errorcode.get(error.errno or 0, str(error.errno))
    return SubmissionError(
        f"{shown}: không đọc được tệp (lỗi hệ thống {code}). Kiểm tra quyền đọc của tệp, hoặc "
        "nộp lại tệp."
    )


def _read_regular(path: Path, shown: str, cap: int) -> tuple[bytes, os.stat_result]:
    """At most ``cap`` bytes of a regular file (else ``SubmissionError``), and its status.

    ``lstat`` first, so a FIFO or a device is refused without being opened (opening some devices
    does something); then opened without following a link and without blocking, and checked
    again on the open file (it may have been swapped in between)."""
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise SubmissionError(
            f"{shown}: không có tệp này trong bài nộp. Nộp tệp {Path(shown).name}."
        ) from None
    except OSError as error:
        raise _unreadable(shown, error) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_a_file(shown, before.st_mode)
    if before.st_size > cap:
        raise _too_big(shown, before.st_size, cap)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _not_a_file(shown, stat.S_IFLNK) from None
        raise _unreadable(shown, error) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(shown, info.st_mode)
        if info.st_size > cap:
            raise _too_big(shown, info.st_size, cap)
        chunks, left = [], cap + 1  # one byte more: a file that grew past the cap is seen
        while left > 0:
            chunk = os.read(fd, min(left, max(info.st_size + 1, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise _unreadable(shown, error) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > cap:
        raise _too_big(shown, len(data), cap)
    return data, info


def _check_shape(data: bytes, shown: str) -> None:
    """Refuse JSON nested deeper than ``MAX_DEPTH`` or holding more than the limits of objects,
    arrays, keys or items, measured on the bytes (outside strings, escapes handled) before any
    parser or validator recurses over it or builds it. Vectorised: about 10 ms per MB of
    structure, less for long strings (images, outputs)."""
    import numpy as np

    # Escapes first: "\\" is one escaped backslash, then \" is an escaped quote. What remains of
    # the quotes delimits strings (in any valid prefix, which is all json.loads reads).
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    byte = np.frombuffer(plain, dtype=np.uint8)
    structure = np.frombuffer(_STRUCTURE, dtype=bool)
    marks = byte[structure[byte]]  # only quotes, brackets, commas and colons, in order
    marks = marks[~np.bitwise_xor.accumulate(marks == ord('"'))]  # those outside strings
    opens = (marks == ord("[")) | (marks == ord("{"))
    count = int(np.count_nonzero(opens))
    if count <= 50 * MAX_CONTAINERS:  # past that the count alone refuses the file, sooner
        steps = opens.astype(np.int32) - ((marks == ord("]")) | (marks == ord("}")))
        if steps.size and int(np.cumsum(steps).max()) > MAX_DEPTH:
            raise SubmissionError(
                f"{shown}: cấu trúc JSON lồng nhau quá sâu (hơn {MAX_DEPTH} tầng); notebook lưu "
                f"từ JupyterLab không như vậy. {_RESAVE}"
            )
    counts = {
        "đối tượng và mảng": (count, MAX_CONTAINERS),
        "khóa": (int(np.count_nonzero(marks == ord(":"))), MAX_KEYS),
        "phần tử": (int(np.count_nonzero(marks == ord(","))), MAX_ITEMS),
    }
    for what, (n, cap) in counts.items():
        if n > cap:
            raise SubmissionError(
                f"{shown}: notebook có quá nhiều {what} ({_number(n)}; tối đa "
                f"{_number(cap)}), không chấm được. {_CLEAR}"
            )


def _broken(shown: str, error: BaseException) -> SubmissionError:
    return SubmissionError(
        f"{shown}: tệp bị hỏng, không phải notebook JSON hợp lệ ({error.__class__.__name__}). "
        f"{_RESAVE}"
    )


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python accepts them, JSON does not


def read_submission(path: Path, shown: str) -> nbformat.NotebookNode:
    """The learner notebook at ``path``, read, parsed and validated within bounds (type, size,
    depth, counts: see the module docstring); ``SubmissionError`` (Vietnamese, naming the file as
    ``shown``) for anything else. Never blocks, never recurses without limit."""
    data, _ = _read_regular(Path(path), shown, MAX_NOTEBOOK_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _broken(shown, error) from None
    _check_shape(data, shown)
    try:
        raw = json.loads(text, parse_constant=_no_constant)
        if _SURROGATE_ESCAPE.search(data):  # a lone "\ud800" parses, then cannot be saved
            json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except ValueError as error:  # JSONDecodeError, UnicodeEncodeError, a 5 000-digit number…
        raise _broken(shown, error) from None
    except RecursionError as error:  # cannot happen after _check_shape; kept as a backstop
        raise _broken(shown, error) from None
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        raise SubmissionError(
            f"{shown}: không phải notebook định dạng 4 (nbformat). Mở bài trong JupyterLab, "
            "lưu lại và nộp lại."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbformat's notes on cell ids are not the learner's
            nb = nbformat.v4.to_notebook_json(raw)  # what nbformat.reads does for version 4
            nbformat.validate(nb)
    except Exception as error:  # nbformat raises several kinds for a malformed notebook
        raise SubmissionError(
            f"{shown}: notebook sai cấu trúc ({_first_line(error)}). Mở bài trong JupyterLab, "
            "lưu lại và nộp lại."
        ) from None
    return nb


def read_timestamp(folder: Path) -> str | None:
    """``folder/timestamp.txt`` (when a submission was made, as nbgrader writes it) if it is a
    regular file of at most ``MAX_TIMESTAMP_BYTES`` holding one date nbgrader accepts; else
    None."""
    from nbgrader.utils import parse_utc

    try:
        data, _ = _read_regular(
            Path(folder) / "timestamp.txt", "timestamp.txt", MAX_TIMESTAMP_BYTES
        )
        text = data.decode("ascii").strip()
    except (SubmissionError, UnicodeDecodeError):
        return None
    if not _TIMESTAMP.fullmatch(text):
        return None
    try:
        parse_utc(text)
    except Exception:  # dateutil's ParserError, OverflowError…: not a date nbgrader can store
        return None
    return text


# --- collecting -----------------------------------------------------------------------------

MAX_LEARNER_FILES = 100  # files besides the notebook in one learner's folder
MAX_LEARNER_BYTES = 2 * MAX_NOTEBOOK_BYTES  # all of them together


@dataclass
class Imported:
    students: list[str] = field(default_factory=list)  # learner ids imported
    problems: list[str] = field(default_factory=list)  # entries that are no submission, notes
    # learner → why the notebook they sent was not taken (a FIFO, a link, too big…): graded "lỗi"
    refused: dict[str, list[str]] = field(default_factory=dict)


def _copy_regular(source: Path, target: Path, shown: str, cap: int = MAX_NOTEBOOK_BYTES) -> int:
    """Copy a regular file of at most ``cap`` bytes (``SubmissionError`` otherwise), its
    modification time kept; written under a temporary name, renamed when complete."""
    data, info = _read_regular(source, shown, cap)
    partial = target.with_name(f".{target.name}.dang-chep")
    partial.write_bytes(data)
    os.utime(partial, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(partial, target)
    return len(data)


def _real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _stamp_from_mtime(path: Path) -> str:
    """When ``path`` was last changed, as nbgrader writes a submission time (UTC)."""
    try:
        mtime = os.lstat(path).st_mtime
    except OSError:
        mtime = dt.datetime.now().timestamp()
    return dt.datetime.fromtimestamp(mtime, dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f %Z")


def _import_learner_folder(
    entry: Path, assignment: str, lab: str, target: Path, result: Imported
) -> tuple[str | None, str | None]:
    """Copy one learner's folder; returns (why the notebook was refused, the learner's own
    timestamp when it is valid)."""
    inner = entry / assignment if _real_dir(entry / assignment) else entry
    refusal = stamp = None
    files = size = 0
    for item in sorted(inner.iterdir()):
        if item.name.startswith("."):  # checkpoints, editors' and our own temporary files
            continue
        try:
            if stat.S_ISDIR(os.lstat(item).st_mode):
                continue
        except OSError:
            continue  # gone since it was listed
        if item.name == "timestamp.txt":
            stamp = read_timestamp(inner)
            if stamp is None:
                result.problems.append(
                    f"{item}: không đọc được thời điểm nộp (không phải tệp thường, quá "
                    f"{MAX_TIMESTAMP_BYTES} byte hoặc không phải ngày giờ); dùng thời điểm sửa "
                    "tệp bài làm thay cho nó."
                )
            continue
        item_shown = f"{entry.name}/{item.relative_to(entry)}"
        if item.name != lab:
            files += 1
            if files > MAX_LEARNER_FILES or size > MAX_LEARNER_BYTES:
                result.problems.append(
                    f"{item}: thư mục bài nộp có quá nhiều tệp (tối đa {MAX_LEARNER_FILES} tệp, "
                    f"{_mb(MAX_LEARNER_BYTES)} ngoài bài làm); bỏ qua tệp này."
                )
                continue
        try:
            copied = _copy_regular(item, target / item.name, item_shown)
        except SubmissionError as error:
            if item.name == lab:
                refusal = str(error)
            else:
                result.problems.append(f"{error} Tệp này bị bỏ qua.")
            continue
        if item.name != lab:
            size += copied
    return refusal, stamp


def import_folder(course, assignment: str, folder: Path) -> Imported:
    """Copy a folder of submissions (from email, Zalo… so untrusted) into nbgrader's
    ``submitted/`` layout: only regular files, bounded in size, never through a link.

    A learner whose notebook is not a regular file or is too big gets an empty submission and
    the reason in ``refused`` (the grading run records it as "lỗi"; grades saved before stay);
    entries that are no submission at all are in ``problems``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: không có thư mục bài nộp này. Kiểm tra lại đường dẫn.")
    lab = course.lab(assignment).file
    result = Imported()
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        try:
            mode = os.lstat(entry).st_mode
        except OSError:
            continue  # gone since it was listed
        is_dir = stat.S_ISDIR(mode)
        if not is_dir and entry.suffix != ".ipynb":
            kind = (
                "không phải notebook (.ipynb)"
                if stat.S_ISREG(mode)
                else f"là {_KINDS.get(stat.S_IFMT(mode), 'tệp đặc biệt')}"
            )
            result.problems.append(
                f"{entry}: {kind} nên không chấm. Bài nộp là thư mục <mã học viên>/ hoặc tệp "
                "<mã học viên>.ipynb."
            )
            continue
        student = entry.name if is_dir else entry.stem
        if not _STUDENT_ID.match(student):
            result.problems.append(
                f"{entry}: tên “{student}” không phải mã học viên hợp lệ (chỉ dùng chữ không dấu, "
                "số, dấu chấm, gạch dưới, gạch ngang). Đổi tên rồi chấm lại."
            )
            continue
        target = course.root / "submitted" / student / assignment
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        refusal = stamp = None
        if is_dir:
            refusal, stamp = _import_learner_folder(entry, assignment, lab, target, result)
        else:
            try:
                _copy_regular(entry, target / lab, entry.name)
            except SubmissionError as error:
                refusal = str(error)
        if refusal:
            result.refused[student] = [refusal]
        else:
            lab_path = target / lab
            when = stamp or _stamp_from_mtime(lab_path if lab_path.exists() else entry)
            (target / "timestamp.txt").write_text(when, encoding="utf-8")
        result.students.append(student)
    return result


def check_submission(course, assignment: str, student: str) -> list[str]:
    """Problems that stop a submission from being graded, in Vietnamese, naming the file."""
    lab = course.lab(assignment).file
    folder = course.root / "submitted" / student / assignment
    path = folder / lab
    shown = f"{student}/{lab}"
    if not os.path.lexists(path):
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return [
                f"{student}/{others[0]}: tệp bị đổi tên; bài cần đúng tên “{lab}”. "
                f"Đổi tên tệp thành {lab} rồi nộp lại."
            ]
        return [f"{shown}: không có tệp bài làm trong bài nộp. Nộp tệp {lab}."]
    try:
        read_submission(path, shown)
    except SubmissionError as error:
        return [str(error)]
    return []


# --- grading --------------------------------------------------------------------------------


def collect(course, assignment: str, source: Path) -> Imported:
    """Import a folder or a .zip of submissions (see ``graders.collect`` for the naming rule)."""
    from .collect import unpack_zip

    source = Path(source)
    if source.suffix.lower() != ".zip":
        return import_folder(course, assignment, source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = course.root / "hocvuso" / "nhan" / f"{assignment}-{stamp}"
    unpacked = unpack_zip(source, target, course.lab(assignment).file, assignment)
    imported = import_folder(course, assignment, target)
    imported.problems = unpacked.problems + imported.problems
    return imported


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
    refused: dict[str, list[str]] = {}  # notebooks not taken at import (a FIFO, a link…)
    if folder is not None:
        imported = collect(course, assignment, Path(folder))
        run.problems, refused = imported.problems, imported.refused
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
        check=lambda student: refused.get(student) or check_submission(course, assignment, student),
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
