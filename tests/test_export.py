"""Exports: CSV per learner and an Excel workbook with summaries, numbers equal to the gradebook."""

from __future__ import annotations

import csv
import datetime as dt

import nbformat
import pytest
from cohort import solved
from conftest import copy_course
from openpyxl import load_workbook

from graders.roster import read_roster
from workbench.data import units

UNITS = [units()[0], units()[50], units()[-1]]


@pytest.fixture(scope="module")
def graded_class(pristine_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("export")
    course = copy_course(pristine_home, home / "home")
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    release = course.root / "release" / "m00" / lab.file
    people = {  # id: (unit, group, answers)
        "hv01": (UNITS[0], "Cán bộ", None),
        "hv02": (UNITS[0], "Nông dân", {"ho_ten", "tong_so_phut"}),
        "hv03": (UNITS[1], "Nông dân", set()),
        "hv04": (UNITS[2], "Ngư dân", None),
    }
    folder = home / "nop"
    lines = ["ma_hoc_vien,ho_ten,don_vi,nhom_doi_tuong"]
    for student, (unit, group, answers) in people.items():
        (folder / student).mkdir(parents=True)
        nb = solved(source, release, answers)
        nbformat.write(nb, folder / student / lab.file)
        lines.append(f"{student},Nguyễn Văn {student[-1]},{unit['ma']},{group}")
    lines.append(f"hv05,Trần Thị Năm,{UNITS[1]['ma']},Tiểu thương")  # never submitted
    (home / "lop.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = read_roster(home / "lop.csv")
    course.grade("m00", folder, progress=lambda _m: None, roster=roster)
    return course, roster, home


def _gradebook_ratio(course, students) -> float:
    with course.gradebook() as gb:
        subs = [gb.find_submission("m00", s) for s in students]
        return sum(float(s.score) / float(s.max_score) for s in subs) / len(subs)


def test_xlsx_has_grades_and_summaries_equal_to_the_gradebook(graded_class):
    course, roster, home = graded_class
    path = course.export(home / "diem.xlsx", "m00", roster)
    book = load_workbook(path)
    assert book.sheetnames == ["Điểm", "Theo đơn vị", "Theo nhóm", "Theo năng lực"]

    grades = list(book["Điểm"].iter_rows(values_only=True))
    header, body = grades[0], grades[1:]
    assert header[:3] == ("Mã học viên", "Họ tên", "Mã đơn vị")
    assert sorted(r[0] for r in body) == ["hv01", "hv02", "hv03", "hv04"]
    row = next(r for r in body if r[0] == "hv02")
    assert row[1] == "Nguyễn Văn 2" and row[3] == UNITS[0]["ten"] and row[4] == "Nông dân"
    assert isinstance(row[header.index("Ngày chấm")], dt.datetime)

    by_unit = {r[0]: r for r in book["Theo đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert len(by_unit) == len(units()) == 124  # units with no learner yet are listed too
    first = by_unit[UNITS[0]["ma"]]
    assert first[3] == 2  # learners
    assert first[5] == pytest.approx(_gradebook_ratio(course, ["hv01", "hv02"]))
    assert by_unit[units()[1]["ma"]][3] == 0

    by_group = {r[0]: r for r in book["Theo nhóm"].iter_rows(min_row=2, values_only=True)}
    assert by_group["Nông dân"][1] == 2
    assert by_group["Nông dân"][3] == pytest.approx(_gradebook_ratio(course, ["hv02", "hv03"]))
    assert by_group["Doanh nhân"][1] == 0

    codes = {r[0]: r for r in book["Theo năng lực"].iter_rows(min_row=2, values_only=True)}
    assert set(codes) == set(course.syllabus.module("m00").competences)
    everyone = _gradebook_ratio(course, ["hv01", "hv02", "hv03", "hv04"])
    assert all(r[4] == pytest.approx(everyone) for r in codes.values())

    sheet = book["Điểm"]
    ratio_column = header.index("Tỉ lệ") + 1
    assert "042A" in sheet.cell(2, ratio_column).number_format
    assert sheet.cell(2, header.index("Ngày chấm") + 1).number_format.endswith("dd/mm/yyyy hh:mm")


def test_csv_keeps_roster_details_and_vietnamese_dates(graded_class):
    course, _, home = graded_class
    path = course.export(home / "diem.csv", "m00")  # the roster given to `grade` was kept
    rows = {r["ma_hoc_vien"]: r for r in csv.DictReader(path.open(encoding="utf-8-sig"))}
    assert rows["hv04"]["ten_don_vi"] == UNITS[2]["ten"]
    assert rows["hv04"]["nhom_doi_tuong"] == "Ngư dân"
    assert rows["hv01"]["diem"] == rows["hv01"]["diem_toi_da"]
    dt.datetime.strptime(rows["hv01"]["ngay_cham"], "%d/%m/%Y %H:%M")
