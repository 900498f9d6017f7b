"""Values crossing the sandbox boundary as data, never as objects.

The learner's kernel may be hostile (patched builtins, spoofed ``__eq__``, fake modules). What comes
out of it is a *description* — a Python literal of tagged tuples — that the grader reads with
``ast.literal_eval`` and rebuilds with genuine built-in, numpy and pandas types. Whatever the kernel
claims, the grader only ever compares values it built itself; a value the format cannot describe
becomes an :class:`Opaque` that equals nothing.

Kernel side: :func:`describe`, :func:`serve_names`, :func:`serve_call` (they print one display
message with :data:`MIME`). Grader side: :func:`rebuild`.
"""

from __future__ import annotations

import ast
import base64
import math
import pickle
from typing import Any

MIME = "application/vnd.hocvuso.wire+text"
MAX_CHARS = 2_000_000  # a description: ample for any answer; parsing it stays quick
_MAX_DEPTH = 50


class Opaque:
    """A value the wire cannot carry (a learner class, a module…): equal to nothing."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<giá trị kiểu {self.type_name} không chấm được>"


class WireError(ValueError):
    pass


# --- kernel side ------------------------------------------------------------------------------


def _float(value: float) -> tuple:
    if math.isnan(value) or math.isinf(value):
        return ("f", repr(value))
    return ("f", value)


def describe(value: Any, depth: int = 0) -> tuple:
    """A literal, tagged description of ``value`` (exact types only; subclasses are opaque)."""
    import numpy as np
    import pandas as pd

    if depth > _MAX_DEPTH:
        return ("x", "quá sâu")
    kind = type(value)
    if value is None:
        return ("n",)
    if value is Ellipsis:
        return ("e",)
    if kind is bool:
        return ("b", value)
    if kind is int:
        return ("i", value)
    if kind is float:
        return _float(value)
    if kind is str:
        return ("s", value)
    if kind is list:
        return ("l", [describe(v, depth + 1) for v in value])
    if kind is tuple:
        return ("t", [describe(v, depth + 1) for v in value])
    if kind is dict:
        return ("d", [(describe(k, depth + 1), describe(v, depth + 1)) for k, v in value.items()])
    if kind is set or kind is frozenset:
        return ("set" if kind is set else "fset", [describe(v, depth + 1) for v in value])
    if isinstance(value, np.generic) and kind in set(np.sctypeDict.values()):
        item = value.item()
        return ("np", str(value.dtype), describe(item, depth + 1))
    if kind is pd.Series:
        return (
            "S",
            describe(value.name, depth + 1),
            str(value.dtype),
            describe(list(value.index), depth + 1),
            describe(value.tolist(), depth + 1),
        )
    if kind is pd.DataFrame:
        return (
            "D",
            describe(list(value.columns), depth + 1),
            [str(t) for t in value.dtypes],
            describe(list(value.index), depth + 1),
            [describe(value[c].tolist(), depth + 1) for c in value.columns],
        )
    if value is pd.NA:
        return ("NA",)
    if value is pd.NaT:
        return ("NaT",)
    if kind is pd.Timestamp:
        return ("ts", value.isoformat())
    if callable(value):
        from .feedback import is_stub

        return ("fn", str(getattr(value, "__name__", "?")), bool(is_stub(value)))
    return ("x", kind.__name__)


def _emit(text: str) -> None:
    from IPython.display import display

    display({MIME: text}, raw=True)


def serve_names(namespace: dict, names: list[str]) -> None:
    """Describe the learner's ``names`` (missing ones as ``("missing",)``)."""
    out = {}
    for name in names:
        try:
            out[name] = describe(namespace[name]) if name in namespace else ("missing",)
        except Exception as error:  # a hostile object broke description: it is opaque
            out[name] = ("x", type(error).__name__)
    _emit(repr(out))


def serve_call(namespace: dict, name: str, payload: str) -> None:
    """Call the learner's function ``name`` with pickled trusted arguments; describe the result."""
    args, kwargs = pickle.loads(base64.b64decode(payload))
    function = namespace[name]
    try:
        result = ("ok", describe(function(*args, **kwargs)))
    except BaseException as error:  # noqa: BLE001 - the learner's error is data here
        result = ("raise", type(error).__name__, str(error)[:500])
    _emit(repr(result))


def call_payload(args: tuple, kwargs: dict) -> str:
    return base64.b64encode(pickle.dumps((args, kwargs))).decode("ascii")


# --- grader side ------------------------------------------------------------------------------


def read(text: str) -> Any:
    if type(text) is not str or len(text) > MAX_CHARS:
        raise WireError("mô tả giá trị quá lớn hoặc sai dạng")
    try:
        return ast.literal_eval(text)
    except Exception as error:  # noqa: BLE001 - whatever the text is, it is not a description
        raise WireError("mô tả giá trị sai dạng") from error


def rebuild(desc: Any, depth: int = 0) -> Any:
    """Genuine objects from a description; anything malformed becomes :class:`Opaque`."""
    import numpy as np
    import pandas as pd

    if depth > _MAX_DEPTH or type(desc) is not tuple or not desc or type(desc[0]) is not str:
        return Opaque("?")
    tag, rest = desc[0], desc[1:]
    try:
        if tag == "n":
            return None
        if tag == "e":
            return Ellipsis
        if tag in ("b", "i", "s") and len(rest) == 1:
            expected = {"b": bool, "i": int, "s": str}[tag]
            return rest[0] if type(rest[0]) is expected else Opaque(tag)
        if tag == "f":
            value = rest[0]
            return float(value) if type(value) in (float, str) else Opaque("float")
        if tag in ("l", "t", "set", "fset"):
            items = [rebuild(v, depth + 1) for v in rest[0]]
            return {"l": list, "t": tuple, "set": set, "fset": frozenset}[tag](items)
        if tag == "d":
            return {rebuild(k, depth + 1): rebuild(v, depth + 1) for k, v in rest[0]}
        if tag == "np":
            return np.dtype(rest[0]).type(rebuild(rest[1], depth + 1))
        if tag == "S":
            name, dtype, index, values = rest
            return pd.Series(
                rebuild(values, depth + 1),
                index=rebuild(index, depth + 1),
                name=rebuild(name, depth + 1),
                dtype=_dtype(dtype),
            )
        if tag == "D":
            columns, dtypes, index, data = rest
            cols = rebuild(columns, depth + 1)
            frame = pd.DataFrame(
                {i: rebuild(c, depth + 1) for i, c in enumerate(data)},
                index=rebuild(index, depth + 1),
            )
            frame.columns = cols
            for i, dtype in enumerate(dtypes):
                target = _dtype(dtype)
                if target is not None and str(frame.iloc[:, i].dtype) != dtype:
                    frame.isetitem(i, frame.iloc[:, i].astype(target))
            return frame
        if tag == "NA":
            return pd.NA
        if tag == "NaT":
            return pd.NaT
        if tag == "ts":
            return pd.Timestamp(rest[0])
        if tag == "x":
            return Opaque(str(rest[0]))
    except Exception:  # malformed description: nothing to trust
        return Opaque(tag)
    return Opaque(tag)


def _dtype(name: str):
    try:
        import pandas as pd

        return pd.api.types.pandas_dtype(name)
    except Exception:
        return None
