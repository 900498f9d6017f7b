"""Grade exports: CSV (one row per learner and lab) and an Excel workbook with summaries.

The workbook has four sheets: ``Điểm`` (every learner and lab), ``Theo đơn vị`` (all 124 units,
those without learners included), ``Theo nhóm`` (learner groups) and ``Theo năng lực`` (Thông tư
02 / DigComp competence codes of the labs). Numbers and dates carry Vietnamese display formats
(``[$-042A]`` is Excel's vi-VN locale: 1.234,5 and 25/11/2026 14:05 in a Vietnamese Excel).
Learner names, units and groups come from the class roster (``--danh-sach``), kept with the course
once given.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

from workbench.data import units

from .pipeline import GRADED, STATUS_VI, load_records
from .roster import GROUPS, Roster
from .safe_cells import neutral, neutral_row, neutral_sheet

CSV_COLUMNS = [
    "ma_hoc_vien",
    "bai",
    "diem",
    "diem_toi_da",
    "trang_thai",
    "ghi_chu",
    "ho_ten",
    "don_vi",
    "ten_don_vi",
    "nhom_doi_tuong",
    "ngay_cham",
]
VI_NUMBER = "[$-042A]#,##0.0"
VI_PERCENT = "[$-042A]0.0%"
VI_DATE = "[$-042A]dd/mm/yyyy hh:mm"


def grade_rows(course, assignment: str | None = None, roster: Roster | None = None) -> list[dict]:
    """One typed row per learner and lab. A learner whose latest file failed keeps the last
    saved grade, with the reason."""
    assignments = [assignment] if assignment else [a.id for a in course.syllabus.assignments]
    learners = roster.learners if roster else {}
    rows = []
    with course.gradebook() as gb:
        for lab in assignments:
            records = load_records(course, lab)
            saved = {}
            try:
                for sub in gb.assignment_submissions(lab):
                    saved[sub.student.id] = (float(sub.score), float(sub.max_score))
            except Exception:  # the lab is not in the gradebook yet
                saved = {}
            for student in sorted(set(saved) | set(records)):
                record = records.get(student)
                score, max_score = saved.get(student, (0.0, _max_score(gb, lab)))
                learner = learners.get(student)
                rows.append(
                    {
                        "ma_hoc_vien": student,
                        "bai": lab,
                        "diem": score,
                        "diem_toi_da": max_score,
                        "trang_thai": record.status if record else GRADED,
                        "ghi_chu": "; ".join(record.problems) if record else "",
                        "ho_ten": learner.name if learner else "",
                        "don_vi": learner.unit if learner else None,
                        "ten_don_vi": learner.unit_name if learner else "",
                        "nhom_doi_tuong": learner.group if learner else "",
                        "ngay_cham": _parse_time(record.graded_at) if record else None,
                    }
                )
    return rows


def _parse_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except (TypeError, ValueError):
        return None


def _max_score(gb, assignment: str) -> float:
    try:
        return float(gb.find_assignment(assignment).max_score)
    except Exception:
        return 0.0


def _group_label(key: str) -> str:
    return GROUPS[key][0] if key else ""


def write_csv(rows: list[dict], target: Path) -> Path:
    """UTF-8 with BOM, so Excel shows the diacritics. Text that starts like a formula is written
    with a leading apostrophe (``graders.safe_cells``); the columns set below are numbers, dates
    and fixed labels."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    **neutral_row(row),
                    "diem": f"{row['diem']:g}",
                    "diem_toi_da": f"{row['diem_toi_da']:g}",
                    "trang_thai": STATUS_VI[row["trang_thai"]],
                    "don_vi": row["don_vi"] or "",
                    "nhom_doi_tuong": _group_label(row["nhom_doi_tuong"]),
                    "ngay_cham": row["ngay_cham"].strftime("%d/%m/%Y %H:%M")
                    if row["ngay_cham"]
                    else "",
                }
            )
    return target


