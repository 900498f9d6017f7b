"""Pure checks for module 07 (personal data): value in, :class:`~graders.feedback.Outcome` out.

Expected values come from the synthetic list in :mod:`workbench.datasets.m07`. Lab checks look at
shape, type and properties (a mask keeps the length, a pseudonym depends on the key); exact values
are the hidden tests' business. Answer keys of graded multiple-choice questions are not here: they
live in the hidden tests of the trainer's notebooks.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Callable
from typing import Any

import pandas as pd

from workbench.datasets import m07 as data

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call

BASIC, SENSITIVE = "cơ bản", "nhạy cảm"
# Lab question 1 classifies these columns of the list.
CLASSIFIED_COLUMNS = (
    "ho_ten",
    "gioi_tinh",
    "ngay_sinh",
    "so_cccd",
    "so_dien_thoai",
    "dia_chi",
    "ma_so_bhxh",
    "benh_nen",
)
# Lab question 3: the table the health station may send for statistics, in this order.
SHARE_COLUMNS = ("ma_luot", "ngay_kham", "nam_sinh", "gioi_tinh", "xa", "benh_nen")
IDENTIFYING = ("ho_ten", "ngay_sinh", "so_cccd", "so_dien_thoai", "dia_chi", "ma_so_bhxh")
HEX = frozenset(string.hexdigits.lower())


def _show(value: Any) -> str:
    return repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."


# --- choices (lesson and citizens' lab) ------------------------------------------------------


def letter(options: str) -> Callable[[Any], Outcome]:
    """A public check for one letter among ``options``: says nothing about which one is right."""
    listed = ", ".join(options[:-1]) + " hoặc " + options[-1]
    listed_en = ", ".join(options[:-1]) + " or " + options[-1]

    def check(value: Any) -> Outcome:
        if type(value) is not str:
            return wrong(
                f'Hãy gõ một chữ cái {listed} trong dấu ngoặc kép, ví dụ "A".',
                f'Type one letter ({listed_en}) in quotes, e.g. "A".',
            )
        if value.strip().upper() in options and value.strip() != value.strip().upper():
            return wrong(
                'Hãy gõ chữ cái IN HOA, ví dụ "A".', 'Type the letter in upper case, e.g. "A".'
            )
        if value.strip() not in options or len(value.strip()) != 1:
            return wrong(f"Hãy gõ một chữ cái {listed}.", f"Type one letter: {listed_en}.")
        return correct("Đã nhận câu trả lời.", "Answer received.")

    return check


def letters(options: str) -> Callable[[Any], Outcome]:
    """A public check for a list of distinct letters among ``options`` (any order)."""

    def check(value: Any) -> Outcome:
        if type(value) is not list:
            return wrong(
                'Hãy gõ một danh sách trong ngoặc vuông, ví dụ ["A", "C"].',
                'Type a list in square brackets, e.g. ["A", "C"].',
            )
        if not value:
            return wrong("Danh sách đang trống.", "The list is empty.")
        if not all(type(x) is str and len(x) == 1 and x in options for x in value):
            return wrong(
                f"Mỗi mục phải là một chữ cái in hoa trong ngoặc kép, từ {options[0]} đến "
                f'{options[-1]}, ví dụ ["A", "C"].',
                f"Each item must be one upper-case letter in quotes, {options[0]} to "
                f"{options[-1]}.",
            )
        if len(set(value)) != len(value):
            return wrong("Có chữ cái bị lặp lại.", "A letter is repeated.")
        return correct("Đã nhận câu trả lời.", "Answer received.")

    return check


def true_or_false(value: Any) -> Outcome:
    if type(value) is not bool:
        return wrong(
            "Hãy gõ True (đúng) hoặc False (sai), viết hoa chữ đầu, không có dấu ngoặc kép.",
            "Type True or False, capitalised, without quotes.",
        )
    return correct("Đã nhận câu trả lời.", "Answer received.")


# --- lesson --------------------------------------------------------------------------------

LESSON_SENSITIVE = frozenset("BDF")  # health, biometrics, location (see the lesson's list A–F)


def check_sensitive_items(value: Any) -> Outcome:
    shape = letters("ABCDEF")(value)
    if not shape.passed:
        return shape
    chosen = set(value)
    if chosen - LESSON_SENSITIVE:
        return wrong(
            "Có mục bạn chọn là dữ liệu cá nhân cơ bản, chưa phải nhạy cảm. Xem lại danh sách "
            "ví dụ ở phần 1 (hoặc thử ô phân loại phía trên).",
            "Some items you chose are basic, not sensitive personal data.",
        )
    if chosen != LESSON_SENSITIVE:
        return wrong(
            f"Các mục bạn chọn đều nhạy cảm, nhưng còn thiếu {len(LESSON_SENSITIVE - chosen)} mục.",
            f"All your items are sensitive, but {len(LESSON_SENSITIVE - chosen)} are missing.",
        )
    return correct(
        "Sức khỏe, sinh trắc học và vị trí là dữ liệu nhạy cảm: lộ ra có thể gây hại lớn.",
        "Health, biometrics and location are sensitive personal data.",
    )


def check_valid_consent(value: Any) -> Outcome:
    shape = letter("ABCD")(value)
    if not shape.passed:
        return shape
    reasons = {
        "A": "Ô đánh dấu sẵn không phải là người dân tự đồng ý.",
        "B": "Im lặng, không phản đối không được coi là đồng ý.",
        "D": "Đồng ý phải cho một mục đích cụ thể, không phải “mọi mục đích”.",
    }
    if value.strip() in reasons:
        return wrong(reasons[value.strip()], "That is not valid consent.")
    return correct(
        "Đồng ý hợp lệ: tự nguyện, biết rõ mục đích, thể hiện bằng một hành động rõ ràng.",
        "Valid consent: voluntary, informed, specific, a clear action.",
    )


def _probe_mask(function: Any, name: str, cases: list[tuple[tuple, str]]) -> Outcome:
    for args, expected in cases:
        got = _call(function, *args)
        shown = ", ".join(repr(a) for a in args)
        if got is None:
            return wrong(
                f"{name}({shown}) chưa trả về gì: bạn quên `return`?",
                f"{name}({shown}) returns nothing: missing `return`?",
            )
        if type(got) is not str:
            return wrong(
                f"{name}({shown}) phải trả về chữ (str), đang là {type(got).__name__}.",
                f"{name}({shown}) must return text (str), not {type(got).__name__}.",
            )
        if len(got) != len(args[0]):
            return wrong(
                f"{name}({shown}) cho {_show(got)}: độ dài phải giữ nguyên ({len(args[0])} ký tự).",
                f"{name}({shown}) gave {_show(got)}: keep the length ({len(args[0])}).",
            )
        if got != expected:
            return wrong(
                f"{name}({shown}) cho {_show(got)}: chỉ giữ lại các số cuối theo yêu cầu, "
                "mọi ký tự phía trước thay bằng dấu *.",
                f"{name}({shown}) gave {_show(got)}: keep only the last digits asked for, "
                "replace every earlier character with *.",
            )
    return correct()


def check_mask_cccd(function: Any) -> Outcome:
    # Two lengths, so that a fixed number of stars does not pass.
    return _probe_mask(
        function,
        "che_cccd",
        [(("068190012345",), "*********345"), (("0912345678",), "*******678")],
    )


def _need_frame(value: Any, name: str) -> Outcome | None:
    if type(value) is not pd.DataFrame:
        return wrong(
            f"{name} phải là một bảng (DataFrame), đang là {type(value).__name__}.",
            f"{name} must be a DataFrame, not {type(value).__name__}.",
        )
    return None


def _texts(value: Any, name: str) -> list | Outcome:
    """A column or list of values, as a plain list (or what is wrong with it)."""
    if type(value) is pd.DataFrame:
        return wrong(
            f"{name} phải là một cột (hoặc danh sách), không phải cả bảng. "
            'Chọn một cột bằng bang["tên cột"].',
            f"{name} must be one column (or a list), not a whole table.",
        )
    if type(value) is pd.Series:
        value = value.tolist()
    got = _plain_or_none(value)
    if type(got) is not list:
        return wrong(
            f"{name} phải là một cột của bảng hoặc một danh sách, đang là {type(value).__name__}.",
            f"{name} must be a column or a list, not {type(value).__name__}.",
        )
    if len(got) != len(data.records()):
        return wrong(
            f"{name} có {len(got)} giá trị; cần đúng một giá trị cho mỗi dòng của bảng.",
            f"{name} has {len(got)} values; one per row of the table is needed.",
        )
    return got


def check_birth_years(value: Any) -> Outcome:
    got = _texts(value, "nam_sinh")
    if isinstance(got, Outcome):
        return got
    want = [r["ngay_sinh"][-4:] for r in data.records()]
    if [str(x) for x in got] != want:
        if any(type(x) is str and "/" in x for x in got):
            return wrong(
                "Vẫn còn ngày và tháng: chỉ giữ 4 ký tự cuối (năm sinh).",
                "Day and month are still there: keep the last 4 characters (the year).",
            )
        return wrong(
            "Chưa đúng năm sinh. Lấy 4 ký tự cuối của cột ngay_sinh.",
            "Wrong years. Take the last 4 characters of the ngay_sinh column.",
        )
    return correct(
        "Năm sinh đủ cho thống kê theo độ tuổi mà khó nhận ra từng người hơn ngày sinh đầy đủ.",
        "The year is enough for age statistics and identifies people less than a full date.",
    )


def _rows_of_one_person(value: Any, cccd: str, name: str, all_columns: bool) -> Outcome:
    problem = _need_frame(value, name)
    if problem:
        return problem
    if "so_cccd" not in value.columns:
        return wrong(
            f"Bảng {name} không còn cột so_cccd. Hãy giữ nguyên các cột khi lọc.",
            f"The table {name} lost its so_cccd column. Keep the columns when filtering.",
        )
    if all_columns and list(value.columns) != list(data.COLUMNS):
        return wrong(
            "Người dân có quyền xem toàn bộ dữ liệu về mình: hãy giữ đủ mọi cột của bảng.",
            "The person may see all data about them: keep every column.",
        )
    numbers = plain(value["so_cccd"].tolist())
    if not numbers:
        return wrong(
            "Bảng đang trống. So sánh cột so_cccd với số CCCD đã cho (là chữ, trong ngoặc kép).",
            "The table is empty. Compare so_cccd with the given number (text, in quotes).",
        )
    if any(n != cccd for n in numbers):
        return wrong(
            "Bảng có dòng của người khác: không được đưa dữ liệu của người khác cho người hỏi.",
            "The table has someone else's rows: never give others' data to the requester.",
        )
    if len(numbers) != len(data.visits_of(cccd)):
        return wrong(
            "Còn thiếu dòng của người này: họ có thể đã khám nhiều lần.",
            "Some of this person's rows are missing: they may have several visits.",
        )
    return correct()


def check_lesson_subject_rows(value: Any) -> Outcome:
    return _rows_of_one_person(value, data.lesson_subject(), "ho_so_nguoi_hoi", False)


# --- lab (public checks: shape, type, properties) ------------------------------------------


def check_classification(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            f'phan_loai phải là một dict dạng {{"tên cột": "{BASIC}", ...}}, đang là '
            f"{type(value).__name__}.",
            f"phan_loai must be a dict, not {type(value).__name__}.",
        )
    missing = [c for c in CLASSIFIED_COLUMNS if c not in got]
    extra = [str(c) for c in got if c not in CLASSIFIED_COLUMNS]
    if missing or extra:
        detail = f"thiếu {missing}" if missing else f"thừa {extra}"
        return wrong(
            f"Các khóa của dict chưa đúng ({detail}). Cần đúng {len(CLASSIFIED_COLUMNS)} cột "
            "đã liệt kê trong đề.",
            f"The keys are wrong ({'missing' if missing else 'extra'}: {missing or extra}).",
        )
    bad = [c for c, label in got.items() if label not in (BASIC, SENSITIVE)]
    if bad:
        return wrong(
            f'Giá trị của {bad} phải là "{BASIC}" hoặc "{SENSITIVE}" (chữ thường, có dấu).',
            f'Values of {bad} must be "{BASIC}" or "{SENSITIVE}".',
        )
    return correct()


def check_mask_function(function: Any) -> Outcome:
    # The two examples of the question; other inputs are the hidden tests' business.
    return _probe_mask(
        function,
        "che_so",
        [(("0912345678", 4), "******5678"), (("068190012345", 3), "*********345")],
    )


def check_share_table(value: Any) -> Outcome:
    problem = _need_frame(value, "bang_chia_se")
    if problem:
        return problem
    columns = [str(c) for c in value.columns]
    leaking = [c for c in IDENTIFYING if c in columns]
    if leaking:
        return wrong(
            f"Bảng còn các cột nhận diện trực tiếp {leaking}: không gửi đi các cột này.",
            f"The table still has identifying columns {leaking}: do not send them.",
        )
    if set(columns) != set(SHARE_COLUMNS):
        missing = [c for c in SHARE_COLUMNS if c not in columns]
        extra = [c for c in columns if c not in SHARE_COLUMNS]
        return wrong(
            f"Các cột chưa đúng (thiếu {missing}, thừa {extra}).",
            f"Wrong columns (missing {missing}, extra {extra}).",
        )
    if columns != list(SHARE_COLUMNS):
        return wrong(
            "Đủ cột nhưng sai thứ tự: xếp các cột đúng như trong đề.",
            "Right columns, wrong order.",
        )
    if len(value) != len(data.records()):
        return wrong(
            f"Bảng có {len(value)} dòng; cần giữ mọi lượt khám (mỗi dòng một lượt).",
            f"The table has {len(value)} rows; keep every visit.",
        )
    return correct()


def _hex(text: Any, length: int) -> bool:
    return type(text) is str and len(text) == length and set(text) <= HEX


def check_pseudonym_function(function: Any) -> Outcome:
    number = "068190012345"
    first = _call(function, number, "khoa-a", 12)
    if first is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    if not _hex(first, 12):
        return wrong(
            f"bi_danh({number!r}, 'khoa-a', 12) cho {_show(first)}: cần đúng 12 ký tự đầu của "
            ".hexdigest() (chữ số 0–9 và chữ a–f).",
            "Expected the first 12 characters of .hexdigest() (0–9, a–f).",
        )
    if first == hashlib.sha256(number.encode()).hexdigest()[:12]:
        return wrong(
            "Đây là mã băm KHÔNG có khóa: ai cũng tính lại được. Hãy dùng hmac.new(khoa, ...).",
            "This is an unkeyed hash anyone can recompute. Use hmac.new(key, ...).",
        )
    if _call(function, number, "khoa-a", 12) != first:
        return wrong(
            "Gọi hai lần cùng số, cùng khóa mà ra hai kết quả khác nhau.",
            "Same number and key gave two different results.",
        )
    if _call(function, number, "khoa-b", 12) == first:
        return wrong(
            "Đổi khóa mà bí danh không đổi: hàm chưa dùng tham số khoa.",
            "Changing the key does not change the pseudonym: use the khoa parameter.",
        )
    if _call(function, "068190012346", "khoa-a", 12) == first:
        return wrong(
            "Hai số CCCD khác nhau cho cùng một bí danh: hàm chưa dùng tham số so_cccd.",
            "Two numbers gave the same pseudonym: use the so_cccd parameter.",
        )
    short = _call(function, number, "khoa-a", 8)
    if not _hex(short, 8):
        return wrong(
            f"bi_danh({number!r}, 'khoa-a', 8) phải cho 8 ký tự: hàm chưa dùng tham số do_dai.",
            "With do_dai=8 the result must have 8 characters.",
        )
    return correct()


def check_pseudonym_column(value: Any) -> Outcome:
    got = _texts(value, "cot_bi_danh")
    if isinstance(got, Outcome):
        return got
    if not all(_hex(x, 10) for x in got):
        return wrong(
            "Mỗi bí danh phải là chuỗi 10 ký tự (0–9, a–f): gọi bi_danh(so, KHOA, 10).",
            "Each pseudonym must be 10 hex characters: call bi_danh(so, KHOA, 10).",
        )
    numbers = [r["so_cccd"] for r in data.records()]
    by_person: dict[str, set[str]] = {}
    for number, pseudonym in zip(numbers, got, strict=True):
        by_person.setdefault(number, set()).add(pseudonym)
    if any(len(p) > 1 for p in by_person.values()):
        return wrong(
            "Cùng một người mà có hai bí danh khác nhau: hãy tính bí danh từ cột so_cccd.",
            "One person got two pseudonyms: compute them from so_cccd.",
        )
    if len(set(got)) != len(by_person):
        return wrong(
            "Hai người khác nhau lại có cùng bí danh: hãy tính bí danh từ cột so_cccd.",
            "Two people share a pseudonym: compute them from so_cccd.",
        )
    return correct()


def check_lab_subject_rows(value: Any) -> Outcome:
    return _rows_of_one_person(value, data.lab_subject(), "ho_so_yeu_cau", True)


def check_consent_counts(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            "Kết quả phải là kết quả của value_counts() (hoặc một dict), đang là "
            f"{type(value).__name__}.",
            f"Expected the result of value_counts() (or a dict), not {type(value).__name__}.",
        )
    if not set(got) <= set(data.CONSENT) or not all(type(n) is int for n in got.values()):
        return wrong(
            f"Các nhóm phải là giá trị của cột dong_y_nhan_tin ({', '.join(data.CONSENT)}) và "
            "mỗi nhóm có một số đếm.",
            "Groups must be values of dong_y_nhan_tin, each with a count.",
        )
    if sum(got.values()) == len(data.records()):
        return wrong(
            "Bạn đang đếm theo lượt khám: một người khám nhiều lần bị đếm nhiều lần. Hãy đếm "
            "mỗi người một lần.",
            "You counted visits: count each person once.",
        )
    if sum(got.values()) != len(data.people()):
        return wrong(
            "Tổng số đếm phải bằng số người trong danh sách (mỗi người một lần).",
            "The counts must add up to the number of people (each once).",
        )
    return correct()
