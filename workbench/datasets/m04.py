"""Module 04 data: a MOCK procedure catalogue and a synthetic dossier log (fixed seed).

The catalogue is illustrative ("minh hoạ, không phải danh mục chính thức"): procedure names follow
common life events, but every fee, time limit, document list, service level and VNeID level here
is made up for teaching. The dossier log is generated with ``random.Random(SEED)`` over the 124
real unit codes of ``workbench.data.units()``; it holds no personal data at all.

Deadlines (``han_xu_ly``) count working days (Monday–Friday; public holidays are ignored, which a
real system would not do). A dossier not yet returned on ``HOM_NAY`` has no ``ngay_tra``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from functools import cache
from pathlib import Path

from workbench.data import units

SEED = 20250701
NOTE = "minh hoạ, không phải danh mục chính thức"
CATALOGUE_CSV = "danh-muc-thu-tuc-minh-hoa.csv"
DOSSIERS_CSV = "ho-so-gia-lap.csv"
CATALOGUE_COLUMNS = (
    "ma_thu_tuc",
    "ten_thu_tuc",
    "su_kien",
    "cap_giai_quyet",
    "muc_do",
    "muc_vneid",
    "thoi_han_ngay",
    "le_phi",
    "giay_to",
    "ghi_chu",
)
DOSSIER_COLUMNS = (
    "ma_ho_so",
    "thu_tuc",
    "ma_don_vi",
    "ten_don_vi",
    "ngay_nop",
    "han_xu_ly",
    "ngay_tra",
    "kenh",
)
DOC_SEPARATOR = "; "
DATE_FORMAT = "%d/%m/%Y"
ONLINE, IN_PERSON = "trực tuyến", "trực tiếp"
FULLY_ONLINE, PARTLY_ONLINE = "toàn trình", "một phần"

# The fixed "today" of the lesson and labs: never the real clock, so answers never change.
HOM_NAY = dt.date(2025, 10, 15)
FIRST_DAY = dt.date(2025, 7, 1)  # the two-level local government starts
LAST_DAY = dt.date(2025, 10, 14)
N_DOSSIERS = 1200

# (code, name, life event, level that decides, service level, VNeID level, working days, fee VND,
#  documents, weight in the log). ILLUSTRATIVE ONLY.
_PROCEDURES = (
    (
        "KS",
        "Đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi (liên thông)",
        "Sinh con",
        "xã",
        FULLY_ONLINE,
        2,
        5,
        0,
        ("Tờ khai liên thông điện tử", "Giấy chứng sinh"),
        14,
    ),
    (
        "KT",
        "Đăng ký khai tử",
        "Người thân qua đời",
        "xã",
        FULLY_ONLINE,
        2,
        2,
        0,
        ("Tờ khai đăng ký khai tử", "Giấy báo tử"),
        4,
    ),
    (
        "KH",
        "Đăng ký kết hôn",
        "Kết hôn",
        "xã",
        PARTLY_ONLINE,
        2,
        5,
        0,
        ("Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"),
        6,
    ),
    (
        "XNHN",
        "Xác nhận tình trạng hôn nhân",
        "Kết hôn",
        "xã",
        FULLY_ONLINE,
        2,
        3,
        0,
        ("Tờ khai cấp giấy xác nhận tình trạng hôn nhân",),
        7,
    ),
    (
        "TLHT",
        "Cấp bản sao trích lục hộ tịch",
        "Giấy tờ hộ tịch",
        "xã",
        FULLY_ONLINE,
        2,
        1,
        8000,
        ("Tờ khai cấp bản sao trích lục hộ tịch",),
        8,
    ),
    (
        "TR",
        "Đăng ký thường trú",
        "Chuyển chỗ ở",
        "xã",
        FULLY_ONLINE,
        2,
        7,
        10000,
        ("Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở hợp pháp"),
        12,
    ),
    (
        "TTR",
        "Đăng ký tạm trú",
        "Chuyển chỗ ở",
        "xã",
        FULLY_ONLINE,
        2,
        3,
        7000,
        ("Tờ khai thay đổi thông tin cư trú", "Giấy tờ chứng minh chỗ ở hợp pháp"),
        9,
    ),
    (
        "LT",
        "Thông báo lưu trú",
        "Chuyển chỗ ở",
        "xã",
        FULLY_ONLINE,
        1,
        1,
        0,
        ("Danh sách người lưu trú",),
        6,
    ),
    (
        "HKD",
        "Đăng ký thành lập hộ kinh doanh",
        "Kinh doanh",
        "xã",
        FULLY_ONLINE,
        2,
        3,
        100000,
        ("Giấy đề nghị đăng ký hộ kinh doanh", "Giấy tờ về địa điểm kinh doanh"),
        8,
    ),
    (
        "HKDTD",
        "Thay đổi nội dung đăng ký hộ kinh doanh",
        "Kinh doanh",
        "xã",
        FULLY_ONLINE,
        2,
        3,
        0,
        ("Thông báo thay đổi nội dung đăng ký hộ kinh doanh",),
        4,
    ),
    (
        "DDBD",
        "Đăng ký biến động đất đai (chuyển nhượng, tặng cho)",
        "Đất đai, nhà ở",
        "tỉnh",
        PARTLY_ONLINE,
        2,
        10,
        50000,
        (
            "Đơn đăng ký biến động đất đai",
            "Hợp đồng chuyển nhượng đã công chứng",
            "Giấy chứng nhận quyền sử dụng đất (bản gốc)",
        ),
        10,
    ),
    (
        "DDCN",
        "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "Đất đai, nhà ở",
        "xã",
        PARTLY_ONLINE,
        2,
        20,
        100000,
        ("Đơn đăng ký, cấp giấy chứng nhận", "Giấy tờ về nguồn gốc sử dụng đất"),
        5,
    ),
    (
        "GPXD",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Đất đai, nhà ở",
        "xã",
        PARTLY_ONLINE,
        2,
        15,
        75000,
        (
            "Đơn đề nghị cấp giấy phép xây dựng",
            "Bản vẽ thiết kế xây dựng",
            "Giấy tờ về quyền sử dụng đất",
        ),
        4,
    ),
    (
        "TCXH",
        "Hưởng trợ cấp xã hội hằng tháng cho người cao tuổi",
        "Người cao tuổi",
        "xã",
        PARTLY_ONLINE,
        2,
        15,
        0,
        ("Tờ khai đề nghị trợ cấp xã hội",),
        3,
    ),
)

# Share of dossiers returned on time, and of online submissions, by service level (made up).
_ON_TIME = 0.86
_STUCK = 0.02  # forgotten dossiers: never returned, whatever the date
_ONLINE_SHARE = {FULLY_ONLINE: 0.72, PARTLY_ONLINE: 0.38}


@cache
def catalogue() -> tuple[dict, ...]:
    """The mock catalogue, one record per procedure; ``giay_to`` is a tuple of documents."""
    keys = CATALOGUE_COLUMNS[:-1]
    rows = []
    for entry in _PROCEDURES:
        row = dict(zip(keys, entry[:9], strict=True))
        row["ghi_chu"] = NOTE
        rows.append(row)
    return tuple(rows)


def procedure(code: str) -> dict | None:
    return next((p for p in catalogue() if p["ma_thu_tuc"] == code), None)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """``days`` working days (Mon–Fri) after ``start``; holidays ignored (mock)."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


