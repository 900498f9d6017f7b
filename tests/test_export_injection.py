"""Exports never hand a spreadsheet a formula (issue 11, OWASP "CSV injection").

Roster names, ids that reach the gradebook and text typed in the apps may start like a formula.
Every CSV and Excel file the project writes must keep them as text; numbers stay numbers.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest
from cohort import make_class, track_labs
from conftest import copy_course

from graders import engine
from graders.export import VI_DATE, VI_NUMBER, VI_PERCENT
from graders.roster import Learner, read_roster
from workbench.apps import _ui, thu_chi
from workbench.data import units

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "@SUM(A1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "＝1+1",  # full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20)
    "＋1+1",
    "－2+3",
    "＠SUM(A1)",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
UNIT = units()[3]
CAN_BO = [lab for _, lab in track_labs("can-bo")]


def formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (also after trimming spaces)?"""
    return text[:1] in TRIGGERS or text.lstrip()[:1] in TRIGGERS


def escaped(text: str) -> str:
    """The form every formula-like text must be written in."""
    return "'" + text


def same_text(a: str, b: str) -> bool:
    """Equal once line ends are folded (XML turns a bare CR into LF when read back)."""
    return a.replace("\r", "\n") == b.replace("\r", "\n")


@pytest.fixture(scope="module")
def hostile_class(pristine_home, tmp_path_factory):
    """A graded class whose names (roster) and ids (gradebook only, as nbgrader's exchange
    collects them: ``grade --thu-bai`` does not check ids) are the payloads."""
    home = tmp_path_factory.mktemp("injection")
    course = copy_course(pristine_home, home / "home")
    # The roster file can carry a payload as a name (read_roster trims surrounding whitespace).
    on_file = [p for p in PAYLOADS if p == p.strip()]
    people = {"hv00": ("Nguyễn Văn An", "Nông dân", UNIT["ma"], {"m00": 1.0})}
    for i, name in enumerate(on_file, start=1):
        people[f"hv{i:02d}"] = (name, "Cán bộ", UNIT["ma"], {CAN_BO[1]: 1.0})
    for payload in PAYLOADS:  # ids that only the gradebook knows
        people[payload] = ("", None, UNIT["ma"], {CAN_BO[1]: 0.5})
    make_class(course, home, people)
    # A failed file: the note (ghi_chu) starts with the id, as the engine writes it.
    plan = engine.make_plan(course, CAN_BO[2])
    with course.gradebook() as gb:
        for payload in PAYLOADS:
            problem = f"{payload}/{plan.notebook}: tệp bị hỏng"
            engine.save(gb, plan, engine.Result(payload, "loi", problems=[problem]), "sha", None)
    # The saved class list is loaded without checks: whitespace-led names reach the writers too.
    roster = read_roster(home / "lop.csv")
    assert {learner.name for learner in roster.learners.values()} >= set(on_file)
    for payload in PAYLOADS:
        roster.learners[payload] = Learner(payload, payload, UNIT["ma"], "nong-dan")
    return course, roster, home


def check_csv(path, must_show: set[str]) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    for row in table:
        for field in row:
            assert not formula_like(field), f"{path.name}: {field!r}"
    shown = {field for row in table for field in row}
    missing = {text for text in must_show if escaped(text) not in shown}
    assert not missing, f"{path.name} does not show {sorted(missing)} as text"
    header, *body = table
    return [dict(zip(header, row, strict=True)) for row in body]


def check_xlsx(path_or_bytes, must_show: set[str]) -> openpyxl.Workbook:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    book = openpyxl.load_workbook(source)
    shown = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", f"{sheet.title}!{cell.coordinate}"
                    assert not formula_like(cell.value), f"{sheet.title}!{cell.coordinate}"
                    shown.add(cell.value)
    missing = {t for t in must_show if not any(same_text(escaped(t), s) for s in shown)}
    assert not missing, f"the workbook does not show {sorted(missing)} as text"
    return book


def columns(sheet) -> dict[str, list]:
    header = [c.value for c in sheet[1]]
    return {name: [row[i] for row in sheet.iter_rows(min_row=2)] for i, name in enumerate(header)}


