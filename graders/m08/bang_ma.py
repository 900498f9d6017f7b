"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI-Windows, Windows-1258 — decode, encode, detect.

Python ships ``cp1258`` but neither TCVN3 nor VNI, so both tables are here, built from the layout
of the two font families (checked against published converters: see tests/test_m08.py).

* **TCVN3 (ABC, TCVN 5712:1993 VN3)**: one byte per letter, used with the ``.VnTime`` fonts.
  It has every lower-case letter with its tones, but of the capitals only Ă Â Ê Ô Ơ Ư Đ (and the
  ASCII ones): there is **no byte for a capital with a tone** (Á, Ấ, Ủ…). Typists wrote such
  words in the all-capitals font ``.VnTimeH``, which draws the *lower-case* bytes as capitals, so
  the file itself only holds lower-case letters. ``ma_hoa(..., "tcvn3")`` therefore refuses a
  capital with a tone (``chu_hoa_co_dau="loi"``, the default) or, with
  ``chu_hoa_co_dau="chu_thuong"``, writes its lower-case byte as ``.VnTimeH`` would — decoding
  then gives the lower-case letter back (the case is lost, exactly as in real ABC files).
* **VNI-Windows**: a base ASCII letter followed by one accent byte (``a`` + ``ø`` = à), with a few
  one-byte letters (ơ ư đ and the i family, ỵ). Capitals use the capital accent bytes.
* **Windows-1258** (``cp1258``): base letters (with â ă ê ô ơ ư đ) plus a *combining* tone byte,
  so decoding gives decomposed (NFD) text: :func:`giai_ma` always returns NFC.

Bytes outside a table decode as Windows-1252 (Latin-1 where 1252 has a hole), so nothing is lost
silently. :func:`doan_bang_ma` never proposes converting bytes that are valid UTF-8.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .tieng_viet import VIETNAMESE_LETTERS, la_am_tiet, with_tone

BANG_MA = ("utf-8", "cp1258", "tcvn3", "vni")
_TONE_ORDER = ("ngang", "huyền", "hỏi", "ngã", "sắc", "nặng")

# TCVN3: the byte of each lower-case vowel for tones ngang, huyền, hỏi, ngã, sắc, nặng.
_TCVN3_VOWELS = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_OTHERS = {
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}

# VNI-Windows accent bytes (lower-case, capitals) by tone.
_VNI_TONE = {"huyền": (0xF8, 0xD8), "sắc": (0xF9, 0xD9), "hỏi": (0xFB, 0xDB),
             "ngã": (0xF5, 0xD5), "nặng": (0xEF, 0xCF)}  # fmt: skip
_VNI_CIRCUMFLEX = {"ngang": (0xE2, 0xC2), "huyền": (0xE0, 0xC0), "sắc": (0xE1, 0xC1),
                   "hỏi": (0xE5, 0xC5), "ngã": (0xE3, 0xC3), "nặng": (0xE4, 0xC4)}  # fmt: skip
_VNI_BREVE = {"ngang": (0xEA, 0xCA), "huyền": (0xE8, 0xC8), "sắc": (0xE9, 0xC9),
              "hỏi": (0xFA, 0xDA), "ngã": (0xFC, 0xDC), "nặng": (0xEB, 0xCB)}  # fmt: skip
_VNI_I = {"huyền": (0xEC, 0xCC), "sắc": (0xED, 0xCD), "hỏi": (0xE6, 0xC6),
          "ngã": (0xF3, 0xD3), "nặng": (0xF2, 0xD2)}  # fmt: skip
_VNI_SINGLE = {"ơ": (0xF4, 0xD4), "ư": (0xF6, 0xD6), "đ": (0xF1, 0xD1)}
_VNI_Y_NANG = (0xEE, 0xCE)  # ỵ Ỵ are one byte each


def _tcvn3_table() -> dict[str, int]:
    table = dict(_TCVN3_OTHERS)
    for base, codes in _TCVN3_VOWELS.items():
        for tone, code in zip(_TONE_ORDER, codes, strict=True):
            table[with_tone(base, tone)] = code
    return table


