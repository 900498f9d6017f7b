"""Module 07 (personal data): the synthetic list, the learner tools and the checks' subtle parts."""

from __future__ import annotations

import hashlib
import hmac
import re

import nbformat
import pandas as pd
import pytest

from graders.feedback import CHUA_DUNG, DUNG
from graders.m07 import checks, cong_cu
from graders.m07 import thuc_hanh as lab
from graders.m07 import thuc_hanh_nguoi_dan as citizen
from workbench import curriculum
from workbench.data import units
from workbench.datasets import m07 as data

MODULE = curriculum.load().module("m07")


def _cells(file: str) -> dict:
    nb = nbformat.read(MODULE.path / file, 4)
    return {c.id: c for c in nb.cells}


# --- the synthetic list --------------------------------------------------------------------


def test_list_is_marked_synthetic_and_reads_back_with_leading_zeros(tmp_path):
    (path,) = data.write(tmp_path)
    assert "gia-lap" in path.name
    table = pd.read_csv(path, dtype=str)
    assert list(table.columns) == list(data.COLUMNS)
    assert (table["ghi_chu"] == "DỮ LIỆU GIẢ LẬP").all()
    assert table.equals(data.frame())
    assert table["so_cccd"].str.startswith("0").all()  # a numeric read would lose this zero
    assert table["so_dien_thoai"].str.fullmatch(r"0\d{9}").all()


def test_generator_is_deterministic():
    first = data.records()
    data.records.cache_clear()
    assert data.records() == first


def test_each_person_is_consistent_and_numbers_follow_the_public_layout():
    by_person: dict[str, set] = {}
    for row in data.records():
        person = tuple(row[c] for c in data.COLUMNS if c not in ("ma_luot", "ngay_kham"))
        by_person.setdefault(row["so_cccd"], set()).add(person)
    assert all(len(p) == 1 for p in by_person.values()), "one person, one identity"
    assert len(by_person) == data.PEOPLE
    phones = [p["so_dien_thoai"] for p in data.people().values()]
    assert len(set(phones)) == len(phones)
    for p in data.people().values():
        cccd, year = p["so_cccd"], int(p["ngay_sinh"][-4:])
        assert re.fullmatch(r"068\d{9}", cccd)
        sex_digit = int(cccd[3])
        assert sex_digit % 2 == (0 if p["gioi_tinh"] == "Nam" else 1)
        assert 1900 + 100 * (sex_digit // 2) + int(cccd[4:6]) == year


def test_addresses_end_with_a_real_unit_whose_code_is_given():
    names = {u["ten"]: str(u["ma"]) for u in units()}
    for row in data.records():
        unit = row["dia_chi"].split(", ")[-1]
        assert names[unit] == row["ma_don_vi"]


def test_visits_are_in_file_order_with_valid_dates():
    dates = [pd.to_datetime(r["ngay_kham"], format="%d/%m/%Y") for r in data.records()]
    assert dates == sorted(dates)
    assert [r["ma_luot"] for r in data.records()] == [
        f"KSK-{i:03d}" for i in range(1, len(dates) + 1)
    ]


def test_notebook_literals_name_the_people_the_checks_expect():
    lesson = _cells("bai-hoc.ipynb")["bai-5-tra-loi"].source
    practice = _cells("thuc-hanh.ipynb")["chuan-bi"].source
    assert f'cccd_can_tim = "{data.lesson_subject()}"' in lesson
    assert f'CCCD_YEU_CAU = "{data.lab_subject()}"' in practice
    assert data.lesson_subject() != data.lab_subject()
    # Several visits each, so that taking one row is not enough.
    assert len(data.visits_of(data.lesson_subject())) > 1
    assert len(data.visits_of(data.lab_subject())) > 1


# --- learner tools -------------------------------------------------------------------------


def test_mask_report_keeps_last_digits_and_decodes_the_first_six():
    lines = cong_cu.mask_report("068190012345", 4, "k")
    assert "********2345" in lines[1]
    assert "giới tính nữ, sinh năm 1990" in lines[2]
    assert hmac.new(b"k", b"068190012345", hashlib.sha256).hexdigest()[:12] in lines[3]
    assert "sinh năm 2006" in cong_cu.mask_report("068206100620", 3, "k")[2]
    phone = cong_cu.mask_report("0912345678", 0, "k")
    assert "**********" in phone[1] and not any("6 số đầu" in line for line in phone)
    assert "Hãy gõ" in cong_cu.mask_report("  ", 3, "k")[0]


def test_classification_feedback_says_right_or_wrong_with_the_reason():
    name, category, why = cong_cu.FIELDS[-1]
    other = cong_cu.BASIC if category == cong_cu.SENSITIVE else cong_cu.SENSITIVE
    assert cong_cu.classification_feedback(name, category).startswith("✅")
    assert cong_cu.classification_feedback(name, other).startswith("❌")
    assert why in cong_cu.classification_feedback(name, other)
    assert "Bấm" in cong_cu.classification_feedback(name, None)


def test_widgets_render_once_and_react(capsys):
    box = cong_cu.o_phan_loai()
    field, choice, _out = box.children
    assert "Bấm" in capsys.readouterr().out  # rendered at creation, unattended
    field.value = cong_cu.FIELDS[7][0]
    choice.value = cong_cu.SENSITIVE
    assert "✅" in capsys.readouterr().out
    field.value = cong_cu.FIELDS[0][0]
    assert choice.value is None  # a new field resets the choice
    masker = cong_cu.o_che_du_lieu()
    assert "*********345" in capsys.readouterr().out
    masker.children[0].value = "0987654321"
    assert "*******321" in capsys.readouterr().out


def test_lesson_sensitive_items_agree_with_the_tool_categories():
    # Lesson items A–F name the same kinds of data as the classification tool.
    by_kind = {"B": 7, "D": 8, "F": 10}
    for letter, index in by_kind.items():
        assert letter in checks.LESSON_SENSITIVE
        assert cong_cu.FIELDS[index][1] == cong_cu.SENSITIVE
    assert all(cong_cu.FIELDS[i][1] == cong_cu.BASIC for i in (0, 2, 3))  # A, C, E


# --- checks --------------------------------------------------------------------------------


def _pseudonym(so, khoa, do_dai):
    return hmac.new(khoa.encode(), so.encode(), hashlib.sha256).hexdigest()[:do_dai]


@pytest.mark.parametrize(
    "function,fragment",
    [
        (lambda so, khoa, n: hashlib.sha256(so.encode()).hexdigest()[:n], "KHÔNG có khóa"),
        (lambda so, khoa, n: _pseudonym(so, "co-dinh", n), "chưa dùng tham số khoa"),
        (lambda so, khoa, n: _pseudonym("1", khoa, n), "chưa dùng tham số so_cccd"),
        (lambda so, khoa, n: _pseudonym(so, khoa, 12), "do_dai"),
        (lambda so, khoa, n: _pseudonym(so, khoa, 64), "12 ký tự"),
    ],
)
def test_pseudonym_check_names_the_mistake(function, fragment):
    outcome = checks.check_pseudonym_function(function)
    assert outcome.status == CHUA_DUNG and fragment in outcome.message.vi


def test_mask_checks_reject_keeping_the_first_digits_and_accept_any_correct_way():
    assert lab.q2.outcome(lambda so, giu: so[:giu] + "*" * (len(so) - giu)).status == CHUA_DUNG
    other_way = lambda so, giu: "".join("*" if i < len(so) - giu else c for i, c in enumerate(so))  # noqa: E731
    assert lab.q2.outcome(other_way).status == DUNG


def test_share_table_check_names_identifying_columns():
    outcome = checks.check_share_table(data.frame())
    assert outcome.status == CHUA_DUNG and "so_cccd" in outcome.message.vi


def test_consent_count_check_tells_visits_from_people():
    frame = data.frame()
    per_visit = checks.check_consent_counts(frame["dong_y_nhan_tin"].value_counts())
    assert "lượt khám" in per_visit.message.vi
    per_person = frame.drop_duplicates("so_cccd")["dong_y_nhan_tin"].value_counts()
    assert checks.check_consent_counts(per_person).passed


def test_subject_rows_check_refuses_other_peoples_rows():
    frame = data.frame()
    mine = frame[frame["so_cccd"] == data.lab_subject()]
    assert checks.check_lab_subject_rows(mine).passed
    assert not checks.check_lab_subject_rows(mine.head(1)).passed
    assert not checks.check_lab_subject_rows(mine[["so_cccd"]]).passed  # all columns asked
    leaked = pd.concat([mine, frame.head(1)])
    assert "người khác" in checks.check_lab_subject_rows(leaked).message.vi


@pytest.mark.parametrize("q", [getattr(citizen, f"q{i}") for i in range(1, 7)])
def test_citizen_public_checks_do_not_tell_which_option_is_right(q):
    kind = q._check
    if kind is checks.true_or_false:
        answers = [True, False]
    elif q.variable == "cau_2":
        answers = [[x] for x in "ABCDEF"] + [["B", "D", "E", "F"]]
    else:
        answers = list("ABCD")
    outcomes = {(q.outcome(a).status, q.outcome(a).message.vi) for a in answers}
    assert len(outcomes) == 1 and next(iter(outcomes))[0] == DUNG


# --- hidden tests catch what the public checks let through ---------------------------------

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)


