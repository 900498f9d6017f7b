"""Pure checks for module 04 (online public services, a mock catalogue and a dossier log).

Expected values come from ``workbench.datasets.m04`` (the same generator that writes the files);
messages say what is wrong (a type, a count, a probe that failed) and never print the expected value.
The reference answers below (plain Python, no pandas) are what the hidden tests compare with.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from typing import Any

from workbench.data import units
from workbench.datasets import m04 as data

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from .ho_so import kiem_tra_ho_so

FORMAT_FIELDS = ("ho_ten", "so_cccd", "ngay_sinh", "so_dien_thoai")

# The lesson's sample dossier (Bài 3): three mistakes to fix. The notebook shows it literally;
# tests/test_m04.py holds the two copies to each other.
HO_SO_MAU = {
    "ho_ten": "Trần Văn Thử (giả lập)",
    "so_cccd": "00019000002",  # 11 digits
    "ngay_sinh": "1990-05-20",
    "so_dien_thoai": "0123456780",
    "ma_thu_tuc": "TR",
    "giay_to": ["Tờ khai thay đổi thông tin cư trú"],
}
NGAY_SINH_MAU = "20/05/1990"  # the sample's birth date, written the way the form wants it

# The filled-in mock form of the citizens' lab (Câu 7): exactly one field is wrong. Options A–E
# are the fields in the order of graders.m04.ho_so.TRUONG.
BIEU_MAU_CAU_7 = {
    "ho_ten": "Phạm Văn Mẫu (giả lập)",
    "so_cccd": "000285000314",
    "ngay_sinh": "30/02/1985",
    "so_dien_thoai": "0123456789",
    "ma_thu_tuc": "TTR",
}


# --- reference answers ------------------------------------------------------------------------


def documents(code: str) -> list[str]:
    found = data.procedure(code)
    return list(found["giay_to"]) if found else []


def wrong_format_fields(ho_so: dict) -> list[str]:
    """The fields among name, CCCD, birth date and phone that the validator rejects, in order."""
    errors = kiem_tra_ho_so(ho_so)
    return [field for field in FORMAT_FIELDS if field in errors]


def fully_online_count() -> int:
    return sum(p["muc_do"] == data.FULLY_ONLINE for p in data.catalogue())


def pending() -> list[dict]:
    return [r for r in data.dossiers() if r["ngay_tra"] is None]


def returned() -> list[dict]:
    return [r for r in data.dossiers() if r["ngay_tra"] is not None]


def returned_late_count() -> int:
    return sum(r["ngay_tra"] > r["han_xu_ly"] for r in returned())


def overdue() -> list[dict]:
    return [r for r in data.dossiers() if data.is_overdue(r)]


def overdue_by_commune() -> dict[int, int]:
    return dict(Counter(r["ma_don_vi"] for r in overdue()))


def on_time_rate() -> float:
    rows = returned()
    return sum(r["ngay_tra"] <= r["han_xu_ly"] for r in rows) / len(rows)


def online_share() -> float:
    rows = data.dossiers()
    return sum(r["kenh"] == data.ONLINE for r in rows) / len(rows)


def mean_processing_days(code: str) -> float:
    return statistics.fmean(data.processing_days(r) for r in returned() if r["thu_tuc"] == code)


# --- helpers ----------------------------------------------------------------------------------


def _need_int(value: Any) -> Outcome | None:
    if type(_plain_or_none(value)) is not int:
        return wrong(
            f"Kết quả phải là một số nguyên, đang là {type(value).__name__}.",
            f"The result must be a whole number, not {type(value).__name__}.",
        )
    return None


def _need_number(value: Any) -> Outcome | None:
    if type(_plain_or_none(value)) not in (int, float):
        return wrong(
            f"Kết quả phải là một số, đang là {type(value).__name__}.",
            f"The result must be a number, not {type(value).__name__}.",
        )
    return None


def _need_list_of_text(result: Any, what: str) -> Outcome | None:
    got = _plain_or_none(result)
    if type(got) is not list or not all(type(x) is str for x in got):
        hint = ' Dùng .split("; ") để tách chuỗi thành danh sách.' if type(got) is str else ""
        return wrong(
            f"{what} phải là một danh sách (list) các chuỗi, đang là "
            f"{type(result).__name__}.{hint}",
            f"{what} must be a list of strings, not {type(result).__name__}.",
        )
    return None


# --- lesson -----------------------------------------------------------------------------------


def check_fully_online_count(value: Any) -> Outcome:
    problem = _need_int(value)
    if problem:
        return problem
    if plain(value) == len(data.catalogue()):
        return wrong(
            'Đây là số thủ tục của cả danh mục. Hãy lọc các dòng có muc_do là "toàn trình".',
            'That is the whole catalogue. Filter rows whose muc_do is "toàn trình".',
        )
    if plain(value) != fully_online_count():
        return wrong(
            'Chưa đúng. Lọc cột muc_do bằng == "toàn trình" (chữ thường, có dấu) rồi đếm bằng len.',
            'Not yet. Filter muc_do == "toàn trình" and count with len.',
        )
    return correct(
        "Đúng: các thủ tục này làm trực tuyến từ đầu đến cuối (trong danh mục minh hoạ).",
        "Right: these are fully online (in the mock catalogue).",
    )


def check_birth_documents(value: Any) -> Outcome:
    problem = _need_list_of_text(value, "giay_to_khai_sinh")
    if problem:
        return problem
    got = plain(value)
    if any(got == documents(p["ma_thu_tuc"]) for p in data.catalogue() if p["ma_thu_tuc"] != "KS"):
        return wrong(
            'Đây là giấy tờ của một thủ tục khác. Lọc dòng có ma_thu_tuc là "KS".',
            'These are another procedure\'s documents. Filter ma_thu_tuc == "KS".',
        )
    if got != documents("KS"):
        return wrong(
            'Danh sách chưa đúng. Lấy ô giay_to của dòng "KS" bằng .iloc[0] rồi .split("; ").',
            'Wrong list. Take the giay_to cell of row "KS" with .iloc[0], then .split("; ").',
        )
    return correct(
        "Đúng: chuẩn bị đủ giấy tờ này trước khi nộp (danh mục minh hoạ).",
        "Right: prepare these documents before applying (mock catalogue).",
    )


def check_fixed_dossier(value: Any) -> Outcome:
    if type(value) is not dict:
        return wrong(
            f"ho_so_da_sua phải là một từ điển (dict) như ho_so_mau, đang là {type(value).__name__}.",
            f"ho_so_da_sua must be a dict like ho_so_mau, not {type(value).__name__}.",
        )
    for field in ("ho_ten", "ma_thu_tuc"):
        if value.get(field) != HO_SO_MAU[field]:
            return wrong(
                f"Trường {field} phải giữ nguyên như trong ho_so_mau: chỉ sửa các trường bị báo lỗi.",
                f"Keep {field} as in ho_so_mau: only fix the fields with errors.",
            )
    errors = kiem_tra_ho_so(value)
    if errors:
        fields = ", ".join(errors)
        return wrong(
            f"Hồ sơ vẫn còn lỗi ở: {fields}. Chạy kiem_tra_ho_so(ho_so_da_sua) để đọc từng lỗi.",
            f"Still wrong: {fields}. Run kiem_tra_ho_so(ho_so_da_sua) to read each error.",
        )
    if value.get("ngay_sinh") != NGAY_SINH_MAU:
        return wrong(
            "Ngày sinh đã đúng định dạng nhưng không còn là ngày sinh trong hồ sơ gốc "
            "(20 tháng 5 năm 1990). Chỉ đổi cách viết, không đổi ngày.",
            "The birth date has the right format but is no longer the original date.",
        )
    return correct(
        "Đúng: hồ sơ đã hợp lệ. Người dân không phải đi lại chỉ vì một lỗi gõ.",
        "Right: the dossier now passes every check.",
    )


PHONE_PROBES = (
    ("0123456789", True),
    ("0987000111", True),
    ("012345678", False),
    ("01234567890", False),
    ("1234567890", False),
    ("0123 45678", False),
    ("012345678a", False),
)


def check_phone_function(function: Callable) -> Outcome:
    for text, expected in PHONE_PROBES:
        result = _call(function, text)
        if type(result) is not bool:
            return wrong(
                f'sdt_hop_le("{text}") trả về {type(result).__name__}; hàm phải trả về True hoặc '
                "False (bạn quên `return`?).",
                f'sdt_hop_le("{text}") returned {type(result).__name__}; return True or False.',
            )
        if result is not expected:
            return wrong(
                f'sdt_hop_le("{text}") trả về {result}, chưa đúng. Nhớ đủ ba điều kiện: chỉ có '
                "chữ số, đúng 10 ký tự, bắt đầu bằng 0.",
                f'sdt_hop_le("{text}") returned {result}. Digits only, length 10, starts with 0.',
            )
    return correct()


def check_pending_count(value: Any) -> Outcome:
    problem = _need_int(value)
    if problem:
        return problem
    if plain(value) == len(returned()):
        return wrong(
            "Đây là số hồ sơ ĐÃ trả. Hồ sơ đang xử lý là hồ sơ chưa có ngày trả: dùng .isna().",
            "That counts returned dossiers. Pending ones have no ngay_tra: use .isna().",
        )
    if plain(value) != len(pending()):
        return wrong(
            'Chưa đúng. Đếm các dòng có ô ngay_tra trống: ho_so["ngay_tra"].isna().sum().',
            'Not yet. Count the empty ngay_tra cells: ho_so["ngay_tra"].isna().sum().',
        )
    return correct()


def check_returned_late_count(value: Any) -> Outcome:
    problem = _need_int(value)
    if problem:
        return problem
    if plain(value) == len(overdue()):
        return wrong(
            "Bạn đã đếm cả hồ sơ chưa trả mà quá hạn. Câu này chỉ hỏi hồ sơ ĐÃ TRẢ sau hạn.",
            "You also counted pending overdue dossiers. Only count returned ones.",
        )
    if plain(value) != returned_late_count():
        return wrong(
            "Chưa đúng. So sánh hai cột ngày: ngay_tra > han_xu_ly (lớn hơn là muộn hơn), "
            "rồi đếm các dòng True bằng .sum().",
            "Not yet. Compare ngay_tra > han_xu_ly and count the True rows with .sum().",
        )
    return correct(
        "Đúng. Hồ sơ chưa trả có ngay_tra trống (NaT): phép so sánh cho False, nên không bị đếm.",
        "Right. Pending dossiers have NaT, which compares False, so they are not counted.",
    )


# --- officials' lab (public checks: shape and type, one probe; exact values are hidden) -------


def check_documents_function(function: Callable) -> Outcome:
    result = _call(function, data.catalogue_frame(), "TR")
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    problem = _need_list_of_text(result, 'tra_cuu_giay_to(danh_muc, "TR")')
    if problem:
        return problem
    if plain(result) != documents("TR"):
        return wrong(
            'tra_cuu_giay_to(danh_muc, "TR") chưa cho đúng danh sách giấy tờ của thủ tục TR. '
            "Trong hàm, dùng tham số danh_muc và ma_thu_tuc.",
            'tra_cuu_giay_to(danh_muc, "TR") gives the wrong documents. Use the parameters.',
        )
    return correct()


def check_wrong_fields_function(function: Callable) -> Outcome:
    valid = {
        "ho_ten": "Lê Thị Hợp Lệ (giả lập)",
        "so_cccd": "000301000123",
        "ngay_sinh": "01/01/2001",
        "so_dien_thoai": "0123456701",
    }
    result = _call(function, valid)
    got = _plain_or_none(result)
    if type(got) is not list:
        return wrong(
            f"truong_loi(...) phải trả về một danh sách (list), đang là {type(result).__name__}.",
            f"truong_loi(...) must return a list, not {type(result).__name__}.",
        )
    if got:
        return wrong(
            "Với một hồ sơ mẫu hợp lệ, truong_loi phải trả về danh sách rỗng [].",
            "For a valid sample dossier, truong_loi must return [].",
        )
    bad_phone = {**valid, "so_dien_thoai": "012345670"}
    if _plain_or_none(_call(function, bad_phone)) != ["so_dien_thoai"]:
        return wrong(
            'Với hồ sơ mẫu chỉ sai số điện thoại (9 chữ số), kết quả phải là ["so_dien_thoai"].',
            'For a sample with only a 9-digit phone, the result must be ["so_dien_thoai"].',
        )
    return correct()


def check_mean_days(value: Any) -> Outcome:
    problem = _need_number(value)
    if problem:
        return problem
    if not 0 < plain(value) < 100:
        return wrong(
            "Số ngày trung bình phải lớn hơn 0 và nhỏ hơn 100. Trừ ngay_tra cho ngay_nop, "
            "lấy .dt.days rồi .mean().",
            "The mean must be between 0 and 100 days.",
        )
    return correct()


def check_overdue_total(value: Any) -> Outcome:
    problem = _need_int(value)
    if problem:
        return problem
    if not 0 < plain(value) < len(data.dossiers()):
        return wrong(
            "Số hồ sơ trễ hạn phải lớn hơn 0 và nhỏ hơn tổng số hồ sơ.",
            "The overdue count must be above 0 and below the number of dossiers.",
        )
    return correct()


def check_overdue_by_commune(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            "Kết quả phải là kết quả của value_counts() (hoặc một dict), đang là "
            f"{type(value).__name__}.",
            f"Expected the result of value_counts() (or a dict), not {type(value).__name__}.",
        )
    codes = {u["ma"] for u in units()}
    if not got or not all(type(k) is int and k in codes for k in got):
        return wrong(
            "Các nhóm phải là mã đơn vị (cột ma_don_vi, số nguyên). Đếm trên cột ma_don_vi.",
            "The groups must be unit codes (ma_don_vi). Count the ma_don_vi column.",
        )
    if not all(type(n) is int and n >= 0 for n in got.values()):
        return wrong("Mỗi số đếm phải là số nguyên không âm.", "Each count must be a whole number.")
    return correct()


def _check_rate(value: Any) -> Outcome:
    problem = _need_number(value)
    if problem:
        return problem
    if not 0 <= plain(value) <= 1:
        return wrong(
            "Tỉ lệ phải là một số từ 0 đến 1 (ví dụ 0.75 nghĩa là 75%); đừng nhân với 100.",
            "A rate is a number from 0 to 1; do not multiply by 100.",
        )
    return correct()


def check_on_time_rate(value: Any) -> Outcome:
    return _check_rate(value)


def check_online_share(value: Any) -> Outcome:
    return _check_rate(value)


# --- citizens' lab (public checks: format only, never which option is right) ------------------


def letter(options: str) -> Callable[[Any], Outcome]:
    choices = ", ".join(options[:-1]) + " hoặc " + options[-1]

    def check(value: Any) -> Outcome:
        text = value.strip().upper() if type(value) is str else None
        if text is None or len(text) != 1 or text not in options:
            return wrong(
                f'Hãy gõ một chữ cái {choices}, trong dấu ngoặc kép, ví dụ "{options[0]}".',
                f'Type one letter ({", ".join(options)}) in quotes, e.g. "{options[0]}".',
            )
        return correct()

    return check


def letters(options: str) -> Callable[[Any], Outcome]:
    def check(value: Any) -> Outcome:
        got = _plain_or_none(value)
        ok = (
            type(got) is list
            and got
            and all(type(x) is str and x.strip().upper() in options for x in got)
        )
        if not ok:
            return wrong(
                f"Hãy gõ một danh sách chữ cái trong ngoặc vuông, mỗi chữ trong ngoặc kép, "
                f'chọn trong {", ".join(options)}, ví dụ ["{options[0]}", "{options[1]}"].',
                f'Type a list of letters from {", ".join(options)}, e.g. ["A", "B"].',
            )
        if len({x.strip().upper() for x in got}) != len(got):
            return wrong("Mỗi chữ cái chỉ gõ một lần.", "Type each letter only once.")
        return correct()

    return check


def whole_number(value: Any) -> Outcome:
    if type(value) is not int or value < 0:
        return wrong(
            "Hãy gõ một số nguyên, không có dấu ngoặc kép, ví dụ 7.",
            "Type a whole number without quotes, e.g. 7.",
        )
    return correct()


def normalise_letters(value: Any) -> Any:
    """Learners' letters as hidden tests compare them: stripped, upper case, sorted if a list."""
    got = plain(value)
    if type(got) is str:
        return got.strip().upper()
    if type(got) is list and all(type(x) is str for x in got):
        return sorted(x.strip().upper() for x in got)
    return got
