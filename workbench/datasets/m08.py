"""Data of module 08 (cleaning Vietnamese data), generated with fixed seeds: all of it synthetic.

* ``mau-utf8.txt``, ``mau-cp1258.txt``, ``mau-tcvn3.txt``, ``mau-vni.txt``: one short text in four
  encodings, made by the repository's own codecs (:mod:`graders.m08.bang_ma`).
* ``bao-cao-{a,b,c,d}-gia-lap.csv``: an old progress report sent in four parts, each typed on a
  different machine: one part per encoding (UTF-8, Windows-1258, TCVN3, VNI), order shuffled.
* ``thong-ke-mau-gia-lap.csv`` (lesson) and ``thong-ke-gia-lap.csv`` (lab): statistics exports in
  UTF-8 with the usual defects: unit names in NFD, with the other tone placement, odd casing, extra
  spaces or no prefix; numbers as ``1.234.567,8``; ``..`` and ``-`` for missing values; dates as
  dd/mm/yyyy; rows that match no current unit (typos, a subtotal of a former district).
* ``don_vi_lam_dong.csv``: the 124 units, as in module 01.

Unit names come from :func:`workbench.data.units`; every number, note and date is invented. Which
rows *should* match a unit is recorded here (``ma``), so checks never hard-code a result.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import unicodedata
from functools import cache
from pathlib import Path

from graders.m08.bang_ma import giai_ma, ma_hoa
from graders.m08.tieng_viet import dau_kieu_hoa_cu, doi_dau
from workbench.data import units, write_units_csv

SEED = 20250814  # the day the movement was launched
SAMPLE_ENCODINGS = {
    "mau-utf8.txt": "utf-8",
    "mau-cp1258.txt": "cp1258",
    "mau-tcvn3.txt": "tcvn3",
    "mau-vni.txt": "vni",
}
REPORT_FILES = tuple(f"bao-cao-{letter}-gia-lap.csv" for letter in "abcd")
LESSON_STATS = "thong-ke-mau-gia-lap.csv"
LAB_STATS = "thong-ke-gia-lap.csv"
STATS_COLUMNS = ("ten_don_vi", "so_hoc_vien", "kinh_phi", "ngay_cap_nhat")
REPORT_COLUMNS = ("ten_don_vi", "ghi_chu")

# The government list writes "Đắk Song" (CONTEXT.md); the package has "Đắk song".
_GOVERNMENT_SPELLING = {"Xã Đắk song": "Xã Đắk Song"}
# Units every statistics file names, with a chosen defect, so each kind of mismatch shows up:
# the first two keep the government's spelling (the package's "Thuỷ" and "song" then differ).
_FORCED = {
    "Phường Phú Thuỷ": lambda name, _rng: name,
    "Xã Đắk song": lambda name, _rng: name,
    "Xã Hòa Ninh": lambda name, _rng: dau_kieu_hoa_cu(name),
    "Xã Quảng Hòa": lambda name, _rng: unicodedata.normalize("NFD", dau_kieu_hoa_cu(name)),
    "Xã Sông Lũy": lambda name, _rng: "  " + dau_kieu_hoa_cu(name).replace(" ", "   ", 1) + " ",
}
_ALWAYS = tuple(_FORCED)
_PREFIXES = ("Xã ", "Phường ", "Đặc khu ")

_NOTES = (
    "Đã tập huấn xong đợt một",
    "Chưa nộp báo cáo tháng",
    "Thiếu máy tính ở điểm học",
    "Cần thêm người hướng dẫn",
    "Học viên lớn tuổi cần kèm riêng",
    "Đường vào thôn sạt lở, hoãn một buổi",
    "Mạng yếu, học ngoại tuyến",
    "Hoàn thành, chờ cấp giấy chứng nhận",
    "Đã mượn phòng ở nhà văn hóa",
    "Người dân hỏi nhiều về VNeID",
    "Cần tài liệu bằng chữ to",
    "Khóa sau học vào buổi tối",
)


def sample_text() -> str:
    """The lesson's sample text (NFC): every encoding can write it (no capital with a tone)."""
    return (
        "Tệp mẫu (giả lập) - phong trào Bình dân học vụ số, tỉnh Lâm Đồng.\n"
        "Tri thức số là chìa khóa của tương lai.\n"
        "Xã Đắk Song, Phường Phú Thủy, Xã Hòa Ninh, Đặc khu Phú Quý.\n"
        "Đủ các chữ: ă â ê ô ơ ư đ; đủ năm dấu: à á ả ã ạ.\n"
    )


def government_name(name: str) -> str:
    """A unit name as the government list writes it (tone placement, known casing fix)."""
    return _GOVERNMENT_SPELLING.get(name, doi_dau(name))


def _unit_names() -> dict[str, int]:
    return {u["ten"]: u["ma"] for u in units()}


# --- the old report in four encodings --------------------------------------------------------


