"""Pure checks for module 06 (passwords, two-factor authentication, scams). Value in, Outcome out.

Expected values come from the module's own code: the strength estimator (``mat_khau``), the keyword
table (``lua_dao``) and the message list (``workbench.datasets.m06``). Messages say what is wrong
and never print the expected value, nor a password the learner typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from workbench.datasets.m06 import GENUINE, LOOKALIKE_PUNYCODE, OFFICIAL_DOMAIN, SCAM, messages

from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from .lua_dao import TU_KHOA, chuan_hoa
from .mat_khau import danh_gia_mat_khau

# --- data the lesson shows (a test holds the notebook to these) ------------------------------

LESSON_CANDIDATES = ("Lamdong@2025", "anhyeuem2024", "15081990", "mua-suong-pho-nui-79")
# Passphrases the lesson shows as examples: an exercise answer must be the learner's own.
LESSON_EXAMPLE_PHRASES = ("ngua-may-bieu-den", "mua-suong-pho-nui-79", "xoai cat hoa loc")
LESSON_LINKS = (
    "https://daquybank.com.vn/the-tin-dung",
    "https://daquybank-xacthuc.top/dang-nhap",
    "https://ebanking.daquybank.com.vn/login",
    "http://daquybank.com.vn.baomat-tk.top/",
    "https://www.daquybank.com.vn/lien-he",
    "https://e-daquybank.com.vn/uu-dai",
    f"https://{LOOKALIKE_PUNYCODE}/xacnhan",
)
LESSON_2FA_ANSWER = "B"
LAB_GOOD_PRACTICES = ("A", "C", "E")  # thuc-hanh.ipynb, Câu 7
LAB_PRACTICE_OPTIONS = "ABCDEF"

# --- reference solutions (hidden tests use them too) -----------------------------------------


def flag_signs(text: str) -> list[str]:
    """The signs of TU_KHOA found in ``text``, in TU_KHOA order."""
    normalised = chuan_hoa(text)
    return [code for code, words in TU_KHOA.items() if any(w in normalised for w in words)]


def host_of(url: str) -> str:
    """The domain name of ``url``: lower case, no ``www.``; works without ``http://``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def is_fake_link(url: str, official: str) -> bool:
    """True unless the link's domain is ``official`` or one of its subdomains."""
    host, official = host_of(url), official.lower()
    return not (host == official or host.endswith("." + official))


def meets_policy(password: str) -> bool:
    """The lab's password policy: ≥ 12 characters, a letter and a digit, meter level ≥ 3."""
    return (
        len(password) >= 12
        and any(ch.isalpha() for ch in password)
        and any(ch.isdigit() for ch in password)
        and danh_gia_mat_khau(password).muc >= 3
    )


def keyword_accuracy(flagger: Callable[[str], Any] = flag_signs) -> float:
    """Share of messages whose label "lừa đảo if any sign is flagged" matches the real label."""
    rows = messages()
    hits = sum((SCAM if flagger(r["noi_dung"]) else GENUINE) == r["nhan"] for r in rows)
    return hits / len(rows)


def scams_by(column: str) -> dict[str, int]:
    return dict(Counter(r[column] for r in messages() if r["nhan"] == SCAM))


def official_links() -> list[str]:
    return [u for u in LESSON_LINKS if not is_fake_link(u, OFFICIAL_DOMAIN)]


def strongest_candidate() -> str:
    return max(LESSON_CANDIDATES, key=lambda p: danh_gia_mat_khau(p).so_lan_doan)


# --- helpers ---------------------------------------------------------------------------------


def _no_return(name: str) -> Outcome:
    return wrong(
        f"Hàm {name} chưa trả về gì: bạn quên `return`?",
        f"The function {name} returns nothing: did you forget `return`?",
    )


def _need_text(value: Any, what: str) -> Outcome | None:
    if type(value) is not str:
        return wrong(
            f"{what} phải là một chuỗi chữ (trong dấu ngoặc kép), đang là {type(value).__name__}.",
            f"{what} must be a string (in quotes), not {type(value).__name__}.",
        )
    return None