def _vni_table() -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    for case in (0, 1):  # 0: lower-case, 1: capitals

        def put(letter: str, *codes: int, case: int = case) -> None:
            table[letter.upper() if case else letter] = bytes(codes)

        ascii_case = str.upper if case else str.lower
        for single, codes in _VNI_SINGLE.items():
            put(single, codes[case])
        for base in "aeouy":
            for tone, codes in _VNI_TONE.items():
                put(with_tone(base, tone), ord(ascii_case(base)), codes[case])
        put(with_tone("y", "nặng"), _VNI_Y_NANG[case])
        for horn in "ơư":
            for tone, codes in _VNI_TONE.items():
                put(with_tone(horn, tone), _VNI_SINGLE[horn][case], codes[case])
        for tone, codes in _VNI_I.items():
            put(with_tone("i", tone), codes[case])
        for hat, base in (("â", "a"), ("ê", "e"), ("ô", "o")):
            for tone, codes in _VNI_CIRCUMFLEX.items():
                put(with_tone(hat, tone), ord(ascii_case(base)), codes[case])
        for tone, codes in _VNI_BREVE.items():
            put(with_tone("ă", tone), ord(ascii_case("a")), codes[case])
    return table


TCVN3 = _tcvn3_table()
VNI = _vni_table()
_TCVN3_DECODE = {code: letter for letter, code in TCVN3.items()}
_VNI_DECODE = {code: letter for letter, code in VNI.items()}


def _leftover(byte: int) -> str:
    """A byte outside the Vietnamese table: what Windows would show (1252), else Latin-1."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _is_toned_capital(ch: str) -> bool:
    return ch in VIETNAMESE_LETTERS and ch.isupper() and ch.lower() in TCVN3 and ch not in TCVN3


def _encode_tcvn3(text: str, chu_hoa_co_dau: str) -> bytes:
    out = bytearray()
    for position, ch in enumerate(text):
        if ch.isascii():
            out.append(ord(ch))
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        elif _is_toned_capital(ch) and chu_hoa_co_dau == "chu_thuong":
            out.append(TCVN3[ch.lower()])  # as typed in the .VnTimeH capitals font
        elif _is_toned_capital(ch):
            raise ValueError(
                f"TCVN3 không có mã cho chữ hoa có dấu {ch!r} (vị trí {position}); dùng "
                'chu_hoa_co_dau="chu_thuong" để ghi như phông .VnTimeH. / TCVN3 has no byte for '
                f"the capital {ch!r}."
            )
        else:
            raise ValueError(f"TCVN3 không ghi được ký tự {ch!r} (vị trí {position}).")
    return bytes(out)


def _encode_vni(text: str) -> bytes:
    out = bytearray()
    for position, ch in enumerate(text):
        if ch.isascii():
            out.append(ord(ch))
        elif ch in VNI:
            out += VNI[ch]
        else:
            raise ValueError(f"VNI không ghi được ký tự {ch!r} (vị trí {position}).")
    return bytes(out)


def _encode_cp1258(text: str) -> bytes:
    """Base letter (â ă ê ô ơ ư đ precomposed) + combining tone byte, as Windows-1258 expects."""
    out = bytearray()
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def _decode_cp1258(data: bytes) -> str:
    """Python's cp1258, with Latin-1 for the five bytes it leaves undefined."""
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return "".join(_byte_cp1258(b) for b in data)


