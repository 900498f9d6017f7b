"""Certificates and per-competence evidence, from a class whose grades are in the real gradebook.

The lab every track shares (m00) is graded for real, then one learner's broken resubmission; the
other labs are saved with the engine's own ``save`` (the call a grading run ends with: nbgrader's
tables plus the engine's record, one transaction) on each lab's real plan, without running
notebooks. Expected values are read back independently: tracks, modules and codes from
``curriculum/syllabus.toml`` as plain TOML, scores from nbgrader's ``Gradebook``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import tomllib
import unicodedata

import pytest
from cohort import make_class, track_labs
from conftest import copy_course
from nbgrader.api import MissingEntry
from openpyxl import load_workbook
from pypdf import PdfReader

from graders import engine
from graders.certificates import NotCompleted, certificate, certificate_pdf, standings
from graders.roster import read_roster
from workbench.cli import main
from workbench.data import units
from workbench.paths import CURRICULUM

SYLLABUS = tomllib.loads((CURRICULUM / "syllabus.toml").read_text(encoding="utf-8"))
MODULES = {m["id"]: m for m in SYLLABUS["modules"]}
TRACK_OF_GROUP = {"Cán bộ": "can-bo"}  # every other group: nguoi-dan


CAN_BO = [lab for _, lab in track_labs("can-bo")]
NGUOI_DAN = [lab for _, lab in track_labs("nguoi-dan")]
UNIT = units()[7]

# id: (name, group or None when not on the class list, {lab: share of test cells answered})
CLASS = {
    "cb01": ("Nguyễn Thị Hồng Nhung", "Cán bộ", dict.fromkeys(CAN_BO, 1.0)),
    "nd01": ("K'Điểu", "Nông dân", dict.fromkeys(NGUOI_DAN, 0.8)),
    "nd02": ("Đặng Văn Ước", "Ngư dân", dict.fromkeys(NGUOI_DAN, 1.0)),
    "nd03": ("Ka H'Nhi", "Tiểu thương", {lab: 1.0 for lab in NGUOI_DAN if lab != "m06-nd"}),
    "nd04": ("Bon Niêng K'Ly", "Người lao động", dict.fromkeys(NGUOI_DAN, 1.0) | {"m04-nd": 0.2}),
    "cb02": ("Trần Thị Ngọc Ánh", "Cán bộ", dict.fromkeys(NGUOI_DAN, 1.0)),
    "nd05": ("Hoàng Thị Mỹ Duyên", "Doanh nhân", {}),
    "hv99": ("", None, dict.fromkeys(CAN_BO, 1.0)),
}
COMPLETERS = {"cb01", "nd01", "nd02", "hv99"}


@pytest.fixture(scope="module")
def graded_class(pristine_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("certs")
    course = copy_course(pristine_home, home / "home")
    make_class(
        course,
        home,
        {s: (name, group, UNIT["ma"], labs) for s, (name, group, labs) in CLASS.items()},
    )
    # nd01 sends m00 again and the file is broken: the saved grade must stay.
    lab = course.lab("m00")
    (home / "lan-2" / "nd01").mkdir(parents=True)
    (home / "lan-2" / "nd01" / lab.file).write_text("{ không phải JSON", encoding="utf-8")
    course.grade("m00", home / "lan-2", progress=lambda _m: None)
    ratios = {
        (s, lab): _gradebook_score(course, s, lab)[0] / _gradebook_score(course, s, lab)[1]
        for s, (_, _, labs) in CLASS.items()
        for lab in labs
    }
    # The class is what its comments say, whatever the labs' points are.
    assert ratios["nd04", "m04-nd"] < 0.5
    assert all(r >= 0.5 for key, r in ratios.items() if key != ("nd04", "m04-nd"))
    assert ratios["nd01", "m00"] < 1
    with course.gradebook() as gb:
        assert engine.saved_records(gb, "m00")["nd01"]["status"] == "loi"
    return course, home


@functools.cache  # the class is graded once, in the fixture
def _gradebook_score(course, student: str, lab: str) -> tuple[float, float]:
    with course.gradebook() as gb:
        maximum = float(gb.find_assignment(lab).max_score)
        try:
            return float(gb.find_submission(lab, student).score), maximum
        except MissingEntry:
            return 0.0, maximum


def _text(path) -> str:
    reader = PdfReader(path)
    return " ".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    """Whitespace folded, nothing else: the names must come back out of the PDF already NFC."""
    return " ".join(text.split())


def _vi(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _run(home, *args: str) -> int:
    return main(["certify", "--home", str(home), *args])


def _roster(graded_class):
    _, home = graded_class
    return read_roster(home / "lop.csv")


def _number(run, student: str) -> str:
    return next(s.number for s in run.standings if s.student == student)


@pytest.mark.parametrize("student", ["cb01", "nd01", "nd02"])
def test_certificate_opens_with_the_name_modules_codes_and_an_embedded_font(
    graded_class, student, tmp_path
):
    course, _ = graded_class
    name, group, _ = CLASS[student]
    path = certificate(course, student, tmp_path)
    assert path.name == f"chung-nhan-{student}-{TRACK_OF_GROUP.get(group, 'nguoi-dan')}.pdf"

    reader = PdfReader(path)
    text = _flat(_text(path))
    assert unicodedata.is_normalized("NFC", name) and name in text
    assert "GIẤY CHỨNG NHẬN" in text and "Bình dân học vụ số — tỉnh Lâm Đồng" in text
    assert UNIT["ten"] in text
    assert reader.metadata.title.endswith(name) and "Lâm Đồng" in reader.metadata.author
    assert "Hoàn thành lộ trình" in reader.metadata.subject

    track = TRACK_OF_GROUP.get(group, "nguoi-dan")
    labs = track_labs(track)
    for module_id, lab in labs:
        module = MODULES[module_id]
        score, maximum = _gradebook_score(course, student, lab)
        row = f"{module_id} {module['title']['vi']} {', '.join(module['competences'])}"
        assert row in text
        assert f"{_vi(score)}/{_vi(maximum)}" in text
    for module_id in set(MODULES) - {m for m, _ in labs}:
        assert f"{module_id} {MODULES[module_id]['title']['vi']}" not in text
    codes = sorted(
        {c for m, _ in labs for c in MODULES[m]["competences"]},
        key=lambda c: tuple(map(int, c.split("."))),
    )
    assert f"Năng lực số đạt được: {', '.join(codes)}" in text

    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVuSans" in f["/BaseFont"] for f in fonts)
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_regenerating_gives_the_same_file_and_number(graded_class, tmp_path):
    course, _ = graded_class
    first = certificate(course, "nd01", tmp_path / "a")
    second = certificate(course, "nd01", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    nd01, nd02 = standings(course, ["nd01", "nd02"], roster=_roster(graded_class))
    assert nd01.number != nd02.number
    text = _flat(_text(first))
    assert f"Số: {nd01.number}" in text
    assert f"Ngày cấp: {nd01.completed_on:%d/%m/%Y}" in text


@pytest.mark.parametrize(
    ("student", "said"),
    [
        ("nd03", ["Ka H'Nhi", "chưa có điểm bài m06-nd"]),
        ("nd04", ["Bon Niêng K'Ly", "dưới ngưỡng 50%: m04-nd"]),
        ("nd05", ["Hoàng Thị Mỹ Duyên", "chưa có điểm bài " + ", ".join(NGUOI_DAN)]),
        ("cb02", ["Trần Thị Ngọc Ánh", "lộ trình can-bo", "m01"]),
    ],
)
def test_an_incomplete_track_is_refused_in_vietnamese_and_nothing_is_written(
    graded_class, student, said, tmp_path
):
    course, home = graded_class
    with pytest.raises(NotCompleted) as refused:
        certificate(course, student, tmp_path / "api")
    message = unicodedata.normalize("NFC", str(refused.value))
    assert message.startswith("Không cấp giấy chứng nhận cho")
    for part in said:
        assert part in message
    assert not (tmp_path / "api").exists()


def test_cli_refuses_one_learner_with_a_non_zero_exit_and_no_pdf(graded_class, tmp_path, capsys):
    course, _ = graded_class
    out = tmp_path / "ra"
    assert _run(course.home, "nd04", "--thu-muc", str(out)) == 1
    err = capsys.readouterr().err
    assert "Bon Niêng K'Ly" in err and "m04-nd" in err and "dưới ngưỡng 50%" in err
    assert not list(out.glob("*.pdf"))

    assert main(["chung-nhan", "--home", str(course.home), "nd02", "--thu-muc", str(out)]) == 0
    assert [p.name for p in out.glob("*.pdf")] == ["chung-nhan-nd02-nguoi-dan.pdf"]
    assert "Đặng Văn Ước" in capsys.readouterr().out

    assert _run(course.home, "khong-co", "--thu-muc", str(out)) == 1
    assert "Không có học viên khong-co" in capsys.readouterr().err
    assert _run(course.home, "--thu-muc", str(out)) == 2  # neither learners nor --ca-lop


def test_track_and_threshold_can_be_chosen(graded_class, tmp_path, capsys):
    course, _ = graded_class
    out = tmp_path / "ra"
    assert _run(course.home, "cb02", "--lo-trinh", "nguoi-dan", "--thu-muc", str(out)) == 0
    assert (out / "chung-nhan-cb02-nguoi-dan.pdf").exists()

    score, maximum = _gradebook_score(course, "nd04", "m04-nd")
    roster = _roster(graded_class)
    (at,) = standings(course, ["nd04"], threshold=score / maximum, roster=roster)
    (above,) = standings(course, ["nd04"], threshold=score / maximum + 0.01, roster=roster)
    assert at.complete and not above.complete  # the threshold itself is enough
    assert _run(course.home, "nd04", "--nguong", "0,1", "--thu-muc", str(out)) == 0
    assert (out / "chung-nhan-nd04-nguoi-dan.pdf").exists()
    assert "lộ trình nguoi-dan" in capsys.readouterr().out


def test_whole_class_certifies_completers_only_and_says_why_for_the_others(
    graded_class, tmp_path, capsys
):
    course, _ = graded_class
    out = tmp_path / "lop"
    assert _run(course.home, "--ca-lop", "--thu-muc", str(out)) == 0
    printed = unicodedata.normalize("NFC", capsys.readouterr().out)
    certified = {p.name for p in out.glob("*.pdf")}
    assert certified == {
        "chung-nhan-cb01-can-bo.pdf",
        "chung-nhan-nd01-nguoi-dan.pdf",
        "chung-nhan-nd02-nguoi-dan.pdf",
        "chung-nhan-hv99-can-bo.pdf",  # not on the class list: track from the labs passed
    }
    assert "Đã cấp 4 giấy chứng nhận" in printed and "Chưa đủ điều kiện (4)" in printed
    refused = {line.split(",")[0].strip(" -"): line for line in printed.splitlines()}
    assert "m06-nd" in refused["nd03 (Ka H'Nhi)"]
    assert "m04-nd" in refused["nd04 (Bon Niêng K'Ly)"]
    assert "hv99 không có trong danh sách lớp" in printed
    hv99 = _flat(_text(out / "chung-nhan-hv99-can-bo.pdf"))
    assert "hv99" in hv99 and "Cán bộ, công chức, viên chức" in hv99


def _expected_evidence(course) -> dict[tuple[str, str], dict]:
    """Per learner and code, straight from the TOML and nbgrader's gradebook."""
    expected = {}
    for student, (name, group, labs_done) in CLASS.items():
        track = TRACK_OF_GROUP.get(group, "nguoi-dan") if group else "can-bo"
        labs = track_labs(track)
        complete = all(_ratio(course, student, lab) >= 0.5 for _, lab in labs)
        codes = {c for m, _ in labs for c in MODULES[m]["competences"]}
        for code in codes:
            carrying = [lab for m, lab in labs if code in MODULES[m]["competences"]]
            scores = [_gradebook_score(course, student, lab) for lab in carrying]
            expected[student, code] = {
                "ho_ten": name,
                "lo_trinh": track,
                "bai": ", ".join(carrying),
                "diem": sum(s for s, _ in scores),
                "diem_toi_da": sum(m for _, m in scores),
                "dat": all(
                    lab in labs_done and _ratio(course, student, lab) >= 0.5 for lab in carrying
                ),  # fmt: skip
                "graded": any(lab in labs_done for lab in carrying),
                "complete": complete,
            }
    return expected


