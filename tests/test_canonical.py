"""Hidden tests compare canonical plain values, so spoofed answers earn nothing."""

import numpy as np
import pandas as pd
import pytest

from graders.canonical import NotPlain, plain, same


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


class SneakyInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def test_spoofed_equality_is_refused():
    with pytest.raises(NotPlain):
        plain(AlwaysEqual())
    with pytest.raises(NotPlain):
        plain(SneakyInt(3))
    assert not same(AlwaysEqual(), 103)
    assert not same([AlwaysEqual()], [1])


def test_numpy_and_pandas_become_plain():
    assert type(plain(np.int64(5))) is int
    assert plain(pd.Series({"xã": np.int64(103)})) == {"xã": 103}
    frame = plain(pd.DataFrame({"ma": [1, 2]}))
    assert frame == {"columns": ["ma"], "rows": [[1], [2]]}
    assert plain(float("nan")) is None


def test_strings_are_nfc():
    nfd = "Thu\u0309y"  # "Thủy" decomposed
    assert plain(nfd) == "Thủy"


def test_same_checks_types():
    assert same(np.int64(124), 124)
    assert not same("124", 124)
    assert same(0.1 + 0.2, 0.3)
    assert not same([1, 2], [2, 1])
