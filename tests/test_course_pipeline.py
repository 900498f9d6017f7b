"""End to end over real nbgrader: build, a synthetic cohort, autograde, feedback, export."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from cohort import answer_ids, solved, write_cohort
from conftest import copy_course

from graders.pipeline import FAILED, GRADED, import_folder, load_records
from workbench import curriculum
from workbench.course import BuildError, Course

LABS = [a.id for a in curriculum.load().assignments]


def test_build_validates_and_generates_every_lab(built_course):
    for lab in built_course.syllabus.assignments:
        release = built_course.root / "release" / lab.id / lab.file
        assert release.exists()
        practice = built_course.lessons_dir / lab.module.folder / lab.file
        assert practice.read_bytes() == release.read_bytes()
        # The learner copy runs from the shipped stub: no NotImplementedError anywhere.
        assert "NotImplementedError" not in release.read_text(encoding="utf-8")
    for module in built_course.syllabus.modules:
        lesson = module.notebook("lesson")
        assert (built_course.lessons_dir / module.folder / lesson.file).exists()


def test_second_build_is_skipped_and_keeps_learner_edits(built_course):
    module = built_course.syllabus.module("m00")
    lesson = built_course.lessons_dir / module.folder / "bai-hoc.ipynb"
    original = lesson.read_bytes()
    try:
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("...", "42", 1), "utf-8")
        assert built_course.build(progress=lambda _m: None).skipped
        report = built_course.build(force=True, progress=lambda _m: None)
        assert not report.skipped
        assert any("bai-hoc.ipynb" in p for p in report.kept_learner_copies)
        assert b"42" in lesson.read_bytes()
    finally:
        lesson.write_bytes(original)


def _solution_lines(lab) -> list[str]:
    """Every line of solution and hidden-test code in the trainer's lab (the secrets)."""
    text = lab.source.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    secrets = []
    for cell in nb.cells:
        for begin, end in (
            ("BEGIN SOLUTION", "END SOLUTION"),
            ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
        ):
            for block in re.findall(rf"### {begin}\n(.*?)### {end}", cell.source, re.S):
                secrets += [ln.strip() for ln in block.splitlines() if len(ln.strip()) > 12]
    # Imports are shared with visible cells; they are no secret.
    return [s for s in secrets if not s.startswith(("from ", "import "))]


def test_learner_versions_leak_no_solution_or_hidden_test(built_course):
    for lab in built_course.syllabus.assignments:
        secrets = _solution_lines(lab)
        assert secrets, lab.id
        release = (built_course.root / "release" / lab.id / lab.file).read_text("utf-8")
        release = nbformat.reads(release, 4)
        text = "\n".join(c.source for c in release.cells)
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{lab.id}: {leaked}"


@pytest.fixture(
    scope="module", params=[pytest.param(lab, marks=pytest.mark.xdist_group(lab)) for lab in LABS]
)
def graded(request, pristine_home, tmp_path_factory):
    """One lab graded by our engine for a cohort of five (correct, partial, blank, broken,
    renamed), and the same honest files graded by plain `nbgrader autograde` for comparison."""
    lab = request.param
    home = tmp_path_factory.mktemp(f"grading-{lab}")
    course = copy_course(pristine_home, home / "home")
    folder = home / "nop"
    kinds = write_cohort(course, lab, folder)
    run = course.grade(lab, folder, progress=lambda _m: None)
    plain_nbgrader = copy_course(pristine_home, home / "nbgrader")
    honest = [s for s, kind in kinds.items() if kind in ("correct", "partial", "blank")]
    import_folder(plain_nbgrader, lab, folder)
    api = plain_nbgrader.api()
    for student in honest:
        assert api.autograde(lab, student, force=True, create=True)["success"], student
    return course, lab, kinds, run, plain_nbgrader, honest


def _cell_scores(course, lab, students) -> dict:
    notebook = Path(course.lab(lab).file).stem
    with course.gradebook() as gb:
        return {
            (student, grade.name): grade.auto_score
            for student in students
            for grade in gb.find_submission_notebook(notebook, lab, student).grades
        }