def _byte_cp1258(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1258")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _decode_tcvn3(data: bytes) -> str:
    return "".join(chr(b) if b < 0x80 else _TCVN3_DECODE.get(b) or _leftover(b) for b in data)


def _decode_vni(data: bytes) -> str:
    out, i = [], 0
    while i < len(data):
        pair = data[i : i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        byte = data[i : i + 1]
        out.append(
            _VNI_DECODE.get(byte)
            or (byte.decode("ascii") if byte[0] < 0x80 else _leftover(byte[0]))
        )
        i += 1
    return "".join(out)


def giai_ma(du_lieu: bytes, bang_ma: str) -> str:
    """Giải mã ``du_lieu`` (bytes) theo ``bang_ma``: "utf-8", "cp1258", "tcvn3" hoặc "vni".
    Kết quả luôn là chuỗi Unicode NFC.

    Decode bytes in one of the four encodings; the result is always NFC."""
    if not isinstance(du_lieu, bytes | bytearray):
        raise TypeError(
            "giai_ma cần bytes (đọc tệp bằng Path(...).read_bytes()), không phải "
            f"{type(du_lieu).__name__}: một chuỗi đã là Unicode, đừng giải mã lại."
        )
    name = bang_ma.lower()
    if name in ("utf-8", "utf8"):
        text = bytes(du_lieu).decode("utf-8-sig")
    elif name == "cp1258":
        text = _decode_cp1258(bytes(du_lieu))
    elif name == "tcvn3":
        text = _decode_tcvn3(bytes(du_lieu))
    elif name == "vni":
        text = _decode_vni(bytes(du_lieu))
    else:
        raise ValueError(f"Không biết bảng mã {bang_ma!r}; chọn một trong {BANG_MA}.")
    return unicodedata.normalize("NFC", text)


def ma_hoa(van_ban: str, bang_ma: str, chu_hoa_co_dau: str = "loi") -> bytes:
    """Ghi ``van_ban`` ra bytes theo ``bang_ma`` (để tạo tệp mẫu kiểu cũ). Encode text."""
    name = bang_ma.lower()
    text = unicodedata.normalize("NFC", van_ban)
    if name in ("utf-8", "utf8"):
        return van_ban.encode("utf-8")  # as given: a UTF-8 file may well hold NFD text
    if name == "cp1258":
        return _encode_cp1258(text)
    if name == "tcvn3":
        if chu_hoa_co_dau not in ("loi", "chu_thuong"):
            raise ValueError('chu_hoa_co_dau phải là "loi" hoặc "chu_thuong".')
        return _encode_tcvn3(text, chu_hoa_co_dau)
    if name == "vni":
        return _encode_vni(text)
    raise ValueError(f"Không biết bảng mã {bang_ma!r}; chọn một trong {BANG_MA}.")


# --- detection -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")


def diem_van_ban(van_ban: str) -> float:
    """How Vietnamese a decoded text looks: +1 per word that is a Vietnamese syllable with a
    Vietnamese letter, −1 per word holding a character that is neither ASCII nor a Vietnamese
    letter (¸ µ ø Ð … the marks of a wrong decoding), −0.5 per other word with a Vietnamese letter
    that spells no syllable."""
    score = 0.0
    for word in _WORD.findall(unicodedata.normalize("NFC", van_ban)):
        vietnamese = any(ch in VIETNAMESE_LETTERS for ch in word)
        foreign = any(not ch.isascii() and ch not in VIETNAMESE_LETTERS for ch in word)
        if foreign:
            score -= 1
        elif vietnamese:
            score += 1 if la_am_tiet(word) else -0.5
    # Symbols standing alone between words (¸ µ ¶ …) are not letters: count them too.
    score -= sum(1 for ch in van_ban if not ch.isascii() and not ch.isalpha() and ch != "\ufeff")
    return score


def diem_bang_ma(du_lieu: bytes) -> dict[str, float]:
    """Điểm "giống tiếng Việt" của bản giải mã theo từng bảng mã (cao hơn = đúng hơn).
    UTF-8 không hợp lệ được giải mã với ký tự thay thế (bị trừ điểm)."""
    scores = {}
    for name in BANG_MA:
        if name == "utf-8":
            text = bytes(du_lieu).decode("utf-8", errors="replace")
        else:
            text = giai_ma(du_lieu, name)
        scores[name] = diem_van_ban(text)
    return scores


def doan_bang_ma(du_lieu: bytes) -> str:
    """Đoán bảng mã của ``du_lieu``: "utf-8" nếu là UTF-8 hợp lệ (tệp Unicode: không bao giờ
    chuyển mã lại), nếu không thì bảng mã cho bản giải mã giống tiếng Việt nhất.

    Guess the encoding: valid UTF-8 is always UTF-8; otherwise the best-scoring legacy decoding."""
    try:
        bytes(du_lieu).decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    scores = diem_bang_ma(du_lieu)
    del scores["utf-8"]
    return max(scores, key=lambda name: scores[name])


def doc_van_ban(duong_dan: str | Path, bang_ma: str | None = None) -> str:
    """Đọc một tệp chữ thành chuỗi Unicode NFC; không nêu ``bang_ma`` thì tự đoán.

    Read a text file to NFC Unicode, guessing the encoding when none is given."""
    data = Path(duong_dan).read_bytes()
    return giai_ma(data, bang_ma or doan_bang_ma(data))
