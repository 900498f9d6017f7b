"""Module 07 — a SYNTHETIC list of visits to a mobile health check (khám sức khỏe lưu động).

Every person, number and diagnosis is made up by ``random.Random(SEED)``: nothing here belongs to
a real person. The file name says ``gia-lap`` and every row carries ``ghi_chu = "DỮ LIỆU GIẢ LẬP"``.
Only the unit names (and codes) are real: they come from :func:`workbench.data.units`.

The 12-digit numbers follow the public layout of the personal identification number (3 digits for
the province of birth registration — 068, Lâm Đồng —, 1 for sex and century, 2 for the year of
birth, 6 random digits) so that the lesson can show why masking keeps the *last* digits.
"""

from __future__ import annotations

import csv
import random
from functools import cache
from pathlib import Path

SEED = 20260101  # the day Law 91/2025/QH15 takes effect
FILE = "danh-sach-kham-gia-lap.csv"
NOTE = "DỮ LIỆU GIẢ LẬP"
PEOPLE = 60
COLUMNS = (
    "ma_luot",
    "ngay_kham",
    "ho_ten",
    "gioi_tinh",
    "ngay_sinh",
    "so_cccd",
    "so_dien_thoai",
    "dia_chi",
    "ma_don_vi",
    "ma_so_bhxh",
    "benh_nen",
    "dong_y_nhan_tin",
    "ghi_chu",
)
CONSENT = ("có", "không", "đã rút")

_FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Mai", "Lâm",
)  # fmt: skip
_MIDDLE = {
    "Nam": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân"),
    "Nữ": ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"),
}
_GIVEN = {
    "Nam": (
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quân",
        "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Việt",
    ),
    "Nữ": (
        "Anh", "Châu", "Dung", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung",
        "Oanh", "Phượng", "Tâm", "Thảo", "Trang", "Vân", "Yến",
    ),
}  # fmt: skip
_CONDITIONS = (
    ("không có", 10),
    ("tăng huyết áp", 5),
    ("đái tháo đường", 3),
    ("hen phế quản", 1),
    ("bệnh tim mạch", 1),
    ("viêm gan B", 1),
)
_MOBILE = ("032", "035", "038", "086", "096", "097", "098", "081", "083", "088", "091", "094",
           "070", "077", "079", "089", "090", "093")  # fmt: skip


def _person(rng: random.Random, unit: dict, taken: set[str]) -> dict:
    sex = rng.choice(("Nam", "Nữ"))
    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE[sex])} {rng.choice(_GIVEN[sex])}"
    year = rng.randint(1942, 2006)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    sex_century = (0 if sex == "Nam" else 1) + (2 if year >= 2000 else 0)
    while True:
        cccd = f"068{sex_century}{year % 100:02d}{rng.randrange(10**6):06d}"
        phone = rng.choice(_MOBILE) + f"{rng.randrange(10**7):07d}"
        if cccd not in taken and phone not in taken:
            taken.update((cccd, phone))
            break
    place = "Tổ dân phố" if unit["loai"] == "phường" else "Thôn"
    conditions, weights = zip(*_CONDITIONS, strict=True)
    return {
        "ho_ten": name,
        "gioi_tinh": sex,
        "ngay_sinh": f"{day:02d}/{month:02d}/{year}",
        "so_cccd": cccd,
        "so_dien_thoai": phone,
        "dia_chi": f"{place} {rng.randint(1, 12)}, {unit['ten']}",
        "ma_don_vi": str(unit["ma"]),
        "ma_so_bhxh": f"{rng.randrange(10**10):010d}",
        "benh_nen": rng.choices(conditions, weights)[0],
        "dong_y_nhan_tin": rng.choices(CONSENT, (11, 6, 3))[0],
    }


@cache
def records() -> tuple[dict, ...]:
    """The visits, one dict per row, in file order (by visit date). Columns: :data:`COLUMNS`."""
    from workbench.data import units

    rng = random.Random(SEED)
    places = rng.sample(list(units()), 8)  # the campaign visits 8 communes and wards
    taken: set[str] = set()
    people = [_person(rng, rng.choice(places), taken) for _ in range(PEOPLE)]
    visits = []
    for person in people:
        for _ in range(rng.choices((1, 2, 3), (5, 3, 2))[0]):
            visits.append((rng.randint(0, 88), person))
    visits.sort(key=lambda visit: (visit[0], visit[1]["so_cccd"]))
    rows = []
    for number, (day, person) in enumerate(visits, start=1):
        month, day_of_month = divmod(day, 30)  # 30 days each: 1/9 … 29/11/2025
        rows.append(
            {
                "ma_luot": f"KSK-{number:03d}",
                "ngay_kham": f"{day_of_month + 1:02d}/{month + 9:02d}/2025",
                **person,
                "ghi_chu": NOTE,
            }
        )
    return tuple({column: row[column] for column in COLUMNS} for row in rows)


def people() -> dict[str, dict]:
    """One record per person (first visit), keyed by the 12-digit number, in file order."""
    first: dict[str, dict] = {}
    for row in records():
        first.setdefault(row["so_cccd"], row)
    return first


def visits_of(cccd: str) -> list[dict]:
    return [row for row in records() if row["so_cccd"] == cccd]


def _regulars() -> list[str]:
    """People with three visits, in file order: the lesson and the lab pick their examples here."""
    return [cccd for cccd in people() if len(visits_of(cccd)) == 3]


def lesson_subject() -> str:
    """The number the lesson's data-subject request is about."""
    return _regulars()[0]


def lab_subject() -> str:
    """The number the lab's data-subject request is about (someone else than the lesson's)."""
    return _regulars()[1]


def frame():
    """The list as the notebooks read it: every column text (``dtype=str``), leading zeros kept."""
    import pandas as pd

    return pd.DataFrame(list(records()), columns=list(COLUMNS), dtype=str)


def write(folder: Path) -> list[Path]:
    """Write the list (UTF-8 with BOM so that Excel shows Vietnamese correctly) into ``folder``."""
    path = Path(folder) / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(records())
    return [path]