def _counts(value: Any, column: str, label: str, exact: bool) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            "Kết quả phải là kết quả của value_counts() (hoặc một dict), đang là "
            f"{type(value).__name__}.",
            f"Expected the result of value_counts() (or a dict), not {type(value).__name__}.",
        )
    want = scams_by(column)
    all_values = {r[column] for r in messages()}
    unknown = sorted(map(str, set(got) - all_values))
    if unknown:
        return wrong(
            f"Có nhóm không phải {label}: {unknown}. Đếm trên cột '{column}'.",
            f"Some groups are not values of '{column}': {unknown}.",
        )
    if not all(type(n) is int and n > 0 for n in got.values()):
        return wrong(
            "Mỗi nhóm phải có một số đếm nguyên dương.", "Each group needs a positive whole count."
        )
    if sum(got.values()) == len(messages()):
        return wrong(
            "Bạn đã đếm cả tin thật. Hãy lọc các tin có nhãn “lừa đảo” trước khi đếm.",
            "You counted genuine messages too. Keep only the scams before counting.",
        )
    if exact and got != want:
        if set(got) != set(want):
            return wrong(
                f"Các nhóm {label} chưa đúng: lọc đúng các tin lừa đảo rồi đếm cột '{column}'.",
                f"The groups are wrong: filter the scams, then count '{column}'.",
            )
        return wrong(
            "Đủ các nhóm nhưng số đếm chưa đúng. Bạn có lọc đúng nhãn “lừa đảo” không?",
            "All groups are there but the counts are wrong. Did you filter the scam label?",
        )
    return correct()


def _letters(value: Any, options: str, many: bool) -> tuple[list[str] | None, Outcome | None]:
    shown = ", ".join(options[:-1]) + " hoặc " + options[-1]
    if many:
        got = _plain_or_none(value)
        if type(got) is not list or not got or not all(type(x) is str for x in got):
            return None, wrong(
                f'Hãy gõ một danh sách chữ cái trong ngoặc vuông, ví dụ ["{options[0]}", '
                f'"{options[1]}"].',
                f'Type a list of letters in square brackets, e.g. ["{options[0]}", "{options[1]}"].',
            )
        letters = [x.strip().upper() for x in got]
        if not all(x in set(options) for x in letters):
            return None, wrong(
                f"Mỗi phần tử phải là một chữ cái {shown}.",
                f"Each item must be one of the letters {', '.join(options)}.",
            )
        if len(set(letters)) != len(letters):
            return None, wrong("Có chữ cái bị lặp lại.", "A letter is repeated.")
        return sorted(letters), None
    if type(value) is not str or value.strip().upper() not in set(options):
        return None, wrong(
            f'Hãy gõ một chữ cái {shown}, trong dấu ngoặc kép, ví dụ "{options[0]}".',
            f'Type one letter ({", ".join(options)}) in quotes, e.g. "{options[0]}".',
        )
    return [value.strip().upper()], None


def check_letter(value: Any, options: str = "ABCD") -> Outcome:
    """Citizens' lab: one letter, format only (the hidden test grades it)."""
    _, problem = _letters(value, options, many=False)
    return problem or correct()


def check_letters(value: Any, options: str) -> Outcome:
    """Citizens' lab: a list of letters, format only."""
    _, problem = _letters(value, options, many=True)
    return problem or correct()


def check_true_false(value: Any) -> Outcome:
    if type(value) is not bool:
        return wrong(
            "Hãy gõ True (đúng) hoặc False (sai), viết hoa chữ đầu, không có dấu ngoặc kép.",
            "Type True or False, capitalised, without quotes.",
        )
    return correct()


# --- lesson ----------------------------------------------------------------------------------


def check_strongest(value: Any) -> Outcome:
    problem = _need_text(value, "manh_nhat")
    if problem:
        return problem
    if value not in LESSON_CANDIDATES:
        return wrong(
            "Hãy chọn đúng một mật khẩu trong danh sách ung_vien (chép y nguyên, kể cả chữ hoa).",
            "Pick one password from the list ung_vien, copied exactly.",
        )
    if value != strongest_candidate():
        level = danh_gia_mat_khau(value)
        return wrong(
            f"Máy đo xếp mật khẩu này mức {level.muc} ({level.ten_muc}). Hãy đo cả bốn mật "
            "khẩu rồi so sánh.",
            f"The meter puts this one at level {level.muc}. Measure all four and compare.",
        )
    return correct(
        "Đúng: cụm từ dài thắng mật khẩu ngắn “đủ chữ hoa, số, ký hiệu”.",
        "Right: a long passphrase beats a short 'complex' password.",
    )