def _expected_partial(course, lab) -> float:
    source_nb = course.lab(lab).source
    source = nbformat.read(source_nb, 4)
    answered = answer_ids(source_nb)[: len(answer_ids(source_nb)) // 2]
    return sum(
        c.metadata["nbgrader"]["points"]
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("grade")
        and c.metadata["nbgrader"]["grade_id"].removesuffix("_kiem_tra") in answered
    )


def _max(course, lab) -> float:
    source = nbformat.read(course.lab(lab).source, 4)
    return sum(
        c.metadata["nbgrader"].get("points", 0) for c in source.cells if "nbgrader" in c.metadata
    )


def test_scores_are_identical_to_plain_nbgrader(graded):
    course, lab, _, _, plain_nbgrader, honest = graded
    ours = _cell_scores(course, lab, honest)
    assert ours and ours == _cell_scores(plain_nbgrader, lab, honest)


def test_cohort_gets_expected_scores_and_clear_errors(graded):
    course, lab, kinds, run, _, _ = graded
    by = run.by_student()
    assert set(by) == set(kinds), "every submission has a record"
    assert by["hv01"].status == GRADED and by["hv01"].score == _max(course, lab) > 0
    assert by["hv02"].status == GRADED and by["hv02"].score == _expected_partial(course, lab)
    assert 0 < by["hv02"].score < by["hv01"].score
    assert by["hv03"].status == GRADED and by["hv03"].score == 0
    broken, renamed = by["hv04"], by["hv05"]
    file = course.lab(lab).file
    assert broken.status == FAILED and f"hv04/{file}" in broken.problems[0]
    assert "tệp bị hỏng" in broken.problems[0] and "nộp lại" in broken.problems[0]
    assert renamed.status == FAILED and file.replace(".ipynb", " (1).ipynb") in renamed.problems[0]
    assert f"Đổi tên tệp thành {file}" in renamed.problems[0]
    assert load_records(course, lab) == by  # persisted


def test_feedback_is_vietnamese_and_hides_tests(graded):
    course, lab, *_ = graded
    paths = course.feedback(lab)
    assert {p.parent.parent.name for p in paths} == {"hv01", "hv02", "hv03"}
    secrets = _solution_lines(course.lab(lab))
    for path in paths:
        html = path.read_text(encoding="utf-8")
        assert "Tổng điểm" in html and 'lang="vi"' in html
        assert "Traceback" not in html and "BEGIN HIDDEN" not in html
        leaked = [s for s in secrets if s in html]
        assert not leaked, f"{path}: {leaked}"
    page = course.lab(lab).file.replace(".ipynb", ".html")
    blank = (course.root / "feedback" / "hv03" / lab / page).read_text("utf-8")
    assert "Chưa làm" in blank
    full = (course.root / "feedback" / "hv01" / lab / page).read_text("utf-8")
    assert "Chưa đạt" not in full and "Chưa làm" not in full


M01 = pytest.mark.parametrize(
    "graded", [pytest.param("m01", marks=pytest.mark.xdist_group("m01"))], indirect=True
)


@M01
def test_failed_resubmission_keeps_the_saved_grade(graded, tmp_path):
    course, lab, _, run, _, _ = graded
    best = run.by_student()["hv01"].score
    folder = tmp_path / "lan-2"
    (folder / "hv01").mkdir(parents=True)
    (folder / "hv01" / "thuc-hanh.ipynb").write_text("{ không phải JSON", encoding="utf-8")
    course.grade(lab, folder, progress=lambda _m: None)
    out = course.export(tmp_path / "diem.csv", lab)
    rows = {r["ma_hoc_vien"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert float(rows["hv01"]["diem"]) == best
    assert rows["hv01"]["trang_thai"] == "lỗi" and "tệp bị hỏng" in rows["hv01"]["ghi_chu"]
    assert rows["hv03"]["diem"] == "0" and rows["hv03"]["trang_thai"] == "đã chấm"
    assert set(rows) == {"hv01", "hv02", "hv03", "hv04", "hv05"}


@M01
def test_hidden_test_catches_what_public_check_misses(graded, tmp_path):
    """A tim_ma that ignores case handling passes the public check but not the hidden test."""
    course, *_ = graded
    lab = course.lab("m01")
    release = course.root / "release" / "m01" / lab.file
    nb = solved(course.root / "source" / "m01" / lab.file, release)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "tim_ma":
            cell.source = (
                "def tim_ma(bang, ten):\n"
                '    khop = bang[bang["ten"] == ten]\n'
                "    return int(khop['ma'].iloc[0]) if len(khop) else None\n"
            )
    (tmp_path / "hv09").mkdir()
    nbformat.write(nb, tmp_path / "hv09" / lab.file)
    run = course.grade("m01", tmp_path, progress=lambda _m: None)
    assert run.by_student()["hv09"].score == _max(course, "m01") - 3
    course.feedback("m01")
    html = (course.root / "feedback" / "hv09" / "m01" / "thuc-hanh.html").read_text("utf-8")
    assert "chưa qua kiểm tra ẩn" in html
    shutil.rmtree(course.root / "submitted" / "hv09")


def test_a_lab_whose_solution_fails_is_refused_with_the_file_named(tmp_path, monkeypatch):
    bad = tmp_path / "notebooks"
    shutil.copytree(curriculum.NOTEBOOKS, bad)
    lab = bad / "m00-lam-quen-jupyter" / "thuc-hanh.ipynb"
    lab.write_text(
        lab.read_text(encoding="utf-8").replace(
            "tong_so_phut = 35 * 4 * 30", "tong_so_phut = 35 * 4"
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(curriculum, "NOTEBOOKS", bad)
    with pytest.raises(BuildError) as info:
        Course(tmp_path / "home").build(only=["m00"], progress=lambda _m: None)
    text = str(info.value)
    assert "m00-lam-quen-jupyter/thuc-hanh.ipynb" in text and "nbgrader validate" in text
