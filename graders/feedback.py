"""The learner feedback API: ``q1.check()``, ``q1.hint()``, ``q1.solution()``.

A :class:`Question` binds a learner variable (read from the notebook's namespace) to a pure check
function ``check(value) -> Outcome``. There are three outcomes, never two:

* ``DUNG`` (correct),
* ``CHUA_DUNG`` (incorrect: says what is wrong, never the answer),
* ``CHUA_LAM`` (not attempted: the stub ``...`` is untouched — a nudge, not a traceback).

Vietnamese first; English with ``graders.set_language("en")`` or ``HOCVUSO_LANG=en``.
Nothing here does I/O at import time.
"""

from __future__ import annotations

import dis
import html
import os
import types
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

DUNG = "dung"
CHUA_DUNG = "chua_dung"
CHUA_LAM = "chua_lam"

_language = None  # None: read HOCVUSO_LANG lazily, so importing does no I/O


def set_language(code: str) -> None:
    """Choose the feedback language: ``"vi"`` (default) or ``"en"``."""
    global _language
    if code not in ("vi", "en"):
        raise ValueError('Ngôn ngữ phải là "vi" hoặc "en" / language must be "vi" or "en"')
    _language = code


def language() -> str:
    if _language is not None:
        return _language
    return "en" if os.environ.get("HOCVUSO_LANG", "").lower().startswith("en") else "vi"


@dataclass(frozen=True)
class Msg:
    """A learner-facing text in Vietnamese and English."""

    vi: str
    en: str

    def __post_init__(self) -> None:
        # Learner-facing text is stored NFC, whatever the editor that typed it produced.
        object.__setattr__(self, "vi", unicodedata.normalize("NFC", self.vi))

    def text(self, lang: str | None = None) -> str:
        return self.en if (lang or language()) == "en" else self.vi

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Outcome:
    status: str
    message: Msg

    @property
    def passed(self) -> bool:
        return self.status == DUNG


def correct(vi: str = "", en: str = "") -> Outcome:
    return Outcome(DUNG, Msg(vi, en))


def wrong(vi: str, en: str) -> Outcome:
    return Outcome(CHUA_DUNG, Msg(vi, en))


def not_attempted(vi: str = "", en: str = "") -> Outcome:
    return Outcome(
        CHUA_LAM,
        Msg(
            vi or "Bạn chưa làm câu này: hãy thay dấu `...` bằng câu trả lời rồi chạy lại ô.",
            en or "Not attempted yet: replace the `...` with your answer and run the cell again.",
        ),
    )


def _does_nothing(code: types.CodeType) -> bool:
    """True when the bytecode only returns None (``...``, ``pass``, docstrings, comments)."""
    ops = [
        (i.opname, i.argval)
        for i in dis.get_instructions(code)
        if i.opname not in ("NOP", "RESUME", "CACHE", "POP_TOP")
        and not (i.opname == "LOAD_CONST" and i.argval is Ellipsis)
    ]
    return ops in ([("LOAD_CONST", None), ("RETURN_VALUE", None)], [("RETURN_CONST", None)])


def is_stub(value: Any) -> bool:
    """True for an untouched answer: ``...`` or ``None``, or a function whose body is only a stub
    (``...``, ``pass``, a docstring, comments)."""
    if value is Ellipsis or value is None:
        return True
    return isinstance(value, types.FunctionType) and _does_nothing(value.__code__)


def call_answer(function: Any, *args: Any) -> Any:
    """Call the learner's function answer; a non-function is reported as the learner's error."""
    if not callable(function):
        raise TypeError("câu trả lời phải là một hàm (def ...)")
    return function(*args)


class CheckFailed(AssertionError):
    """Raised by ``check(strict=True)`` so nbgrader counts the test cell as failed.

    Its message is the Vietnamese feedback only: it is what the grading report shows.
    """


class NotAttempted(CheckFailed):
    pass


_TITLES = {
    DUNG: Msg("Đúng rồi!", "Correct!"),
    CHUA_DUNG: Msg("Chưa đúng.", "Not yet correct."),
    CHUA_LAM: Msg("Chưa làm.", "Not attempted."),
}
_COLOURS = {DUNG: "#1b5e20", CHUA_DUNG: "#b71c1c", CHUA_LAM: "#8d6e00"}
_ICONS = {DUNG: "✅", CHUA_DUNG: "❌", CHUA_LAM: "✏️"}
_PUBLIC_ONLY = Msg(
    "Đã qua các kiểm tra công khai. Khi nộp bài, câu này còn được chấm thêm bằng kiểm tra ẩn.",
    "Passed the public checks. When submitted, hidden tests also grade this question.",
)


class _Note:
    """Rich display for one feedback box: HTML in Jupyter, plain text elsewhere."""

    def __init__(self, status: str, title: str, body: str) -> None:
        self.status, self.title, self.body = status, title, body

    def _repr_html_(self) -> str:
        colour = _COLOURS[self.status]
        body = html.escape(self.body).replace("\n", "<br>")
        return (
            f'<div class="hocvuso-feedback hocvuso-{self.status}" style="border-left:5px solid '
            f"{colour};padding:6px 10px;margin:4px 0;background:#fafafa;"
            f'color:#212121"><b style="color:{colour}">{_ICONS[self.status]} '
            f"{html.escape(self.title)}</b> {body}</div>"
        )

    def __repr__(self) -> str:
        return f"{_ICONS[self.status]} {self.title} {self.body}".rstrip()