def check_passphrase(value: Any) -> Outcome:
    problem = _need_text(value, "cum_tu_mat_khau")
    if problem:
        return problem
    words = [w for w in re.split(r"[\s\-_.]+", value.strip()) if w]
    if len(words) < 4:
        return wrong(
            f"Cụm của bạn có {len(words)} từ; cần ít nhất 4 từ, cách nhau bằng dấu cách hoặc "
            "dấu gạch (-).",
            f"Your phrase has {len(words)} words; at least 4 are needed.",
        )
    if chuan_hoa(value.strip()) in {chuan_hoa(p) for p in LESSON_EXAMPLE_PHRASES}:
        return wrong(
            "Đây là cụm ví dụ trong bài: kẻ gian cũng đọc được bài này. Hãy tự nghĩ một cụm khác.",
            "That is an example from the lesson. Make up your own.",
        )
    result = danh_gia_mat_khau(value)
    if result.muc < 4:
        why = " ".join(result.ly_do[:2])
        return wrong(
            f"Máy đo mới xếp cụm này mức {result.muc} ({result.ten_muc}). {why} Hãy chọn các "
            "từ ít gặp, không liên quan nhau.",
            f"The meter puts this phrase at level {result.muc}. Use rarer, unrelated words.",
        )
    return correct(
        "Cụm từ đủ mạnh. Đừng dùng chính cụm này làm mật khẩu thật: nó đã nằm trong sổ tay này.",
        "Strong enough. Do not use this exact phrase for real: it is written in this notebook.",
    )


_2FA_WHY_NOT = {
    "A": "Xác thực hai lớp chặn được kẻ gian chỉ biết mật khẩu: còn thiếu mã OTP.",
    "C": "Tin OTP đến khi chính bạn không đăng nhập là dấu hiệu có người đang thử vào tài khoản.",
    "D": "Tắt xác thực hai lớp là bỏ đi đúng lớp đang bảo vệ tài khoản.",
}


def check_2fa(value: Any) -> Outcome:
    letters, problem = _letters(value, "ABCD", many=False)
    if problem:
        return problem
    if letters[0] != LESSON_2FA_ANSWER:
        reason = _2FA_WHY_NOT.get(letters[0], "")
        return wrong(f"Chưa đúng. {reason}", "Not this one. Reread the situation.")
    return correct(
        "Đúng: mật khẩu có thể đã lộ, nhưng mã OTP vẫn ở trong tay chị. Đổi mật khẩu ngay.",
        "Right: the password may have leaked, but the OTP is still hers. Change the password.",
    )


def check_official_links(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            "Kết quả phải là một danh sách các link (chuỗi chữ), chép từ cac_link.",
            "The result must be a list of links (strings) from cac_link.",
        )
    if not set(got) <= set(LESSON_LINKS):
        return wrong(
            "Có link không nằm trong cac_link. Hãy chép y nguyên (hoặc lọc bằng mã).",
            "Some links are not in cac_link. Copy them exactly (or filter with code).",
        )
    want = official_links()
    fakes = [u for u in got if u not in want]
    if fakes:
        return wrong(
            f"Có {len(fakes)} link giả trong danh sách của bạn. Đọc tên miền từ phải sang trái: "
            "nó phải kết thúc đúng bằng daquybank.com.vn, ngay trước đó là dấu chấm hoặc không "
            "có gì.",
            f"{len(fakes)} fake link(s) in your list. Read the domain right to left.",
        )
    if len(set(got)) != len(want):
        return wrong(
            "Còn thiếu link thật. Tên miền con (phần thêm vào bên trái, như www.) vẫn là của ngân "
            "hàng.",
            "A genuine link is missing. Subdomains (like www.) still belong to the bank.",
        )
    return correct()


def check_scams_by_channel(value: Any) -> Outcome:
    return _counts(value, "kenh", "kênh", exact=True)


# --- lab (public checks: shape and basic behaviour; exact values are hidden tests) -----------


