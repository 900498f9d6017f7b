"""Pure checks for module 02 (searching, judging sources, checking claims). Value in, Outcome out.

Expected values come from the page generator (``workbench.datasets.m02``) and the unit list;
messages say what is wrong and never print the expected value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from workbench.datasets import m02 as data

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from .tim_kiem import so_ket_qua, tim_kiem

LETTERS = ("A", "B", "C", "D")
UNIT_KINDS = ("xã", "phường", "đặc khu")

# Lesson, exercise 3: which addresses belong to an official site? (Paths are illustrations.)
LINK_OPTIONS = {
    "A": "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
    "B": "https://dichvucong.gov.vn.ho-tro-truc-tuyen.example/dang-nhap",
    "C": "https://lamdong.gov.vn/thong-bao/lich-tiep-cong-dan",
    "D": "https://lamdong-gov-vn.example/nhan-ho-tro",
    "E": "https://baochinhphu.vn/lam-dong-moi-co-124-don-vi-hanh-chinh-cap-xa",
}


def domain_of(url: str) -> str:
    return re.sub(r"^https?://", "", url).split("/")[0].lower()


def official_links() -> list[str]:
    return sorted(k for k, url in LINK_OPTIONS.items() if data.is_official(domain_of(url)))


def score_page(page: Any) -> int:
    """The lab's checklist: official domain, a verifiable source cited, published in 2025."""
    return (
        int(data.is_official(page["ten_mien"]))
        + int(bool(page["co_dan_nguon"]))
        + int(str(page["ngay"]) >= "2025-01-01")
    )


def _need_text(value: Any, example: str) -> Outcome | None:
    if type(_plain_or_none(value)) is not str:
        return wrong(
            f"Câu trả lời phải là một chuỗi chữ trong dấu ngoặc, ví dụ {example}; đang là "
            f"{type(value).__name__}.",
            f"The answer must be text in quotes, e.g. {example}; it is a {type(value).__name__}.",
        )
    if not plain(value).strip():
        return wrong("Chuỗi đang để trống.", "The text is empty.")
    return None


def _page(url: str) -> dict:
    return next(p for p in data.pages() if p["url"] == url)


def _need_results(query: str) -> Outcome | None:
    if so_ket_qua(query) == 0:
        return wrong(
            "Truy vấn không cho kết quả nào. Bớt từ khóa hoặc bớt điều kiện rồi thử lại; "
            "giai_thich(truy_van) cho biết máy hiểu truy vấn thế nào.",
            "The query finds nothing. Drop a keyword or a condition; giai_thich(query) "
            "explains how it is read.",
        )
    return None


def _need_date(value: Any) -> Outcome | None:
    problem = _need_text(value, '"2025-09-15"')
    if problem:
        return problem
    text = plain(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        dt.date.fromisoformat(text)
    except ValueError:
        return wrong(
            'Ngày phải viết theo dạng năm-tháng-ngày như trong bảng, ví dụ "2025-09-15".',
            'Write the date as year-month-day, as in the table, e.g. "2025-09-15".',
        )
    return None


def _letters(value: Any, allowed: tuple[str, ...]) -> list[str] | Outcome:
    got = _plain_or_none(value)
    shown = ", ".join(allowed)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            f'Câu trả lời phải là một danh sách chữ cái trong ngoặc vuông, ví dụ ["{allowed[0]}"]; '
            f"đang là {type(value).__name__}.",
            f'The answer must be a list of letters in square brackets, e.g. ["{allowed[0]}"].',
        )
    letters = [x.strip().upper() for x in got]
    if not letters:
        return wrong("Danh sách đang trống: chọn ít nhất một chữ cái.", "The list is empty.")
    if not set(letters) <= set(allowed):
        return wrong(
            f"Chỉ dùng các chữ cái {shown}.",
            f"Use only the letters {shown}.",
        )
    if len(set(letters)) != len(letters):
        return wrong("Có chữ cái bị lặp lại.", "A letter is repeated.")
    return letters


# --- lesson -------------------------------------------------------------------------------


def check_units_list_query(value: Any) -> Outcome:
    problem = _need_text(value, "'danh sách xã'") or _need_results(value)
    if problem:
        return problem
    first = tim_kiem(value, so_ket_qua=1).iloc[0]
    target = data.units_list_page()
    if first["url"] != target["url"]:
        return wrong(
            f"Kết quả đầu tiên là “{first['tieu_de']}” ({first['ten_mien']}), chưa phải văn bản "
            "PDF của tỉnh cần tìm. Thêm điều kiện site: hoặc filetype:, hoặc một từ trong tiêu "
            "đề.",
            "The first result is not the province's PDF. Add site: or filetype:, or a title word.",
        )
    return correct(
        "Đúng: văn bản gốc của tỉnh đứng đầu kết quả.", "Right: the province's document is first."
    )


