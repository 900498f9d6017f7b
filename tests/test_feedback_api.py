"""Every learner check against a right, a wrong and an untouched answer (three outcomes)."""

from __future__ import annotations

import importlib
import os
import re

import nbformat
import pytest

from graders import feedback
from graders.feedback import CHUA_DUNG, CHUA_LAM, DUNG, CheckFailed, NotAttempted, Question
from workbench import curriculum, data

KINDS = {"bai_hoc": "lesson", "thuc_hanh": "lab"}


def _question_sets() -> list[tuple[str, str, str]]:
    """(module id, grader module name, notebook file) for the lesson and every lab.

    A lab's questions live in ``graders/<id>/<file stem with - as _>.py``: ``thuc_hanh`` for
    ``thuc-hanh.ipynb``, ``thuc_hanh_nguoi_dan`` for ``thuc-hanh-nguoi-dan.ipynb``."""
    sets = []
    for module in curriculum.load().modules:
        for nb in module.notebooks:
            sets.append((module.id, nb.file.removesuffix(".ipynb").replace("-", "_"), nb.file))
    return sets


SETS = _question_sets()


def _wrong(module_id: str) -> dict:
    return importlib.import_module(f"answers.{module_id}").WRONG


def _questions() -> list:
    params = []
    for module_id, kind, file in SETS:
        mod = importlib.import_module(f"graders.{module_id}.{kind}")
        for name in sorted(n for n in vars(mod) if re.fullmatch(r"q\d+", n)):
            q = getattr(mod, name)
            params.append(pytest.param(module_id, file, q, id=f"{module_id}.{kind}.{name}"))
    return params


def _run_cells(nb, ns: dict, skip_tests: bool = True) -> None:
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or (skip_tests and meta.get("grade")):
            continue
        exec(cell.source, ns)


@pytest.fixture(scope="module")
def right_answers(tmp_path_factory) -> dict:
    """Every shipped notebook's names after a right run: labs run with their solutions (test
    cells skipped); lessons run as shipped, then each question's worked solution, in order."""
    folder = tmp_path_factory.mktemp("answers")
    names: dict = {}
    old = os.getcwd()
    os.chdir(folder)
    try:
        for module in curriculum.load().modules:
            data.write_module_data(module.id, folder)
            for nb_decl in module.notebooks:
                nb = nbformat.read(module.path / nb_decl.file, 4)
                ns: dict = {}
                _run_cells(nb, ns)
                if nb_decl.kind == "lesson":
                    kind = nb_decl.file.removesuffix(".ipynb").replace("-", "_")
                    mod = importlib.import_module(f"graders.{module.id}.{kind}")
                    for name in sorted(
                        (n for n in vars(mod) if re.fullmatch(r"q\d+", n)), key=lambda n: int(n[1:])
                    ):
                        exec(getattr(mod, name)._solution, ns)
                names[(module.id, nb_decl.file)] = ns
    finally:
        os.chdir(old)
    return names


def _right(right_answers, module_id, file, q):
    return right_answers[(module_id, file)][q.variable]


@pytest.mark.parametrize("module_id,file,q", _questions())
def test_right_answer_is_correct(right_answers, module_id, file, q):
    outcome = q.outcome(_right(right_answers, module_id, file, q))
    assert outcome.status == DUNG, outcome.message.vi


@pytest.mark.parametrize("module_id,file,q", _questions())
def test_wrong_answer_says_what_is_wrong_without_the_answer(right_answers, module_id, file, q):
    wrong = _wrong(module_id)
    assert q.variable in wrong, f"tests/answers/{module_id}.py has no wrong answer for {q.variable}"
    outcome = q.outcome(wrong[q.variable]())
    assert outcome.status == CHUA_DUNG, outcome.message.vi
    assert outcome.message.vi and outcome.message.en
    right = _right(right_answers, module_id, file, q)
    if type(right) is int and right > 9:
        assert str(right) not in outcome.message.vi


@pytest.mark.parametrize("module_id,file,q", _questions())
def test_untouched_answer_is_not_attempted(module_id, file, q):
    assert q.outcome(...).status == CHUA_LAM
    assert q.outcome(namespace={}).status == CHUA_LAM  # the cell was never run


def test_untouched_function_stub_is_not_attempted():
    from graders.m01.thuc_hanh import q3

    def loc_theo_loai(bang, loai):
        """Trả về các dòng của bang có cột loai bằng loai."""
        ...  # THAY DẤU ... BẰNG CÂU TRẢ LỜI CỦA BẠN

    assert q3.outcome(loc_theo_loai).status == CHUA_LAM


def test_learner_error_is_reported_not_raised():
    from graders.m01.thuc_hanh import q4

    def tim_ma(bang, ten):
        return bang["khong_co_cot"]

    outcome = q4.outcome(tim_ma)
    assert outcome.status == CHUA_DUNG
    assert "KeyError" in outcome.message.vi


def test_strict_check_raises_for_nbgrader_and_lesson_check_does_not(capsys):
    q = Question("x", lambda v: feedback.correct() if v == 1 else feedback.wrong("sai", "wrong"))
    import __main__

    with pytest.raises(NotAttempted):
        q.check(strict=True)  # no variable x yet

    __main__.x = 2
    try:
        q.check()  # lessons: shows, never raises
        with pytest.raises(CheckFailed) as info:
            q.check(strict=True)
        assert str(info.value) == "sai"
        __main__.x = 1
        q.check(strict=True)
    finally:
        del __main__.x
    shown = capsys.readouterr().out
    assert "Chưa đúng." in shown and "Đúng rồi!" in shown


def test_correct_lab_answer_says_public_checks_only(capsys):
    q = Question("y", lambda v: feedback.correct(), hidden_tests=True)
    import __main__

    __main__.y = 1
    try:
        q.check()
    finally:
        del __main__.y
    assert "Đã qua các kiểm tra công khai" in capsys.readouterr().out


def test_hints_are_staged_and_labs_have_no_solution(capsys):
    from graders.m01.bai_hoc import q4 as lesson_q
    from graders.m01.thuc_hanh import q4 as lab_q

    lesson_q._hints_shown = 0
    lesson_q.hint()
    lesson_q.goi_y()
    out = capsys.readouterr().out
    assert "Gợi ý 1/2" in out and "Gợi ý 2/2" in out
    lab_q.loi_giai()
    out = capsys.readouterr().out
    assert "không có lời giải" in out
    assert "int(" not in out


def test_english_is_available(capsys):
    feedback.set_language("en")
    try:
        from graders.m00.bai_hoc import q2

        assert "Not attempted" in q2.outcome(...).message.text()
    finally:
        feedback.set_language("vi")
    assert "chưa làm" in q2.outcome(...).message.text()
