"""Module 03: the generated files, the reference rules, the widgets, and hidden tests that catch
what the public checks let through."""

from __future__ import annotations

import io
import re
import time
import unicodedata
import zipfile

import nbformat
import pandas as pd
import pytest

from graders.feedback import CHUA_DUNG, DUNG
from graders.m03 import checks, cong_cu, thuc_hanh
from graders.m03 import reference as ref
from workbench import curriculum
from workbench.datasets import m03 as data

LAB = curriculum.load().module("m03").path / "thuc-hanh.ipynb"


# --- the generated files ----------------------------------------------------------------------


def test_generator_is_byte_for_byte_reproducible(tmp_path):
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in data.write(tmp_path / "a")}
    data.dvc_records.cache_clear()
    data._messy.cache_clear()
    time.sleep(1.1)  # a clock that leaks into the files (zip times, workbook dates) now differs
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in data.write(tmp_path / "b")}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_every_received_file_is_what_the_generator_says_it_is():
    files = data.messy_files()
    assert {name: ref.real_type(content) for name, content in files.items()} == data.messy_types()
    # The folder teaches something only if some extensions lie and some names need fixing.
    assert len(ref.wrong_extension(data.messy_types())) >= 3
    assert 0 < len(ref.needs_rename(files)) < len(files)


def test_office_files_open_with_their_own_libraries():
    for name, kind in data.messy_types().items():
        content = io.BytesIO(data.messy_files()[name])
        if kind == "xlsx":
            sheets = pd.read_excel(content, sheet_name=None)
            assert sheets and all(len(s) for s in sheets.values()), name
        if kind in ("xlsx", "docx"):
            assert zipfile.ZipFile(content).testzip() is None, name


def test_pdf_cross_reference_points_at_its_objects():
    for name, kind in data.messy_types().items():
        if kind != "pdf":
            continue
        pdf = data.messy_files()[name]
        start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
        assert pdf[start:].startswith(b"xref")
        offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", pdf)]
        for number, offset in enumerate(offsets, start=1):
            assert pdf[offset:].startswith(b"%d 0 obj" % number), (name, number)


def test_vn_csv_reads_back_exactly_with_the_taught_parameters(tmp_path):
    data.write(tmp_path)
    path = tmp_path / data.DVC_CSV
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    right = pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="utf-8-sig")
    assert right.to_dict("records") == [dict(r) for r in data.dvc_records()]
    # The trap is real: numbers with a thousands separator exist in both count columns, and
    # a read with only sep=";" gives a different total without any error.
    for column in ("ho_so_tiep_nhan", "ho_so_truc_tuyen"):
        assert any(r[column] >= 1000 for r in data.dvc_records())
    naive = pd.read_csv(path, sep=";")
    assert naive["ho_so_tiep_nhan"].sum() != right["ho_so_tiep_nhan"].sum()


def test_each_failing_backup_plan_misses_exactly_one_condition():
    plans: dict[str, list[dict]] = {}
    for copy in data.backup_copies():
        plans.setdefault(copy["ke_hoach"], []).append(copy)
    missed = {}
    for plan, copies in plans.items():
        conditions = [
            ok
            for ok, _ in cong_cu.verdict_321(
                [("", c["phuong_tien"], c["ngoai_co_quan"]) for c in copies]
            )
        ]
        missed[plan] = conditions.count(False)
        assert (missed[plan] == 0) == ref.meets_321(copies)
    failing = [p for p in plans if missed[p]]
    assert failing and all(missed[p] == 1 for p in failing)
    assert ref.plans_meeting_321(data.backup_copies())  # at least one plan passes


def test_synthetic_files_say_so():
    names = [data.DVC_CSV, data.BACKUP_CSV, data.MESSY_DIR]
    assert all("gia-lap" in name for name in names)


