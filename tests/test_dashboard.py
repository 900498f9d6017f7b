"""The progress dashboard (app 7) shows the gradebook's numbers: a class across several units,
checked in-process and in headless Chromium through the served gallery.

Expected values are computed here from nbgrader's ``Gradebook``, the class list file and the
syllabus TOML — not from the dashboard's own code.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from html import unescape

import pytest
from cohort import make_class, track_labs
from conftest import copy_course
from nbgrader.api import MissingEntry
from openpyxl import load_workbook

from workbench.apps.tien_do import App
from workbench.data import units

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dashboard")]
TOKEN = "kiem-tra-" + uuid.uuid4().hex
UNITS = [units()[3], units()[60], units()[120]]
CAN_BO = [lab for _, lab in track_labs("can-bo")]
NGUOI_DAN = [lab for _, lab in track_labs("nguoi-dan")]
# id: (name, group label or None (not on the class list), unit, {lab: share answered})
CLASS = {
    "cb01": ("Nguyễn Thị Hồng Nhung", "Cán bộ", UNITS[0], dict.fromkeys(CAN_BO, 1.0)),
    "cb02": ("Lê Văn Tám", "Cán bộ", UNITS[0], {"m00": 1.0, "m01": 0.3}),
    "nd01": ("K'Điểu", "Nông dân", UNITS[1], dict.fromkeys(NGUOI_DAN, 1.0)),
    "nd02": ("Ka H'Nhi", "Nông dân", UNITS[1], {"m00": 0.5, "m02-nd": 1.0}),
    "nd03": ("Đặng Văn Ước", "Ngư dân", UNITS[2], dict.fromkeys(NGUOI_DAN, 0.8)),
    "nd04": ("Bon Niêng K'Ly", "Tiểu thương", UNITS[2], {}),
    "hv99": ("", None, None, {"m00": 1.0}),
}


@pytest.fixture(scope="module")
def graded(pristine_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("dashboard")
    course = copy_course(pristine_home, home / "home")
    make_class(
        course,
        home,
        {s: (n, g, u["ma"] if u else None, labs) for s, (n, g, u, labs) in CLASS.items()},
    )
    # nd01 sends m00 again, broken: the dashboard keeps counting the grade already saved.
    lab = course.lab("m00").file
    (home / "lan-2" / "nd01").mkdir(parents=True)
    (home / "lan-2" / "nd01" / lab).write_text("{ không phải JSON", encoding="utf-8")
    run = course.grade("m00", home / "lan-2", progress=lambda _m: None)
    assert next(r for r in run.records if r.student == "nd01").problems
    return course, home


def _ratios(course) -> dict[tuple[str, str], float]:
    """score / max for every submission in the gradebook, read with nbgrader's own API."""
    ratios = {}
    with course.gradebook() as gb:
        for student, (*_, labs) in CLASS.items():
            for lab in labs:
                try:
                    sub = gb.find_submission(lab, student)
                except MissingEntry:
                    continue
                ratios[student, lab] = float(sub.score) / float(sub.max_score)
    return ratios


def _expected(course, members: list[str], lab: str | None = None) -> dict:
    ratios = _ratios(course)
    passed = required = completed = 0
    for student in members:
        group = CLASS[student][1]
        track_list = CAN_BO if group == "Cán bộ" else NGUOI_DAN
        need = [lab] if lab else track_list
        ok = sum(ratios.get((student, x), 0) >= 0.5 for x in need)
        passed, required = passed + ok, required + len(need)
        completed += ok == len(need)
    scores = [r for (s, x), r in ratios.items() if s in members and (lab is None or x == lab)]
    return {
        "learners": len(members),
        "passed": passed,
        "required": required,
        "completed": completed,
        "mean": sum(scores) / len(scores) if scores else None,
    }


def _pct(value) -> str:
    if value is None:
        return "—"
    return f"{100 * value:.1f}".replace(".", ",") + " %"


