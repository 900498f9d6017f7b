"""The class list (roster): who is expected to submit, their unit and learner group.

A roster is a CSV (UTF-8, with or without BOM; comma or semicolon) or an Excel sheet (.xlsx, first
sheet) with one row per learner and these columns (headers may be typed with or without diacritics,
in any case: "Mã học viên", "ma_hoc_vien", "MA HOC VIEN" are the same):

================  ============================================================================
ma_hoc_vien       the learner id used to name submissions (letters without diacritics, digits,
                  ``.``, ``_``, ``-``)
ho_ten            full name, in Vietnamese
don_vi            the statistics-office code of one of the 124 communes, wards and special zone
nhom_doi_tuong    learner group: cán bộ/công chức/viên chức, nông dân, tiểu thương, ngư dân,
                  người lao động, doanh nhân
================  ============================================================================

Nothing is silently dropped: every row that cannot be used is reported in Vietnamese with the file,
the row number and the fix; a duplicated id keeps its first row and reports the others.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workbench.data import units

from .units import find_unit, suggestions

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

# Learner groups (QĐ 757 groups the officials' and citizens' tracks serve), by normalised spelling.
GROUPS = {
    "can-bo": ("Cán bộ, công chức, viên chức", "can-bo"),
    "nong-dan": ("Nông dân", "nguoi-dan"),
    "tieu-thuong": ("Tiểu thương", "nguoi-dan"),
    "ngu-dan": ("Ngư dân", "nguoi-dan"),
    "nguoi-lao-dong": ("Người lao động", "nguoi-dan"),
    "doanh-nhan": ("Doanh nhân", "nguoi-dan"),
}
_GROUP_ALIASES = {
    "can bo": "can-bo",
    "cong chuc": "can-bo",
    "vien chuc": "can-bo",
    "can bo cong chuc vien chuc": "can-bo",
    "cbccvc": "can-bo",
    "nong dan": "nong-dan",
    "tieu thuong": "tieu-thuong",
    "ngu dan": "ngu-dan",
    "nguoi lao dong": "nguoi-lao-dong",
    "cong nhan": "nguoi-lao-dong",
    "doanh nhan": "doanh-nhan",
}

_COLUMNS = {
    "ma_hoc_vien": ("ma_hoc_vien", "ma_hv", "ma_so", "ma", "id", "hoc_vien"),
    "ho_ten": ("ho_ten", "ho_va_ten", "ten", "ten_hoc_vien"),
    "don_vi": ("don_vi", "ma_don_vi", "ma_xa", "ma_dvhc", "xa_phuong"),
    "nhom_doi_tuong": ("nhom_doi_tuong", "nhom", "doi_tuong", "nhom_hoc_vien"),
}
_HINT = "Các cột cần có: ma_hoc_vien, ho_ten, don_vi, nhom_doi_tuong."


@dataclass(frozen=True)
class Learner:
    id: str
    name: str
    unit: int
    group: str  # a key of GROUPS

    @property
    def track(self) -> str:
        return GROUPS[self.group][1]

    @property
    def unit_name(self) -> str:
        return _unit_names()[self.unit]


@dataclass
class Roster:
    file: str
    learners: dict[str, Learner] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def match(self, submitted: list[str]) -> tuple[list[str], list[str]]:
        """(problems for submissions of nobody on the roster, ids on the roster not submitted)."""
        unknown = [
            f"{sid}: bài nộp của mã “{sid}” nhưng danh sách lớp {self.file} không có mã này. "
            "Kiểm tra tên tệp bài nộp, hoặc thêm học viên vào danh sách."
            for sid in sorted(set(submitted) - set(self.learners))
        ]
        missing = sorted(set(self.learners) - set(submitted))
        return unknown, missing


def save_roster(course, roster: Roster) -> Path:
    """Keep the class list with the course (exports and the dashboard use it later)."""
    import json
    import os

    path = course.root / "hocvuso" / "danh-sach.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "file": roster.file,
        "learners": [vars(learner) for learner in roster.learners.values()],
    }
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def load_saved_roster(course) -> Roster | None:
    import json

    path = course.root / "hocvuso" / "danh-sach.json"
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    roster = Roster(raw["file"])
    for item in raw["learners"]:
        roster.learners[item["id"]] = Learner(**item)
    return roster


def _unit_names() -> dict[int, str]:
    return {u["ma"]: u["ten"] for u in units()}


def _fold(text: str) -> str:
    """Lower case, no diacritics (đ → d), single spaces: how headers and groups are compared."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _header_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _fold(header)).strip("_")


