"""Rosters (CSV/XLSX) and .zip collection: every problem reported in Vietnamese, nothing dropped."""

from __future__ import annotations

import stat
import zipfile

import nbformat
import pytest
from cohort import solved
from conftest import copy_course

from graders.collect import MAX_NOTEBOOK_BYTES, CollectError, unpack_zip
from graders.pipeline import GRADED
from graders.roster import RosterError, read_roster
from workbench.data import units

FIRST, LAST = units()[0], units()[-1]


def _csv(tmp_path, text: str, name="lop.csv", encoding="utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_roster_csv_with_vietnamese_headers_semicolons_and_bom(tmp_path):
    path = _csv(
        tmp_path,
        "Mã học viên;Họ và tên;Đơn vị;Nhóm đối tượng\n"
        f"hv01;Nguyễn Thị Hoa;{FIRST['ma']};Cán bộ, công chức, viên chức\n"
        f"hv02;Trần Văn Bình;{LAST['ma']};NÔNG DÂN\n",
    )
    roster = read_roster(path)
    assert roster.problems == []
    assert set(roster.learners) == {"hv01", "hv02"}
    assert (
        roster.learners["hv01"].track == "can-bo" and roster.learners["hv02"].track == "nguoi-dan"
    )
    assert roster.learners["hv02"].unit == LAST["ma"]
    assert roster.learners["hv02"].unit_name == LAST["ten"]


def test_roster_reports_each_bad_row_with_file_row_and_fix(tmp_path):
    path = _csv(
        tmp_path,
        "ma_hoc_vien,ho_ten,don_vi,nhom_doi_tuong\n"
        f"hv01,Nguyễn Thị Hoa,{FIRST['ma']},nông dân\n"
        "hv02,Lê Văn An,99999,nông dân\n"
        f"hv03,Phạm Thu,{LAST['ten']},ngư dân\n"
        f"hv01,Nguyễn Hoa Khác,{FIRST['ma']},tiểu thương\n"
        f"hv04,Đỗ Minh,{FIRST['ma']},sinh viên\n"
        f"hv 05,Vũ Lan,{FIRST['ma']},doanh nhân\n"
        f"hv06,,{FIRST['ma']},doanh nhân\n",
    )
    roster = read_roster(path)
    assert set(roster.learners) == {"hv01"}  # the first hv01 row is kept
    text = "\n".join(roster.problems)
    assert len(roster.problems) == 6, text
    assert all(p.startswith("lop.csv, dòng ") for p in roster.problems)
    assert "dòng 3: mã đơn vị 99999 không thuộc 124" in text
    assert f"mã của “{LAST['ten']}” là {LAST['ma']}" in text
    assert "dòng 5: mã học viên “hv01” trùng với dòng 2" in text
    assert "“sinh viên” không có trong danh mục" in text and "Ngư dân" in text
    assert "“hv 05” không hợp lệ" in text
    assert "dòng 8: thiếu họ tên" in text


def test_roster_xlsx_with_codes_stored_as_numbers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["MÃ HỌC VIÊN", "HỌ TÊN", "MÃ ĐƠN VỊ", "NHÓM"])
    sheet.append(["hv01", "Nguyễn Thị Hoa", float(FIRST["ma"]), "Tiểu thương"])
    sheet.append(["hv02", "K'Brễu", LAST["ma"], "ngư dân"])
    book.save(tmp_path / "lop.xlsx")
    roster = read_roster(tmp_path / "lop.xlsx")
    assert roster.problems == []
    assert roster.learners["hv01"].unit == FIRST["ma"]
    assert roster.learners["hv02"].name == "K'Brễu"


def test_unreadable_rosters_name_the_file_and_the_fix(tmp_path):
    with pytest.raises(RosterError, match=r"lop\.csv: thiếu cột don_vi"):
        read_roster(_csv(tmp_path, "ma_hoc_vien,ho_ten,nhom_doi_tuong\nhv01,A,nông dân\n"))
    legacy = _csv(
        tmp_path, "ma_hoc_vien,ho_ten,don_vi,nhom\nhv01,Đô Lâm,1,nông dân\n", "cu.csv", "cp1258"
    )
    with pytest.raises(RosterError, match=r"cu\.csv: tệp không phải UTF-8.*CSV UTF-8"):
        read_roster(legacy)
    with pytest.raises(RosterError, match="không có tệp"):
        read_roster(tmp_path / "khong-co.csv")


