"""Module 04: the mock data generator, the dossier validator and form, and the labs' consistency."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import nbformat
import pandas as pd
import pytest

from graders.feedback import CHUA_DUNG, DUNG
from graders.m04 import checks
from graders.m04.bieu_mau import MAU_MAC_DINH, tao_bieu_mau
from graders.m04.ho_so import TRUONG, kiem_tra_ho_so
from workbench import curriculum
from workbench.data import units
from workbench.datasets import m04 as data

MODULE = curriculum.load().module("m04")
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
SOLUTION = re.compile(r"^[ \t]*### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION\n?", re.S | re.M)


def _cells(file: str) -> dict:
    nb = nbformat.read(MODULE.path / file, as_version=4)
    return {cell.id: cell for cell in nb.cells}


def _run(file: str, *cell_ids: str, ns: dict | None = None) -> dict:
    """Run some cells of a shipped notebook, solutions included, in one namespace."""
    ns = {} if ns is None else ns
    cells = _cells(file)
    for cell_id in cell_ids:
        exec(SOLUTION.sub(lambda m: m.group(1), cells[cell_id].source), ns)
    return ns


@pytest.fixture
def in_data_folder(tmp_path, monkeypatch):
    data.write(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- data ---------------------------------------------------------------------------------------


def test_files_are_deterministic_and_marked(tmp_path):
    first = [p.read_bytes() for p in data.write(tmp_path / "a")]
    data.dossiers.cache_clear()
    data.catalogue.cache_clear()
    paths = data.write(tmp_path / "b")
    assert [p.read_bytes() for p in paths] == first
    names = [p.name for p in paths]
    assert any("minh-hoa" in n for n in names) and any("gia-lap" in n for n in names)
    catalogue = pd.read_csv(paths[0])
    assert set(catalogue["ghi_chu"]) == {data.NOTE}


def test_dossier_log_is_plausible():
    codes = {u["ma"] for u in units()}
    rows = data.dossiers()
    assert [r["ma_ho_so"] for r in rows] == sorted(r["ma_ho_so"] for r in rows)
    assert len({r["ma_ho_so"] for r in rows}) == len(rows)
    for row in rows:
        assert row["ma_don_vi"] in codes
        assert data.procedure(row["thu_tuc"]) is not None
        assert row["han_xu_ly"].weekday() < 5 and row["han_xu_ly"] >= row["ngay_nop"]
        assert data.FIRST_DAY <= row["ngay_nop"] <= data.LAST_DAY
        if row["kenh"] == data.IN_PERSON:
            assert row["ngay_nop"].weekday() < 5, "offices are closed at weekends"
        if row["ngay_tra"] is not None:
            assert row["ngay_nop"] <= row["ngay_tra"] <= data.HOM_NAY
    # Every case the lab distinguishes happens: pending within and past the deadline, late returns.
    pending = [r for r in rows if r["ngay_tra"] is None]
    assert any(data.is_overdue(r) for r in pending) and not all(data.is_overdue(r) for r in pending)
    assert checks.returned_late_count() > 0
    assert len({r["kenh"] for r in rows}) == 2


def test_working_days_skip_weekends():
    friday = dt.date(2025, 10, 10)
    assert data.add_working_days(friday, 1) == dt.date(2025, 10, 13)
    assert data.add_working_days(friday, 5) == dt.date(2025, 10, 17)
    assert data.add_working_days(dt.date(2025, 10, 11), 1) == dt.date(2025, 10, 13)  # Saturday


def test_csv_read_as_the_notebooks_do_matches_the_frames_the_checks_use(in_data_folder):
    ns = _run("thuc-hanh.ipynb", "chuan-bi", ns={})
    expected = data.dossiers_frame()
    for column in ("ngay_nop", "han_xu_ly", "ngay_tra"):
        assert ns["ho_so"][column].tolist() == expected[column].tolist()
    assert ns["ho_so"]["ma_don_vi"].tolist() == expected["ma_don_vi"].tolist()
    assert ns["danh_muc"].to_dict("records") == data.catalogue_frame().to_dict("records")
    assert ns["HOM_NAY"].date() == data.HOM_NAY


def test_lesson_sample_and_today_are_the_checks_own(in_data_folder):
    ns = _run("bai-hoc.ipynb", "nap-thu-vien", "ho-so-mau", "doc-so-theo-doi")
    assert ns["ho_so_mau"] == checks.HO_SO_MAU
    assert ns["HOM_NAY"].date() == data.HOM_NAY
    assert set(kiem_tra_ho_so(checks.HO_SO_MAU)) == {"so_cccd", "ngay_sinh", "giay_to"}


# --- validator and form -------------------------------------------------------------------------

VALID = {
    "ho_ten": "Thử Nghiệm (giả lập)",
    "so_cccd": "000100000001",
    "ngay_sinh": "29/02/2024",
    "so_dien_thoai": "0123456789",
    "ma_thu_tuc": "KT",
    "giay_to": ["Giấy báo tử", "Tờ khai đăng ký khai tử"],
}


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"so_cccd": 100000001}, "so_cccd", "ngoặc kép"),
        ({"so_cccd": "0001000000O1"}, "so_cccd", "chữ cái"),
        ({"ngay_sinh": "29/02/2023"}, "ngay_sinh", "trên lịch"),
        ({"ngay_sinh": "9/2/2024"}, "ngay_sinh", "dd/mm/yyyy"),
        ({"so_dien_thoai": "+84123456789"}, "so_dien_thoai", "+84"),
        ({"so_dien_thoai": "1234567890"}, "so_dien_thoai", "bắt đầu bằng số 0"),
        ({"ho_ten": "  "}, "ho_ten", "họ và tên"),
        ({"ma_thu_tuc": "ZZ"}, "ma_thu_tuc", "danh mục minh hoạ"),
        ({"giay_to": ["Giấy báo tử"]}, "giay_to", "Tờ khai đăng ký khai tử"),
    ],
)
def test_validator_names_the_field_and_the_reason(change, field, words):
    assert kiem_tra_ho_so(VALID) == {}
    errors = kiem_tra_ho_so({**VALID, **change})
    assert list(errors) == [field]
    assert words in errors[field]


def test_validator_agrees_with_the_lab_model_solution(in_data_folder):
    """The hidden tests compare a learner's truong_loi with the validator: the lab's own solution
    (built only from what the lesson teaches) must agree with it on awkward inputs too."""
    ns = _run("thuc-hanh.ipynb", "chuan-bi", "truong-loi")
    names = ["", " ", "A (giả lập)"]
    ids = ["000100000001", "00010000001", "0001000000011", "00010000000a", "0001 0000 001"]
    dates = ["01/01/2000", "31/04/1999", "29/02/2001", "2000-01-01", "1/1/2000", "01-01-2000"]
    phones = ["0123456789", "012345678", "+84123456789", "1123456789", "0123 45678"]
    for ho_ten, cccd, ngay, sdt in itertools.product(names, ids, dates, phones):
        ho_so = {"ho_ten": ho_ten, "so_cccd": cccd, "ngay_sinh": ngay, "so_dien_thoai": sdt}
        assert ns["truong_loi"](ho_so) == checks.wrong_format_fields(ho_so), ho_so


def test_form_shows_its_result_unattended_and_updates_as_you_type():
    form = tao_bieu_mau()
    shown = form._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in shown
    assert "2 lỗi" in shown["text/plain"] and "Số điện thoại" in shown["text/plain"]
    assert form.ho_so() == MAU_MAC_DINH
    phone = next(w for w in form.children if getattr(w, "value", None) == "012345678")
    phone.value = "0123456789"
    assert list(form.loi()) == ["giay_to"]
    for box in form.children[-2].children:
        box.value = True
    assert form.loi() == {} and "hợp lệ" in form._repr_mimebundle_()["text/plain"]
    procedure = next(w for w in form.children if getattr(w, "value", None) == "KS")
    procedure.value = "DDBD"
    assert len(form.children[-2].children) == len(data.procedure("DDBD")["giay_to"])
    assert list(form.loi()) == ["giay_to"]  # new procedure, nothing ticked yet


# --- labs ---------------------------------------------------------------------------------------


def _hidden(file: str, cell_id: str) -> str:
    return HIDDEN.search(_cells(file)[cell_id].source).group(1)


def test_hidden_test_catches_a_length_only_validator(in_data_folder):
    """A truong_loi that only checks lengths passes the public check, not the hidden test."""

    def truong_loi(ho_so):
        loi = []
        if len(ho_so["so_cccd"]) != 12:
            loi.append("so_cccd")
        if len(ho_so["so_dien_thoai"]) != 10:
            loi.append("so_dien_thoai")
        return loi

    from graders.m04.thuc_hanh import q2

    assert q2.outcome(truong_loi).status == DUNG
    ns = _run("thuc-hanh.ipynb", "chuan-bi")
    ns["truong_loi"] = truong_loi
    with pytest.raises(AssertionError):
        exec(_hidden("thuc-hanh.ipynb", "truong-loi-kiem-tra"), ns)


def test_hidden_test_accepts_zero_groups_but_not_names(in_data_folder):
    ns = _run("thuc-hanh.ipynb", "chuan-bi")
    ho_so = ns["ho_so"]
    late = (ho_so["ngay_tra"] > ho_so["han_xu_ly"]) | (
        ho_so["ngay_tra"].isna() & (ho_so["han_xu_ly"] < ns["HOM_NAY"])
    )
    ns["tre_han_theo_xa"] = late.groupby(ho_so["ma_don_vi"]).sum()  # every unit, zeros included
    exec(_hidden("thuc-hanh.ipynb", "tre-han-theo-xa-kiem-tra"), ns)
    ns["tre_han_theo_xa"] = ho_so[late]["ten_don_vi"].value_counts()
    with pytest.raises(AssertionError):
        exec(_hidden("thuc-hanh.ipynb", "tre-han-theo-xa-kiem-tra"), ns)


def _options(markdown: str) -> dict[str, str]:
    return dict(re.findall(r"^- ([A-E])\. (.+)$", markdown, re.M))


def _solution(cell_id: str):
    import ast

    body = SOLUTION.search(_cells("thuc-hanh-nguoi-dan.ipynb")[cell_id].source).group(1)
    return ast.literal_eval(body.strip())


def test_citizen_answers_follow_the_mock_catalogue():
    cells = _cells("thuc-hanh-nguoi-dan.ipynb")
    births = [p["ma_thu_tuc"] for p in data.catalogue() if p["su_kien"] == "Sinh con"]
    assert _options(cells["de-cau-1"].source)[_solution("cau-1")].startswith(f"`{births[0]}`")
    documents = _options(cells["de-cau-2"].source)
    chosen = {documents[letter] for letter in _solution("cau-2")}
    assert chosen == set(checks.documents(births[0]))
    marriage = data.procedure("KH")["muc_do"]
    option = _options(cells["de-cau-3"].source)[_solution("cau-3")]
    assert ("vẫn phải đến" in option) == (marriage == data.PARTLY_ONLINE)
    assert _solution("cau-4") == data.procedure("HKD")["thoi_han_ngay"]


def test_citizen_form_has_exactly_the_one_mistake_the_answer_names():
    errors = kiem_tra_ho_so(checks.BIEU_MAU_CAU_7)
    wrong_fields = [f for f in TRUONG[:5] if f in errors]
    assert len(wrong_fields) == 1
    assert "ABCDE"[TRUONG.index(wrong_fields[0])] == _solution("cau-7")
    table = _cells("thuc-hanh-nguoi-dan.ipynb")["de-cau-7"].source
    for value in checks.BIEU_MAU_CAU_7.values():
        assert value in table


def test_citizen_public_checks_accept_every_option_alike():
    """A public check that passed only the right letter would give the answer away."""
    from graders.m04 import thuc_hanh_nguoi_dan as lab

    for q in (lab.q1, lab.q3, lab.q5, lab.q6, lab.q8):
        assert {q.outcome(x).status for x in "ABCD"} == {DUNG}
        assert q.outcome("AB").status == CHUA_DUNG
    assert {lab.q7.outcome(x).status for x in "abcde"} == {DUNG}
    assert lab.q2.outcome(["e", "B"]).status == DUNG
    assert lab.q2.outcome(["A", "A"]).status == CHUA_DUNG
    assert lab.q4.outcome(True).status == CHUA_DUNG
