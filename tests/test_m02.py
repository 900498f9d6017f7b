"""Module 02: the synthetic pages, the offline search engine, and the checks behind the labs."""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pandas as pd
import pytest

from graders.m02 import checks
from graders.m02.tim_kiem import giai_thich, hop_tim_kiem, parse, so_ket_qua, tim_anh, tim_kiem
from workbench import curriculum
from workbench.data import units
from workbench.datasets import m02 as data

MODULE = curriculum.load().module("m02")


def _urls(query: str, **kwargs) -> list[str]:
    return tim_kiem(query, so_ket_qua=1000, **kwargs)["url"].tolist()


# --- data ---------------------------------------------------------------------------------


def test_pages_are_reproducible_and_written_identically(tmp_path):
    first = data.write(tmp_path / "a")
    data.pages.cache_clear()
    second = data.write(tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert "gia-lap" in first[0].name


def test_csv_reads_back_with_pandas_and_says_it_is_synthetic(tmp_path):
    path = data.write(tmp_path)[0]
    table = pd.read_csv(path)
    assert list(table.columns) == list(data.COLUMNS)
    assert len(table) == len(data.pages())
    assert table["url"].is_unique
    assert table["co_dan_nguon"].dtype == bool  # True/False, not text
    assert set(table["ghi_chu"]) == {data.NOTE}
    assert table["ngay"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_only_known_official_domains_and_invented_ones_under_example():
    real = {domain for domain, _name, _use in data.OFFICIAL_SOURCES}
    for page in data.pages():
        domain = page["ten_mien"]
        if data.is_official(domain):
            assert domain in real, domain
        else:
            assert domain.endswith(".example"), domain
        assert page["url"].startswith(f"https://{domain}/")


def test_unit_numbers_in_official_pages_come_from_the_unit_list():
    n = Counter(u["loai"] for u in units())
    text = data.units_list_page()["noi_dung"]
    assert f"{len(units())} đơn vị" in text
    assert f"{n['xã']} xã, {n['phường']} phường và {n['đặc khu']} đặc khu" in text
    assert data.FAKE_TOTAL != len(units())
    assert data.doctored_parts() == [
        k for k in checks.UNIT_KINDS if data.DOCTORED_COUNTS[k] != n[k]
    ]


def test_reused_photos_first_appear_long_before_the_reposts():
    for photo in (data.FLOOD_PHOTO, data.LANDSLIDE_PHOTO):
        dates = sorted(p["ngay"] for p in data.pages() if p["anh"] == photo)
        assert len(dates) >= 3
        assert data.first_seen(photo) == dates[0] < "2025-01-01" <= dates[1]
        assert tim_anh(photo)["ngay"].tolist() == dates


# --- search engine ------------------------------------------------------------------------


def _text(url: str) -> str:
    page = next(p for p in data.pages() if p["url"] == url)
    return (page["tieu_de"] + " " + page["noi_dung"]).lower()


def test_phrase_is_stricter_than_words():
    loose, exact = set(_urls("hỗ trợ nhận")), set(_urls('"nhận tiền hỗ trợ"'))
    assert exact and exact < loose
    assert all("nhận tiền hỗ trợ" in _text(url) for url in exact)
    assert not all("nhận tiền hỗ trợ" in _text(url) for url in loose)


def test_exclusion_site_filetype_and_intitle():
    kept, everything = _urls("đà lạt ngập -chia"), _urls("đà lạt ngập")
    assert kept and set(kept) < set(everything)
    assert all("chia" not in _text(url).split() for url in kept)
    on_gov = tim_kiem("site:gov.vn", so_ket_qua=1000)
    assert set(on_gov["ten_mien"]) == {d for d in data.official_domains() if d.endswith("gov.vn")}
    # A look-alike that merely contains ".gov.vn" is not a sub-domain of gov.vn.
    assert not any("example" in d for d in on_gov["ten_mien"])
    assert set(tim_kiem("site:https://www.lamdong.gov.vn/abc")["ten_mien"]) == {"lamdong.gov.vn"}
    assert set(tim_kiem("tuần filetype:PDF")["loai_tep"]) == {"pdf"}
    titles = tim_kiem("intitle:khẩn")["tieu_de"]
    assert len(titles) and all("khẩn" in t.lower() for t in titles)


def test_or_joins_the_neighbouring_terms_only():
    either = set(_urls('"sầu riêng" OR "thanh long"'))
    assert either == set(_urls('"sầu riêng"')) | set(_urls('"thanh long"'))
    # Without quotes OR binds "riêng" and "thanh" only, as in the big engines.
    assert set(_urls("sầu riêng OR thanh long")) < either
    assert [len(g) for g in parse("sầu riêng OR thanh long")] == [1, 2, 1]
    sites = set(_urls("lừa đảo site:gov.vn OR site:baochinhphu.vn"))
    assert sites == set(_urls("lừa đảo site:gov.vn")) | set(_urls("lừa đảo site:baochinhphu.vn"))
    assert tim_kiem("-cà").empty and "thêm một từ khóa" in giai_thich("-cà")


def test_words_without_diacritics_match_words_with_them():
    assert set(_urls('"giá cà phê"')) <= set(_urls("gia ca phe"))
    assert _urls("sốc") and not set(_urls("sốc")) - set(_urls("soc"))
    assert not _urls("sóc")  # typed with diacritics, it must match exactly


def test_ranking_prefers_title_then_newer_pages_and_is_stable():
    bulletins = _urls('"giá cà phê" site:lamdong.gov.vn filetype:pdf')
    dates = [next(p["ngay"] for p in data.pages() if p["url"] == u) for u in bulletins]
    assert dates == sorted(dates, reverse=True) and len(dates) == data.BULLETIN_WEEKS
    assert bulletins[0] == data.newest_bulletin()["url"]
    assert _urls("danh sách")[0] != data.units_list_page()["url"]  # why operators matter
    assert _urls("danh sách") == _urls("danh sách")


def test_lesson_text_about_the_first_results_stays_true():
    """The lesson says the three first results for `giá cà phê` are invented domains."""
    results = tim_kiem("giá cà phê")
    first_official = next(r.hang for r in results.itertuples() if data.is_official(r.ten_mien))
    assert first_official == 4


def test_search_runs_on_a_learners_own_table_and_refuses_non_text():
    table = data.pages_frame().head(3)
    assert set(_urls("lâm đồng", bang=table)) <= set(table["url"])
    assert so_ket_qua("xã", bang=table) <= 3
    with pytest.raises(TypeError):
        tim_kiem(123)


def test_search_box_shows_results_at_once_and_on_typing():
    box = hop_tim_kiem('"giá cà phê" site:lamdong.gov.vn')
    text, out = box.children
    assert "Bản tin giá nông sản" in out.value and "kết quả" in out.value
    text.value = "intitle:khẩn"
    assert "KHẨN" in out.value and "Bản tin" not in out.value


# --- checks and hidden tests ------------------------------------------------------------


def test_score_page_counts_three_criteria():
    page = {"ten_mien": "sxd.lamdong.gov.vn", "co_dan_nguon": True, "ngay": "2025-01-01"}
    assert checks.score_page(page) == 3
    assert checks.score_page({**page, "ten_mien": "lamdong.gov.vn.thong-bao.example"}) == 2
    assert checks.score_page({**page, "co_dan_nguon": False, "ngay": "2024-12-31"}) == 1


def test_official_domain_rule():
    yes = ["gov.vn", "lamdong.gov.vn", "tin.baochinhphu.vn", "chinhphu.vn"]
    no = ["xgov.vn", "abcchinhphu.vn", "lamdong.gov.vn.thong-bao.example", "gov.vn.example"]
    assert all(map(data.is_official, yes)) and not any(map(data.is_official, no))


def test_lesson_link_options_match_the_worked_solution():
    from graders.m02.bai_hoc import q3

    assert q3._solution == f"link_chinh_thuc = {checks.official_links()!r}".replace("'", '"')


def _cells(file: str) -> dict:
    nb = nbformat.read(MODULE.path / file, as_version=4)
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


def _hidden(cell) -> str:
    return re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)[1]


@pytest.fixture(scope="module")
def lab_namespace(tmp_path_factory) -> dict:
    """The officials' lab run with its solutions (test cells skipped)."""
    import os

    folder = tmp_path_factory.mktemp("m02-lab")
    data.write(folder)
    ns: dict = {}
    old = os.getcwd()
    os.chdir(folder)
    try:
        for cell in nbformat.read(MODULE.path / "thuc-hanh.ipynb", as_version=4).cells:
            if cell.cell_type == "code" and not cell.metadata["nbgrader"].get("grade"):
                exec(re.sub(r"(?m)^\w+ = \.\.\.$", "", cell.source), ns)
    finally:
        os.chdir(old)
    return ns


HALF_RIGHT = [
    # (variable, an answer that passes the public check and fails the hidden test)
    ("truy_van_gia", "truy_van_gia = 'giá cà phê'"),
    ("la_chinh_thuc", "def la_chinh_thuc(ten_mien):\n    return ten_mien.endswith('gov.vn')\n"),
    ("cham_diem", "def cham_diem(trang):\n    return int(la_chinh_thuc(trang['ten_mien']))\n"),
    (
        "cham_diem",
        "def cham_diem(trang):\n"
        "    return int(la_chinh_thuc(trang['ten_mien'])) + int(bool(trang['co_dan_nguon']))"
        " + int(trang['ngay'] > '2025-01-01')\n",
    ),
    ("ngay_goc_anh", "ngay_goc_anh = '2025-09-12'"),
    ("khop_du_lieu", "def khop_du_lieu(so_xa, so_phuong, so_dac_khu):\n    return so_xa == 103\n"),
]


@pytest.mark.parametrize("variable,source", HALF_RIGHT)
def test_hidden_tests_catch_what_public_checks_miss(lab_namespace, variable, source):
    from graders.m02 import thuc_hanh

    hidden = _hidden(_cells("thuc-hanh.ipynb")[f"{variable}_kiem_tra"])
    exec(hidden, dict(lab_namespace))  # the trainer's solution passes
    ns = dict(lab_namespace)
    exec(source, ns)
    question = next(q for q in vars(thuc_hanh).values() if getattr(q, "variable", "") == variable)
    assert question.outcome(ns[variable]).passed
    with pytest.raises(AssertionError):
        exec(hidden, ns)


def test_citizen_key_for_the_link_question_follows_the_domain_rule():
    cells = _cells("thuc-hanh-nguoi-dan.ipynb")
    options = dict(re.findall(r"^- ([A-D])\. `(https://[^`]+)`", cells["de_cau_1"].source, re.M))
    official = [k for k, url in options.items() if data.is_official(checks.domain_of(url))]
    assert len(options) == 4 and len(official) == 1
    assert f'"{official[0]}"' in _hidden(cells["cau_1_kiem_tra"])


def test_citizen_public_checks_accept_any_well_formed_answer():
    from graders.m02 import thuc_hanh_nguoi_dan as nd

    assert all(nd.q1.outcome(x).passed for x in ("A", "b", " C "))
    assert not nd.q1.outcome("E").passed and not nd.q1.outcome(["A"]).passed
    assert nd.q4.outcome(1).passed and not nd.q4.outcome(True).passed
    assert nd.q5.outcome(True).passed and not nd.q5.outcome("False").passed
    assert nd.q6.outcome(["B"]).passed and not nd.q6.outcome(["A", "A"]).passed
