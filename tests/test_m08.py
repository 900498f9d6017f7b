"""Module 08: the TCVN3 / VNI / Windows-1258 codecs, detection, tone placement, the generated
files and the subtle checks."""

from __future__ import annotations

import io
import random
import unicodedata

import pandas as pd
import pytest

from graders.m08 import checks
from graders.m08.bang_ma import (
    BANG_MA,
    TCVN3,
    VNI,
    diem_bang_ma,
    doan_bang_ma,
    doc_van_ban,
    giai_ma,
    ma_hoa,
)
from graders.m08.tieng_viet import (
    LOWER_LETTERS,
    UPPER_LETTERS,
    VIETNAMESE_LETTERS,
    dau_kieu_hoa_cu,
    doi_dau,
    la_am_tiet,
)
from graders.units import name_key
from workbench.data import units
from workbench.datasets import m08 as data

ALL_LETTERS = "".join(LOWER_LETTERS + UPPER_LETTERS)
TONED_CAPITALS = [ch for ch in UPPER_LETTERS if ch not in TCVN3 and not ch.isascii()]

# --- known answers from published tables ---------------------------------------------------
# TCVN3: the lower-case half of the TCVN 5712 table in X11's TCVNtoUCS2.c (apple-open-source/
# macos, X11/xc/extras/X-TrueType/TCVN) — all 74 non-ASCII bytes were compared once — and the
# examples of a published convertTcvn3ToUnicode ("B¶o Th¾ng" → "Bảo Thắng").
TCVN3_KNOWN = {
    "Bảo Thắng": b"B\xb6o Th\xbeng",
    "Mường Khương": b"M\xad\xeang Kh\xad\xacng",
    "Bát Xát": b"B\xb8t X\xb8t",
    "Đ": b"\xa7",
    "đ": b"\xae",
    "ư": b"\xad",
    "Ư": b"\xa6",
    "ặ": b"\xc6",
    "ỵ": b"\xfe",
    "ĩ": b"\xdc",
}
# VNI-Windows: duydev/vietnamese-conversion (src/charsets.ts and its README); all 134 letters
# were compared once.
VNI_KNOWN = {
    "Xin chào các bạn": b"Xin cha\xf8o ca\xf9c ba\xefn",
    "Ă": b"A\xca",
    "Ĩ": b"\xd3",
    "ỵ": b"\xee",
    "ờ": b"\xf4\xf8",
    "Ự": b"\xd6\xcf",
    "ẵ": b"a\xfc",
    "Ậ": b"A\xc4",
    "đ": b"\xf1",
}


@pytest.mark.parametrize("text,raw", TCVN3_KNOWN.items())
def test_tcvn3_known_answers(text, raw):
    assert ma_hoa(text, "tcvn3") == raw
    assert giai_ma(raw, "tcvn3") == text


@pytest.mark.parametrize("text,raw", VNI_KNOWN.items())
def test_vni_known_answers(text, raw):
    assert ma_hoa(text, "vni") == raw
    assert giai_ma(raw, "vni") == text


def test_cp1258_puts_the_tone_in_a_combining_byte_and_decodes_to_nfc():
    raw = ma_hoa("Việt", "cp1258")
    assert raw == b"Vi\xea\xf2t"  # ê, then the combining dot below
    assert not unicodedata.is_normalized("NFC", raw.decode("cp1258"))
    assert giai_ma(raw, "cp1258") == "Việt"


# --- full round trips ----------------------------------------------------------------------


def test_the_alphabet_has_134_letters_beyond_ascii():
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(TCVN3) == len(set(TCVN3.values())) == 72 + 1 + 7  # lower vowels, đ, 7 capitals
    assert len(VNI) == len(set(VNI.values())) == 2 * 72 + 2 - 12  # ASCII vowels need no entry


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258", "vni"])
def test_every_letter_with_every_tone_round_trips(encoding):
    assert giai_ma(ma_hoa(ALL_LETTERS, encoding), encoding) == ALL_LETTERS


def test_tcvn3_round_trips_every_letter_it_has():
    text = "".join(ch for ch in ALL_LETTERS if ch.isascii() or ch in TCVN3)
    assert giai_ma(ma_hoa(text, "tcvn3"), "tcvn3") == text
    assert len(TONED_CAPITALS) == 67 - 7  # the capitals TCVN3 lacks