# --- reference rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Phường Xuân Hương - Đà Lạt", "phuong-xuan-huong-da-lat"),
        ("Xã D'Ran", "xa-d-ran"),
        ("  --Xã Đắk song!! ", "xa-dak-song"),
        ("Kế hoạch — quý I (bản 2)", "ke-hoach-quy-i-ban-2"),
    ],
)
def test_slug(text, expected):
    assert ref.slug(text) == expected
    assert ref.slug(unicodedata.normalize("NFD", text)) == expected


def test_tone_placement_and_normal_form_give_one_name():
    assert (
        ref.slug("Phú Thuỷ")
        == ref.slug("Phú Thủy")
        == ref.slug(unicodedata.normalize("NFD", "Phú Thủy"))
    )


def test_iso_date_pads_day_and_month():
    assert ref.iso_date("5/9/2025") == "2025-09-05"
    assert ref.iso_date("14/08/2025") == "2025-08-14"
    assert ref.standard_name("1/10/2025", "Xã Di Linh", "Báo cáo", 12, "PDF") == (
        "2025-10-01_xa-di-linh_bao-cao_v12.pdf"
    )


def test_real_type_reads_content_not_names():
    assert ref.real_type(b"%PDF-1.7 ...") == "pdf"
    assert ref.real_type("ma;ten\r\n1;Xã A\r\n".encode("utf-8-sig")) == "csv"
    assert ref.real_type("Thôn 1".encode("cp1258")) == "khac"
    assert ref.real_type(b"PK\x03\x04 not really a zip") == "khac"
    assert ref.real_type(b"\x89PNG\r\n\x1a\n") == "png"


# --- checks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer,word",
    [
        ("02-09-2025_phuong-lam-vien-da-lat_ke-hoach-chuyen-doi-so_v3.xlsx", "ngày"),
        ("2025-09-02_lam-vien-da-lat_ke-hoach-chuyen-doi-so_v3.xlsx", "đơn vị"),
        ("2025-09-02_phuong-lam-vien-da-lat_ke-hoach-chuyen-doi-so_3.xlsx", "phiên bản"),
        ("2025-09-02_phuong-lam-vien-da-lat_ke hoach_v3.xlsx", "khoảng trắng"),
        ("2025-09-02_phường-lam-vien-da-lat_ke-hoach-chuyen-doi-so_v3.xlsx", "có dấu"),
        ("2025-09-02_phuong-lam-vien-da-lat_ke-hoach-chuyen-doi-so_v3.xls", "đuôi"),
        ("2025-09-02_phuong-lam-vien-da-lat-ke-hoach-chuyen-doi-so_v3.xlsx", "phần"),
    ],
)
def test_name_check_says_which_part_is_wrong(answer, word):
    outcome = checks.check_lesson_name(answer)
    assert outcome.status == CHUA_DUNG
    assert word in outcome.message.vi


def test_csv_checks_recognise_the_thousands_trap():
    naive = data.dvc_frame()["ho_so_tiep_nhan"].sum() / 1000
    outcome = checks.check_total_dossiers(float(naive))
    assert outcome.status == CHUA_DUNG and "nghìn" in outcome.message.vi


def test_public_checks_leave_no_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert checks.check_type_function(lambda p: ref.real_type_of(p)).status == DUNG
    assert checks.check_rename_function(lambda f: []).status == DUNG
    assert list(tmp_path.iterdir()) == []


def test_type_check_catches_a_guess_from_the_extension():
    outcome = checks.check_type_function(lambda p: "pdf" if str(p).endswith("pdf") else "csv")
    assert outcome.status == CHUA_DUNG and "đuôi" in outcome.message.vi


# --- widgets ----------------------------------------------------------------------------------


def _html(widget) -> str:
    import ipywidgets as widgets

    found = []

    def walk(w):
        if isinstance(w, widgets.HTML):
            found.append(w.value)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    return "\n".join(found)


def test_naming_widget_shows_a_name_at_once():
    box = cong_cu.o_dat_ten()
    assert ref.standard_name(
        "14/8/2025", "Xã Di Linh", "Báo cáo tiến độ chuyển đổi số", 1, "pdf"
    ) in _html(box)
    box.children[0].value = "không phải ngày"
    assert "ngày/tháng/năm" in _html(box)