def check_official_warnings_query(value: Any) -> Outcome:
    problem = _need_text(value, "'lừa đảo'") or _need_results(value)
    if problem:
        return problem
    results = tim_kiem(value, so_ket_qua=10_000)
    for row in results.itertuples():
        if not data.is_official(row.ten_mien):
            return wrong(
                f"Có kết quả từ {row.ten_mien}: đó không phải trang chính thức. Giới hạn tên "
                "miền bằng site:.",
                f"A result comes from {row.ten_mien}, not an official site. Use site:.",
            )
    for row in results.itertuples():
        if _page(row.url)["chu_de"] != "cảnh báo lừa đảo":
            return wrong(
                f"Có kết quả không phải cảnh báo lừa đảo: “{row.tieu_de}”. Thêm từ khóa về lừa "
                "đảo.",
                "A result is not a scam warning. Add a keyword about scams.",
            )
    if len(results) < 2:
        return wrong(
            "Chỉ có một kết quả; các trang chính thức có nhiều cảnh báo hơn thế. Bớt một điều "
            "kiện.",
            "Only one result; official sites have more warnings. Drop a condition.",
        )
    return correct()


def check_official_links(value: Any) -> Outcome:
    letters = _letters(value, tuple(LINK_OPTIONS))
    if isinstance(letters, Outcome):
        return letters
    want = set(official_links())
    fakes = set(letters) - want
    if fakes:
        return wrong(
            "Có địa chỉ bạn chọn không thuộc trang chính thức: đọc tên miền (phần giữa “//” và "
            "dấu “/” tiếp theo) từ phải sang trái; tên miền thật phải kết thúc bằng .gov.vn, "
            "chinhphu.vn hoặc baochinhphu.vn.",
            "One of your picks is not official: read the domain from right to left.",
        )
    if set(letters) != want:
        return wrong(
            "Các địa chỉ bạn chọn đều thật, nhưng còn thiếu địa chỉ chính thức khác.",
            "Your picks are official, but one official address is missing.",
        )
    return correct()


def check_doctored_parts(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            'Câu trả lời phải là một danh sách chữ, ví dụ ["đặc khu"]; đang là '
            f"{type(value).__name__}.",
            'The answer must be a list of words, e.g. ["đặc khu"].',
        )
    words = [x.strip().lower() for x in got]
    if not set(words) <= set(UNIT_KINDS):
        return wrong(
            'Chỉ dùng các chữ "xã", "phường", "đặc khu" (chữ thường, có dấu).',
            'Use only "xã", "phường", "đặc khu".',
        )
    want = set(data.doctored_parts())
    if set(words) - want:
        return wrong(
            "Có loại đơn vị bạn chọn mà tin nhắn ghi đúng số lượng. So lại với bảng đếm.",
            "The message gets one of your picks right. Compare with the counts again.",
        )
    if set(words) != want:
        return wrong(
            "Còn một loại đơn vị tin nhắn ghi sai mà bạn chưa chọn.",
            "The message gets another unit type wrong too.",
        )
    return correct("Đúng: con số trong tin nhắn đã bị sửa.", "Right: the numbers were doctored.")


def check_first_seen_flood(value: Any) -> Outcome:
    problem = _need_date(value)
    if problem:
        return problem
    if plain(value).strip() != data.first_seen(data.FLOOD_PHOTO):
        return wrong(
            "Chưa phải ngày sớm nhất. Xem hết các dòng mà tim_anh(...) trả về: ảnh xuất hiện "
            "lần đầu ở dòng có ngày nhỏ nhất.",
            "Not the earliest date. The photo first appears on the row with the smallest date.",
        )
    return correct(
        "Đúng: ảnh đã có từ lâu, bài “hôm nay” dùng lại ảnh cũ.",
        "Right: the photo is old; the “today” post reuses it.",
    )


# --- officials' lab (public checks: shape, type and a few probes; hidden tests do the rest) --


def check_price_query(value: Any) -> Outcome:
    problem = _need_text(value, "'giá cà phê'") or _need_results(value)
    return problem or correct()