def _show(note: _Note) -> None:
    try:
        from IPython.display import display

        display(note)
    except ImportError:  # plain Python: still readable
        print(repr(note))


def _user_namespace() -> dict:
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None:
        return shell.user_ns
    import __main__

    return vars(__main__)


def _short_traceback(shell, etype, value, tb, tb_offset=None):
    """Show a failed check as one line (the Vietnamese message), not a traceback."""
    return shell._showtraceback(etype, value, [f"{etype.__name__}: {value}"])


def _install_short_traceback() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and CheckFailed not in (shell.custom_exceptions or ()):
        shell.set_custom_exc((CheckFailed,), _short_traceback)


_FROM_NAMESPACE = object()


class _Missing:
    """The value of a variable the learner never defined."""

    def __repr__(self) -> str:
        return "<chưa có>"


MISSING = _Missing()


class Question:
    """One exercise: the learner's variable, its check, staged hints and (lessons only) a solution."""

    def __init__(
        self,
        variable: str,
        check: Callable[[Any], Outcome],
        hints: Sequence[Msg] = (),
        solution: str | None = None,
        hidden_tests: bool = False,
    ) -> None:
        self.variable = variable
        self._check = check
        self._hints = list(hints)
        self._solution = solution
        self._hidden_tests = hidden_tests
        self._hints_shown = 0

    def outcome(self, value: Any = _FROM_NAMESPACE, *, namespace: dict | None = None) -> Outcome:
        """Judge ``value`` (default: the learner's variable) without displaying anything."""
        if value is _FROM_NAMESPACE:
            ns = _user_namespace() if namespace is None else namespace
            value = ns.get(self.variable, MISSING)
        return self.judge(value)

    def judge(
        self,
        value: Any,
        passthrough: tuple[type[BaseException], ...] = (),
        detail: bool = True,
    ) -> Outcome:
        """The outcome for ``value`` (:data:`MISSING` when the variable does not exist). The
        learner's errors inside the check become an answer that is not yet correct, except the
        ``passthrough`` ones (the grader's own: a dead kernel, a time limit). ``detail=False``
        (the grader) names the error without its message, which may hold the learner's data."""
        if value is MISSING:
            return not_attempted(
                f"Chưa có biến `{self.variable}`. Hãy chạy ô chứa câu trả lời "
                "(và các ô phía trên nó) trước khi kiểm tra.",
                f"There is no variable `{self.variable}` yet. Run the answer cell "
                "(and the cells above it) before checking.",
            )
        if is_stub(value):
            return not_attempted()
        try:
            return self._check(value)
        except passthrough:
            raise
        except Exception as error:  # the learner's own code failed inside the check
            name = type(error).__name__
            if not detail:
                return wrong(
                    f"Câu trả lời gây lỗi {name} khi kiểm tra. Chạy lại ô kiểm tra trong bài để "
                    "xem lỗi và sửa.",
                    f"Your answer raised {name} when checked. Run the check in your notebook.",
                )
            return wrong(
                f"Mã của bạn gây lỗi {name}: {error}. Hãy đọc lại thông báo lỗi và sửa.",
                f"Your code raised {name}: {error}. Read the error and fix it.",
            )

    def note(self, result: Outcome) -> _Note:
        """The feedback box for ``result``."""
        body = result.message.text()
        if result.passed and self._hidden_tests:
            body = f"{body} {_PUBLIC_ONLY.text()}".strip()
        return _Note(result.status, _TITLES[result.status].text(), body)

    def check(self, strict: bool = False) -> None:
        """Show whether the answer is right. ``strict=True`` (lab test cells) raises on failure."""
        result = self.outcome()
        _show(self.note(result))
        if strict and not result.passed:
            _install_short_traceback()
            error = NotAttempted if result.status == CHUA_LAM else CheckFailed
            raise error(result.message.text("vi"))

    def hint(self, number: int | None = None) -> None:
        """Show the next hint (or hint ``number``, counted from 1)."""
        if not self._hints:
            _show(
                _Note(
                    CHUA_LAM,
                    Msg("Gợi ý", "Hint").text(),
                    Msg("Câu này không có gợi ý.", "This question has no hints.").text(),
                )
            )
            return
        if number is None:
            self._hints_shown = min(self._hints_shown + 1, len(self._hints))
            number = self._hints_shown
        number = max(1, min(number, len(self._hints)))
        label = Msg("Gợi ý", "Hint").text()
        _show(
            _Note(CHUA_LAM, f"{label} {number}/{len(self._hints)}:", self._hints[number - 1].text())
        )

    def solution(self) -> None:
        """Show the worked solution (lessons only: graded labs have none)."""
        if self._solution is None:
            text = Msg(
                "Bài thực hành được chấm điểm nên không có lời giải. Hãy dùng goi_y().",
                "Graded labs have no solution to show. Use hint().",
            ).text()
            _show(_Note(CHUA_LAM, Msg("Lời giải", "Solution").text(), text))
            return
        _show(_Note(DUNG, Msg("Lời giải:", "Solution:").text(), self._solution))

    # Vietnamese aliases for learners.
    kiem_tra = check
    goi_y = hint
    loi_giai = solution
