"""Module 06: the password meter, the scam messages, the widgets and the tricky checks."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import nbformat
import pandas as pd
import pytest

from graders.feedback import CHUA_DUNG, DUNG
from graders.m06 import checks
from graders.m06.cong_cu import bo_phan_loai_tin, dong_ho_mat_khau, giai_thich_tin
from graders.m06.lua_dao import DAU_HIEU, TU_KHOA, chuan_hoa
from graders.m06.mat_khau import LEVEL_NAMES, danh_gia_mat_khau, doc_so, thoi_gian
from workbench import curriculum
from workbench.datasets import m06 as dataset

MODULE = curriculum.load().module("m06")
URL = re.compile(r"(?:https?://)?[\w.-]+\.(?:top|vip|xyz|cc|vn|com)(?=[/\s:]|$)", re.I)


def _cells(file: str) -> dict:
    return {c.id: c for c in nbformat.read(MODULE.path / file, 4).cells}


def _hidden(source: str) -> str:
    return source.split("### BEGIN HIDDEN TESTS\n")[1].split("### END HIDDEN TESTS")[0]


# --- data ------------------------------------------------------------------------------------


def test_dataset_is_written_identically_and_reads_back_with_pandas(tmp_path):
    (first,) = dataset.write(tmp_path / "a")
    (second,) = dataset.write(tmp_path / "b")
    assert "gia-lap" in first.name
    assert first.read_bytes() == second.read_bytes()
    table = pd.read_csv(first)  # the BOM (for Excel) must not leak into the first column name
    assert table.columns.tolist() == list(dataset.COLUMNS)
    assert table["ma"].is_unique and len(table) == len(dataset.messages())
    assert table.isna().sum().sum() == 0  # "không có", never an empty cell read as NaN


def test_labels_and_signs_agree():
    for record in dataset.messages():
        signs = dataset.signs_of(record)
        assert record["nhan"] in (dataset.SCAM, dataset.GENUINE)
        assert set(signs) <= set(DAU_HIEU), record["ma"]
        assert len(signs) == len(set(signs)), record["ma"]
        # A scam shows at least one sign; a genuine message none.
        assert bool(signs) == (record["nhan"] == dataset.SCAM), record["ma"]
    kinds = {r["loai"] for r in dataset.messages() if r["nhan"] == dataset.SCAM}
    genuine_kinds = {r["loai"] for r in dataset.messages() if r["nhan"] == dataset.GENUINE}
    assert not kinds & genuine_kinds  # a type names scams or genuine messages, never both


def test_the_five_scam_families_of_the_brief_are_present():
    text = " ".join(
        chuan_hoa(r["noi_dung"]) for r in dataset.messages() if r["nhan"] == dataset.SCAM
    )
    for needle in ("daquybank", "cong an", "dinh danh", "trung thuong", "otp"):
        assert needle in text, needle
    used = {s for r in dataset.messages() for s in dataset.signs_of(r)}
    assert used == set(DAU_HIEU)  # every sign is taught by at least one message


def test_fake_links_never_use_an_official_domain():
    seen = 0
    for record in dataset.messages():
        hosts = [checks.host_of(u) for u in URL.findall(record["noi_dung"])]
        seen += len(hosts)
        for host in hosts:
            official = host.endswith(".gov.vn") or not checks.is_fake_link(
                host, dataset.OFFICIAL_DOMAIN
            )
            assert official == (record["nhan"] == dataset.GENUINE), (record["ma"], host)
    assert seen >= 9


def test_lookalike_domain_is_punycode_of_a_cyrillic_a():
    assert dataset.LOOKALIKE_PUNYCODE.startswith("xn--")
    assert dataset.LOOKALIKE_PUNYCODE.encode().decode("idna") == dataset.LOOKALIKE_UNICODE
    assert dataset.LOOKALIKE_UNICODE != dataset.OFFICIAL_DOMAIN
    assert dataset.LOOKALIKE_UNICODE.replace("\u0430", "a") == dataset.OFFICIAL_DOMAIN
    assert checks.is_fake_link(f"https://{dataset.LOOKALIKE_PUNYCODE}/", dataset.OFFICIAL_DOMAIN)


# --- password meter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password,sign",
    [
        ("123456", "pho_bien"),
        ("matkhau", "pho_bien"),
        ("anhyeuem", "pho_bien"),
        ("15081990", "ngay_thang"),
        ("19900815", "ngay_thang"),
        ("15/08/1990", "ngay_thang"),
        ("0935817264", "so_dien_thoai"),
        ("079190001234", "so_giay_to"),
        ("aaaaaaaaaa", "lap_lai"),
        ("poiuytrewq", "ban_phim"),
        ("P@ssw0rd", "thay_ky_tu"),
    ],
)
def test_vietnamese_favourites_are_very_weak_and_explained(password, sign):
    result = danh_gia_mat_khau(password)
    assert result.muc <= 1, (password, result.so_lan_doan)
    assert sign in result.dau_hieu
    assert result.ten_muc == LEVEL_NAMES[result.muc]
    assert all(unicodedata_nfc(r) for r in result.ly_do)


def unicodedata_nfc(text: str) -> bool:
    import unicodedata

    return unicodedata.is_normalized("NFC", text) and text.strip() != ""


def test_length_and_randomness_beat_complexity_rules():
    policy_style = danh_gia_mat_khau("Lamdong@2025")
    passphrase = danh_gia_mat_khau("ngua-may-bieu-den")
    random_long = danh_gia_mat_khau("kqtvzpamxhwr")
    assert policy_style.muc <= 1 < 4 == passphrase.muc == random_long.muc
    # each extra random word multiplies the guesses
    assert danh_gia_mat_khau("ngua-may-bieu").so_lan_doan < passphrase.so_lan_doan
    assert danh_gia_mat_khau("Matkhau@2025").so_lan_doan < 1e8  # "complex", still weak
    assert danh_gia_mat_khau("").muc == 0


def test_meter_never_returns_the_password_and_keeps_no_state():
    secret = "Zq7xWv-plum-K3"
    first = danh_gia_mat_khau(secret)
    text = repr(first) + first._repr_html_()
    for size in range(4, len(secret) + 1):
        for start in range(len(secret) - size + 1):
            assert secret[start : start + size] not in text
    assert danh_gia_mat_khau(secret) == first  # pure: same answer, nothing remembered between calls


def test_meter_is_fast_enough_for_typing():
    for password in ("ab" * 32, "a" * 500, "k9#Tq2!vXm4p" * 20):
        start = time.perf_counter()
        danh_gia_mat_khau(password)
        assert time.perf_counter() - start < 0.5, password[:12]


def test_numbers_and_times_in_words():
    assert doc_so(2_500_000) == "2,5 triệu"
    assert doc_so(3e20) == "3 × 10^20"
    assert thoi_gian(5, 10) == "dưới 1 giây"
    assert thoi_gian(36_000, 10) == "khoảng 1 giờ"
    assert thoi_gian(1e30, 10).endswith("thế kỷ")


# --- widgets ---------------------------------------------------------------------------------


def test_password_meter_shows_a_result_at_once_and_never_echoes(capsys):
    meter = dong_ho_mat_khau()
    box, result = meter.children
    assert "Mức 0/4" in result.value  # the default is a Vietnamese favourite
    box.value = "Zq7xWv-plum-K3"
    assert "Mức " in result.value and "Zq7x" not in result.value and "plum" not in result.value
    assert type(box).__name__ == "Password"  # characters hidden on screen
    assert capsys.readouterr().out == ""  # nothing printed, nothing logged


def test_scam_sorter_starts_with_a_worked_example_and_keeps_score():
    table = dataset.frame()
    sorter = bo_phan_loai_tin(table)
    card, buttons, explanation, score = sorter.children
    scam, genuine, following = buttons.children
    first, second = table.iloc[0], table.iloc[1]
    assert "Ví dụ mẫu" in card.value and "Đây là tin" in explanation.value
    assert scam.disabled and genuine.disabled
    following.click()
    assert explanation.value == "" and not scam.disabled
    right = scam if second["nhan"] == dataset.SCAM else genuine
    right.click()
    assert "Bạn chọn đúng" in explanation.value and "1/1" in score.value
    assert scam.disabled  # one answer per message
    following.click()
    wrong_button = genuine if table.iloc[2]["nhan"] == dataset.SCAM else scam
    wrong_button.click()
    assert "Chưa đúng" in explanation.value and "1/2" in score.value
    assert first["ma"] != second["ma"]


def test_every_sign_of_a_message_is_explained():
    for record in dataset.messages():
        text = giai_thich_tin(record)
        for code in dataset.signs_of(record):
            assert DAU_HIEU[code][0] in text
        assert ("LỪA ĐẢO" in text) == (record["nhan"] == dataset.SCAM)


# --- reference solutions and tricky checks ---------------------------------------------------


@pytest.mark.parametrize(
    "url,host",
    [
        ("https://www.DaQuyBank.com.vn/lien-he", "daquybank.com.vn"),
        ("daquybank-xacthuc.top/dang-nhap", "daquybank-xacthuc.top"),
        ("http://qua-tri-an.vip:8080/x", "qua-tri-an.vip"),
        ("https://daquybank.com.vn@lua-dao.top/", "lua-dao.top"),
        ("  HTTPS://EBANKING.DAQUYBANK.COM.VN ", "ebanking.daquybank.com.vn"),
    ],
)
def test_host_of(url, host):
    assert checks.host_of(url) == host


@pytest.mark.parametrize(
    "url,fake",
    [
        ("https://daquybank.com.vn/", False),
        ("https://ebanking.daquybank.com.vn/", False),
        ("www.daquybank.com.vn/x", False),
        ("https://e-daquybank.com.vn/", True),  # endswith without the dot would miss it
        ("http://daquybank.com.vn.baomat-tk.top/", True),
        ("https://daquybank.com.vn@lua-dao.top/", True),
    ],
)
def test_is_fake_link(url, fake):
    assert checks.is_fake_link(url, dataset.OFFICIAL_DOMAIN) is fake


def test_keyword_rule_is_imperfect_both_ways():
    """The lab measures a rule that misses scams and flags genuine messages: keep it that way."""
    rows = dataset.messages()
    missed = [r for r in rows if r["nhan"] == dataset.SCAM and not checks.flag_signs(r["noi_dung"])]
    false_alarms = [
        r for r in rows if r["nhan"] == dataset.GENUINE and checks.flag_signs(r["noi_dung"])
    ]
    assert missed and false_alarms
    assert 0.6 < checks.keyword_accuracy() < 0.95
    assert checks.flag_signs("Gửi mã OTP ngay kẻo khóa tài khoản") == ["yeu_cau_otp", "gap_gap"]
    assert list(TU_KHOA) == list(DAU_HIEU)  # the lab's codes are the lesson's codes


def test_lesson_lists_match_the_checks():
    cells = _cells("bai-hoc.ipynb")
    names: dict = {}
    exec(cells["bai-1-tra-loi"].source, names)
    exec(cells["bai-4-tra-loi"].source, names)
    assert tuple(names["ung_vien"]) == checks.LESSON_CANDIDATES
    assert tuple(names["cac_link"]) == checks.LESSON_LINKS
    levels = sorted(danh_gia_mat_khau(p).muc for p in checks.LESSON_CANDIDATES)
    assert levels[-1] > levels[-2]  # exactly one strongest candidate
    assert 0 < len(checks.official_links()) < len(checks.LESSON_LINKS)
    for phrase in checks.LESSON_EXAMPLE_PHRASES:
        assert danh_gia_mat_khau(phrase).muc == 4


def test_lab_policy_probes_fail_each_rule_on_its_own():
    hidden = _hidden(_cells("thuc-hanh.ipynb")["dat-chinh-sach-kiem-tra"].source)
    probes = re.findall(r'^\s+"([^"]+)",$', hidden, re.M)
    rules = {
        "length": lambda p: len(p) >= 12,
        "letter": lambda p: any(c.isalpha() for c in p),
        "digit": lambda p: any(c.isdigit() for c in p),
        "meter": lambda p: danh_gia_mat_khau(p).muc >= 3,
    }
    assert any(checks.meets_policy(p) for p in probes)
    for name, rule in rules.items():
        others = [r for n, r in rules.items() if n != name]
        assert any(not rule(p) and all(o(p) for o in others) for p in probes), name


def _run_hidden(cell_id: str, names: dict) -> None:
    cells = _cells("thuc-hanh.ipynb")
    exec(cells["chuan-bi"].source.replace('pd.read_csv("tin-nhan-gia-lap.csv")', "None"), names)
    exec(_hidden(cells[cell_id].source), names)


def test_hidden_tests_catch_what_public_checks_miss():
    from graders.m06.thuc_hanh import q2, q3, q6

    def endswith_without_dot(url, ten_mien_that):
        return not checks.host_of(url).endswith(ten_mien_that)

    def split_by_hand(url):
        return url.split("//")[-1].split("/")[0].lower().removeprefix("www.")

    def hard_coded(mat_khau):
        return len(mat_khau) >= 12 and mat_khau not in ("123456",)

    for question, function, cell in (
        (q3, endswith_without_dot, "la-link-gia-kiem-tra"),
        (q2, split_by_hand, "ten-mien-kiem-tra"),
        (q6, hard_coded, "dat-chinh-sach-kiem-tra"),
    ):
        assert question.outcome(function).status == DUNG
        names = {question.variable: function, "ten_mien": checks.host_of}
        names[question.variable] = function
        with pytest.raises(AssertionError):
            _run_hidden(cell, names)


def test_accuracy_is_graded_with_the_learners_own_flagger():
    def flags_everything(noi_dung):
        return ["link_la"]

    share_of_scams = sum(r["nhan"] == dataset.SCAM for r in dataset.messages()) / len(
        dataset.messages()
    )
    _run_hidden(
        "do-chinh-xac-kiem-tra", {"tim_dau_hieu": flags_everything, "do_chinh_xac": share_of_scams}
    )
    with pytest.raises(AssertionError):
        _run_hidden(
            "do-chinh-xac-kiem-tra",
            {"tim_dau_hieu": flags_everything, "do_chinh_xac": checks.keyword_accuracy()},
        )


def test_citizen_public_checks_accept_every_well_formed_answer():
    """Format only: a public check that accepted one letter and refused another would leak it."""
    from graders.m06 import thuc_hanh_nguoi_dan as lab

    for name in ("q1", "q3", "q4", "q5", "q6", "q9"):
        question = getattr(lab, name)
        assert {question.outcome(x).status for x in "ABCD"} == {DUNG}
        assert question.outcome("b ").status == DUNG
        assert question.outcome("E").status == CHUA_DUNG
    assert {lab.q2.outcome(x).status for x in (True, False)} == {DUNG}
    for name in ("q7", "q8"):
        question = getattr(lab, name)
        assert question.outcome(["E", "A"]).status == DUNG
        assert question.outcome(["B"]).status == DUNG
        assert question.outcome("A").status == CHUA_DUNG


def test_citizen_options_match_the_hidden_tests():
    cells = _cells("thuc-hanh-nguoi-dan.ipynb")
    for n in (4, 5):
        question = cells[f"de-cau-{n}"].source
        hidden = _hidden(cells[f"cau-{n}-kiem-tra"].source)
        for letter, option in re.findall(r'"([A-D])": "([^"]+)"', hidden):
            assert re.search(rf"\*\*{letter}\.\*\* `?{re.escape(option)}`?$", question, re.M)
    names: dict = {"cau_4": "C", "cau_5": "D"}
    for n in (4, 5):
        exec(_hidden(cells[f"cau-{n}-kiem-tra"].source), names)


def test_passphrase_check_never_echoes_the_phrase():
    phrase = "tao-meo-zx-quy"
    from graders.m06.bai_hoc import q2

    outcome = q2.outcome(phrase)
    assert "zx-quy" not in outcome.message.vi and "tao-meo" not in outcome.message.vi
    assert q2.outcome("ngua-may-bieu-den").status == CHUA_DUNG  # the lesson's own example


def test_lesson_link_solution_uses_only_what_the_lesson_taught():
    from graders.m06.bai_hoc import q4

    names = {"urlsplit": urlsplit, "cac_link": list(checks.LESSON_LINKS)}
    exec(q4._solution, names)
    assert q4.outcome(names["link_that"]).status == DUNG
