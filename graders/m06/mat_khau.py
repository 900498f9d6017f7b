"""A password strength estimator for learners: ``danh_gia_mat_khau("...")``.

Our own, small take on the idea behind zxcvbn: an attacker does not try every string in turn; they
try common passwords, words and names, dates, phone numbers, keyboard walks and sequences first,
and only then brute force. So the password is split, by dynamic programming, into the pieces an
attacker would guess most cheaply, and the guesses multiply. Pure functions: nothing is stored,
logged or printed, and no result ever contains the password or a piece of it.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass

# Most common first; the rank is the number of guesses. Vietnamese favourites included.
COMMON_PASSWORDS = (
    "123456",
    "123456789",
    "anhyeuem",
    "12345678",
    "111111",
    "matkhau",
    "iloveyou",
    "123123",
    "password",
    "000000",
    "1234567890",
    "666666",
    "888888",
    "emyeuanh",
    "yeuem",
    "qwerty",
    "654321",
    "abc123",
    "123321",
    "12345",
    "1234567",
    "987654321",
    "112233",
    "11223344",
    "147258369",
    "5201314",
    "vietnam",
    "admin",
    "admin123",
    "matkhau123",
    "yeuemnhieu",
    "anhyeuemnhieu",
    "saigon",
    "hanoi",
    "dalat",
    "lamdong",
    "baoloc",
    "phanthiet",
    "giadinh",
    "hanhphuc",
    "thienthan",
    "conmeo",
    "zxcvbnm",
    "asdfgh",
    "qwertyuiop",
    "1qaz2wsx",
    "qazwsx",
    "aaaaaa",
    "abcdef",
    "abcd1234",
    "a123456",
    "pass",
    "passw0rd",
    "hello",
    "xinchao",
    "chaoban",
    "love",
    "princess",
    "football",
    "dragon",
    "monkey",
    "sunshine",
    "superman",
    "batman",
)
# The most common Vietnamese family names: a handful cover most people.
SURNAMES = ("nguyen", "tran", "pham", "hoang", "huynh", "phan", "dang", "bui", "duong", "ngo")
SURNAME_GUESSES = 100
# Words and names an attacker's Vietnamese word list tries right after the common passwords.
WORDS = (
    "minh",
    "linh",
    "huong",
    "trang",
    "thao",
    "tuan",
    "hung",
    "dung",
    "hoa",
    "lan",
    "mai",
    "nam",
    "long",
    "hai",
    "hanh",
    "ngoc",
    "phuong",
    "quang",
    "thanh",
    "thu",
    "van",
    "yen",
    "hieu",
    "duc",
    "khanh",
    "tam",
    "tien",
    "trung",
    "quynh",
    "anh",
    "yeu",
    "em",
    "con",
    "cuoi",
    "vui",
    "vuive",
    "tinhyeu",
    "baby",
    "honey",
    "hihi",
    "haha",
    "hehe",
    "sinhnhat",
    "daquybank",
    "bank",
    "nganhang",
    "congan",
    "vneid",
    "zalo",
    "facebook",
    "google",
    "gmail",
    "welcome",
    "master",
    "login",
    "user",
    "test",
)
WORD_GUESSES = 2_000  # the size of a small Vietnamese word and name list
SEPARATORS = " -_."
SEPARATOR_GUESSES = 5
PIECE_FACTOR = 3  # each pattern after the first: the attacker must also guess how pieces join
MAX_ANALYSED = 128  # characters beyond this only add brute force

LEVEL_NAMES = ("rất yếu", "yếu", "trung bình", "khá mạnh", "mạnh")
# A level is reached from this many guesses on (level 0 below the first).
LEVEL_GUESSES = (1e5, 1e8, 1e12, 1e16)
ONLINE_PER_SECOND = 10  # guessing through a login page
OFFLINE_PER_SECOND = 1e10  # a strong computer trying a leaked copy

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "5": "s", "7": "t"})
_ROWS = ("1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./")
_KEY_AT = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
_PHONE = re.compile(r"(?:\+?84|0)[35789]\d{8}")
_ID_CARD = re.compile(r"0\d{11}")
_DATE_SEP = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")

# What each pattern means for the learner: (reason, advice). Never quotes the password.
SIGNS = {
    "pho_bien": (
        "Là hoặc chứa một mật khẩu phổ biến (kiểu “123456”, “matkhau”, “anhyeuem”): kẻ gian thử "
        "những mật khẩu này đầu tiên.",
        "Đừng dùng mật khẩu phổ biến, kể cả khi thêm số hay ký hiệu vào sau.",
    ),
    "tu_thong_dung": (
        "Chứa một từ hoặc tên thông dụng (tên người, địa danh, tên ngân hàng…).",
        "Tránh tên mình, tên người thân, quê quán: người quen và kẻ gian đoán ra dễ dàng.",
    ),
    "ngay_thang": (
        "Chứa ngày tháng hoặc năm (như ngày sinh): chỉ có khoảng 36.500 ngày trong 100 năm.",
        "Đừng dùng ngày sinh, năm sinh, ngày cưới: đó là thông tin nhiều người biết.",
    ),
    "so_dien_thoai": (
        "Giống một số điện thoại: số của bạn thì nhiều người biết.",
        "Đừng dùng số điện thoại của mình hay người thân làm mật khẩu.",
    ),
    "so_giay_to": (
        "Giống một số căn cước (12 chữ số): thông tin này nằm trên nhiều giấy tờ.",
        "Đừng dùng số căn cước, số tài khoản làm mật khẩu.",
    ),
    "day_lien_tiep": (
        "Chứa dãy liên tiếp (kiểu “abcd”, “1234”, “9876”).",
        "Bỏ các dãy liên tiếp: chúng chỉ thêm độ dài, không thêm độ khó.",
    ),
    "lap_lai": (
        "Chứa ký tự hoặc cụm lặp lại (kiểu “aaaa”, “1111”, “abcabc”).",
        "Lặp lại một cụm không làm mật khẩu khó đoán hơn bao nhiêu.",
    ),
    "ban_phim": (
        "Chứa các phím liền nhau trên bàn phím (kiểu “qwerty”, “asdf”, “1qaz”).",
        "Đừng gõ theo hàng phím: kẻ gian có sẵn danh sách các đường phím.",
    ),
    "thay_ky_tu": (
        "Thay chữ bằng số hoặc ký hiệu (kiểu @ cho a, 0 cho o): kẻ gian biết mẹo này.",
        "Thay chữ bằng ký hiệu không giúp nhiều; hãy làm mật khẩu dài hơn.",
    ),
    "chu_hoa_dau": (
        "Chỉ viết hoa chữ đầu hoặc viết hoa cả từ: kẻ gian thử cách này trước.",
        "Viết hoa ở chỗ bất ngờ giúp ít; độ dài giúp nhiều hơn.",
    ),
}


@dataclass(frozen=True)
class KetQuaMatKhau:
    """The verdict on one password. It never contains the password itself."""

    muc: int  # 0 (rất yếu) … 4 (mạnh)
    ten_muc: str
    so_lan_doan: float  # estimated guesses an attacker needs
    thoi_gian_truc_tuyen: str  # at ONLINE_PER_SECOND
    thoi_gian_ngoai_tuyen: str  # at OFFLINE_PER_SECOND
    dau_hieu: tuple[str, ...]  # codes of SIGNS found, plus "ngan", "mot_loai_ky_tu"
    ly_do: tuple[str, ...]
    loi_khuyen: tuple[str, ...]
    do_dai: int

    def _repr_html_(self) -> str:
        return the_ket_qua(self)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    guesses: float
    signs: tuple[str, ...]  # empty: brute force


def _pool(password: str) -> int:
    """How many characters an attacker must try per position, from the classes present."""
    size = 0
    if any("a" <= ch <= "z" for ch in password):
        size += 26
    if any("A" <= ch <= "Z" for ch in password):
        size += 26
    if any(ch.isdigit() for ch in password):
        size += 10
    if any(ch.isascii() and not ch.isalnum() for ch in password):
        size += 33
    if any(not ch.isascii() for ch in password):
        size += 100  # Vietnamese letters with diacritics and other non-ASCII characters
    return max(size, 10)


def _case_factor(piece: str) -> float:
    if piece == piece.lower():
        return 1
    if piece == piece.upper() or (piece[0].isupper() and piece[1:] == piece[1:].lower()):
        return 2
    uppers = sum(ch.isupper() for ch in piece)
    return float(sum(math.comb(len(piece), k) for k in range(1, min(uppers, len(piece)) + 1)))


def _dictionary_matches(password: str) -> list[_Match]:
    ranks = {word: rank for rank, word in enumerate(COMMON_PASSWORDS, start=1)}
    words = {word: float(WORD_GUESSES) for word in WORDS}
    words.update({name: float(SURNAME_GUESSES) for name in SURNAMES})
    found = []
    n = len(password)
    longest = max(map(len, COMMON_PASSWORDS + WORDS + SURNAMES))
    for i in range(n):
        for j in range(i + 3, min(n, i + longest) + 1):
            piece = password[i:j]
            lower = piece.lower()
            candidates = [(lower, 1.0)]
            if any(ch.isalpha() for ch in lower):
                unleet = lower.translate(_LEET)
                for variant in {unleet, unleet.replace("1", "i"), unleet.replace("1", "l")}:
                    if variant != lower:
                        candidates.append(
                            (
                                variant,
                                2.0 ** sum(a != b for a, b in zip(lower, variant, strict=True)),
                            )
                        )
            for text, leet in candidates:
                if text in ranks:
                    base, sign = float(ranks[text]), "pho_bien"
                elif text in words:
                    base, sign = words[text], "tu_thong_dung"
                else:
                    continue
                case = _case_factor(piece)
                signs = (sign,) + (("thay_ky_tu",) if leet > 1 else ())
                signs += ("chu_hoa_dau",) if case == 2 else ()
                found.append(_Match(i, j, max(base * case * leet, 1.0), signs))
    return found


def _sequence_matches(password: str) -> list[_Match]:
    found = []
    lower = password.lower()
    n = len(lower)
    i = 0
    while i < n - 2:
        step = ord(lower[i + 1]) - ord(lower[i])
        same_class = lower[i].isdigit() == lower[i + 1].isdigit()
        if step not in (1, -1) or not same_class or not lower[i].isalnum():
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and ord(lower[j]) - ord(lower[j - 1]) == step
            and lower[j].isalnum()
            and lower[j].isdigit() == lower[i].isdigit()
        ):
            j += 1
        for start in range(i, j - 2):
            for end in range(start + 3, j + 1):
                first = lower[start]
                base = 4 if first in "az019" else (10 if first.isdigit() else 26)
                guesses = base * (end - start) * (1 if step == 1 else 2)
                found.append(_Match(start, end, float(guesses), ("day_lien_tiep",)))
        i = j - 1
    return found


def _repeat_matches(password: str, memo: dict[str, float]) -> list[_Match]:
    found = []
    n = len(password)
    for i in range(n):
        for size in range(1, (n - i) // 2 + 1):
            block = password[i : i + size]
            times = 1
            while password[i + times * size : i + (times + 1) * size] == block:
                times += 1
            if times < 2 or size * times < 3:
                continue
            if block not in memo:
                memo[block] = _pool(block) if size == 1 else _estimate(block, memo)[0]
            block_guesses = memo[block]
            for k in range(2, times + 1):
                if size * k >= 3:
                    found.append(_Match(i, i + size * k, block_guesses * k, ("lap_lai",)))
    return found


def _keyboard_matches(password: str) -> list[_Match]:
    found = []
    lower = password.lower()
    n = len(lower)
    for i in range(n):
        turns, direction, j = 0, None, i + 1
        while j < n and lower[j - 1] in _KEY_AT and lower[j] in _KEY_AT:
            (r1, c1), (r2, c2) = _KEY_AT[lower[j - 1]], _KEY_AT[lower[j]]
            move = (r2 - r1, c2 - c1)
            if move not in ((0, 1), (0, -1), (1, 0), (1, -1), (-1, 0), (-1, 1)):
                break
            if direction is not None and move != direction:
                turns += 1
            direction = move
            j += 1
            if j - i >= 4:
                guesses = len(_KEY_AT) * 4 ** (turns + 1) * (j - i)
                found.append(_Match(i, j, float(guesses), ("ban_phim",)))
    return found


def _valid_date(day: int, month: int, year: int | None = None) -> bool:
    if year is not None and not (1930 <= year <= 2039):
        return False
    return 1 <= day <= 31 and 1 <= month <= 12


def _digit_matches(password: str) -> list[_Match]:
    found = []
    n = len(password)
    for i in range(n):
        for j in range(i + 4, min(n, i + 12) + 1):
            piece = password[i:j]
            if not piece.isdigit() or not piece.isascii():
                continue
            size = len(piece)
            if size == 4 and 1930 <= int(piece) <= 2039:
                found.append(_Match(i, j, 100.0, ("ngay_thang",)))
            elif size == 4 and _valid_date(int(piece[:2]), int(piece[2:])):
                found.append(_Match(i, j, 366.0, ("ngay_thang",)))
            elif size == 6 and (
                _valid_date(int(piece[:2]), int(piece[2:4]))
                or _valid_date(int(piece[4:]), int(piece[2:4]))
            ):
                found.append(_Match(i, j, 36_500.0, ("ngay_thang",)))
            elif size == 8 and (
                _valid_date(int(piece[:2]), int(piece[2:4]), int(piece[4:]))
                or _valid_date(int(piece[6:]), int(piece[4:6]), int(piece[:4]))
            ):
                found.append(_Match(i, j, 36_500.0, ("ngay_thang",)))
    for pattern, sign in ((_PHONE, "so_dien_thoai"), (_ID_CARD, "so_giay_to")):
        for start in range(n):
            match = pattern.match(password, start)
            if match:
                found.append(_Match(match.start(), match.end(), 10_000.0, (sign,)))
    for match in _DATE_SEP.finditer(password):
        year = int(match.group(3))
        year = year if year > 99 else None
        if _valid_date(int(match.group(1)), int(match.group(2)), year):
            found.append(_Match(match.start(), match.end(), 36_500.0, ("ngay_thang",)))
    return found


def _separator_matches(password: str) -> list[_Match]:
    return [
        _Match(i, i + 1, float(SEPARATOR_GUESSES), ())
        for i, ch in enumerate(password)
        if ch in SEPARATORS
    ]


def _estimate(password: str, memo: dict[str, float] | None = None) -> tuple[float, tuple[str, ...]]:
    """Fewest guesses over all ways of cutting the password into patterns and brute force.

    Each pattern after the first costs PIECE_FACTOR. Returns the guesses and the signs on the
    cheapest path; characters beyond MAX_ANALYSED only add brute force. ``memo`` holds the
    estimates of repeated blocks during one call only: nothing outlives the call.
    """
    per_char = math.log10(_pool(password))
    extra = max(len(password) - MAX_ANALYSED, 0) * per_char
    password = password[:MAX_ANALYSED]
    n = len(password)
    if n == 0:
        return 1.0, ()
    by_end: dict[int, list[_Match]] = {}
    for match in (
        _dictionary_matches(password)
        + _sequence_matches(password)
        + _keyboard_matches(password)
        + _digit_matches(password)
        + _separator_matches(password)
        + (_repeat_matches(password, {} if memo is None else memo) if n <= 64 else [])
    ):
        by_end.setdefault(match.end, []).append(match)
    best = [0.0] + [math.inf] * n
    back: list[_Match | None] = [None] * (n + 1)
    for end in range(1, n + 1):
        best[end], back[end] = best[end - 1] + per_char, _Match(end - 1, end, 0, ())
        for match in by_end.get(end, ()):
            cost = best[match.start] + math.log10(match.guesses) + math.log10(PIECE_FACTOR)
            if cost < best[end]:
                best[end], back[end] = cost, match
    signs, end, patterns = [], n, 0
    while end > 0:
        step = back[end]
        if step.guesses:  # a pattern, not one brute-forced character
            patterns += 1
            signs = [s for s in step.signs if s not in signs] + signs
        end = step.start
    log_guesses = best[n] - (math.log10(PIECE_FACTOR) if patterns else 0) + extra
    return 10 ** min(log_guesses, 300), tuple(signs)


def thoi_gian(so_lan_doan: float, moi_giay: float) -> str:
    """How long ``so_lan_doan`` guesses take at ``moi_giay`` guesses per second, in words."""
    seconds = so_lan_doan / moi_giay
    if seconds < 1:
        return "dưới 1 giây"
    units = (
        (60, "giây"),
        (60, "phút"),
        (24, "giờ"),
        (30, "ngày"),
        (12, "tháng"),
        (100, "năm"),
    )
    value = seconds
    for size, name in units:
        if value < size:
            return f"khoảng {max(1, round(value))} {name}"
        value /= size
    return "hơn 100 thế kỷ" if value >= 100 else f"khoảng {round(value)} thế kỷ"


def doc_so(so: float) -> str:
    """A large number in Vietnamese words: 2_500_000 → "2,5 triệu"; 3e20 → "3 × 10^20"."""
    if so < 1_000:
        return str(round(so))
    for size, name in ((1e12, "nghìn tỷ"), (1e9, "tỷ"), (1e6, "triệu"), (1e3, "nghìn")):
        if so >= size:
            value = so / size
            if value >= 1_000:
                exponent = math.floor(math.log10(so))
                return f"{so / 10**exponent:.0f} × 10^{exponent}"
            text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{text} {name}"
    return str(round(so))  # unreachable


LEVEL_COLOURS = ("#b71c1c", "#e65100", "#f9a825", "#7cb342", "#1b5e20")


def the_ket_qua(ket_qua: KetQuaMatKhau) -> str:
    """The verdict as an HTML card: level bar, guesses, times, reasons, advice (no password)."""
    colour = LEVEL_COLOURS[ket_qua.muc]
    cells = "".join(
        f'<span style="display:inline-block;width:48px;height:10px;margin-right:3px;'
        f'background:{LEVEL_COLOURS[ket_qua.muc] if i <= ket_qua.muc else "#e0e0e0"}"></span>'
        for i in range(5)
    )
    reasons = "".join(f"<li>{html.escape(r)}</li>" for r in ket_qua.ly_do)
    advice = "".join(f"<li>{html.escape(a)}</li>" for a in ket_qua.loi_khuyen)
    return (
        '<div class="hocvuso-mat-khau" style="border-left:5px solid '
        f'{colour};padding:6px 10px;background:#fafafa;color:#212121">'
        f"<div>{cells}</div>"
        f'<b style="color:{colour}">Mức {ket_qua.muc}/4: {html.escape(ket_qua.ten_muc)}</b>'
        f" · {ket_qua.do_dai} ký tự<br>"
        f"Số lần đoán ước tính: khoảng {html.escape(doc_so(ket_qua.so_lan_doan))}<br>"
        f"Kẻ gian đoán qua mạng ({ONLINE_PER_SECOND} lần/giây): "
        f"{html.escape(ket_qua.thoi_gian_truc_tuyen)}<br>"
        f"Máy mạnh dò bản sao bị lộ (10 tỷ lần/giây): {html.escape(ket_qua.thoi_gian_ngoai_tuyen)}"
        f'<br><b>Vì sao:</b><ul style="margin:2px 0">{reasons}</ul>'
        f'<b>Lời khuyên:</b><ul style="margin:2px 0">{advice}</ul></div>'
    )


def _level(guesses: float) -> int:
    return sum(guesses >= limit for limit in LEVEL_GUESSES)


def danh_gia_mat_khau(mat_khau: str) -> KetQuaMatKhau:
    """Judge a password: level 0–4, estimated guesses and times, reasons and advice in Vietnamese.

    >>> danh_gia_mat_khau("123456").muc
    0
    """
    if not isinstance(mat_khau, str):
        raise TypeError("Mật khẩu phải là một chuỗi chữ (str).")
    password = unicodedata.normalize("NFC", mat_khau)
    guesses, signs = _estimate(password)
    signs = list(signs)
    reasons = [SIGNS[s][0] for s in signs]
    advice = [SIGNS[s][1] for s in signs]
    length = len(password)
    if length == 0:
        reasons.append("Chưa có mật khẩu.")
    elif length < 8:
        signs.append("ngan")
        reasons.append(f"Quá ngắn: chỉ {length} ký tự.")
    elif length < 12:
        signs.append("ngan")
        reasons.append(f"Hơi ngắn: {length} ký tự.")
    else:
        reasons.append(f"Dài {length} ký tự: tốt.")
    classes = sum(
        (
            any(ch.islower() for ch in password),
            any(ch.isupper() for ch in password),
            any(ch.isdigit() for ch in password),
            any(not ch.isalnum() for ch in password),
        )
    )
    level = _level(guesses)
    if length and classes == 1 and level < 3:
        signs.append("mot_loai_ky_tu")
        reasons.append("Chỉ dùng một loại ký tự (chỉ chữ số, hoặc chỉ chữ thường…).")
    if any(not ch.isascii() for ch in password):
        advice.append("Nhiều hệ thống không nhận chữ có dấu: nên gõ không dấu.")
    if level < 4:
        advice.append(
            "Dùng một cụm từ dài (từ 4 từ trở lên, ghép ngẫu nhiên, không thành câu quen) "
            "và thêm vài chữ số."
        )
    advice.append("Mỗi tài khoản một mật khẩu riêng, và bật xác thực hai lớp.")
    return KetQuaMatKhau(
        muc=level,
        ten_muc=LEVEL_NAMES[level],
        so_lan_doan=guesses,
        thoi_gian_truc_tuyen=thoi_gian(guesses, ONLINE_PER_SECOND),
        thoi_gian_ngoai_tuyen=thoi_gian(guesses, OFFLINE_PER_SECOND),
        dau_hieu=tuple(signs),
        ly_do=tuple(reasons),
        loi_khuyen=tuple(dict.fromkeys(advice)),
        do_dai=length,
    )
