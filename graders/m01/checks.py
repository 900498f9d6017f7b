"""Pure checks for module 01 (pandas on the unit list). Expected values come from the data.

Messages say what is wrong (a type, a row count, a column) and never print the expected value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd

from workbench.data import units, units_frame

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call


def _count(column: str) -> dict[str, int]:
    return dict(Counter(u[column] for u in units()))


def _codes(rows: list[dict]) -> list[int]:
    return [r["ma"] for r in rows]


def _need_number(value: Any) -> Outcome | None:
    number = _plain_or_none(value)
    if type(number) is not int:
        return wrong(
            f"Kết quả phải là một số nguyên, đang là {type(value).__name__}.",
            f"The result must be a whole number, not {type(value).__name__}.",
        )
    return None


def _need_frame(value: Any, name: str) -> Outcome | None:
    if not isinstance(value, pd.DataFrame):
        return wrong(
            f"{name} phải là một bảng (DataFrame), đang là {type(value).__name__}. "
            "Lọc bảng bằng bang[điều_kiện] sẽ cho ra một bảng.",
            f"{name} must be a DataFrame, not {type(value).__name__}.",
        )
    if "ma" not in value.columns:
        return wrong(
            f"Bảng {name} không còn cột 'ma'. Hãy giữ nguyên các cột khi lọc.",
            f"The table {name} lost its 'ma' column. Keep all columns when filtering.",
        )
    return None


def _same_rows(value: pd.DataFrame, expected: list[dict], what: str) -> Outcome:
    got = sorted(plain(value["ma"].tolist()))
    want = sorted(_codes(expected))
    if len(got) != len(want):
        more = "nhiều" if len(got) > len(want) else "ít"
        return wrong(
            f"Bảng có {len(got)} dòng, {more} hơn số {what} trong dữ liệu. Xem lại điều kiện lọc.",
            f"The table has {len(got)} rows, {'more' if more == 'nhiều' else 'fewer'} than "
            "expected. Check the filter condition.",
        )
    if got != want:
        return wrong(
            f"Số dòng đúng nhưng có dòng không phải {what}. Xem lại điều kiện lọc.",
            "Right number of rows, but some rows do not belong. Check the filter condition.",
        )
    return correct()


# --- lesson -------------------------------------------------------------------------------


def check_row_count(value: Any) -> Outcome:
    problem = _need_number(value)
    if problem:
        return problem
    if plain(value) != len(units()):
        return wrong(
            "Chưa đúng số dòng. Dùng len(bang) để đếm số dòng của bảng.",
            "Wrong row count. Use len(bang) to count the rows.",
        )
    return correct("Đúng: mỗi dòng là một đơn vị hành chính.", "Right: one row per unit.")


def check_wards(value: Any) -> Outcome:
    problem = _need_frame(value, "cac_phuong")
    if problem:
        return problem
    return _same_rows(value, [u for u in units() if u["loai"] == "phường"], "phường")


def _counts_answer(value: Any, column: str, label: str, exact: bool = True) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            f"Kết quả phải là kết quả của value_counts() (hoặc một dict), đang là "
            f"{type(value).__name__}.",
            f"Expected the result of value_counts() (or a dict), not {type(value).__name__}.",
        )
    want = _count(column)
    if set(got) != set(want):
        missing = sorted(set(want) - set(got))
        extra = sorted(map(str, set(got) - set(want)))
        detail = f"thiếu {missing}" if missing else f"thừa {extra}"
        return wrong(
            f"Các nhóm {label} chưa đúng ({detail}). Đếm trên cột '{column}'.",
            f"The groups are wrong ({'missing' if missing else 'extra'}: "
            f"{missing or extra}). Count the '{column}' column.",
        )
    if not all(type(n) is int and n > 0 for n in got.values()):
        return wrong(
            "Mỗi nhóm phải có một số đếm nguyên dương.",
            "Each group needs a positive whole count.",
        )
    if exact and got != want:
        return wrong(
            "Đủ các nhóm nhưng số đếm chưa đúng. Bạn có đếm trên toàn bộ bảng không?",
            "All groups are there but the counts are wrong. Did you count the whole table?",
        )
    return correct()


def check_counts_by_type(value: Any) -> Outcome:
    return _counts_answer(value, "loai", "loại đơn vị")


def _top_codes(value: Any, expected: list[int], order: str) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is int for x in got):
        return wrong(
            "Kết quả phải là một danh sách mã số (dùng .tolist() ở cuối).",
            "The result must be a list of codes (end with .tolist()).",
        )
    if len(got) != len(expected):
        return wrong(
            f"Danh sách có {len(got)} mã; cần {len(expected)}.",
            f"The list has {len(got)} codes; {len(expected)} are needed.",
        )
    if sorted(got) == sorted(expected) and got != expected:
        return wrong(
            f"Đúng các mã nhưng sai thứ tự: cần xếp {order}.",
            "Right codes, wrong order.",
        )
    if got != expected:
        return wrong(
            f"Chưa đúng các mã. Sắp xếp theo cột 'ma' ({order}) rồi lấy các dòng đầu.",
            "Wrong codes. Sort by 'ma' and take the first rows.",
        )
    return correct()


def check_top5_codes(value: Any) -> Outcome:
    expected = sorted(_codes(list(units())), reverse=True)[:5]
    return _top_codes(value, expected, "giảm dần")


def check_da_lat(value: Any) -> Outcome:
    problem = _need_frame(value, "phuong_da_lat")
    if problem:
        return problem
    return _same_rows(
        value, [u for u in units() if "Đà Lạt" in u["ten"]], "đơn vị có “Đà Lạt” trong tên"
    )


# --- lab (public checks: shape and type; exact values are hidden tests) --------------------


def check_commune_count(value: Any) -> Outcome:
    problem = _need_number(value)
    if problem:
        return problem
    if not 0 < plain(value) < len(units()):
        return wrong(
            "Số xã phải lớn hơn 0 và nhỏ hơn tổng số đơn vị.",
            "The number of communes must be above 0 and below the total number of units.",
        )
    return correct()


def check_counts_by_former_province(value: Any) -> Outcome:
    return _counts_answer(value, "tinh_cu", "tỉnh cũ", exact=False)


def check_filter_function(function: Callable) -> Outcome:
    result = _call(function, units_frame(), "đặc khu")
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    problem = _need_frame(result, "kết quả của loc_theo_loai")
    if problem:
        return problem
    return _same_rows(result, [u for u in units() if u["loai"] == "đặc khu"], "đặc khu")


def check_find_code(function: Callable) -> Outcome:
    probe = units()[-1]
    result = _call(function, units_frame(), probe["ten"])
    if result is None:
        return wrong(
            f"tim_ma(bang, “{probe['ten']}”) chưa trả về mã nào, dù tên có trong bảng.",
            f"tim_ma(bang, “{probe['ten']}”) returned nothing although the name is in the table.",
        )
    problem = _need_number(result)
    if problem:
        return problem
    if plain(result) != probe["ma"]:
        return wrong(
            f"tim_ma(bang, “{probe['ten']}”) trả về một mã khác mã của đơn vị này.",
            "tim_ma returned another unit's code.",
        )
    return correct()


def check_smallest_commune_codes(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or len(got) != 5 or not all(type(x) is int for x in got):
        return wrong(
            "Kết quả phải là danh sách 5 mã số (dùng .head(5) rồi .tolist()).",
            "The result must be a list of 5 codes (.head(5) then .tolist()).",
        )
    return correct()
