"""Hostile files a learner or a trainer's inbox supplies, graded in one CLI run with honest ones.

A FIFO, a device or a symlink named ``thuc-hanh.ipynb``, a 2 GB notebook, JSON nested 100 000 deep,
a 5 000-digit number, a hostile ``timestamp.txt``, a .zip whose headers lie: each costs only its
own submission (a Vietnamese reason naming the file); the run ends, the honest learners beside
them get their full score, and nothing outside the course is read or changed.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import signal
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from cohort import solved
from conftest import copy_course

from graders.collect import MAX_NOTEBOOK_BYTES
from graders.pipeline import FAILED, GRADED, load_records

LAB = "m00"
DEEP = 100_000


def _device(path: Path) -> bool:
    """A copy of /dev/zero's device node at ``path``, where allowed (root, CAP_MKNOD)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 5))
    except (OSError, AttributeError):
        return False
    return True


def _honest(course) -> str:
    lab = course.lab(LAB).file
    source = course.root / "source" / LAB / lab
    release = course.root / "release" / LAB / lab
    return nbformat.writes(solved(source, release))


def _max_score(course) -> float:
    from graders.engine import make_plan

    return make_plan(course, LAB).max_score


def _grade_cli(course, source: Path, log: Path) -> subprocess.CompletedProcess:
    """``hocvuso grade`` as a trainer runs it. A file the grader writes cannot grow past 256 MB
    (the old code copied whatever a symlink pointed to, /dev/zero included); the run must end."""

    def limit_writes() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 << 20, 256 << 20))

    hocvuso = str(Path(sys.executable).parent / "hocvuso")
    command = [hocvuso, "grade", LAB, str(source), "--home", str(course.home), "--so-luong", "2"]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=limit_writes,
    )
    try:
        out, err = proc.communicate(timeout=400)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"hocvuso grade did not end within 400 s:\n{out[-3000:]}\n{err[-3000:]}")
    log.write_text(out + "\n--- stderr ---\n" + err, encoding="utf-8")
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _no_traceback(done: subprocess.CompletedProcess) -> None:
    text = done.stdout + done.stderr
    assert "Traceback" not in text, text[-3000:]
    assert not re.search(r"(?m)^[\w.]+(Error|Exception|BadZipFile)\b", text), text[-3000:]


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as out:
        out.truncate(size)


# --- a folder of submissions --------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder_run(pristine_home, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-files")
    course = copy_course(pristine_home, base / "home")
    honest = _honest(course)
    lab = course.lab(LAB).file
    nop = base / "nop"
    nop.mkdir()
    sentinel = base / "ngoai" / "bai-cua-nguoi-khac.ipynb"  # outside: a symlink points here
    sentinel.parent.mkdir()
    sentinel.write_text(honest, encoding="utf-8")
    os.utime(sentinel, (1_600_000_000, 1_600_000_000))
    full: list[str] = []  # honest notebooks: full score
    failed: dict[str, str] = {}  # learner → the file its Vietnamese reason must name
    noted: dict[str, str] = {}  # graded in full, and a run-level note must name this file

    def folder(student: str) -> Path:
        (nop / student).mkdir()
        return nop / student

    (folder("hv01-dung") / lab).write_text(honest, encoding="utf-8")
    full.append("hv01-dung")
    (nop / "hv02-dung.ipynb").write_text(honest, encoding="utf-8")
    full.append("hv02-dung")

    where = folder("hv03-gio-to")
    (where / lab).write_text(honest, encoding="utf-8")
    _sparse(where / "timestamp.txt", 2 * 1024**3)
    noted["hv03-gio-to"] = "hv03-gio-to/timestamp.txt"
    where = folder("hv04-gio-fifo")
    (where / lab).write_text(honest, encoding="utf-8")
    os.mkfifo(where / "timestamp.txt")
    noted["hv04-gio-fifo"] = "hv04-gio-fifo/timestamp.txt"
    where = folder("hv05-gio-sai")
    (where / lab).write_text(honest, encoding="utf-8")
    (where / "timestamp.txt").write_text("2025-02-30 25:61:00 /etc/passwd", encoding="utf-8")
    noted["hv05-gio-sai"] = "hv05-gio-sai/timestamp.txt"
    where = folder("hv06-gio-dung")
    (where / lab).write_text(honest, encoding="utf-8")
    (where / "timestamp.txt").write_text("2025-03-01 08:00:00.000000 UTC", encoding="utf-8")
    full.append("hv06-gio-dung")

    deep = json.loads(honest)
    deep["metadata"]["x"] = "__DEEP__"
    text = json.dumps(deep).replace('"__DEEP__"', "[" * DEEP + "]" * DEEP)
    (nop / "hv10-sau.ipynb").write_text(text, encoding="utf-8")
    failed["hv10-sau"] = f"hv10-sau/{lab}"
    os.mkfifo(folder("hv11-fifo") / lab)
    failed["hv11-fifo"] = f"hv11-fifo/{lab}"
    (folder("hv12-dev-zero") / lab).symlink_to("/dev/zero")
    failed["hv12-dev-zero"] = f"hv12-dev-zero/{lab}"
    (nop / "hv13-lien-ket.ipynb").symlink_to(sentinel)
    failed["hv13-lien-ket"] = "hv13-lien-ket.ipynb"
    _sparse(folder("hv14-to") / lab, 2 * 1024**3)
    failed["hv14-to"] = f"hv14-to/{lab}"
    if _device(folder("hv15-thiet-bi") / lab):
        failed["hv15-thiet-bi"] = f"hv15-thiet-bi/{lab}"
    else:
        (nop / "hv15-thiet-bi").rmdir()
    big = json.loads(honest)
    big["metadata"]["x"] = "__BIG__"
    text = json.dumps(big).replace('"__BIG__"', "7" * 5000)
    (nop / "hv16-so-lon.ipynb").write_text(text, encoding="utf-8")
    failed["hv16-so-lon"] = f"hv16-so-lon/{lab}"
    many = json.loads(honest)
    many["metadata"]["x"] = [{}] * 300_000
    (nop / "hv17-nhieu.ipynb").write_text(json.dumps(many), encoding="utf-8")
    failed["hv17-nhieu"] = f"hv17-nhieu/{lab}"
    lone = json.loads(honest)
    code = next(c for c in lone["cells"] if c["cell_type"] == "code")
    code["source"] = "".join(code["source"]) + "\n# \ud800"
    (nop / "hv18-ky-tu-le.ipynb").write_text(json.dumps(lone), encoding="utf-8")
    failed["hv18-ky-tu-le"] = f"hv18-ky-tu-le/{lab}"

    done = _grade_cli(course, nop, base / "cham.log")
    return course, done, full, failed, noted, sentinel, honest


