"""Synthetic data of module 05 (digital communication): officials' busy calendar, a citizens' list.

Everything is made by code with fixed seeds; every person, phone number, ID number and address is
invented (file names carry ``gia-lap``, every row says "Dữ liệu giả lập"). The CCCD-like numbers
start with ``000``, a province code that does not exist, so none can be a real citizen's number.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from datetime import date, timedelta
from functools import cache
from pathlib import Path

CALENDAR_CSV = "lich-ban-gia-lap.csv"
CITIZENS_CSV = "danh-sach-nguoi-dan-gia-lap.csv"
NOTE = "Dữ liệu giả lập"

# The week of 10/10/2025, National Digital Transformation Day (Ngày Chuyển đổi số quốc gia).
WEEK = tuple((date(2025, 10, 6) + timedelta(days=i)).strftime("%d/%m/%Y") for i in range(5))
# Assumed office hours of a commune-level state office (an assumption the lesson states).
SESSIONS = (("07:30", "11:30"), ("13:30", "17:00"))

OFFICIALS = (
    ("Trần Thị Mai", "Phó Chủ tịch UBND xã"),
    ("Nguyễn Văn Hùng", "Chánh Văn phòng HĐND và UBND xã"),
    ("Lê Thị Thu", "Công chức Phòng Kinh tế"),
    ("Phạm Văn Đức", "Công chức Phòng Văn hóa - Xã hội"),
    ("Hoàng Thị Hạnh", "Viên chức Trung tâm Phục vụ hành chính công"),
    ("Võ Minh Tuấn", "Công chức Văn phòng HĐND và UBND xã"),
)
CALENDAR_COLUMNS = ("ho_ten", "chuc_vu", "ngay", "bat_dau", "ket_thuc", "noi_dung", "ghi_chu")
_TASKS = (
    "Tiếp công dân",
    "Trực bộ phận một cửa",
    "Họp trực tuyến với tỉnh",
    "Kiểm tra thực địa",
    "Tập huấn chuyển đổi số",
    "Làm việc với Tổ công nghệ số cộng đồng",
    "Họp chi bộ",
    "Soạn báo cáo tháng",
)

CAL_SEED = 20251015
ATTEMPTS = (3, 4)
LENGTHS = (60, 90, 120)
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
# (middle names, given names, CCCD sex digit)
_MEN = (("Văn", "Minh", "Hữu", "Đức"), ("An", "Bình", "Dũng", "Khoa", "Nam", "Phúc"), 0)
_WOMEN = (("Thị", "Ngọc", "Thanh"), ("Châu", "Giang", "Hà", "Hoa", "Lan", "Quyên"), 1)
_NEEDS = (
    "Kích hoạt tài khoản VNeID mức 2",
    "Hướng dẫn nộp hồ sơ trực tuyến",
    "Cài ứng dụng ngân hàng an toàn",
    "Đăng ký khai sinh trực tuyến",
)
CITIZEN_COLUMNS = (
    "ho_ten",
    "nam_sinh",
    "so_dien_thoai",
    "so_cccd",
    "email",
    "thon",
    "nhu_cau",
    "ghi_chu",
)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@cache
def calendar_rows() -> tuple[dict, ...]:
    """Busy blocks of six officials over the week, on a 30-minute grid inside office hours.

    Monday starts with the weekly briefing (giao ban) for everyone; then each official has 2 or 3
    non-overlapping blocks a day."""
    rng = random.Random(CAL_SEED)
    rows = []
    for day in WEEK:
        for name, role in OFFICIALS:
            taken: list[tuple[int, int]] = []
            if day == WEEK[0]:
                taken.append((_minutes("07:30"), _minutes("09:00")))
            for _ in range(rng.choice(ATTEMPTS)):
                start_s, end_s = rng.choice(SESSIONS)
                length = rng.choice(LENGTHS)
                first, last = _minutes(start_s), _minutes(end_s) - length
                start = first + 30 * rng.randrange((last - first) // 30 + 1)
                block = (start, start + length)
                if all(block[1] <= a or b <= block[0] for a, b in taken):
                    taken.append(block)
            for start, end in sorted(taken):
                task = "Giao ban đầu tuần" if (day, start) == (WEEK[0], 450) else rng.choice(_TASKS)
                rows.append(
                    {
                        "ho_ten": name,
                        "chuc_vu": role,
                        "ngay": day,
                        "bat_dau": _hhmm(start),
                        "ket_thuc": _hhmm(end),
                        "noi_dung": task,
                        "ghi_chu": NOTE,
                    }
                )
    return tuple(rows)


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if ch.isascii() and ch.isalpha()).lower()


@cache
def citizen_rows() -> tuple[dict, ...]:
    """Twelve invented residents of the commune (villages "Thôn 1" … "Thôn 6") who asked for
    digital help."""
    rng = random.Random(68_2025)
    rows, seen = [], set()
    while len(rows) < 12:
        middles, givens, sex = rng.choice((_MEN, _WOMEN))
        name = f"{rng.choice(_FAMILY)} {rng.choice(middles)} {rng.choice(givens)}"
        if name in seen:
            continue
        seen.add(name)
        year = rng.randrange(1950, 2006)
        # CCCD digit 4: sex and century of birth (0/1: man/woman born 1900–1999; 2/3: 2000–2099).
        gender_century = str(sex + (2 if year >= 2000 else 0))
        rows.append(
            {
                "ho_ten": name,
                "nam_sinh": year,
                "so_dien_thoai": "09" + "".join(rng.choice("0123456789") for _ in range(8)),
                # 000 is no province: the number is CCCD-shaped but cannot be anyone's.
                "so_cccd": "000"
                + gender_century
                + f"{year % 100:02d}"
                + "".join(rng.choice("0123456789") for _ in range(6)),
                "email": f"{_slug(name)}{len(rows) + 1}.gialap@example.com",
                "thon": f"Thôn {rng.randrange(1, 7)}",
                "nhu_cau": rng.choice(_NEEDS),
                "ghi_chu": NOTE,
            }
        )
    return tuple(rows)


def calendar_frame():
    """The busy calendar as read from the CSV, plus tz-aware ``bd``/``kt`` (start/end)."""
    import pandas as pd

    from graders.m05.cong_cu import them_gio

    return them_gio(pd.DataFrame(list(calendar_rows()), columns=list(CALENDAR_COLUMNS)))


def citizens_frame():
    import pandas as pd

    return pd.DataFrame(list(citizen_rows()), columns=list(CITIZEN_COLUMNS))


def _write(path: Path, columns: tuple[str, ...], rows: tuple[dict, ...]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write(folder: Path) -> list[Path]:
    """Write both CSV files (UTF-8, NFC) into ``folder``."""
    folder = Path(folder)
    return [
        _write(folder / CALENDAR_CSV, CALENDAR_COLUMNS, calendar_rows()),
        _write(folder / CITIZENS_CSV, CITIZEN_COLUMNS, citizen_rows()),
    ]