@cache
def dossiers() -> tuple[dict, ...]:
    """The synthetic dossier log: dates as ``datetime.date``, ``ngay_tra`` None while pending."""
    rng = random.Random(SEED)
    unit_list = list(units())
    unit_weights = [rng.choice((1, 2, 3, 5, 8)) for _ in unit_list]
    proc_weights = [p[-1] for p in _PROCEDURES]
    span = (LAST_DAY - FIRST_DAY).days
    rows = []
    for _ in range(N_DOSSIERS):
        proc = rng.choices(_PROCEDURES, weights=proc_weights)[0]
        code, level, limit = proc[0], proc[4], proc[6]
        unit = rng.choices(unit_list, weights=unit_weights)[0]
        online = rng.random() < _ONLINE_SHARE[level]
        submitted = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        while not online and submitted.weekday() >= 5:  # offices are closed at weekends
            submitted += dt.timedelta(days=1)
        deadline = add_working_days(submitted, limit)
        if rng.random() < _ON_TIME:
            returned = submitted + dt.timedelta(days=rng.randint(0, (deadline - submitted).days))
        else:
            returned = deadline + dt.timedelta(days=rng.randint(1, 12))
        if returned > HOM_NAY or rng.random() < _STUCK:
            returned = None
        rows.append(
            {
                "thu_tuc": code,
                "ma_don_vi": unit["ma"],
                "ten_don_vi": unit["ten"],
                "ngay_nop": submitted,
                "han_xu_ly": deadline,
                "ngay_tra": returned,
                "kenh": ONLINE if online else IN_PERSON,
            }
        )
    rows.sort(key=lambda r: r["ngay_nop"])  # stable: same-day dossiers keep their draw order
    # Dossier codes count up in order of submission, as a one-stop desk would number them.
    return tuple({"ma_ho_so": f"HS25-{i:05d}", **r} for i, r in enumerate(rows, start=1))


# --- reference answers (plain Python, no pandas): what the checks compare with ---------------


def is_overdue(row: dict, today: dt.date = HOM_NAY) -> bool:
    """Returned after the deadline, or still pending when the deadline has passed ``today``."""
    if row["ngay_tra"] is None:
        return today > row["han_xu_ly"]
    return row["ngay_tra"] > row["han_xu_ly"]


def processing_days(row: dict) -> int | None:
    return None if row["ngay_tra"] is None else (row["ngay_tra"] - row["ngay_nop"]).days


def catalogue_frame():
    """The catalogue as ``pd.read_csv`` gives it: documents joined by ``DOC_SEPARATOR``."""
    import pandas as pd

    rows = [{**r, "giay_to": DOC_SEPARATOR.join(r["giay_to"])} for r in catalogue()]
    return pd.DataFrame(rows, columns=list(CATALOGUE_COLUMNS))


def dossiers_frame():
    """The log as the notebooks load it: the three date columns parsed, NaT while pending."""
    import pandas as pd

    frame = pd.DataFrame(list(dossiers()), columns=list(DOSSIER_COLUMNS))
    for column in ("ngay_nop", "han_xu_ly", "ngay_tra"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


# --- files ------------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str:
    return "" if value is None else value.strftime(DATE_FORMAT)


def write_catalogue(folder: Path) -> Path:
    path = Path(folder) / CATALOGUE_CSV
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CATALOGUE_COLUMNS)
        writer.writeheader()
        for row in catalogue():
            writer.writerow({**row, "giay_to": DOC_SEPARATOR.join(row["giay_to"])})
    return path


def write_dossiers(folder: Path) -> Path:
    path = Path(folder) / DOSSIERS_CSV
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DOSSIER_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in dossiers():
            writer.writerow(
                {
                    **row,
                    "ngay_nop": _date(row["ngay_nop"]),
                    "han_xu_ly": _date(row["han_xu_ly"]),
                    "ngay_tra": _date(row["ngay_tra"]),
                }
            )
    return path


def write(folder: Path) -> list[Path]:
    """Write the mock catalogue and the synthetic dossier log next to the notebooks."""
    return [write_catalogue(folder), write_dossiers(folder)]
