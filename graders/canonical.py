"""Canonical plain values for hidden tests.

Hidden tests never compare a learner's object directly (``assert x == 5`` trusts ``x.__eq__``).
They compare ``plain(x)``: a tree of exact built-in types (int, float, str, bool, None, list,
dict), built by checking *exact* types, so a subclass or an object that claims equality with
anything is refused instead of trusted.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

_SCALARS = (bool, int, float, str, type(None))
# numpy's concrete scalar types, matched exactly (a subclass could override __int__).
_NP_INTS = frozenset(t for t in np.sctypeDict.values() if issubclass(t, np.integer))
_NP_FLOATS = frozenset(t for t in np.sctypeDict.values() if issubclass(t, np.floating))


class NotPlain(TypeError):
    """The answer is of a type a test cannot trust."""


def plain(value: Any) -> Any:
    """Return ``value`` as exact built-in types; raise :class:`NotPlain` otherwise.

    Strings come back NFC-normalised; pandas Series become dicts, DataFrames dicts of
    ``columns`` and ``rows``; tuples become lists; NaN becomes None.
    """
    kind = type(value)
    if kind in _SCALARS:
        if kind is str:
            return unicodedata.normalize("NFC", value)
        if kind is float and math.isnan(value):
            return None
        return value
    if kind is np.bool_:
        return bool(value)
    if kind in _NP_INTS:
        return int(value)
    if kind in _NP_FLOATS:
        return None if np.isnan(value) else float(value)
    if kind in (list, tuple):
        return [plain(item) for item in value]
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if kind is pd.Series:
        return {plain(k): plain(v) for k, v in value.items()}
    if kind is pd.DataFrame:
        return {
            "columns": [plain(c) for c in value.columns],
            "rows": [[plain(v) for v in row] for row in value.itertuples(index=False, name=None)],
        }
    if value is pd.NA or value is pd.NaT:
        return None
    raise NotPlain(
        f"Kiểu {kind.__name__} không được chấm; hãy trả về số, chuỗi, danh sách hoặc bảng."
    )


def plain_or_none(value: Any) -> Any:
    """The canonical value, or None when the answer is of a type no check can trust."""
    try:
        return plain(value)
    except NotPlain:
        return None


def same(value: Any, expected: Any) -> bool:
    """True when ``plain(value)`` equals ``expected`` with identical types all the way down."""
    try:
        got = plain(value)
    except NotPlain:
        return False
    return _typed_equal(got, plain(expected))


def _typed_equal(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        # An int where a float is expected (or back) is the same number to a learner.
        if {type(a), type(b)} <= {int, float}:
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
        return False
    if type(a) is list:
        return len(a) == len(b) and all(_typed_equal(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is dict:
        return a.keys() == b.keys() and all(_typed_equal(a[k], b[k]) for k in a)
    if type(a) is float:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b