def test_roster_matches_submissions_both_ways(tmp_path):
    path = _csv(
        tmp_path,
        "ma_hoc_vien,ho_ten,don_vi,nhom_doi_tuong\n"
        f"hv01,A,{FIRST['ma']},nông dân\nhv02,B,{FIRST['ma']},nông dân\n",
    )
    unknown, missing = read_roster(path).match(["hv01", "hv09"])
    assert missing == ["hv02"]
    assert len(unknown) == 1 and unknown[0].startswith("hv09: ") and "lop.csv" in unknown[0]


# --- zip --------------------------------------------------------------------------------------


def _zip(path, entries: dict[str, bytes], symlink: str | None = None):
    with zipfile.ZipFile(path, "w") as archive:
        for name, payload in entries.items():
            archive.writestr(name, payload)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


def test_zip_is_unpacked_safely_and_reports_what_it_skips(tmp_path):
    archive = _zip(
        tmp_path / "bai-nop.zip",
        {
            "lop-A/hv01.ipynb": b"{}",
            "lop-A/hv02/thuc-hanh.ipynb": b"{}",
            "lop-A/../../thoat.ipynb": b"{}",
            "__MACOSX/lop-A/._hv01.ipynb": b"x",
            "lop-A/.DS_Store": b"x",
        },
        symlink="lop-A/hv03.ipynb",
    )
    got = unpack_zip(archive, tmp_path / "ra", "thuc-hanh.ipynb", "m01")
    files = sorted(str(p.relative_to(got.folder)) for p in got.folder.rglob("*") if p.is_file())
    assert files == ["hv01.ipynb", "hv02/thuc-hanh.ipynb"]  # the class folder is unwrapped
    problems = "\n".join(got.problems)
    assert "thoat.ipynb: đường dẫn ra ngoài" in problems and "symlink" in problems
    assert len(got.skipped) == 2
    assert not (tmp_path / "thoat.ipynb").exists()


def test_zip_of_one_learner_folder_is_not_unwrapped(tmp_path):
    archive = _zip(tmp_path / "hv01.zip", {"hv01/thuc-hanh.ipynb": b"{}"})
    got = unpack_zip(archive, tmp_path / "ra", "thuc-hanh.ipynb", "m01")
    assert (got.folder / "hv01" / "thuc-hanh.ipynb").exists()


def test_zip_bomb_and_broken_zip_cost_only_themselves(tmp_path):
    big = _zip(
        tmp_path / "to.zip", {"hv01.ipynb": b"0" * (MAX_NOTEBOOK_BYTES + 1), "hv02.ipynb": b"{}"}
    )
    got = unpack_zip(big, tmp_path / "ra")
    assert (got.folder / "hv02.ipynb").exists() and not (got.folder / "hv01.ipynb").exists()
    assert "hv01.ipynb: tệp quá lớn" in got.problems[0]
    (tmp_path / "hong.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(CollectError, match=r"hong\.zip: không phải tệp \.zip hợp lệ"):
        unpack_zip(tmp_path / "hong.zip", tmp_path / "ra2")


def test_a_corrupt_entry_costs_only_itself_and_leaves_nothing(tmp_path):
    """Headers that lie, a bad checksum, data cut short, a password, an unknown method: each
    entry is named, the good ones are unpacked, no partial file or empty folder is left."""
    from test_hostile_files import corrupt_zip

    good = b'{"nbformat": 4}' * 1000
    broken = corrupt_zip(
        tmp_path / "nop.zip", {"hv01.ipynb": good, "hv02/thuc-hanh.ipynb": good}, good
    )
    got = unpack_zip(tmp_path / "nop.zip", tmp_path / "ra", "thuc-hanh.ipynb", "m01")
    left = sorted(str(p.relative_to(got.folder)) for p in got.folder.rglob("*"))
    assert left == ["hv01.ipynb", "hv02", "hv02/thuc-hanh.ipynb"]
    assert (got.folder / "hv01.ipynb").read_bytes() == good
    assert len(got.problems) == len(broken), got.problems
    for name, problem in zip(broken, got.problems, strict=True):
        assert problem.startswith(f"nop.zip: {name}: mục này trong tệp nén "), problem
    text = "\n".join(got.problems)
    assert "mật khẩu" in text and "kiểu nén không hỗ trợ (mã 99)" in text and "bị hỏng" in text


def test_a_zip_that_is_no_regular_file_is_refused_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "nop.zip")
    with pytest.raises(
        CollectError, match=r"nop\.zip: không phải tệp \.zip mà là một tệp đặc biệt"
    ):
        unpack_zip(tmp_path / "nop.zip", tmp_path / "ra")
    assert not (tmp_path / "ra").exists()


