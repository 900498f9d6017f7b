"""Pure checks for module 08 (cleaning Vietnamese data). Expected values come from the generator
in :mod:`workbench.datasets.m08` and the helpers in :mod:`graders.m08`, never typed by hand.

Strings are compared *raw* where normalisation is the point (``plain`` would NFC-normalise them
and hide the very mistake a question is about). Messages never print the expected value.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from typing import Any

import pandas as pd

from workbench.datasets import m08 as data

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from .bang_ma import BANG_MA, giai_ma, ma_hoa
from .tieng_viet import doi_dau

# --- inputs the lesson gives (the notebook builds the same values from these functions) ------

LESSON_TYPED_NAME = "Xã Đắk Song"  # typed in NFD by a web form
LESSON_MESSY_NAME = "  Phường   Phú Thuỷ "  # NFD, extra spaces, tone on y
LESSON_CELLS = ("1.234.567,8", "..", "2.500", "-", "0,75")
LESSON_DATES = ("03/04/2025", "15/04/2025", "01/05/2025", "12/03/2025")


def clean_name(name: str) -> str:
    """The reference cleaning: NFC, single spaces, tone placement of the government list."""
    return doi_dau(" ".join(unicodedata.normalize("NFC", name).split()))


def parse_vn_number(cell: str) -> float | None:
    """The reference parser: "1.234.567,8" → 1234567.8; "..", "-" and "" → None."""
    text = cell.strip()
    if text in ("..", "-", ""):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _need_str(value: Any, name: str) -> Outcome | None:
    if type(value) is not str:
        return wrong(
            f"{name} phải là một chuỗi chữ (str), đang là {type(value).__name__}.",
            f"{name} must be a string (str), not {type(value).__name__}.",
        )
    return None


def _need_int(value: Any, name: str) -> Outcome | None:
    if type(_plain_or_none(value)) is not int:
        return wrong(
            f"{name} phải là một số nguyên, đang là {type(value).__name__}.",
            f"{name} must be a whole number, not {type(value).__name__}.",
        )
    return None


def _not_nfc(value: str) -> Outcome | None:
    if not unicodedata.is_normalized("NFC", value):
        return wrong(
            "Chuỗi vẫn ở dạng tổ hợp (NFD): chữ và dấu còn tách rời. Dùng "
            'unicodedata.normalize("NFC", ...).',
            'The string is still decomposed (NFD). Use unicodedata.normalize("NFC", ...).',
        )
    return None


# --- lesson ----------------------------------------------------------------------------------


def check_nfc_name(value: Any) -> Outcome:
    problem = _need_str(value, "ten_nfc") or _not_nfc(value)
    if problem:
        return problem
    if value != unicodedata.normalize("NFC", LESSON_TYPED_NAME):
        return wrong(
            "Chuỗi đã là NFC nhưng không còn là tên ban đầu: chỉ chuẩn hóa, đừng sửa chữ.",
            "The string is NFC but no longer the original name: normalise, do not retype.",
        )
    return correct("Đúng: bây giờ tên so khớp được với danh sách.", "Right: the name now matches.")


def _tone_feedback(got: str, expected: str) -> Outcome:
    if got == expected:
        return correct()
    if " ".join(got.split()) != got:
        return wrong(
            'Còn khoảng trắng thừa (ở đầu, cuối hoặc giữa các từ). Dùng " ".join(ten.split()).',
            'Extra spaces remain. Use " ".join(name.split()).',
        )
    if doi_dau(got) == expected:
        return wrong(
            "Dấu thanh vẫn đặt kiểu “thuỷ, hoà”. Nhớ chuẩn hóa NFC *trước*, rồi mới gọi doi_dau: "
            "doi_dau chỉ nhận ra chữ dựng sẵn.",
            "The tone is still placed the other way. NFC first, then doi_dau.",
        )
    return wrong(
        "Chưa đúng: tên khác với tên đã làm sạch (NFC, một dấu cách, đặt dấu kiểu “thủy, hòa”).",
        "Not the cleaned name (NFC, single spaces, tone placement of the government list).",
    )


def check_clean_name(value: Any) -> Outcome:
    problem = _need_str(value, "ten_sach") or _not_nfc(value)
    if problem:
        return problem
    return _tone_feedback(value, clean_name(LESSON_MESSY_NAME))


def check_vni_text(value: Any) -> Outcome:
    if isinstance(value, bytes | bytearray):
        return wrong(
            "Đây vẫn là bytes: cần giải mã thành chuỗi bằng giai_ma(du_lieu, bang_ma).",
            "This is still bytes: decode it with giai_ma(data, encoding).",
        )
    problem = _need_str(value, "van_ban_vni") or _not_nfc(value)
    if problem:
        return problem
    expected = data.sample_text()
    if value == expected:
        return correct("Đúng: đọc đúng tệp VNI.", "Right: the VNI file reads correctly.")
    data_vni = ma_hoa(expected, "vni")
    others = [giai_ma(data_vni, name) for name in BANG_MA if name not in ("vni", "utf-8")]
    if value in others or value == data_vni.decode("cp1252", errors="replace"):
        return wrong(
            "Chữ còn bị vỡ (kiểu “Teäp maãu”): tệp này không giải mã được bằng bảng mã bạn dùng. "
            'Thử giai_ma(du_lieu, "vni").',
            "The text is garbled: this encoding is not the file's. Try the VNI decoder.",
        )
    return wrong(
        "Chuỗi khác nội dung tệp mau-vni.txt. Đọc tệp bằng Path(...).read_bytes() rồi giải mã.",
        "The string differs from mau-vni.txt. Read the bytes, then decode them.",
    )


def _numbers_answer(value: Any, cells: tuple[str, ...], name: str) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list:
        return wrong(
            f"{name} phải là một danh sách (list), đang là {type(value).__name__}.",
            f"{name} must be a list, not {type(value).__name__}.",
        )
    if len(got) != len(cells):
        return wrong(
            f"Danh sách có {len(got)} phần tử; cần đúng một phần tử cho mỗi ô.",
            f"The list has {len(got)} items; one per cell is needed.",
        )
    for cell, item in zip(cells, got, strict=True):
        want = parse_vn_number(cell)
        if want is None and item is not None:
            return wrong(
                f"Ô “{cell}” là giá trị thiếu: phải thành None (hoặc NaN), không phải số 0 hay "
                "chuỗi.",
                f"The cell “{cell}” is a missing value: it must become None (or NaN).",
            )
        if want is not None and type(item) not in (int, float):
            return wrong(
                f"Ô “{cell}” phải thành một số, đang là {type(item).__name__}.",
                f"The cell “{cell}” must become a number, not {type(item).__name__}.",
            )
        if want is not None and not math.isclose(item, want, rel_tol=1e-9):
            return wrong(
                f"Ô “{cell}” đọc chưa đúng. Ở Việt Nam dấu chấm ngăn hàng nghìn, dấu phẩy là "
                "dấu thập phân: bỏ dấu chấm trước, rồi đổi dấu phẩy thành dấu chấm.",
                f"The cell “{cell}” is misread: drop the dots first, then turn the comma into a "
                "dot.",
            )
    return correct()


def check_number_list(value: Any) -> Outcome:
    return _numbers_answer(value, LESSON_CELLS, "cac_so")


def check_months(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is int for x in got):
        return wrong(
            "cac_thang phải là danh sách các số nguyên (dùng .dt.month.tolist()).",
            "cac_thang must be a list of whole numbers (.dt.month.tolist()).",
        )
    expected = [int(d.split("/")[1]) for d in LESSON_DATES]
    if len(got) != len(expected):
        return wrong(
            f"Danh sách có {len(got)} tháng; cần một tháng cho mỗi ngày trong cac_ngay.",
            f"The list has {len(got)} months; one per date is needed.",
        )
    month_first = [int(d.split("/")[0]) for d in LESSON_DATES]
    if got == month_first:
        return wrong(
            'Bạn đang đọc ngày kiểu Mỹ (tháng trước, ngày sau). Dùng format="%d/%m/%Y".',
            'The dates were read month first. Use format="%d/%m/%Y".',
        )
    if got != expected:
        return wrong(
            'Có tháng chưa đúng. Đọc ngày bằng pd.to_datetime(..., format="%d/%m/%Y").',
            'Some months are wrong. Use pd.to_datetime(..., format="%d/%m/%Y").',
        )
    return correct()


def _match_count(value: Any, file: str, name: str) -> Outcome:
    problem = _need_int(value, name)
    if problem:
        return problem
    rows = data.statistics_rows(file)
    got, want = plain(value), sum(row["ma"] is not None for row in rows)
    if not 0 <= got <= len(rows):
        return wrong(
            f"{name} phải nằm giữa 0 và số dòng của bảng thống kê.",
            f"{name} must lie between 0 and the number of rows of the table.",
        )
    if got < want:
        return wrong(
            "Còn thiếu dòng khớp. Bạn đã làm sạch *cả hai* phía (bảng thống kê và danh sách 124 "
            "đơn vị): NFC, một dấu cách, đặt dấu, chữ thường, bỏ “Xã”, “Phường”, “Đặc khu”?",
            "Some matches are missing. Clean *both* sides the same way (NFC, spaces, tones, lower "
            "case, no prefix).",
        )
    if got > want:
        return wrong(
            "Nhiều hơn số dòng thật sự khớp: có dòng bị đếm hai lần, hoặc bạn so khớp gần đúng "
            "(chứa chữ, đoán tên). Chỉ đếm các dòng trùng khóa chính xác.",
            "More than the rows that really match: exact key matches only, each row once.",
        )
    return correct()


def check_lesson_matches(value: Any) -> Outcome:
    return _match_count(value, data.LESSON_STATS, "so_khop_mau")


# --- lab (public checks: shape, type, a probe; exact values are hidden tests) ----------------


def check_clean_function(function: Callable) -> Outcome:
    for probe in ("  Xã   Hòa Ninh ", unicodedata.normalize("NFD", "Xã Đắk Song")):
        result = _call(function, probe)
        if result is None:
            return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
        problem = _need_str(result, "Kết quả của chuan_hoa_ten") or _not_nfc(result)
        if problem:
            return problem
        if result != clean_name(probe):
            return wrong(
                f"chuan_hoa_ten({probe!r}) chưa cho tên đã làm sạch: cần NFC, một dấu cách giữa "
                "các từ, không thừa khoảng trắng hai đầu, giữ nguyên chữ hoa, chữ thường.",
                f"chuan_hoa_ten({probe!r}) is not the cleaned name (NFC, single spaces, case "
                "kept).",
            )
    return correct()


def check_encodings(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            f"bang_ma_cua_tep phải là một dict {{tên tệp: bảng mã}}, đang là "
            f"{type(value).__name__}.",
            f"bang_ma_cua_tep must be a dict {{file: encoding}}, not {type(value).__name__}.",
        )
    if set(got) != set(data.REPORT_FILES):
        return wrong(
            f"Các khóa phải đúng bốn tên tệp: {', '.join(data.REPORT_FILES)}.",
            f"The keys must be the four file names: {', '.join(data.REPORT_FILES)}.",
        )
    if not all(v in BANG_MA for v in got.values()):
        return wrong(
            f"Mỗi giá trị phải là một trong {', '.join(BANG_MA)} (viết thường).",
            f"Each value must be one of {', '.join(BANG_MA)} (lower case).",
        )
    if len(set(got.values())) != len(BANG_MA):
        return wrong(
            "Bốn tệp được gõ trên bốn máy, mỗi tệp một bảng mã khác nhau.",
            "The four files use four different encodings.",
        )
    return correct()


def check_old_report(value: Any) -> Outcome:
    if not isinstance(value, pd.DataFrame):
        return wrong(
            f"bang_cu phải là một bảng (DataFrame), đang là {type(value).__name__}.",
            f"bang_cu must be a DataFrame, not {type(value).__name__}.",
        )
    missing = [c for c in data.REPORT_COLUMNS if c not in value.columns]
    if missing:
        return wrong(
            f"Bảng thiếu cột {missing}. Đọc tệp CSV với dòng tiêu đề của nó.",
            f"The table lacks the columns {missing}.",
        )
    if len(value) != len(data.report_rows()):
        return wrong(
            f"Bảng có {len(value)} dòng; cần ghép đủ bốn tệp (pd.concat).",
            f"The table has {len(value)} rows; join all four files (pd.concat).",
        )
    return correct()


def check_number_function(function: Callable) -> Outcome:
    for cell in ("1.234.567,8", ".."):
        result = _call(function, cell)
        outcome = _numbers_answer([result], (cell,), "kết quả")
        if not outcome.passed:
            return wrong(
                f"doc_so({cell!r}): {outcome.message.vi}", f"doc_so({cell!r}): {outcome.message.en}"
            )
    return correct()


def _count_in_range(value: Any, name: str, file: str) -> Outcome:
    problem = _need_int(value, name)
    if problem:
        return problem
    if not 0 <= plain(value) <= len(data.statistics_rows(file)):
        return wrong(
            f"{name} phải nằm giữa 0 và số dòng của bảng thong_ke.",
            f"{name} must lie between 0 and the number of rows of thong_ke.",
        )
    return correct()


def check_march_count(value: Any) -> Outcome:
    return _count_in_range(value, "so_bao_cao_thang_3", data.LAB_STATS)


def check_lab_matches(value: Any) -> Outcome:
    return _count_in_range(value, "so_khop", data.LAB_STATS)
