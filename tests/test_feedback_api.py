"""Every learner check against a right, a wrong and an untouched answer (three outcomes)."""

from __future__ import annotations

import importlib
import os
import re

import nbformat
import pandas as pd
import pytest

from graders import feedback
from graders.feedback import CHUA_DUNG, CHUA_LAM, DUNG, CheckFailed, NotAttempted, Question
from workbench import curriculum, data

SETS = [
    (module.id, kind)
    for module in curriculum.load().modules
    for kind in ("bai_hoc", "thuc_hanh")
    if module.notebook({"bai_hoc": "lesson", "thuc_hanh": "lab"}[kind])
]

# Wrong answers, as functions of the unit table `bang`.
WRONG = {
    "ten_cua_ban": lambda bang: 123,
    "tong_don_vi": lambda bang: "103 + 20 + 1",
    "don_vi_cua_toi": lambda bang: "Phường Không Có Thật",
    "ky_nang": lambda bang: ["Một kỹ năng"],
    "so_don_vi": lambda bang: 63,
    "cac_phuong": lambda bang: bang[bang["loai"] == "xã"],
    "dem_loai": lambda bang: {"xã": 103},
    "ma_lon_nhat": lambda bang: bang.sort_values("ma").head(5)["ma"].tolist(),
    "phuong_da_lat": lambda bang: bang.head(3),
    "ho_ten": lambda bang: "Hoa",
    "tong_so_phut": lambda bang: "4200",
    "don_vi": lambda bang: "Quận 1",
    "loi_chao": lambda bang: "Chào bạn",
    "so_xa": lambda bang: 0,
    "dem_tinh_cu": lambda bang: bang["loai"].value_counts(),
    "loc_theo_loai": lambda bang: lambda b, loai: b,
    "tim_ma": lambda bang: lambda b, ten: 1,
    "ma_xa_nho_nhat": lambda bang: [1, 2, 3],
}


def _questions() -> list:
    params = []
    for module_id, kind in SETS:
        mod = importlib.import_module(f"graders.{module_id}.{kind}")
        for name in sorted(n for n in vars(mod) if re.fullmatch(r"q\d+", n)):
            q = getattr(mod, name)
            params.append(pytest.param(module_id, kind, q, id=f"{module_id}.{kind}.{name}"))
    return params


@pytest.fixture(scope="module")
def right_answers(tmp_path_factory) -> dict:
    """Run every shipped notebook's non-test code (lab solutions included) and keep its names."""
    folder = tmp_path_factory.mktemp("answers")
    data.write_units_csv(folder)
    names: dict = {}
    old = os.getcwd()
    os.chdir(folder)
    try:
        for module in curriculum.load().modules:
            for nb_decl in module.notebooks:
                nb = nbformat.read(module.path / nb_decl.file, 4)
                ns: dict = {}
                for cell in nb.cells:
                    meta = cell.metadata.get("nbgrader", {})
                    if cell.cell_type != "code" or meta.get("grade"):
                        continue
                    exec(cell.source, ns)  # lab sources run with their solutions
                names[(module.id, nb_decl.kind)] = ns
    finally:
        os.chdir(old)
    # Lessons ship with `...`: their right answer is the question's own worked solution.
    for module_id, kind in SETS:
        if kind == "bai_hoc":
            mod = importlib.import_module(f"graders.{module_id}.bai_hoc")
            ns = {"bang": data.units_frame(), "pd": pd}
            for name in vars(mod):
                q = getattr(mod, name)
                if isinstance(q, Question):
                    exec(q._solution, ns)
            names[(module_id, "lesson")] = ns
    return names


def _right(right_answers, module_id, kind, q):
    key = (module_id, "lesson" if kind == "bai_hoc" else "lab")
    return right_answers[key][q.variable]


@pytest.mark.parametrize("module_id,kind,q", _questions())
def test_right_answer_is_correct(right_answers, module_id, kind, q):
    outcome = q.outcome(_right(right_answers, module_id, kind, q))
    assert outcome.status == DUNG, outcome.message.vi


@pytest.mark.parametrize("module_id,kind,q", _questions())
def test_wrong_answer_says_what_is_wrong_without_the_answer(right_answers, module_id, kind, q):
    outcome = q.outcome(WRONG[q.variable](data.units_frame()))
    assert outcome.status == CHUA_DUNG
    assert outcome.message.vi and outcome.message.en
    right = _right(right_answers, module_id, kind, q)
    if type(right) is int and right > 9:
        assert str(right) not in outcome.message.vi


@pytest.mark.parametrize("module_id,kind,q", _questions())
def test_untouched_answer_is_not_attempted(module_id, kind, q):
    assert q.outcome(...).status == CHUA_LAM
    assert q.outcome(namespace={}).status == CHUA_LAM  # the cell was never run


def test_untouched_function_stub_is_not_attempted():
    from graders.m01.thuc_hanh import q3

    def loc_theo_loai(bang, loai):
        """Trả về các dòng của bang có cột loai bằng loai."""
        ...  # VIẾT MÃ CỦA BẠN Ở ĐÂY

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