def summaries(course, rows: list[dict]) -> dict[str, list[dict]]:
    """Per unit (all 124), per learner group and per competence code."""
    by_unit: dict = defaultdict(list)
    by_group: dict = defaultdict(list)
    by_code: dict = defaultdict(list)
    labs = {a.id: a for a in course.syllabus.assignments}
    for row in rows:
        if row["don_vi"]:
            by_unit[row["don_vi"]].append(row)
        if row["nhom_doi_tuong"]:
            by_group[row["nhom_doi_tuong"]].append(row)
        lab = labs.get(row["bai"])
        for code in lab.module.competences if lab else ():
            by_code[code].append(row)

    def stats(items: list[dict]) -> dict:
        graded = [r for r in items if r["trang_thai"] == GRADED and r["diem_toi_da"] > 0]
        return {
            "so_hoc_vien": len({r["ma_hoc_vien"] for r in items}),
            "so_bai_da_cham": len(graded),
            "ty_le_diem_tb": (
                sum(r["diem"] / r["diem_toi_da"] for r in graded) / len(graded) if graded else None
            ),
            "so_bai_dat": sum(r["diem"] >= 0.5 * r["diem_toi_da"] for r in graded),
        }

    from workbench.curriculum import competences

    names = competences()["components"]
    return {
        "Theo đơn vị": [
            {"ma_don_vi": u["ma"], "ten_don_vi": u["ten"], "loai": u["loai"]}
            | stats(by_unit.get(u["ma"], []))
            for u in units()
        ],
        "Theo nhóm": [
            {"nhom_doi_tuong": label} | stats(by_group.get(key, []))
            for key, (label, _track) in GROUPS.items()
        ],
        "Theo năng lực": [
            {"ma_nang_luc": code, "ten_nang_luc": names[code]["vi"]} | stats(by_code[code])
            for code in sorted(by_code, key=lambda c: tuple(int(x) for x in c.split(".")))
        ],
    }


_HEADERS = {
    "ma_hoc_vien": "Mã học viên",
    "ho_ten": "Họ tên",
    "don_vi": "Mã đơn vị",
    "ten_don_vi": "Đơn vị",
    "nhom_doi_tuong": "Nhóm đối tượng",
    "bai": "Bài",
    "diem": "Điểm",
    "diem_toi_da": "Điểm tối đa",
    "ty_le": "Tỉ lệ",
    "trang_thai": "Trạng thái",
    "ngay_cham": "Ngày chấm",
    "ghi_chu": "Ghi chú",
    "ma_don_vi": "Mã đơn vị",
    "loai": "Loại",
    "so_hoc_vien": "Số học viên",
    "so_bai_da_cham": "Số bài đã chấm",
    "ty_le_diem_tb": "Tỉ lệ điểm trung bình",
    "so_bai_dat": "Số bài đạt (≥ 50%)",
    "ma_nang_luc": "Mã năng lực",
    "ten_nang_luc": "Năng lực (Thông tư 02/2025)",
    "lo_trinh": "Lộ trình",
    "dat": "Đạt",
    "so_chung_nhan": "Số giấy chứng nhận",
}


def write_xlsx(course, rows: list[dict], target: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    columns = [
        "ma_hoc_vien",
        "ho_ten",
        "don_vi",
        "ten_don_vi",
        "nhom_doi_tuong",
        "bai",
        "diem",
        "diem_toi_da",
        "ty_le",
        "trang_thai",
        "ngay_cham",
        "ghi_chu",
    ]
    table = []
    for row in rows:
        table.append(
            {
                **row,
                "nhom_doi_tuong": _group_label(row["nhom_doi_tuong"]),
                "ty_le": row["diem"] / row["diem_toi_da"] if row["diem_toi_da"] else None,
                "trang_thai": STATUS_VI[row["trang_thai"]],
            }
        )
    fill_sheet(sheet, columns, table)
    for name, items in summaries(course, rows).items():
        fill_sheet(book.create_sheet(name), list(items[0]) if items else ["ma_nang_luc"], items)
    return save_book(book, target)


def save_book(book, target: Path) -> Path:
    """Bold, frozen header row and readable column widths on every sheet, then save. Text cells
    are written as text, never as formulas (``graders.safe_cells``)."""
    from openpyxl.styles import Font

    for ws in book.worksheets:
        neutral_sheet(ws)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for cells in ws.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in cells)
            ws.column_dimensions[cells[0].column_letter].width = min(60, max(10, width + 2))
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def fill_sheet(sheet, columns: list[str], items: list[dict]) -> None:
    """A header row in Vietnamese, then one row per item; Vietnamese number and date formats."""
    sheet.append([_HEADERS.get(c, c) for c in columns])
    for item in items:  # neutral before openpyxl sees it: it refuses control characters
        sheet.append([neutral(item.get(c)) for c in columns])
    for index, column in enumerate(columns, start=1):
        fmt = {
            "diem": VI_NUMBER,
            "diem_toi_da": VI_NUMBER,
            "ty_le": VI_PERCENT,
            "ty_le_diem_tb": VI_PERCENT,
            "ngay_cham": VI_DATE,
        }.get(column)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt


def export(course, target: Path, assignment: str | None = None, roster: Roster | None = None):
    """Write ``target`` (.csv or .xlsx) from the gradebook."""
    target = Path(target)
    if roster is None:
        from .roster import load_saved_roster

        roster = load_saved_roster(course)
    rows = grade_rows(course, assignment, roster)
    if target.suffix.lower() == ".xlsx":
        return write_xlsx(course, rows, target)
    return write_csv(rows, target)