def check_flagger(function: Any) -> Outcome:
    probe = "Chúc mừng bạn trúng thưởng! Gửi mã OTP để nhận quà tặng."
    result = _call(function, probe)
    if result is None:
        return _no_return("tim_dau_hieu")
    got = _plain_or_none(result)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            "tim_dau_hieu phải trả về một danh sách mã dấu hiệu (chuỗi chữ).",
            "tim_dau_hieu must return a list of sign codes (strings).",
        )
    if not set(got) <= set(TU_KHOA):
        return wrong(
            "Danh sách có phần tử không phải mã dấu hiệu trong TU_KHOA (như 'yeu_cau_otp').",
            "The list has items that are not sign codes of TU_KHOA.",
        )
    if "yeu_cau_otp" not in got or "qua_hap_dan" not in got:
        return wrong(
            "Một tin có chữ “OTP” và “trúng thưởng” phải cho ra cả 'yeu_cau_otp' và "
            "'qua_hap_dan'. Bạn có chuẩn hóa tin (chuan_hoa) trước khi tìm không?",
            "A message with 'OTP' and 'trúng thưởng' must give both codes. Normalise it first.",
        )
    if _plain_or_none(_call(function, "Mẹ ơi con về muộn.")) != []:
        return wrong(
            "Một tin không có từ khóa nào phải cho ra danh sách rỗng [].",
            "A message with no keyword must give an empty list [].",
        )
    return correct()


def check_domain(function: Any) -> Outcome:
    result = _call(function, f"https://{OFFICIAL_DOMAIN}/the-tin-dung")
    if result is None:
        return _no_return("ten_mien")
    problem = _need_text(result, "Kết quả của ten_mien")
    if problem:
        return problem
    if result != OFFICIAL_DOMAIN:
        return wrong(
            'ten_mien("https://daquybank.com.vn/the-tin-dung") phải cho ra đúng phần tên '
            "miền, không có https:// và không có đường dẫn phía sau.",
            "ten_mien must return only the domain name, without scheme or path.",
        )
    return correct()


def check_fake_link(function: Any) -> Outcome:
    real = _call(function, f"https://{OFFICIAL_DOMAIN}/", OFFICIAL_DOMAIN)
    fake = _call(function, "https://daquybank-xacthuc.top/", OFFICIAL_DOMAIN)
    if real is None or fake is None:
        return _no_return("la_link_gia")
    if type(real) is not bool or type(fake) is not bool:
        return wrong(
            "la_link_gia phải trả về True hoặc False.", "la_link_gia must return True or False."
        )
    if real or not fake:
        return wrong(
            "Link tới đúng daquybank.com.vn phải cho False (không giả); daquybank-xacthuc.top "
            "phải cho True (giả).",
            "The official domain must give False; daquybank-xacthuc.top must give True.",
        )
    return correct()


def check_accuracy(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) not in (int, float) or type(got) is bool:
        return wrong(
            f"do_chinh_xac phải là một số, đang là {type(value).__name__}.",
            f"do_chinh_xac must be a number, not {type(value).__name__}.",
        )
    if not 0 <= got <= 1:
        return wrong(
            "Độ chính xác là một tỉ lệ từ 0 đến 1 (dùng .mean()), không phải số tin hay phần trăm.",
            "Accuracy is a share between 0 and 1 (use .mean()), not a count or a percentage.",
        )
    return correct()


def check_scams_by_type(value: Any) -> Outcome:
    return _counts(value, "loai", "loại lừa đảo", exact=False)


def check_policy(function: Any) -> Outcome:
    weak = _call(function, "123456")
    if weak is None:
        return _no_return("dat_chinh_sach")
    if type(weak) is not bool:
        return wrong(
            "dat_chinh_sach phải trả về True hoặc False.",
            "dat_chinh_sach must return True or False.",
        )
    if weak:
        return wrong(
            'dat_chinh_sach("123456") phải là False: quá ngắn, không có chữ cái.',
            'dat_chinh_sach("123456") must be False.',
        )
    return correct()


def check_practices(value: Any) -> Outcome:
    _, problem = _letters(value, LAB_PRACTICE_OPTIONS, many=True)
    return problem or correct()