@pytest.mark.parametrize("capital", TONED_CAPITALS)
def test_tcvn3_capital_with_tone_is_refused_or_written_as_vntimeh(capital):
    with pytest.raises(ValueError, match="chữ hoa có dấu"):
        ma_hoa(capital, "tcvn3")
    raw = ma_hoa(capital, "tcvn3", chu_hoa_co_dau="chu_thuong")
    assert raw == ma_hoa(capital.lower(), "tcvn3")
    assert giai_ma(raw, "tcvn3") == capital.lower()  # the case is lost, as in real ABC files


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_random_mixed_text_round_trips(encoding):
    rng = random.Random(8)
    pool = [ch for ch in ALL_LETTERS if encoding != "tcvn3" or ch.isascii() or ch in TCVN3]
    pool += list(" ,.;:-()0123456789'\"\n")
    for _ in range(200):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
        assert giai_ma(ma_hoa(text, encoding), encoding) == text


def test_text_given_as_nfd_is_encoded_like_nfc():
    nfd = unicodedata.normalize("NFD", "Phường Phú Thủy")
    for encoding in ("cp1258", "tcvn3", "vni"):
        assert ma_hoa(nfd, encoding) == ma_hoa("Phường Phú Thủy", encoding)


def test_decoding_a_string_is_refused():
    with pytest.raises(TypeError, match="đã là Unicode"):
        giai_ma("Xã Đắk Song", "tcvn3")


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_every_unit_name_alone_is_detected(encoding):
    wrong = [u["ten"] for u in units() if doan_bang_ma(ma_hoa(u["ten"], encoding)) != encoding]
    assert wrong == []


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_unicode_is_never_converted(form):
    text = unicodedata.normalize(form, data.sample_text())
    for raw in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        assert doan_bang_ma(raw) == "utf-8"
        assert giai_ma(raw, "utf-8") == unicodedata.normalize("NFC", data.sample_text())


def test_the_right_decoding_scores_best_and_a_wrong_one_looks_foreign():
    for encoding in BANG_MA:
        scores = diem_bang_ma(ma_hoa(data.sample_text(), encoding))
        assert max(scores, key=scores.get) == encoding
        assert all(s < scores[encoding] / 4 for n, s in scores.items() if n != encoding), scores


def test_syllables():
    for word in ["người", "khuya", "quyết", "gìn", "Đắk", "nghiêng", "THỦY", "hoà"]:
        assert la_am_tiet(word), word
    for word in ["caực", "aứ", "Krông", "hóà", "§¾k"]:
        assert not la_am_tiet(word), word


# --- tone placement ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "before,after",
    [
        ("hoà", "hòa"),
        ("khoẻ", "khỏe"),
        ("Phường Phú Thuỷ", "Phường Phú Thủy"),
        ("KHOẺ", "KHỎE"),
        ("Sông Luỹ", "Sông Lũy"),
        ("uỷ ban", "ủy ban"),
        ("thuỷ,", "thủy,"),
        ("Phú Quý", "Phú Quý"),  # qu is a consonant
        ("Hoàng", "Hoàng"),  # closed syllable
        ("Huỳnh", "Huỳnh"),
        ("thuyền", "thuyền"),
    ],
)
def test_doi_dau(before, after):
    assert doi_dau(before) == after
    assert doi_dau(after) == after


def test_doi_dau_needs_nfc_first():
    nfd = unicodedata.normalize("NFD", "Thuỷ")
    assert doi_dau(nfd) == nfd
    assert doi_dau(unicodedata.normalize("NFC", nfd)) == "Thủy"


def test_both_tone_styles_agree_with_the_shared_name_key():
    for unit in units():
        name = unit["ten"]
        assert doi_dau(dau_kieu_hoa_cu(name)) == doi_dau(name)
        assert name_key(dau_kieu_hoa_cu(name)) == name_key(doi_dau(name)) == name_key(name)
    changed = [u["ten"] for u in units() if doi_dau(u["ten"]) != u["ten"]]
    assert changed == ["Phường Phú Thuỷ"]  # the package's only name in the other style


# --- generated files -----------------------------------------------------------------------


