"""Vietnamese letters, syllables and tone placement (learner helpers of module 08; no I/O).

Two ways of placing the tone mark on the open syllables *oa*, *oe*, *uy* are in use:

* on the first vowel: ``hòa``, ``khỏe``, ``thủy`` — the style of the government unit list
  (and of most administrative documents);
* on the second vowel: ``hoà``, ``khoẻ``, ``thuỷ`` — common in older files, and what the
  ``vietnam-provinces`` package has for ``Phường Phú Thuỷ``.

Which one is called "old" and which "new" differs between sources (Unikey calls ``hoà`` the
new style), so the code and the lesson name them by example, never by age.

``doi_dau`` moves the tone to the style of the government list; it expects NFC text (as typed by
a Unicode precomposed keyboard) and leaves anything else untouched, so the order "NFC first, then
move tones" matters and is taught.
"""

from __future__ import annotations

import re
import unicodedata

# Tone marks as combining characters, in the order the lesson names them.
TONES = {
    "ngang": "",
    "huyền": "\u0300",
    "sắc": "\u0301",
    "hỏi": "\u0309",
    "ngã": "\u0303",
    "nặng": "\u0323",
}
_TONE_MARKS = "".join(TONES.values())
BASE_VOWELS = "aăâeêioôơuưy"


def with_tone(base: str, tone: str) -> str:
    """``with_tone("ư", "nặng") == "ự"`` (NFC)."""
    return unicodedata.normalize("NFC", base + TONES[tone])


def _letters(lower: bool) -> tuple[str, ...]:
    letters = [with_tone(v, t) for v in BASE_VOWELS for t in TONES] + ["đ"]
    return tuple(letters if lower else [ch.upper() for ch in letters])


LOWER_LETTERS = _letters(lower=True)  # 72 vowels with or without tone, and đ
UPPER_LETTERS = _letters(lower=False)
# The 134 precomposed letters beyond ASCII (67 lower-case, 67 capitals).
VIETNAMESE_LETTERS = frozenset(ch for ch in LOWER_LETTERS + UPPER_LETTERS if not ch.isascii())


def tone_of(letter: str) -> str:
    """The tone name of one letter: ``tone_of("ợ") == "nặng"``."""
    marks = [ch for ch in unicodedata.normalize("NFD", letter) if ch in _TONE_MARKS]
    return next((name for name, mark in TONES.items() if mark and mark in marks), "ngang")


def strip_tone(letter: str) -> str:
    """``strip_tone("ợ") == "ơ"``: removes the tone, keeps the other marks (ơ, ư, â, ă, ê, ô)."""
    decomposed = unicodedata.normalize("NFD", letter)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))


# --- tone placement --------------------------------------------------------------------------

_WORD_END = r"(?![^\W\d_])"  # no letter follows: the syllable is open (hoà, not hoàng)
_SECOND = "".join(with_tone(v, t) for v in "aey" for t in TONES if t != "ngang")
_FIRST = "".join(with_tone(v, t) for v in "ou" for t in TONES if t != "ngang")
_SECOND += _SECOND.upper()
_FIRST += _FIRST.upper()
# "qu" is a consonant: "quý" keeps its tone on y in both styles.
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])([oOuU])([{_SECOND}]){_WORD_END}")
_TONE_ON_FIRST = re.compile(rf"(?<![qQ])([{_FIRST}])([aAeEyY]){_WORD_END}")
_PAIRS = {"o": "ae", "u": "y"}


def _move(first: str, second: str) -> tuple[str, str, str] | None:
    """Move the tone from one vowel to the other, if the pair is oa, oe or uy."""
    if strip_tone(second).lower() not in _PAIRS[strip_tone(first).lower()]:
        return None
    tone = TONES[tone_of(first + second)]
    bare_first, bare_second = strip_tone(first), strip_tone(second)
    return bare_first, bare_second, tone


def doi_dau(van_ban: str) -> str:
    """Đặt dấu thanh theo kiểu của danh sách đơn vị hành chính: hoà → hòa, khoẻ → khỏe,
    thuỷ → thủy (quý, hoàng, huỳnh giữ nguyên). Cần văn bản NFC.

    Put tone marks the way the government unit list does (NFC text in, NFC text out)."""

    def repl(match: re.Match) -> str:
        moved = _move(match.group(1), match.group(2))
        if moved is None:
            return match.group(0)
        first, second, tone = moved
        return unicodedata.normalize("NFC", first + tone) + second

    return _TONE_ON_SECOND.sub(repl, van_ban)


def dau_kieu_hoa_cu(van_ban: str) -> str:
    """The reverse of :func:`doi_dau` (hòa → hoà, thủy → thuỷ): how older files were typed.
    Used by the dataset generator to make realistic defects."""

    def repl(match: re.Match) -> str:
        moved = _move(match.group(1), match.group(2))
        if moved is None:
            return match.group(0)
        first, second, tone = moved
        return first + unicodedata.normalize("NFC", second + tone)

    return _TONE_ON_FIRST.sub(repl, van_ban)


# --- syllables -------------------------------------------------------------------------------

_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEI = sorted(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê
    ui uô uơ uy ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu""".split(),
    key=len,
    reverse=True,
)
# Final consonants; k is kept for the Central Highlands names (Đắk, Lắk).
_FINALS = "ch|nh|ng|[cmnptk]"
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:{_FINALS})?$")


def la_am_tiet(tu: str) -> bool:
    """True when ``tu`` spells one Vietnamese syllable (at most one tone, a known vowel group)."""
    decomposed = unicodedata.normalize("NFD", tu.lower())
    if sum(ch in _TONE_MARKS for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.match(bare))