def test_grade_a_zip_against_a_roster(pristine_home, tmp_path):
    course = copy_course(pristine_home, tmp_path / "home")
    lab = course.lab("m00")
    source, release = (
        course.root / "source" / "m00" / lab.file,
        course.root / "release" / "m00" / lab.file,
    )
    (tmp_path / "hv01.ipynb").write_text(nbformat.writes(solved(source, release)), "utf-8")
    archive = _zip(
        tmp_path / "nop.zip",
        {
            "hv01.ipynb": (tmp_path / "hv01.ipynb").read_bytes(),
            "hv02/thuc-hanh.ipynb": release.read_bytes(),
            "../ngoai.ipynb": b"{}",
        },
    )
    roster = read_roster(
        _csv(
            tmp_path,
            "ma_hoc_vien,ho_ten,don_vi,nhom_doi_tuong\n"
            f"hv01,A,{FIRST['ma']},nông dân\nhv03,C,{FIRST['ma']},nông dân\n",
        )
    )
    run = course.grade("m00", archive, progress=lambda _m: None, roster=roster)
    by = run.by_student()
    assert set(by) == {"hv01", "hv02"}  # hv02 is not on the roster but is still graded
    assert by["hv01"].status == GRADED and by["hv01"].score == by["hv01"].max_score > 0
    assert by["hv02"].status == GRADED and by["hv02"].score == 0
    assert run.not_submitted == ["hv03"]
    problems = "\n".join(run.problems)
    assert "hv02: bài nộp của mã “hv02”" in problems and "đường dẫn ra ngoài" in problems


def test_collect_from_the_exchange_then_grade(pristine_home, tmp_path):
    """Learners fetch and submit through nbgrader's exchange; the trainer collects and grades."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit
    from traitlets.config import Config

    from graders.collect import collect_exchange

    course = copy_course(pristine_home, tmp_path / "home")
    course.release("m00")
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    for student, answers in (("hv07", None), ("hv08", set())):
        folder = tmp_path / student
        folder.mkdir()
        cfg = Config()
        cfg.CourseDirectory.root = str(folder)
        cfg.CourseDirectory.course_id = course.syllabus.course_id
        cfg.CourseDirectory.assignment_id = "m00"
        cfg.CourseDirectory.student_id = student
        cfg.Exchange.root = str(course.exchange)
        cfg.Exchange.assignment_dir = str(folder)
        coursedir = CourseDirectory(config=cfg)
        auth = Authenticator(config=cfg)
        ExchangeFetchAssignment(coursedir=coursedir, authenticator=auth, config=cfg).start()
        fetched = folder / "m00" / lab.file
        nbformat.write(solved(source, fetched, answers), fetched)
        ExchangeSubmit(coursedir=coursedir, authenticator=auth, config=cfg).start()

    assert collect_exchange(course, "m00") == ["hv07", "hv08"]
    by = course.grade("m00", progress=lambda _m: None).by_student()
    assert by["hv07"].status == GRADED and by["hv07"].score == by["hv07"].max_score > 0
    assert by["hv08"].status == GRADED and by["hv08"].score == 0
