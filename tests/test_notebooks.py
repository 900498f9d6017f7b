"""Notebooks are stored clean, grade_ids are unique and readable, curriculum and folders agree."""

from __future__ import annotations

import re
import unicodedata

import nbformat
import pytest

from workbench import curriculum
from workbench.apps import APPS, APPS_DIR
from workbench.paths import CURRICULUM, NOTEBOOKS

# "title" is nbformat's own field: an app notebook's page title in the gallery.
ALLOWED_NB_METADATA = {"kernelspec", "language_info", "title"}
ALLOWED_CELL_METADATA = {"nbgrader"}
ALL_NOTEBOOKS = sorted(NOTEBOOKS.rglob("*.ipynb"))
GRADE_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


def _ids(paths):
    return [str(p.relative_to(NOTEBOOKS)) for p in paths]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=_ids(ALL_NOTEBOOKS))
def test_stored_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert set(nb.metadata) <= ALLOWED_NB_METADATA, set(nb.metadata) - ALLOWED_NB_METADATA
    for cell in nb.cells:
        assert set(cell.metadata) <= ALLOWED_CELL_METADATA, (cell.id, set(cell.metadata))
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {cell.id} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {cell.id} was executed"
        assert unicodedata.is_normalized("NFC", cell.source), f"{path.name}: cell {cell.id} not NFC"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=_ids(ALL_NOTEBOOKS))
def test_grade_ids_unique_and_readable(path):
    nb = nbformat.read(path, as_version=4)
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids)), f"duplicated grade_id in {path.name}"
    for grade_id in ids:
        assert GRADE_ID.match(grade_id), f"{path.name}: unreadable grade_id {grade_id!r}"


def test_every_test_cell_has_points_and_a_docstring():
    for lab in curriculum.load().assignments:
        nb = nbformat.read(lab.source, as_version=4)
        tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        # Foundation modules have 4–5 questions; from module 02 on every lab has at least 5.
        assert len(tests) >= (3 if lab.module.id in ("m00", "m01") else 5), lab.id
        for cell in tests:
            assert cell.metadata["nbgrader"]["points"] > 0
            assert cell.metadata["nbgrader"]["locked"]
            assert cell.source.startswith('"""'), f"{lab.id}: {cell.id} has no docstring"
            assert "### BEGIN HIDDEN TESTS" in cell.source, f"{lab.id}: {cell.id} no hidden test"


def test_curriculum_and_folders_agree_both_ways():
    syllabus = curriculum.load()
    declared = {m.path / nb.file for m in syllabus.modules for nb in m.notebooks}
    assert declared | {app.path for app in APPS} == set(ALL_NOTEBOOKS)
    folders = {p for p in NOTEBOOKS.iterdir() if p.is_dir()}
    assert folders == {m.path for m in syllabus.modules} | {APPS_DIR}
    for module in syllabus.modules:
        assert (CURRICULUM / module.guide).exists(), f"{module.id}: no trainer guide"
        assert module.tracks, f"{module.id} belongs to no track"
        assert 15 <= module.minutes <= 90


def test_competence_codes_exist():
    frameworks = curriculum.competences()
    syllabus = curriculum.load()
    for module in syllabus.modules:
        for code in module.competences:
            assert code in frameworks["components"], (module.id, code)
        assert str(module.level) in frameworks["levels"]
    for track in syllabus.tracks:
        assert track.qd757_group in frameworks["qd757_groups"]
        for module_id in track.modules:
            syllabus.module(module_id)


def test_thong_tu_02_has_six_domains_and_24_components():
    frameworks = curriculum.competences()
    assert len(frameworks["domains"]) == 6
    assert len(frameworks["components"]) == 24


def test_lesson_first_cell_declares_minutes_and_objectives():
    for module in curriculum.load().modules:
        for nb_decl in module.notebooks:
            first = nbformat.read(module.path / nb_decl.file, as_version=4).cells[0].source
            assert f"{nb_decl.minutes} phút" in first, (module.id, nb_decl.file)


def test_modules_from_02_fit_25_to_50_minutes_on_every_track():
    syllabus = curriculum.load()
    for module in syllabus.modules[2:]:
        assert "TODO" not in " ".join(module.objectives), module.id
        assert len(module.objectives) >= 3, module.id
        for track in module.tracks:
            assert 25 <= module.minutes_for(track) <= 50, (module.id, track)


def test_citizen_track_has_a_no_code_lab_in_modules_02_04_06_07():
    syllabus = curriculum.load()
    citizens = syllabus.track("nguoi-dan")
    for module_id in ("m02", "m04", "m06", "m07"):
        lab = syllabus.module(module_id).lab_for(citizens.id)
        assert lab is not None and lab.track == citizens.id, module_id
        assert module_id in citizens.modules


SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION", re.S | re.M)


@pytest.mark.parametrize(
    "lab",
    [a for a in curriculum.load().assignments if a.notebook.track == "nguoi-dan"],
    ids=lambda a: a.id,
)
def test_citizen_labs_need_no_coding(lab):
    """Every answer is one plain value (a letter, a word, a number, a list of them) that the learner
    types in place of `...` inside ``cau_n = (...)``: no function, no pandas, no expression."""
    import ast

    nb = nbformat.read(lab.source, as_version=4)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(answers) >= 5
    for cell in answers:
        regions = SOLUTION.findall(cell.source)
        assert len(regions) == 1, f"{lab.id}: {cell.id} needs one solution region"
        indent, body = regions[0]
        assert indent, f"{lab.id}: {cell.id}: the region goes inside `name = (` … `)`"
        ast.literal_eval(body.strip())  # raises on anything but a literal value
        assert re.search(r"^\w+ = \($", cell.source, re.M), f"{lab.id}: {cell.id}"