@cache
def report_parts() -> tuple[tuple[str, str, tuple[dict, ...]], ...]:
    """(file name, encoding, rows) for the four parts of the old report. Rows hold the text
    exactly as typed (NFD in part of the UTF-8 file, like a Mac or a web form would)."""
    rng = random.Random(SEED + 1)
    names = rng.sample([government_name(u["ten"]) for u in units()], 24)
    encodings = ["utf-8", "cp1258", "tcvn3", "vni"]
    rng.shuffle(encodings)
    parts = []
    for index, (file, encoding) in enumerate(zip(REPORT_FILES, encodings, strict=True)):
        rows = []
        for position, name in enumerate(names[index * 6 : index * 6 + 6]):
            typed = dau_kieu_hoa_cu(name) if rng.random() < 0.5 else name
            if encoding == "utf-8" and position % 3 == 0:
                typed = unicodedata.normalize("NFD", typed)
            rows.append({"ten_don_vi": typed, "ghi_chu": rng.choice(_NOTES)})
        parts.append((file, encoding, tuple(rows)))
    return tuple(parts)


def _csv_text(rows, columns) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def report_bytes(file: str) -> bytes:
    """The bytes of one part of the old report, encoded by the repository's codecs."""
    for name, encoding, rows in report_parts():
        if name == file:
            text = _csv_text(rows, REPORT_COLUMNS)
            data = ma_hoa(text, encoding)
            # The file must decode back to what was typed (up to NFC): checked at every write.
            if giai_ma(data, encoding) != unicodedata.normalize("NFC", text):
                raise AssertionError(f"{file}: {encoding} does not round-trip")
            return data
    raise KeyError(file)


def report_encodings() -> dict[str, str]:
    return {file: encoding for file, encoding, _rows in report_parts()}


def report_rows() -> list[dict]:
    """All rows of the old report, in file order, NFC (what a correct reading gives)."""
    return [
        {k: unicodedata.normalize("NFC", v) for k, v in row.items()}
        for _file, _encoding, rows in report_parts()
        for row in rows
    ]


# --- statistics exports ----------------------------------------------------------------------


def vn_number(value: float, decimals: int) -> str:
    """``vn_number(1234567.8, 1) == "1.234.567,8"``: Vietnamese thousands and decimal marks."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _defect(name: str, rng: random.Random) -> str:
    kind = rng.choice(["nfd", "dau", "thuong", "hoa", "khoang_trang", "tien_to", "sach"])
    if kind == "nfd":
        return unicodedata.normalize("NFD", name)
    if kind == "dau":
        return dau_kieu_hoa_cu(name)
    if kind == "thuong":
        return name.lower()
    if kind == "hoa":
        return name.upper()
    if kind == "khoang_trang":
        return "  " + name.replace(" ", "   ", 1) + " "
    if kind == "tien_to":
        return next((name[len(p) :] for p in _PREFIXES if name.startswith(p)), name)
    return name


@cache
def statistics_rows(file: str) -> tuple[dict, ...]:
    """Rows of a statistics export. Besides the four text columns, each row records the truth:
    ``ma`` (the unit's code, or None for a row that names no current unit), ``so_hoc_vien_so``,
    ``kinh_phi_so`` (floats or None) and ``ngay`` (a date)."""
    lesson = file == LESSON_STATS
    rng = random.Random(SEED + (2 if lesson else 3))
    codes = _unit_names()
    always = list(_ALWAYS[:3] if lesson else _ALWAYS)
    others = [u["ten"] for u in units() if u["ten"] not in always]
    chosen = always + rng.sample(others, (10 if lesson else 35) - len(always))
    unused = [name for name in others if name not in chosen]
    rng.shuffle(chosen)
    rows = []
    for name in chosen:
        typed = _FORCED.get(name, _defect)(government_name(name), rng)
        rows.append({"ten_don_vi": typed, "ma": codes[name]})
    typos = rng.sample(unused, 2 if lesson else 3)
    for name in typos:  # one letter lost at the end: cleaning cannot repair it
        rows.append({"ten_don_vi": government_name(name)[:-1], "ma": None})
    rows.append({"ten_don_vi": "Huyện Đức Trọng (cũ) - cộng", "ma": None})
    rng.shuffle(rows)
    start = dt.date(2025, 2, 1)
    for position, row in enumerate(rows):
        day = start + dt.timedelta(days=rng.randrange(89))
        if position == 0:  # a day ≤ 12 first: a month-first guess then reads the file wrongly
            day = day.replace(day=rng.randint(2, 12))
        learners = None if rng.random() < 0.1 else rng.randint(15, 2500)
        luck = rng.random()
        money = None if luck < 0.15 else rng.randint(5_000_000, 2_500_000_000) / 10
        row["ngay"] = day
        row["ngay_cap_nhat"] = day.strftime("%d/%m/%Y")
        row["so_hoc_vien_so"] = None if learners is None else float(learners)
        row["so_hoc_vien"] = ".." if learners is None else vn_number(learners, 0)
        row["kinh_phi_so"] = money
        row["kinh_phi"] = ("-" if luck < 0.08 else "..") if money is None else vn_number(money, 1)
    return tuple(rows)


def statistics_csv(file: str) -> str:
    return _csv_text(
        [{c: row[c] for c in STATS_COLUMNS} for row in statistics_rows(file)], STATS_COLUMNS
    )


def write(folder: Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for file, encoding in SAMPLE_ENCODINGS.items():
        paths.append(folder / file)
        paths[-1].write_bytes(ma_hoa(sample_text(), encoding))
    for file in REPORT_FILES:
        paths.append(folder / file)
        paths[-1].write_bytes(report_bytes(file))
    for file in (LESSON_STATS, LAB_STATS):
        paths.append(folder / file)
        paths[-1].write_bytes(statistics_csv(file).encode("utf-8"))
    paths.append(write_units_csv(folder))  # the 124 units to match against
    return paths
