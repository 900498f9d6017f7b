"""Issue 11: attacks of a clever learner, graded by ``hocvuso grade`` beside honest submissions.

Each class of attack of the issue has at least two submissions here. For every run: the attacks
earn nothing they did not answer, honest grades are unchanged, the run ends, every submission has
a saved record (reasons in Vietnamese), nothing outside the work folders changed (a sentinel file
and folder, owned by root, readable by all), and no process, cgroup or folder of the run is left.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import psutil
import pytest
from cohort import insert_after, set_answer, solved
from conftest import copy_course

from graders.pipeline import GRADED, load_records
from graders.sandbox import capabilities
from workbench.data import units

pytestmark = [pytest.mark.slow]
HOCVUSO = str(Path(sys.executable).parent / "hocvuso")
MARK = uuid.uuid4().hex[:12]
N_XA = sum(u["loai"] == "xã" for u in units())
ISOLATED = capabilities().namespaces
_ONE_RUN_M01 = pytest.mark.xdist_group("tan-cong-m01")  # its tests share one grading run


def _points(course, lab: str) -> dict[str, float]:
    source = course.root / "source" / lab / course.lab(lab).file
    return {
        c.metadata["nbgrader"]["grade_id"].removesuffix("_kiem_tra"): float(
            c.metadata["nbgrader"]["points"]
        )
        for c in nbformat.read(source, 4).cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }


# --- things outside the work folders that must not change -------------------------------------


def _state(path: Path) -> list:
    out = []
    for entry in sorted([path, *path.rglob("*")]):
        info = entry.lstat()
        content = hashlib.sha256(entry.read_bytes()).hexdigest() if entry.is_file() else ""
        out.append((str(entry), info.st_uid, info.st_gid, oct(info.st_mode), content))
    return out


@pytest.fixture(scope="module")
def outside(tmp_path_factory):
    """A sentinel folder and file (root's, readable by all), another checkout's trainer notebook
    with its solutions, and a process holding a secret token on its command line."""
    base = Path("/var/tmp") / f"hocvuso-ngoai-{MARK}"
    sentinel = base / "canh-gac"
    sentinel.mkdir(parents=True)
    (sentinel / "giu-nguyen.txt").write_text("không được đổi\n", encoding="utf-8")
    (sentinel / "Bao Cao.pdf").write_text("không được đổi\n", encoding="utf-8")
    checkout = base / "checkout-khac" / "notebooks" / "m01-bang-du-lieu-124-don-vi"
    checkout.mkdir(parents=True)
    for folder in [base, *base.rglob("*")]:
        os.chmod(folder, 0o755 if folder.is_dir() else 0o644)
    token = f"token-bi-mat-{MARK}"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(3600)", f"--token={token}"]
    )
    yield {"base": base, "sentinel": sentinel, "checkout": checkout, "token": token}
    holder.kill()
    holder.wait()
    subprocess.run(["rm", "-rf", str(base)], check=False)


def _grade(course, lab: str, folder: Path, *extra: str) -> tuple[subprocess.CompletedProcess, int]:
    command = [HOCVUSO, "grade", lab, str(folder), "--home", str(course.home), *extra]
    command += ["--thoi-gian-o", "10", "--thoi-gian-bai", "90"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"the run did not end:\n{out}\n{err}")
    return subprocess.CompletedProcess(command, process.returncode, out, err), process.pid


def _left_behind(pid: int) -> list[str]:
    """Processes, cgroups and folders of the grading run ``pid`` still there."""
    marker = f"hocvuso-cham-{pid}-"
    left = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        if any(marker in part for part in proc.info["cmdline"] or ()):
            left.append(f"process {proc.info['pid']}: {proc.info['cmdline']}")
    for base in (Path("/sys/fs/cgroup/memory/hocvuso"), Path("/sys/fs/cgroup/pids/hocvuso")):
        if base.is_dir():
            left += [str(p) for p in base.glob(f"r{pid}-*")]
    left += [str(p) for p in Path("/tmp").glob(f"{marker}*")]
    return left


def _check_run(course, lab, result, pid, expected, outside_state, outside) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    records = load_records(course, lab)
    wrong = {}
    for student, want in expected.items():
        record = records.get(student)
        if record is None:
            wrong[student] = (want, "không có bản ghi")
            continue
        ok = record.status == GRADED and (want is None or record.score == want)
        if not ok:
            wrong[student] = (want, record.status, record.score, record.problems)
    assert not wrong, wrong
    assert _state(outside["base"]) == outside_state, "a file outside the work folders changed"
    assert not _left_behind(pid)


# --- run 1: lab m01 — points from the kernel, the data channel, what the kernel sees -----------


@pytest.fixture(scope="module")
def run_m01(pristine_home, tmp_path_factory, outside):
    home = tmp_path_factory.mktemp("tan-cong-m01") / "home"
    course = copy_course(pristine_home, home)
    lab = course.lab("m01")
    source = course.root / "source" / "m01" / lab.file
    release = course.root / "release" / "m01" / lab.file
    points = _points(course, "m01")
    full = sum(points.values())
    # The other checkout: the trainer's notebook with its solutions, where the sandbox of old
    # could read it.
    (outside["checkout"] / lab.file).write_bytes(source.read_bytes())
    os.chmod(outside["checkout"] / lab.file, 0o644)
    folder = home.parent / "nop"
    expected: dict[str, float | None] = {}

    def submit(student: str, nb, score: float | None) -> None:
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / lab.file)
        expected[student] = score

    submit("hv01-trung-thuc", solved(source, release), full)
    submit("hv02-trung-thuc-mot-phan", solved(source, release, {"so_xa", "tim_ma"}), 5)

    # Class 1: points from the learner's kernel. Blank answers; the public checks replaced.
    blank = nbformat.read(release, 4)
    nb = nbformat.read(release, 4)
    insert_after(
        nb,
        "chuan_bi",
        "import graders.feedback as _f\n_f.Question.check = lambda self, strict=False: 10**9",
    )
    submit("hv10-tra-ve-so-lon", nb, 0)
    nb = nbformat.read(release, 4)
    insert_after(
        nb,
        "chuan_bi",
        "import graders.feedback as _f\nfrom IPython.display import HTML, display\n"
        "def _gia(self, strict=False):\n"
        "    display(HTML('<div class=\"hocvuso-feedback hocvuso-dung\">✅ Đúng rồi!</div>'))\n"
        "    return 'Đúng rồi! 11/11 điểm'\n"
        "_f.Question.check = _gia\n_f.Question.kiem_tra = _gia",
    )
    submit("hv11-hien-dung-roi", nb, 0)
    nb = nbformat.read(release, 4)
    insert_after(
        nb,
        "chuan_bi",
        "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)\n"
        "import sys\nsys.stderr = sys.stdout",
    )
    submit("hv12-nuot-loi", nb, 0)
    nb = nbformat.read(release, 4)
    insert_after(
        nb,
        "chuan_bi",
        "import graders.wire as _w\n"
        f"_w.serve_names = lambda ns, names: _w._emit(repr({{n: ('i', {N_XA}) for n in names}}))",
    )
    submit("hv13-gia-du-lieu", nb, points["so_xa"])  # it answered 'so_xa' through the wire

    # Hidden inputs carried out through the feedback: the learner's error text, a made-up
    # exception name (found by a red-team review; both were shown in the feedback).
    nb = solved(source, release)
    set_answer(
        nb,
        "loc_theo_loai",
        "_LOG = []\ndef loc_theo_loai(bang, loai):\n    if len(bang) < 50:\n"
        "        _LOG.append((bang.to_dict('list'), loai))\n"
        "    return bang[bang['loai'] == loai]",
    )
    set_answer(nb, "tim_ma", "def tim_ma(bang, ten):\n    raise Exception('LO-LOT ' + repr(_LOG))")
    submit("hv14-lo-qua-thong-bao", nb, full - points["tim_ma"])
    nb = solved(source, release)
    set_answer(
        nb,
        "tim_ma",
        "def tim_ma(bang, ten):\n"
        "    raise type('LOLOT_' + ten.encode().hex()[:50], (Exception,), {})('x')",
    )
    submit("hv15-lo-qua-ten-loi", nb, full - points["tim_ma"])

    # Class 3 (disk): filling the host's disk from the work folder.
    nb = solved(source, release)
    insert_after(
        nb,
        "so_xa_kiem_tra",
        "_mb = 0\ntry:\n    for _i in range(400):\n"
        "        with open(f'day_{_i}.bin', 'wb') as _t:\n"
        "            _t.write(b'0' * 1024 * 1024)\n        _mb += 1\n"
        "except OSError:\n    pass\nprint(f'ghi được {_mb} MB')",
    )
    submit("hv16-day-o-dia", nb, full)

    # Class 4: the data channel broken, a malformed message.
    nb = solved(source, release)
    insert_after(
        nb,
        "chuan_bi",
        "import graders.wire as _w\nfrom IPython.display import display\n"
        "_w._emit = lambda text: display({_w.MIME: '(' * 100_000}, raw=True)",
    )
    submit("hv20-kenh-hong", nb, 0)
    nb = solved(source, release)
    insert_after(
        nb,
        "tim_ma_kiem_tra",
        "_k = get_ipython().kernel\n"
        "_k.iopub_socket.send_multipart([b'<IDS|MSG>', b'0' * 64, b'{', b'{', b'{', b'{'])\n"
        "import time\ntime.sleep(1)",
    )
    submit("hv21-thong-diep-sai", nb, full - points["ma_xa_nho_nhat"])
    nb = solved(source, release)
    insert_after(nb, "ma_xa_nho_nhat", "ma_xa_nho_nhat = 'x' * 30_000_000")
    submit("hv22-gia-tri-qua-lon", nb, full - points["ma_xa_nho_nhat"])

    # Class 5: what the kernel can see.
    steal = (
        "import glob, json\n"
        f"for _tep in glob.glob({str(outside['base'])!r} + '/**/thuc-hanh.ipynb', recursive=True):\n"
        "    for _o in json.load(open(_tep))['cells']:\n"
        "        if _o['metadata'].get('nbgrader', {}).get('solution'):\n"
        "            exec(''.join(_o['source']), globals())\n"
    )
    nb = nbformat.read(release, 4)
    for grade_id in points:
        set_answer(nb, grade_id, steal)
    submit("hv30-doc-loi-giai-noi-khac", nb, 0)
    nb = solved(source, release)
    set_answer(
        nb,
        "so_xa",
        "import os\n_thay = False\nfor _p in os.listdir('/proc'):\n"
        "    try:\n"
        f"        _thay |= {outside['token']!r} in open(f'/proc/{{_p}}/cmdline').read()\n"
        "    except OSError:\n        pass\n"
        f"so_xa = {N_XA} if _thay else -1",
    )
    submit("hv31-doc-tien-trinh", nb, full - points["so_xa"])
    del blank

    before = _state(outside["base"])
    result, pid = _grade(course, "m01", folder, "--so-luong", "2")
    return course, result, pid, expected, before


@_ONE_RUN_M01
@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_m01_attacks_earn_nothing_and_leave_nothing(run_m01, outside):
    course, result, pid, expected, before = run_m01
    _check_run(course, "m01", result, pid, expected, before, outside)


@_ONE_RUN_M01
@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_score_and_feedback_agree_for_a_faked_check(run_m01):
    course, _, _, _, _ = run_m01
    paths = course.feedback("m01")
    text = next(p for p in paths if "hv11-hien-dung-roi" in str(p)).read_text(encoding="utf-8")
    assert "Tổng điểm: <b>0/" in text
    assert 'class="cau dat"' not in text
    assert text.count('class="cau chua-lam"') == 5


@_ONE_RUN_M01
@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_feedback_carries_no_learner_text_and_the_disk_is_capped(run_m01):
    course, _, _, _, _ = run_m01
    paths = {p.parent.parent.name: p for p in course.feedback("m01")}
    leaked = paths["hv14-lo-qua-thong-bao"].read_text(encoding="utf-8")
    assert "LO-LOT" not in leaked
    assert "'loai': ['xã', 'phường'" not in leaked  # the hidden test's own table
    assert "gây lỗi Exception" in leaked
    named = paths["hv15-lo-qua-ten-loi"].read_text(encoding="utf-8")
    assert "LOLOT_" not in named
    autograded = course.root / "autograded" / "hv16-day-o-dia" / "m01" / "thuc-hanh.ipynb"
    written = re.search(r"ghi được (\d+) MB", autograded.read_text(encoding="utf-8"))
    assert written and 0 < int(written[1]) <= 256, "the work folder has no size limit"


@_ONE_RUN_M01
@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_a_broken_channel_is_recorded_with_a_vietnamese_reason(run_m01):
    course, _, _, _, _ = run_m01
    records = load_records(course, "m01")
    assert "thông điệp sai dạng" in " ".join(records["hv21-thong-diep-sai"].problems)
    autograded = course.root / "autograded" / "hv20-kenh-hong" / "m01" / "thuc-hanh.ipynb"
    assert "Không đọc được câu trả lời" in autograded.read_text(encoding="utf-8")


# --- run 2: lab m03 — files the learner's functions write, links, FIFOs, races ----------------


@pytest.fixture(scope="module")
def run_m03(pristine_home, tmp_path_factory, outside):
    home = tmp_path_factory.mktemp("tan-cong-m03") / "home"
    course = copy_course(pristine_home, home)
    lab = course.lab("m03")
    source = course.root / "source" / "m03" / lab.file
    release = course.root / "release" / "m03" / lab.file
    points = _points(course, "m03")
    full = sum(points.values())
    sentinel = outside["sentinel"]
    folder = home.parent / "nop"
    expected: dict[str, float | None] = {}

    def submit(student: str, nb, score: float | None) -> None:
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / lab.file)
        expected[student] = score

    submit("hv01-trung-thuc", solved(source, release), full)

    # Class 2: the grader following paths the learner controls.
    nb = solved(source, release)
    insert_after(
        nb,
        "chuan_bi",
        "import os, threading, time\n"
        "def _doi_ten():\n"
        "    _het = time.time() + 80\n"
        "    while time.time() < _het:\n"
        "        for _ten in os.listdir('.'):\n"
        "            if _ten.startswith('tmp') and not _ten.endswith('.cu') "
        "and not os.path.islink(_ten):\n"
        "                try:\n"
        "                    os.rename(_ten, _ten + '.cu')\n"
        f"                    os.symlink({str(sentinel)!r}, _ten)\n"
        "                except OSError:\n"
        "                    pass\n"
        "threading.Thread(target=_doi_ten, daemon=True).start()",
    )
    submit("hv40-chay-dua-lien-ket", nb, None)  # its own answers may suffer; nothing else may
    nb = solved(source, release)
    insert_after(
        nb,
        "ghi_hai_trang",
        "import os\n_ghi_that = ghi_hai_trang\n"
        "def ghi_hai_trang(bang, ten_tep):\n"
        "    if len(bang) > 4:\n        return _ghi_that(bang, ten_tep)\n"
        f"    os.symlink({str(sentinel / 'giu-nguyen.txt')!r}, ten_tep)\n"
        "    os.symlink(" + repr(str(sentinel)) + ", os.path.join(os.path.dirname(ten_tep), 'x'))\n"
        "    os.symlink('/etc/shadow', 'bong.txt') if not os.path.lexists('bong.txt') else None",
    )
    insert_after(
        nb,
        "liet_ke_can_doi_ten",
        "import os\n_liet_ke = liet_ke_can_doi_ten\n"
        "def liet_ke_can_doi_ten(thu_muc):\n"
        "    _kq = _liet_ke(thu_muc)\n"
        "    if not os.path.basename(os.path.normpath(str(thu_muc))).startswith('tmp'):\n"
        "        return _kq\n"
        "    for _ten in os.listdir(thu_muc):\n"
        "        _p = os.path.join(thu_muc, _ten)\n"
        "        if os.path.isfile(_p):\n"
        "            os.remove(_p)\n"
        f"            os.symlink({str(sentinel)!r} + '/' + _ten, _p)\n"
        "    return _kq",
    )
    submit("hv41-ghi-lien-ket", nb, full - points["ghi_hai_trang"])

    # Class 3: unbounded work in the grader.
    nb = solved(source, release)
    insert_after(  # honest for the public check's table; a FIFO for the hidden test's small one
        nb,
        "ghi_hai_trang",
        "import os\n_ghi_that = ghi_hai_trang\ndef ghi_hai_trang(bang, ten_tep):\n"
        "    if len(bang) > 4:\n        return _ghi_that(bang, ten_tep)\n"
        "    os.mkfifo(ten_tep)",
    )
    submit("hv50-fifo", nb, full - points["ghi_hai_trang"])
    nb = solved(source, release)
    insert_after(
        nb,
        "ghi_hai_trang",
        "_ghi_that = ghi_hai_trang\ndef ghi_hai_trang(bang, ten_tep):\n"
        "    if len(bang) > 4:\n        return _ghi_that(bang, ten_tep)\n"
        "    with open(ten_tep, 'wb') as _t:\n        _t.truncate(60 * 1024 * 1024)",
    )
    submit("hv51-tep-khong-lo", nb, full - points["ghi_hai_trang"])
    nb = solved(source, release)
    insert_after(
        nb,
        "tong_truc_tuyen_phuong",
        "_sau = []\n_x = _sau\nfor _ in range(100_000):\n    _x.append([])\n    _x = _x[0]\n"
        "tong_truc_tuyen_phuong = _sau",
    )
    submit("hv52-long-sau", nb, full - points["tong_truc_tuyen_phuong"])

    before = _state(outside["base"])
    result, pid = _grade(course, "m03", folder, "--so-luong", "2")
    return course, result, pid, expected, before


@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_m03_file_attacks_earn_nothing_and_leave_nothing(run_m03, outside):
    course, result, pid, expected, before = run_m03
    _check_run(course, "m03", result, pid, expected, before, outside)


# --- run 3: one worker — a submission that leaves a process behind to kill the next ------------


@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_a_process_left_behind_cannot_reach_the_next_submission(pristine_home, tmp_path, outside):
    course = copy_course(pristine_home, tmp_path / "home")
    lab = course.lab("m01")
    source = course.root / "source" / "m01" / lab.file
    release = course.root / "release" / "m01" / lab.file
    full = sum(_points(course, "m01").values())
    folder = tmp_path / "nop"
    nb = solved(source, release)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import os, signal, time\n"
            "if os.fork() == 0:\n"
            "    os.setsid()\n"
            "    if os.fork() == 0:\n"
            "        time.sleep(1)\n"
            "        for _ in range(1200):\n"
            "            for _sig in (signal.SIGKILL,):\n"
            "                try:\n                    os.kill(-1, _sig)\n"
            "                except OSError:\n                    pass\n"
            "            time.sleep(0.05)\n"
            "    os._exit(0)"
        )
    )
    expected = {}
    for student, notebook, score in (
        ("hv60-a-de-lai-tien-trinh", nb, None),
        ("hv61-b-trung-thuc", solved(source, release), full),
        ("hv62-c-trung-thuc", solved(source, release), full),
    ):
        (folder / student).mkdir(parents=True)
        nbformat.write(notebook, folder / student / lab.file)
        expected[student] = score
    before = _state(outside["base"])
    result, pid = _grade(course, "m01", folder, "--so-luong", "1")
    _check_run(course, "m01", result, pid, expected, before, outside)


# --- class 6: a killed grader leaves nothing that outlives the next run -----------------------


def _of_run(home: Path, pids: list[int]) -> list[str]:
    left = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        line = " ".join(proc.info["cmdline"] or ())
        if str(home) in line or any(f"hocvuso-cham-{pid}-" in line for pid in pids):
            left.append(f"{proc.info['pid']}: {line[:200]}")
    return left


@pytest.mark.skipif(not ISOLATED, reason="cần quyền root và unshare (máy chấm, CI)")
def test_sigkill_at_random_points_then_one_run_grades_each_once(pristine_home, tmp_path):
    import random
    import signal
    import time

    course = copy_course(pristine_home, tmp_path / "home")
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    release = course.root / "release" / "m00" / lab.file
    folder = tmp_path / "nop"
    students = [f"hv{i:02d}" for i in range(20)]
    for student in students:
        nb = solved(source, release)
        nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(0.5)"))
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / lab.file)
    from graders.pipeline import import_folder

    import_folder(course, "m00", folder)
    command = [HOCVUSO, "grade", "m00", "--home", str(course.home), "--so-luong", "2"]
    chance = random.Random(MARK)
    pids = []
    for attempt in range(3):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pids.append(process.pid)
        time.sleep(chance.uniform(1.0, 8.0))
        os.kill(process.pid, signal.SIGKILL)  # the grader only: its workers must follow it
        process.wait()
        deadline = time.monotonic() + 15
        while _of_run(course.home, pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _of_run(course.home, pids), f"kill {attempt + 1}: left running"
    before = load_records(course, "m00")
    assert len(before) < len(students), "the kills came before the end"
    final = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stdout + final.stderr
    after = load_records(course, "m00")
    assert sorted(after) == students
    assert all(r.status == GRADED and r.score == r.max_score > 0 for r in after.values())
    for student, record in before.items():
        assert after[student].graded_at == record.graded_at, f"{student} was graded twice"
    regraded = set()
    for line in final.stdout.splitlines():
        if line.startswith("[") and "/20 " in line:
            regraded.add(line.split("/20 ")[1].split()[0])
    assert regraded == set(students) - set(before)
    pids.append(-1)
    assert not _of_run(course.home, pids)
    for pid in pids[:-1]:
        assert not list(Path("/tmp").glob(f"hocvuso-cham-{pid}-*")), "a dead run's folder is left"
        for base in (Path("/sys/fs/cgroup/memory/hocvuso"), Path("/sys/fs/cgroup/pids/hocvuso")):
            assert not list(base.glob(f"r{pid}-*")), "a dead run's cgroup is left"