def test_the_run_ends_without_an_english_traceback(folder_run):
    _, done, *_ = folder_run
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    _no_traceback(done)


def test_honest_learners_beside_hostile_files_get_their_full_score(folder_run):
    course, done, full, _, noted, _, _ = folder_run
    records = load_records(course, LAB)
    top = _max_score(course)
    wrong = {
        s: (records[s].status, records[s].score, records[s].problems) if s in records else None
        for s in [*full, *noted]
        if s not in records or records[s].status != GRADED or records[s].score != top
    }
    assert not wrong, (wrong, done.stdout[-3000:])


def test_each_hostile_notebook_is_a_failed_submission_named_in_vietnamese(folder_run):
    course, done, _, failed, _, _, _ = folder_run
    records = load_records(course, LAB)
    wrong = {}
    for student, shown in failed.items():
        record = records.get(student)
        text = " ".join(record.problems) if record else ""
        if (
            not record
            or record.status != FAILED
            or shown not in text
            or "nộp lại" not in text.lower()
        ):
            wrong[student] = (record and record.status, text)
    assert not wrong, (wrong, done.stdout[-3000:])
    reasons = {s: " ".join(records[s].problems) for s in failed}
    assert "liên kết" in reasons["hv12-dev-zero"] and "liên kết" in reasons["hv13-lien-ket"]
    assert "FIFO" in reasons["hv11-fifo"]
    assert "quá lớn" in reasons["hv14-to"] and "20 MB" in reasons["hv14-to"]
    assert "quá sâu" in reasons["hv10-sau"]
    assert "quá nhiều" in reasons["hv17-nhieu"]
    if "hv15-thiet-bi" in failed:
        assert "thiết bị" in reasons["hv15-thiet-bi"]


def test_a_hostile_timestamp_is_replaced_and_said_so(folder_run):
    course, done, _, _, noted, _, _ = folder_run
    for shown in noted.values():
        lines = [ln for ln in done.stdout.splitlines() if shown in ln]
        assert lines and all(ln.startswith("Cần xem: ") for ln in lines), (shown, done.stdout)
        assert "thời điểm nộp" in lines[0]
    for student in [*noted, "hv06-gio-dung"]:
        stamp = course.root / "submitted" / student / LAB / "timestamp.txt"
        assert stamp.is_file() and not stamp.is_symlink() and stamp.stat().st_size < 100
    kept = course.root / "submitted" / "hv06-gio-dung" / LAB / "timestamp.txt"
    assert kept.read_text(encoding="utf-8") == "2025-03-01 08:00:00.000000 UTC"
    with course.gradebook() as gb:
        assert (
            gb.find_submission(LAB, "hv06-gio-dung")
            .timestamp.isoformat()
            .startswith("2025-03-01T08:00:00")
        )


