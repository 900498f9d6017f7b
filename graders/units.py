"""Matching a typed unit name against the 124 units, the way a person types it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from workbench.data import units

_PREFIX = re.compile(r"^(xã|phường|đặc khu)\s+", re.IGNORECASE)


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-"})


def _tone_free_placement(word: str) -> str:
    """Move a syllable's tone mark to its end, so "Thuỷ" and "Thủy", "Hoà" and "Hòa" agree."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONES)
    return "".join(ch for ch in decomposed if ch not in _TONES) + tones


def name_key(name: str) -> str:
    """Compare names ignoring case, spacing, dashes, tone placement and the unit-type prefix."""
    text = unicodedata.normalize("NFC", name).strip().casefold().translate(_DASHES)
    text = _PREFIX.sub("", re.sub(r"\s+", " ", text))
    return " ".join(_tone_free_placement(word) for word in text.split(" "))


@cache
def _index() -> dict[str, dict]:
    return {name_key(u["ten"]): u for u in units()}


def find_unit(name: str) -> dict | None:
    return _index().get(name_key(name))


def suggestions(name: str, n: int = 3) -> list[str]:
    keys = difflib.get_close_matches(name_key(name), list(_index()), n=n, cutoff=0.6)
    return [_index()[k]["ten"] for k in keys]