def _rows(html: str) -> dict[str, list[str]]:
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", html):
        cells = [unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
        if cells:
            rows[cells[0]] = cells
    return rows


def _on_roster(unit=None, group=None) -> list[str]:
    return [
        s
        for s, (_, g, u, _) in CLASS.items()
        if g and (unit is None or u["ma"] == unit) and (group is None or g == group)
    ]


def test_every_unit_row_equals_the_gradebook(graded):
    course, _ = graded
    app = App(course)
    rows = _rows(app.units_table.value)
    assert len(rows) == 124  # units with no learner yet are listed too
    for unit in units():
        members = _on_roster(unit=unit["ma"])
        want = _expected(course, members)
        got = rows[str(unit["ma"])]
        assert got[1] == unit["ten"]
        assert got[2:] == [
            str(want["learners"]),
            f"{want['passed']}/{want['required']}",
            _pct(want["passed"] / want["required"] if want["required"] else None),
            _pct(want["mean"]),
        ], unit["ten"]
    assert sum(1 for u in UNITS if _on_roster(unit=u["ma"])) == 3


def test_headline_and_groups_with_filters_equal_the_gradebook(graded):
    course, _ = graded
    app = App(course)
    everyone = list(CLASS)  # hv99 is not on the class list but has grades
    text = unescape(app.summary.value)
    assert f"Học viên: <b>{len(everyone)}</b>" in text
    assert "Đơn vị có học viên: <b>3/124</b>" in text
    on_list = _on_roster()
    want = _expected(course, on_list)
    assert f"Bài đạt / bài phải làm: <b>{want['passed']}/{want['required']}</b>" in text
    # hv99's track is unknown: counted as a learner, never as completing a track.
    assert f"Hoàn thành lộ trình: <b>{want['completed']}</b>" in text
    groups = _rows(app.groups_table.value)
    for label in ("Cán bộ, công chức, viên chức", "Nông dân", "Ngư dân", "Tiểu thương"):
        short = "Cán bộ" if label.startswith("Cán bộ") else label
        members = _on_roster(group=short)
        want = _expected(course, members)
        assert groups[label][1:] == [
            str(want["learners"]),
            f"{want['passed']}/{want['required']}",
            str(want["completed"]),
            _pct(want["mean"]),
        ], label
    app.group.label = "Nông dân"
    app.lab.value = "m00"
    want = _expected(course, _on_roster(group="Nông dân"), lab="m00")
    text = unescape(app.summary.value)
    assert f"Học viên: <b>{want['learners']}</b>" in text
    assert f"Bài đạt / bài phải làm: <b>{want['passed']}/{want['required']}</b>" in text
    assert f"Điểm trung bình: <b>{_pct(want['mean'])}</b>" in text


def test_competence_rows_and_excel_export(graded):
    course, _ = graded
    app = App(course)
    ratios = _ratios(course)
    codes = _rows(app.codes_table.value)
    for code, cells in codes.items():
        labs = {a.id for a in course.syllabus.assignments if code in a.module.competences}
        scores = [r for (_s, lab), r in ratios.items() if lab in labs]
        learners = {s for (s, lab) in ratios if lab in labs}
        assert cells[2] == str(len(learners)), code
        assert cells[3] == f"{sum(r >= 0.5 for r in scores)}/{len(scores)}", code
        assert cells[4] == _pct(sum(scores) / len(scores) if scores else None), code
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", app.download.value)[1]
    import base64

    book = load_workbook(io.BytesIO(base64.b64decode(data)))
    assert book.sheetnames == ["Theo đơn vị", "Theo nhóm", "Theo năng lực"]
    sheet = list(book["Theo đơn vị"].iter_rows(values_only=True))
    assert len(sheet) == 125
    header = sheet[0]
    row = next(r for r in sheet[1:] if r[0] == UNITS[1]["ma"])
    assert row[header.index("so_hoc_vien")] == len(_on_roster(unit=UNITS[1]["ma"]))


def test_an_empty_course_says_so(pristine_home, tmp_path):
    course = copy_course(pristine_home, tmp_path / "home")
    app = App(course)
    assert "Chưa có bài nào được chấm" in app.summary.value
    assert "Đơn vị có học viên: <b>0/124</b>" in app.summary.value


def test_dashboard_in_the_browser_shows_the_gradebook(graded):
    from browser import PHONE, artifacts, browser, open_app, served_gallery
    from playwright.sync_api import expect

    course, _ = graded
    with served_gallery(course.home, token=TOKEN, pool_size=1) as (base, *_), browser() as chromium:
        page = chromium.new_page(viewport=PHONE)
        open_app(page, base, "07-tien-do.ipynb", token=TOKEN)
        summary = page.locator(".hocvuso-first-result")
        expect(summary).to_contain_text(f"Học viên: {len(CLASS)}")
        page.locator(".hocvuso-first select").select_option(label="Nông dân")
        want = _expected(course, _on_roster(group="Nông dân"))
        expect(summary).to_contain_text("Đang xem: Nông dân")
        expect(summary).to_contain_text(f"Học viên: {want['learners']}")
        expect(summary).to_contain_text(
            f"Bài đạt / bài phải làm: {want['passed']}/{want['required']}"
        )
        unit = UNITS[1]
        row = page.locator("tr", has_text=unit["ten"]).first
        expect(row).to_contain_text(f"{want['passed']}/{want['required']}")
        # One tab at a time: the per-group table shows only once its tab is chosen.
        group_header = page.get_by_role("columnheader", name="Nhóm", exact=True)
        expect(group_header).to_be_hidden()
        page.locator(".lm-TabBar-tab", has_text="Theo nhóm").click()
        expect(group_header).to_be_visible()
        expect(row).to_be_hidden()
        expect(page.locator("tr", has_text="Nông dân").last).to_contain_text(
            f"{want['passed']}/{want['required']}"
        )
        with page.expect_download() as download:
            page.get_by_text("Tải Excel").click()
        assert download.value.suggested_filename == "tien-do.xlsx"
        book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
        assert "Theo nhóm" in book.sheetnames
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
        page.screenshot(path=artifacts() / "07-tien-do.png", full_page=True)


def test_csv_export_of_the_same_class_agrees(graded):
    course, home = graded
    path = course.export(home / "diem.csv")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    ratios = _ratios(course)
    assert {(r["ma_hoc_vien"], r["bai"]) for r in rows} == set(ratios)