def test_nothing_outside_was_read_into_the_course_or_changed(folder_run):
    course, _, _, _, _, sentinel, honest = folder_run
    assert sentinel.read_text(encoding="utf-8") == honest
    assert sentinel.stat().st_mtime == 1_600_000_000
    submitted = course.root / "submitted"
    for path in submitted.rglob("*"):
        mode = path.lstat().st_mode
        assert stat.S_ISDIR(mode) or stat.S_ISREG(mode), path
        assert stat.S_ISDIR(mode) or path.stat().st_size <= MAX_NOTEBOOK_BYTES, path
    for student in ("hv11-fifo", "hv12-dev-zero", "hv13-lien-ket", "hv14-to", "hv15-thiet-bi"):
        assert not list((submitted / student / LAB).glob("*.ipynb")), student


# --- a .zip whose headers lie -------------------------------------------------------------------

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile's local file header
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zipfile's central directory entry
_FIELDS = {"flags": (3, 5), "method": (4, 6), "crc": (7, 9), "csize": (8, 10), "usize": (9, 11)}


def patch_zip(data: bytes, member: str, **fields: int) -> bytes:
    """Rewrite header ``fields`` (flags, method, crc, csize, usize) of ``member``, in both its local
    header and its central directory entry, as a broken or hostile zip tool would."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offset = archive.getinfo(member).header_offset
    local = list(_LOCAL.unpack_from(buf, offset))
    for key, value in fields.items():
        local[_FIELDS[key][0]] = value
    _LOCAL.pack_into(buf, offset, *local)
    at = buf.find(b"PK\x01\x02")
    while at >= 0:
        entry = list(_CENTRAL.unpack_from(buf, at))
        name = bytes(buf[at + _CENTRAL.size : at + _CENTRAL.size + entry[12]]).decode()
        if name == member:
            for key, value in fields.items():
                entry[_FIELDS[key][1]] = value
            _CENTRAL.pack_into(buf, at, *entry)
        at = buf.find(b"PK\x01\x02", at + 4)
    return bytes(buf)


def corrupt_zip(path: Path, honest: dict[str, bytes], payload: bytes) -> dict[str, str]:
    """``honest`` entries intact, plus one entry per kind of corruption (each holding
    ``payload``); returns the corrupt entry names → kind."""
    broken = {
        "hv03.ipynb": "size",  # the header says 100 bytes: the data is more
        "hv04.ipynb": "crc",  # one bit of the data flipped
        "hv05.ipynb": "truncated",  # the compressed data cut in half
        "hv06.ipynb": "method",  # a compression method nobody supports
        "hv07.ipynb": "encrypted",  # flagged as password-protected
        "hv08.ipynb": "bomb",  # 30 MB of zeros declared as 1 000 bytes
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in honest.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
        for name, kind in broken.items():
            method = zipfile.ZIP_DEFLATED if kind in ("truncated", "bomb") else zipfile.ZIP_STORED
            archive.writestr(name, b"0" * 30_000_000 if kind == "bomb" else payload, method)
    data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = {i.filename: i for i in archive.infolist()}
    data = patch_zip(data, "hv03.ipynb", usize=100)
    data = patch_zip(data, "hv05.ipynb", csize=infos["hv05.ipynb"].compress_size // 2)
    data = patch_zip(data, "hv06.ipynb", method=99)
    data = patch_zip(data, "hv07.ipynb", flags=0x1)
    data = patch_zip(data, "hv08.ipynb", usize=1000)
    buf = bytearray(data)
    buf[infos["hv04.ipynb"].header_offset + _LOCAL.size + len("hv04.ipynb") + 50] ^= 0x01
    path.write_bytes(bytes(buf))
    return broken


@pytest.fixture(scope="module")
def zip_run(pristine_home, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-zip")
    course = copy_course(pristine_home, base / "home")
    honest = _honest(course).encode()
    lab = course.lab(LAB).file
    broken = corrupt_zip(base / "nop.zip", {"hv01.ipynb": honest, f"hv02/{lab}": honest}, honest)
    done = _grade_cli(course, base / "nop.zip", base / "cham.log")
    return course, done, broken


def test_a_corrupt_zip_costs_only_its_broken_entries(zip_run):
    course, done, broken = zip_run
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    _no_traceback(done)
    records = load_records(course, LAB)
    top = _max_score(course)
    assert {s: (r.status, r.score) for s, r in records.items()} == {
        "hv01": (GRADED, top),
        "hv02": (GRADED, top),
    }
    for name in broken:
        lines = [ln for ln in done.stdout.splitlines() if f"nop.zip: {name}" in ln]
        assert len(lines) == 1 and lines[0].startswith("Cần xem: "), (name, done.stdout)
        assert "tệp nén" in lines[0] or "quá lớn" in lines[0], lines[0]


def test_no_partly_unpacked_file_is_left(zip_run):
    course, _, _ = zip_run
    (unpacked,) = (course.root / "hocvuso" / "nhan").iterdir()
    left = sorted(str(p.relative_to(unpacked)) for p in unpacked.rglob("*"))
    assert left == ["hv01.ipynb", "hv02", "hv02/thuc-hanh.ipynb"]


# --- the bounded readers the engine calls -------------------------------------------------------


def test_read_submission_refuses_what_is_not_a_notebook_file(tmp_path):
    from graders.pipeline import SubmissionError, read_submission

    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    (tmp_path / "tot.ipynb").write_text(nbformat.writes(good), encoding="utf-8")
    assert read_submission(tmp_path / "tot.ipynb", "hv01/tot.ipynb").cells[0].source == "x = 1"

    os.mkfifo(tmp_path / "fifo.ipynb")
    (tmp_path / "lien-ket.ipynb").symlink_to(tmp_path / "tot.ipynb")
    (tmp_path / "thu-muc.ipynb").mkdir()
    _sparse(tmp_path / "to.ipynb", MAX_NOTEBOOK_BYTES + 1)
    text = nbformat.writes(good)
    cases = {
        "fifo.ipynb": "FIFO",
        "lien-ket.ipynb": "liên kết",
        "thu-muc.ipynb": "thư mục",
        "to.ipynb": "quá lớn",
        "sau.ipynb": ("[" * 200 + "]" * 200, "quá sâu"),
        "so-lon.ipynb": (
            text.replace('"metadata": {', '"metadata": {"x": ' + "9" * 5000 + ",", 1),
            "tệp bị hỏng",
        ),
        "nan.ipynb": (text.replace('"metadata": {', '"metadata": {"x": NaN,', 1), "tệp bị hỏng"),
        "ky-tu-le.ipynb": (text.replace("x = 1", "x = '\\udc80'"), "tệp bị hỏng"),
        "nhieu.ipynb": ('{"x": [' + ",".join(["{}"] * 100_000) + "]}", "quá nhiều"),
        "khoa.ipynb": (
            '{"x": {' + ",".join(f'"k{i}": 0' for i in range(100_000)) + "}}",
            "quá nhiều",
        ),
        "latin1.ipynb": (text.replace("x = 1", "x = 'é'").encode("latin-1"), "tệp bị hỏng"),
    }
    if _device(tmp_path / "zero.ipynb"):
        cases["zero.ipynb"] = "thiết bị"
    for name, case in cases.items():
        if isinstance(case, tuple):
            content, expected = case
            target = tmp_path / name
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
        else:
            expected = case
        with pytest.raises(SubmissionError) as caught:
            read_submission(tmp_path / name, f"hv01/{name}")
        message = str(caught.value)
        assert message.startswith(f"hv01/{name}: ") and expected in message, message


def test_read_timestamp_keeps_only_a_short_date(tmp_path):
    from graders.pipeline import read_timestamp

    def stamp(content) -> str | None:
        folder = tmp_path / f"f{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        if callable(content):
            content(folder / "timestamp.txt")
        else:
            (folder / "timestamp.txt").write_text(content, encoding="utf-8")
        return read_timestamp(folder)

    assert stamp("2025-03-01 08:00:00.000000 UTC\n") == "2025-03-01 08:00:00.000000 UTC"
    assert stamp("2025-03-01 08:00:00") == "2025-03-01 08:00:00"
    assert stamp("ngày mai") is None
    assert stamp("2025-02-30 10:00:00") is None
    assert stamp("2025-03-01 08:00:00 /etc/passwd") is None
    assert stamp("2025-03-01 08:00:00" + " " * 200) is None
    assert stamp(os.mkfifo) is None
    assert stamp(lambda p: _sparse(p, 2 * 1024**3)) is None
    assert stamp(lambda p: p.symlink_to("/dev/zero")) is None
    assert read_timestamp(tmp_path / "khong-co") is None