def test_files_are_deterministic_and_marked_synthetic(tmp_path):
    first = {p.name: p.read_bytes() for p in data.write(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in data.write(tmp_path / "b")}
    assert first == second
    generated = set(first) - {"don_vi_lam_dong.csv"}
    assert all("gia-lap" in name or name.startswith("mau-") for name in generated)
    assert "giả lập" in giai_ma(first["mau-vni.txt"], "vni")


def test_sample_files_decode_back_to_the_sample_text(tmp_path):
    data.write(tmp_path)
    for file, encoding in data.SAMPLE_ENCODINGS.items():
        raw = (tmp_path / file).read_bytes()
        assert doan_bang_ma(raw) == encoding
        assert doc_van_ban(tmp_path / file) == data.sample_text()


def test_report_parts_use_four_encodings_and_decode_to_the_rows(tmp_path):
    data.write(tmp_path)
    assert sorted(data.report_encodings().values()) == sorted(BANG_MA)
    frames = []
    for file, encoding in data.report_encodings().items():
        raw = (tmp_path / file).read_bytes()
        assert doan_bang_ma(raw) == encoding, file
        frames.append(pd.read_csv(io.StringIO(giai_ma(raw, encoding)), dtype=str))
    table = pd.concat(frames, ignore_index=True)
    assert table.to_dict("records") == data.report_rows()
    # The UTF-8 part really holds NFD rows, so the NFC step of the lab matters.
    utf8 = next(f for f, e in data.report_encodings().items() if e == "utf-8")
    assert not unicodedata.is_normalized("NFC", (tmp_path / utf8).read_bytes().decode("utf-8"))


def _key(name: str) -> str:
    """The lesson's matching key."""
    key = checks.clean_name(name).lower()
    for prefix in ("xã ", "phường ", "đặc khu "):
        key = key.removeprefix(prefix)
    return key


@pytest.mark.parametrize("file", [data.LESSON_STATS, data.LAB_STATS])
def test_statistics_truth_is_what_the_taught_method_finds(file):
    by_key = {_key(u["ten"]): u["ma"] for u in units()}
    assert len(by_key) == len(units())  # the key still tells the 124 units apart
    rows = data.statistics_rows(file)
    assert [by_key.get(_key(r["ten_don_vi"])) for r in rows] == [r["ma"] for r in rows]
    raw_names = {u["ten"] for u in units()}
    naive = sum(r["ten_don_vi"] in raw_names for r in rows)
    assert naive < sum(r["ma"] is not None for r in rows)  # cleaning makes a difference


@pytest.mark.parametrize("file", [data.LESSON_STATS, data.LAB_STATS])
def test_statistics_numbers_and_dates_parse_back(tmp_path, file):
    data.write(tmp_path)
    rows = data.statistics_rows(file)
    table = pd.read_csv(
        tmp_path / file, thousands=".", decimal=",", na_values=["..", "-"], dtype={"x": str}
    )
    assert table["kinh_phi"].tolist() == pytest.approx(
        [r["kinh_phi_so"] if r["kinh_phi_so"] is not None else float("nan") for r in rows],
        nan_ok=True,
    )
    cells = pd.read_csv(tmp_path / file, dtype=str)
    assert [checks.parse_vn_number(c) for c in cells["so_hoc_vien"]] == [
        r["so_hoc_vien_so"] for r in rows
    ]
    dates = pd.to_datetime(cells["ngay_cap_nhat"], format="%d/%m/%Y").dt.date.tolist()
    assert dates == [r["ngay"] for r in rows]
    # A month-first reading fails or differs: the format has to be given.
    with pytest.raises(ValueError):
        pd.to_datetime(cells["ngay_cap_nhat"])
    assert {"..", "-"} & set(cells["kinh_phi"])


@pytest.mark.parametrize("value", [0, 7, 1234567.8, 2500, 1000000.25])
def test_vn_number_and_parser_agree(value):
    decimals = 0 if float(value).is_integer() else 2
    assert checks.parse_vn_number(data.vn_number(value, decimals)) == pytest.approx(value)


# --- subtle checks -------------------------------------------------------------------------


def test_clean_function_check_rejects_the_wrong_order():
    from graders.m08.thuc_hanh import q1

    def nfc_after(ten):
        return unicodedata.normalize("NFC", doi_dau(" ".join(ten.split())))

    def right(ten):
        return doi_dau(" ".join(unicodedata.normalize("NFC", ten).split()))

    assert q1.outcome(right).passed
    probe = unicodedata.normalize("NFD", "Phường Phú Thuỷ")
    assert nfc_after(probe) != checks.clean_name(probe)  # what the hidden test catches


def test_nfd_answer_is_caught_although_plain_would_hide_it():
    from graders.canonical import plain
    from graders.m08.bai_hoc import q1

    nfd = unicodedata.normalize("NFD", "Xã Đắk Song")
    assert plain(nfd) == "Xã Đắk Song"
    assert not q1.outcome(nfd).passed
    assert "NFD" in q1.outcome(nfd).message.vi


def test_month_first_answer_gets_a_specific_message():
    from graders.m08.bai_hoc import q5

    month_first = [int(d.split("/")[0]) for d in checks.LESSON_DATES]
    assert "kiểu Mỹ" in q5.outcome(month_first).message.vi


def test_widgets_build_and_render_once(tmp_path, monkeypatch, capsys):
    from graders.m08 import cong_cu

    assert cong_cu.bang_ky_tu("Thuỷ").count("<tr>") == 1 + 4
    assert cong_cu.bang_ky_tu(unicodedata.normalize("NFD", "Thuỷ")).count("<tr>") == 1 + 5
    data.write(tmp_path)
    box = cong_cu.hop_thu_bang_ma(tmp_path)
    assert box.children[0].value == "mau-tcvn3.txt"
    assert cong_cu.hop_xem_ky_tu().children[0].value == "Thuỷ Thủy"