def check_official_function(function: Callable) -> Outcome:
    for domain, want in (
        ("lamdong.gov.vn", True),
        ("dichvucong.gov.vn.ho-tro-truc-tuyen.example", False),
    ):
        got = _plain_or_none(_call(function, domain))
        if type(got) is not bool:
            return wrong(
                f"la_chinh_thuc(“{domain}”) phải trả về True hoặc False, đang trả về "
                f"{type(got).__name__ if got is not None else 'None'}. Bạn quên `return`?",
                "la_chinh_thuc must return True or False.",
            )
        if got is not want:
            return wrong(
                f"la_chinh_thuc(“{domain}”) trả về {got}: "
                + (
                    "đây là tên miền của cơ quan nhà nước."
                    if want
                    else "đây là tên miền giả, chỉ chứa “.gov.vn” ở giữa."
                ),
                f"la_chinh_thuc(“{domain}”) returned {got}.",
            )
    return correct()


def check_trusted_list(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            "Kết quả phải là một danh sách tên miền (chuỗi chữ); dùng .tolist() hoặc sorted().",
            "The result must be a list of domain names.",
        )
    if not got:
        return wrong("Danh sách đang trống.", "The list is empty.")
    if len(set(got)) != len(got):
        return wrong("Có tên miền bị lặp: dùng .unique().", "Duplicated domains: use .unique().")
    if got != sorted(got):
        return wrong("Danh sách chưa xếp theo thứ tự chữ cái: dùng sorted().", "Not sorted.")
    if not all("." in x and "/" not in x for x in got):
        return wrong(
            "Mỗi mục phải là một tên miền (ví dụ chinhphu.vn), không phải địa chỉ đầy đủ.",
            "Each item must be a domain name, not a full address.",
        )
    return correct()


def check_claim_function(function: Callable) -> Outcome:
    n = data.unit_counts()
    probes = (
        ((n["xã"], n["phường"], n["đặc khu"]), True, "số liệu đúng như trong bảng"),
        (tuple(data.DOCTORED_COUNTS[k] for k in UNIT_KINDS), False, "số liệu trong tin nhắn"),
    )
    for args, want, what in probes:
        got = _plain_or_none(_call(function, *args))
        if type(got) is not bool:
            return wrong(
                "khop_du_lieu phải trả về True hoặc False. Bạn quên `return`?",
                "khop_du_lieu must return True or False.",
            )
        if got is not want:
            return wrong(
                f"Với {what}, khop_du_lieu trả về {got}. So từng con số với kết quả đếm "
                "value_counts() của cột loai.",
                f"With the {'real' if want else 'doctored'} numbers it returned {got}.",
            )
    return correct()


def check_first_seen_date(value: Any) -> Outcome:
    return _need_date(value) or correct()


def check_score_function(function: Callable) -> Outcome:
    for page in data.pages()[:3] + data.pages()[-3:]:
        got = _plain_or_none(_call(function, dict(page)))
        if type(got) is not int:
            return wrong(
                "cham_diem phải trả về một số nguyên (0, 1, 2 hoặc 3). Bạn quên `return`?",
                "cham_diem must return a whole number from 0 to 3.",
            )
        if not 0 <= got <= 3:
            return wrong(
                f"cham_diem trả về {got}: điểm phải từ 0 đến 3 (mỗi tiêu chí 1 điểm).",
                f"cham_diem returned {got}: the score must be 0 to 3.",
            )
    return correct()


# --- citizens' lab (format only: which option is right is a hidden test) -------------------


def check_letter(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not str or got.strip().upper() not in LETTERS:
        return wrong(
            'Hãy gõ một chữ cái A, B, C hoặc D trong dấu ngoặc kép, ví dụ "A".',
            'Type one letter A, B, C or D in quotes, e.g. "A".',
        )
    return correct()


def check_letters(value: Any) -> Outcome:
    letters = _letters(value, LETTERS)
    return letters if isinstance(letters, Outcome) else correct()


def check_whole_number(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not int:
        return wrong(
            "Hãy gõ một số, không đặt trong dấu ngoặc kép, không có dấu chấm, ví dụ 57.",
            "Type a whole number, without quotes, e.g. 57.",
        )
    if got <= 0:
        return wrong("Số phải lớn hơn 0.", "The number must be above 0.")
    return correct()


def check_true_false(value: Any) -> Outcome:
    if type(_plain_or_none(value)) is not bool:
        return wrong(
            "Hãy gõ True (đúng) hoặc False (sai), viết hoa chữ đầu, không có dấu ngoặc kép.",
            "Type True or False, capitalised, without quotes.",
        )
    return correct()