def _hidden(grade_id: str, **names) -> None:
    nb = nbformat.read(MODULE.path / "thuc-hanh.ipynb", 4)
    (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    namespace = {"pd": pd, "hmac": hmac, "hashlib": hashlib, **names}
    exec(HIDDEN.search(cell.source).group(1), namespace)


def test_hidden_tests_catch_plausible_answers_that_pass_the_public_checks():
    frame = data.frame()
    all_basic = {c: checks.BASIC for c in checks.CLASSIFIED_COLUMNS}
    assert lab.q1.outcome(all_basic).passed
    with pytest.raises(AssertionError):
        _hidden("phan_loai_kiem_tra", phan_loai=all_basic)

    share = frame.copy()
    share["nam_sinh"] = frame["ngay_kham"].str[-4:]  # the visit's year, not the birth year
    share["xa"] = frame["dia_chi"].str.split(", ").str[-1]
    share = share[list(checks.SHARE_COLUMNS)]
    assert lab.q3.outcome(share).passed
    with pytest.raises(AssertionError):
        _hidden("bang_chia_se_kiem_tra", bang_chia_se=share)

    def swapped(so_cccd, khoa, do_dai):  # key and message swapped
        return hmac.new(so_cccd.encode(), khoa.encode(), hashlib.sha256).hexdigest()[:do_dai]

    assert lab.q4.outcome(swapped).passed
    with pytest.raises(AssertionError):
        _hidden("bi_danh_kiem_tra", bi_danh=swapped)

    other_key = frame["so_cccd"].apply(lambda so: _pseudonym(so, "khoa-tu-dat", 10))
    assert lab.q5.outcome(other_key).passed
    with pytest.raises(AssertionError):
        _hidden("cot_bi_danh_kiem_tra", cot_bi_danh=other_key)
    right = frame["so_cccd"].apply(lambda so: _pseudonym(so, "khoa-bi-mat-cua-tram-y-te", 10))
    _hidden("cot_bi_danh_kiem_tra", cot_bi_danh=right.tolist())  # a list is fine too
