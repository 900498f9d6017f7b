"""Matching a typed unit name against the 124 units, the way a person types it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from workbench.data import units

_PREFIX = re.compile(r"^(xã|phường|đặc khu)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """Compare names ignoring case, spacing, Unicode form and the 'Xã/Phường/Đặc khu' prefix."""
    text = unicodedata.normalize("NFC", name).strip().casefold()
    text = re.sub(r"\s+", " ", text)
    return _PREFIX.sub("", text)


@cache
def _index() -> dict[str, dict]:
    return {name_key(u["ten"]): u for u in units()}


def find_unit(name: str) -> dict | None:
    return _index().get(name_key(name))


def suggestions(name: str, n: int = 3) -> list[str]:
    keys = difflib.get_close_matches(name_key(name), list(_index()), n=n, cutoff=0.6)
    return [_index()[k]["ten"] for k in keys]