def assert_numbers(cells, number_format: str | None, kinds=(int, float)) -> None:
    values = [c for c in cells if c.value is not None]
    assert values
    for cell in values:
        assert isinstance(cell.value, kinds) and not isinstance(cell.value, bool), cell.value
        if number_format:
            assert cell.number_format == number_format


def test_grade_export_writes_formulas_as_text(hostile_class):
    course, roster, home = hostile_class
    rows = check_csv(course.export(home / "diem.csv", roster=roster), set(PAYLOADS))
    assert {r["ho_ten"] for r in rows} >= {escaped(p) for p in PAYLOADS}
    assert {r["ma_hoc_vien"] for r in rows} >= {escaped(p) for p in PAYLOADS}
    for row in rows:
        float(row["diem"]), float(row["diem_toi_da"]), int(row["don_vi"])

    book = check_xlsx(course.export(home / "diem.xlsx", roster=roster), set(PAYLOADS))
    grades = columns(book["Điểm"])
    ids = [c.value for c in grades["Mã học viên"]]
    assert all(any(same_text(escaped(p), i) for i in ids) for p in PAYLOADS)
    assert_numbers(grades["Điểm"], VI_NUMBER)
    assert_numbers(grades["Điểm tối đa"], VI_NUMBER)
    assert_numbers(grades["Tỉ lệ"], VI_PERCENT)
    assert_numbers(grades["Mã đơn vị"], None, int)
    assert_numbers(grades["Ngày chấm"], VI_DATE, dt.datetime)
    assert_numbers(columns(book["Theo đơn vị"])["Số học viên"], None, int)


def test_evidence_export_writes_formulas_as_text(hostile_class, tmp_path):
    course, roster, _ = hostile_class
    run = course.certify(out_dir=tmp_path, roster=roster)
    assert not run.certificates  # nobody completed a track: only the evidence tables
    rows = check_csv(tmp_path / "minh-chung-nang-luc.csv", set(PAYLOADS))
    assert {r["ho_ten"] for r in rows} >= {escaped(p) for p in PAYLOADS}
    book = check_xlsx(tmp_path / "minh-chung-nang-luc.xlsx", set(PAYLOADS))
    evidence = columns(book["Minh chứng năng lực"])
    assert_numbers(evidence["Điểm"], VI_NUMBER)
    assert_numbers(evidence["Tỉ lệ"], VI_PERCENT)
    assert_numbers(evidence["Mã đơn vị"], None, int)
    assert_numbers(evidence["Ngày chấm"], VI_DATE, dt.datetime)
    assert all(isinstance(c.value, bool) for c in evidence["Đạt"])

    one = course.certify(["-2+3"], out_dir=tmp_path / "mot", roster=roster)
    (csv_path,) = [p for p in one.evidence if p.suffix == ".csv"]
    check_csv(csv_path, {"-2+3"})
    check_xlsx(csv_path.with_suffix(".xlsx"), {"-2+3"})


def test_neutral_escapes_formula_text_only():
    from graders.safe_cells import neutral

    for payload in PAYLOADS:
        assert neutral(payload) == escaped(payload)
        assert neutral(neutral(payload)) == escaped(payload)  # idempotent
    for plain in ["Nguyễn Văn An", "K'Điểu", "", "'=1+1", "a=1", "1-2", "hv-01", "Đ=1", " Lâm"]:
        assert neutral(plain) == plain
    day = dt.datetime(2026, 1, 2, 3, 4)
    for value in [-5, -2.5, 0, None, True, day, dt.date(2026, 1, 2)]:
        assert neutral(value) is value