def _ratio(course, student, lab) -> float:
    score, maximum = _gradebook_score(course, student, lab)
    return score / maximum


def test_evidence_csv_and_xlsx_equal_the_gradebook(graded_class, tmp_path):
    course, _ = graded_class
    out = tmp_path / "lop"
    run = course.certify(out_dir=out)
    expected = _expected_evidence(course)

    with (out / "minh-chung-nang-luc.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert (out / "minh-chung-nang-luc.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert {(r["ma_hoc_vien"], r["ma_nang_luc"]) for r in rows} == set(expected)
    for row in rows:
        want = expected[row["ma_hoc_vien"], row["ma_nang_luc"]]
        assert row["ho_ten"] == want["ho_ten"] and row["lo_trinh"] == want["lo_trinh"]
        assert row["bai"] == want["bai"]
        assert float(row["diem"]) == pytest.approx(want["diem"])
        assert float(row["diem_toi_da"]) == pytest.approx(want["diem_toi_da"])
        assert float(row["ty_le"]) == pytest.approx(want["diem"] / want["diem_toi_da"], abs=1e-4)
        assert row["dat"] == str(want["dat"])
        assert bool(row["ngay_cham"]) == want["graded"]
        if row["ngay_cham"]:
            dt.datetime.strptime(row["ngay_cham"], "%d/%m/%Y %H:%M")
        number = _number(run, row["ma_hoc_vien"])
        assert row["so_chung_nhan"] == (number if want["complete"] else "")
    nhung = next(r for r in rows if r["ma_hoc_vien"] == "cb01")
    assert nhung["ten_don_vi"] == UNIT["ten"] and nhung["nhom_doi_tuong"].startswith("Cán bộ")

    book = load_workbook(out / "minh-chung-nang-luc.xlsx")
    sheet = book["Minh chứng năng lực"]
    table = list(sheet.iter_rows(values_only=True))
    header, body = table[0], table[1:]
    assert header[:2] == ("Mã học viên", "Họ tên")
    col = {name: header.index(name) for name in header}
    assert len(body) == len(expected)
    for values in body:
        want = expected[values[0], values[col["Mã năng lực"]]]
        assert values[col["Điểm"]] == pytest.approx(want["diem"])
        assert values[col["Điểm tối đa"]] == pytest.approx(want["diem_toi_da"])
        assert values[col["Đạt"]] is want["dat"]
        assert isinstance(values[col["Ngày chấm"]], dt.datetime) == want["graded"]
    assert "042A" in sheet.cell(2, col["Tỉ lệ"] + 1).number_format


def test_per_learner_evidence_and_a_missing_class_list(graded_class, tmp_path, capsys):
    course, _ = graded_class
    out = tmp_path / "mot"
    assert _run(course.home, "nd03", "--thu-muc", str(out)) == 1
    text = (out / "minh-chung-nang-luc-nd03.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["ma_hoc_vien"] for r in rows} == {"nd03"}
    assert {r["dat"] for r in rows if "m06-nd" in r["bai"]} == {"False"}
    capsys.readouterr()

    saved = course.root / "hocvuso" / "danh-sach.json"
    saved.rename(saved.with_suffix(".bak"))
    try:
        assert _run(course.home, "cb01", "--thu-muc", str(tmp_path / "khong")) == 0
        printed = capsys.readouterr().out
        assert "Chưa có danh sách lớp" in printed
        text = _flat(_text(tmp_path / "khong" / "chung-nhan-cb01-can-bo.pdf"))
        assert "Nguyễn Thị Hồng Nhung" not in text and "cb01" in text
    finally:
        saved.with_suffix(".bak").rename(saved)


def test_certificate_pdf_refuses_an_incomplete_standing(graded_class):
    course, _ = graded_class
    (standing,) = standings(course, ["nd03"], roster=_roster(graded_class))
    with pytest.raises(NotCompleted):
        certificate_pdf(standing)