def _read_rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:
            raise RosterError(
                f"{path}: không mở được tệp Excel ({type(error).__name__}). Mở tệp bằng Excel, "
                "lưu lại dạng .xlsx rồi thử lại."
            ) from error
        sheet = book.worksheets[0]
        rows = [["" if v is None else _cell_text(v) for v in row] for row in sheet.values]
        book.close()
        return rows
    if path.suffix.lower() != ".csv":
        raise RosterError(f"{path}: danh sách lớp phải là tệp .csv hoặc .xlsx.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterError(
            f"{path}: tệp không phải UTF-8 (có thể lưu bằng bảng mã cũ). Trong Excel chọn "
            "“Lưu thành” → “CSV UTF-8”, rồi thử lại."
        ) from error
    text = unicodedata.normalize("NFC", text)
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 24778 as 24778.0
    return str(value)


class RosterError(ValueError):
    """The roster file as a whole cannot be read (message in Vietnamese, naming the file)."""


def read_roster(path: Path | str) -> Roster:
    path = Path(path)
    if not path.exists():
        raise RosterError(f"{path}: không có tệp danh sách lớp này. Kiểm tra lại đường dẫn.")
    rows = [r for r in _read_rows(path) if any(str(c).strip() for c in r)]
    roster = Roster(str(path))
    if not rows:
        raise RosterError(f"{path}: danh sách lớp trống. {_HINT}")
    keys = [_header_key(h) for h in rows[0]]
    where: dict[str, int] = {}
    for column, aliases in _COLUMNS.items():
        for alias in aliases:
            if alias in keys:
                where[column] = keys.index(alias)
                break
    missing = [c for c in _COLUMNS if c not in where]
    if missing:
        raise RosterError(
            f"{path}: thiếu cột {', '.join(missing)} ở dòng tiêu đề (đang có: "
            f"{', '.join(str(h) for h in rows[0])}). {_HINT}"
        )
    first_row: dict[str, int] = {}
    codes = _unit_names()
    for number, row in enumerate(rows[1:], start=2):
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in where.items()}
        at = f"{path.name}, dòng {number}"
        problems = []
        sid = cells["ma_hoc_vien"]
        if not sid:
            problems.append("thiếu mã học viên")
        elif not STUDENT_ID.match(sid):
            problems.append(
                f"mã học viên “{sid}” không hợp lệ (chỉ dùng chữ không dấu, số, dấu chấm, gạch "
                "dưới, gạch ngang)"
            )
        name = unicodedata.normalize("NFC", cells["ho_ten"])
        if not name:
            problems.append("thiếu họ tên")
        unit = _unit_code(cells["don_vi"], codes)
        if isinstance(unit, str):
            problems.append(unit)
        group = _group(cells["nhom_doi_tuong"])
        if group is None:
            allowed = "; ".join(label for label, _ in GROUPS.values())
            problems.append(
                f"nhóm đối tượng “{cells['nhom_doi_tuong']}” không có trong danh mục ({allowed})"
            )
        if sid and sid in first_row:
            roster.problems.append(
                f"{at}: mã học viên “{sid}” trùng với dòng {first_row[sid]}; dòng này bị bỏ qua. "
                "Mỗi học viên một mã riêng: sửa mã rồi nạp lại danh sách."
            )
            continue
        if problems:
            roster.problems.append(f"{at}: {'; '.join(problems)}. Sửa dòng này rồi nạp lại.")
            if sid:
                first_row[sid] = number
            continue
        first_row[sid] = number
        roster.learners[sid] = Learner(sid, name, unit, group)
    return roster


def _group(text: str) -> str | None:
    """The group key for "Nông dân", "nong dan", "NÔNG DÂN", "nong-dan", "Cán bộ, công chức"..."""
    return _GROUP_ALIASES.get(re.sub(r"[\s,;/_-]+", " ", _fold(text)).strip())


def _unit_code(text: str, codes: dict[int, str]) -> int | str:
    """The unit code, or a Vietnamese problem saying what to write instead."""
    if not text:
        return "thiếu mã đơn vị"
    cleaned = text.strip()
    if re.fullmatch(r"\d+(\.0+)?", cleaned):
        code = int(float(cleaned))
        if code in codes:
            return code
        return (
            f"mã đơn vị {cleaned} không thuộc 124 xã, phường, đặc khu của Lâm Đồng "
            "(xem tệp don_vi_lam_dong.csv)"
        )
    unit = find_unit(cleaned)
    if unit:
        return f"cột đơn vị cần mã số, không phải tên: mã của “{unit['ten']}” là {unit['ma']}"
    near = suggestions(cleaned)
    hint = f" (có phải: {', '.join(near)}?)" if near else ""
    return f"đơn vị “{cleaned}” không phải mã số của một trong 124 đơn vị{hint}"