def test_frame_and_sheet_helpers_keep_numbers(tmp_path):
    from graders.safe_cells import neutral_frame, neutral_sheet

    frame = pd.DataFrame(
        {"ghi_chu": PAYLOADS, "so_tien": range(-6, 6), "ngay": [dt.date(2025, 3, 2)] * 12}
    ).rename(columns={"ghi_chu": "=A1"}, index=lambda i: f"@{i}")
    safe = neutral_frame(frame)
    assert list(safe.columns) == ["'=A1", "so_tien", "ngay"]
    assert list(safe.index) == [f"'@{i}" for i in range(12)]
    assert list(safe["'=A1"]) == [escaped(p) for p in PAYLOADS]
    assert safe["so_tien"].tolist() == list(range(-6, 6)) and safe["so_tien"].dtype == "int64"
    assert safe["ngay"].tolist() == [dt.date(2025, 3, 2)] * 12
    assert frame.columns[0] == "=A1"  # the caller's frame is left as it was

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["=1+1", "#N/A", -5, 2.5, dt.datetime(2026, 1, 2), "@SUM(A1)", "Lâm Đồng"])
    sheet["C1"].number_format = VI_NUMBER
    assert sheet["A1"].data_type == "f"  # what openpyxl does on its own
    neutral_sheet(sheet)
    assert [c.value for c in sheet[1]][:2] == ["'=1+1", "#N/A"]
    assert [c.data_type for c in sheet[1]] == ["s", "s", "n", "n", "d", "s", "s"]
    assert sheet["C1"].value == -5 and sheet["C1"].number_format == VI_NUMBER
    assert sheet["F1"].value == "'@SUM(A1)" and sheet["G1"].value == "Lâm Đồng"
    book.save(tmp_path / "a.xlsx")
    check_xlsx(tmp_path / "a.xlsx", {"=1+1", "@SUM(A1)"})


def test_app_downloads_write_formulas_as_text():
    frame = pd.DataFrame(
        {
            "ngay": [dt.date(2025, 3, i + 1) for i in range(len(PAYLOADS))],
            "khoan": PAYLOADS,
            "so_tien": [-(i + 1) * 1000 for i in range(len(PAYLOADS))],
            "+Ghi chú": ["Lâm Đồng"] * len(PAYLOADS),
        }
    )
    table = list(csv.reader(io.StringIO(_ui.csv_bytes(frame).decode("utf-8-sig"))))
    assert table[0] == ["ngay", "khoan", "so_tien", "'+Ghi chú"]
    assert [r[1] for r in table[1:]] == [escaped(p) for p in PAYLOADS]
    assert [int(r[2]) for r in table[1:]] == frame["so_tien"].tolist()  # still numbers
    assert not any(formula_like(r[i]) for r in table for i in (0, 1, 3))

    book = check_xlsx(_ui.xlsx_bytes({"Sổ": frame}), set(PAYLOADS) | {"+Ghi chú"})
    sheet = book["Sổ"]
    amounts = [c.value for c in columns(sheet)["so_tien"]]
    assert amounts == frame["so_tien"].tolist() and all(type(a) is int for a in amounts)
    assert all(c.is_date for c in columns(sheet)["ngay"])


def test_cash_book_note_is_text_in_its_excel():
    app = thu_chi.App()
    app.date.value, app.kind.value = dt.date(2025, 3, 2), "chi"
    app.amount.value, app.note.value = "50.000", '=HYPERLINK("http://x","y")'
    app.add.click()
    match = re.search(r"href='data:[^']*;base64,([^']+)'", app.download.value)
    book = check_xlsx(base64.b64decode(match.group(1)), {'=HYPERLINK("http://x","y")'})
    (entry,) = book["Sổ thu chi"].iter_rows(min_row=2, values_only=True)
    assert entry[3] == 50_000 and entry[4] == escaped('=HYPERLINK("http://x","y")')


def test_control_characters_never_break_an_excel_file():
    """A roster name with a control character made openpyxl refuse the whole workbook."""
    from graders.safe_cells import neutral

    assert neutral("Nguyễn\x01 Văn\x00An") == "Nguyễn\ufffd Văn\ufffdAn"
    assert neutral("\x00=1+1") == "'\ufffd=1+1"
    frame = pd.DataFrame({"ho_ten": ["Lê\x07 Thị\x1bBa", "=1+1"], "diem": [1, 2]})
    book = openpyxl.load_workbook(io.BytesIO(_ui.xlsx_bytes({"Điểm": frame})))
    values = [c.value for c in book.active["A"]]
    assert values[1:] == ["Lê\ufffd Thị\ufffdBa", "'=1+1"]