def test_backup_widget_verdict_follows_the_ticks():
    box = cong_cu.o_sao_luu()
    assert "Chưa đạt" in _html(box)
    checkboxes = [c for c in box.children if hasattr(c, "indent")]
    for checkbox, (_label, _kind, offsite) in zip(checkboxes, cong_cu.PLACES, strict=True):
        checkbox.value = offsite == "có" or _kind == "may-tinh"
    assert "Đạt quy tắc 3-2-1" in _html(box)


def test_file_widget_shows_bytes_not_a_verdict(tmp_path):
    data.write(tmp_path)
    box = cong_cu.o_xem_tep(tmp_path / data.MESSY_DIR)
    text = _html(box)
    assert "16 byte đầu" in text
    assert not any(f"<b>{kind}</b>" in text for kind in ("pdf", "xlsx", "csv"))


# --- hidden tests catch what public checks miss ----------------------------------------------


def _cells():
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nbformat.read(LAB, as_version=4).cells
        if "nbgrader" in c.metadata
    }


def _hidden(source: str) -> str:
    return re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.S).group(1)


def _solution(source: str) -> str:
    return re.sub(r"^[ \t]*### (BEGIN|END) SOLUTION\n", "", source, flags=re.M)


def _flawed_date(ngay, don_vi, noi_dung, phien_ban, duoi):
    ngay_so, thang, nam = ngay.split("/")  # forgets to pad the day
    return f"{nam}-{thang.zfill(2)}-{ngay_so}_{ref.slug(don_vi)}_{ref.slug(noi_dung)}_v{phien_ban}.{duoi.lower()}"


def _flawed_folder(thu_muc):
    from pathlib import Path

    return sorted(p.name for p in Path(thu_muc).iterdir() if not ref.valid_name(p.name))


def _flawed_zip(duong_dan):
    kind = ref.real_type_of(duong_dan)
    return "xlsx" if kind == "khac" and open(duong_dan, "rb").read(2) == b"PK" else kind


def _flawed_321(ban_sao):
    return bool(len(ban_sao) >= 3 and (ban_sao["ngoai_co_quan"] == "có").any())


FLAWED = {
    "tao_ten_tep": lambda ns: _flawed_date,
    "liet_ke_can_doi_ten": lambda ns: _flawed_folder,
    "loai_that": lambda ns: _flawed_zip,
    # The wrong column: below the all-units online total, so the public range check passes.
    "tong_truc_tuyen_phuong": lambda ns: int(
        data.dvc_frame().query("loai == 'phường'")["ho_so_tiep_nhan"].sum()
    ),
    # Uses the lesson's table instead of its parameter.
    "ghi_hai_trang": lambda ns: (
        lambda bang, ten_tep: ns["ghi_hai_trang"](data.dvc_frame(), ten_tep)
    ),
    "dat_3_2_1": lambda ns: _flawed_321,
}


@pytest.fixture
def lab_namespace(tmp_path, monkeypatch):
    data.write(tmp_path)
    monkeypatch.chdir(tmp_path)
    cells = _cells()
    ns: dict = {}
    exec(cells["chuan_bi"], ns)
    for variable in FLAWED:
        exec(_solution(cells[variable]), ns)
    return ns, cells


@pytest.mark.parametrize("variable", list(FLAWED))
def test_hidden_test_rejects_an_answer_the_public_check_accepts(lab_namespace, variable):
    ns, cells = lab_namespace
    question = next(q for q in vars(thuc_hanh).values() if getattr(q, "variable", None) == variable)
    hidden = _hidden(cells[f"{variable}_kiem_tra"])
    exec(hidden, dict(ns))  # the trainer's solution passes
    flawed = FLAWED[variable](ns)
    assert question.outcome(flawed).status == DUNG  # public check: fine
    with pytest.raises(AssertionError):
        exec(hidden, {**ns, variable: flawed})
