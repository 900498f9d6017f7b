"""A synthetic cohort of submissions made from the course's own notebooks (no fixtures on disk)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

_SOLUTION = re.compile(r"^[ \t]*### BEGIN SOLUTION\n(.*?)^[ \t]*### END SOLUTION\n?", re.S | re.M)


def solved(source_nb: Path, release_nb: Path, answer_ids: set[str] | None = None):
    """The learner version with the answer cells (all, or only ``answer_ids``) filled in from
    the trainer's solution, as a learner who got them right would have typed them."""
    source = {
        c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nbformat.read(source_nb, 4).cells
    }
    nb = nbformat.read(release_nb, 4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and (answer_ids is None or meta["grade_id"] in answer_ids):
            text = source[meta["grade_id"]].source
            text = _SOLUTION.sub(lambda m: m.group(1), text)
            # Drop the `x = ...` placeholder line the solution replaces.
            lines = [ln for ln in text.splitlines() if not re.match(r"^\w+ = \.\.\.", ln)]
            cell.source = "\n".join(lines)
    return nb


def set_answer(nb, grade_id: str, source: str) -> None:
    """Replace the source of the cell ``grade_id`` (an attack or a wrong answer)."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source
            return
    raise KeyError(grade_id)


def insert_after(nb, grade_id: str, source: str, metadata: dict | None = None) -> None:
    """A learner's own code cell right after the cell ``grade_id``."""
    for index, cell in enumerate(nb.cells):
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            new = nbformat.v4.new_code_cell(source)
            if metadata:
                new.metadata["nbgrader"] = metadata
            nb.cells.insert(index + 1, new)
            return
    raise KeyError(grade_id)


def answer_ids(source_nb: Path) -> list[str]:
    return [
        c.metadata["nbgrader"]["grade_id"]
        for c in nbformat.read(source_nb, 4).cells
        if c.metadata.get("nbgrader", {}).get("solution")
    ]


def write_cohort(course, assignment: str, folder: Path) -> dict[str, str]:
    """Write correct, partial, blank, broken-JSON and renamed submissions; returns id → kind."""
    lab = course.lab(assignment).file
    source = course.root / "source" / assignment / lab
    release = course.root / "release" / assignment / lab
    ids = answer_ids(source)
    kinds = {
        "hv01": "correct",
        "hv02": "partial",
        "hv03": "blank",
        "hv04": "broken",
        "hv05": "renamed",
    }
    for student, kind in kinds.items():
        target = folder / student
        target.mkdir(parents=True, exist_ok=True)
        if kind == "correct":
            nbformat.write(solved(source, release), target / lab)
        elif kind == "partial":
            nbformat.write(solved(source, release, set(ids[: len(ids) // 2])), target / lab)
        elif kind == "blank":
            nbformat.write(nbformat.read(release, 4), target / lab)
        elif kind == "broken":
            text = json.dumps(nbformat.read(release, 4))
            (target / lab).write_text(text[: len(text) // 2], encoding="utf-8")
        elif kind == "renamed":
            nbformat.write(solved(source, release), target / f"{Path(lab).stem} (1).ipynb")
    return kinds


# --- a graded class for exports, certificates and the dashboard -------------------------------


def track_labs(track: str) -> list[tuple[str, str]]:
    """(module id, assignment) for each module of ``track`` that has a lab, read from the TOML
    itself (not through workbench.curriculum, so tests check the model against the file)."""
    import tomllib

    from workbench.paths import CURRICULUM

    syllabus = tomllib.loads((CURRICULUM / "syllabus.toml").read_text(encoding="utf-8"))
    modules = {m["id"]: m for m in syllabus["modules"]}
    chosen_modules = next(t for t in syllabus["tracks"] if t["id"] == track)["modules"]
    labs = []
    for module_id in chosen_modules:
        notebooks = [nb for nb in modules[module_id]["notebooks"] if nb["kind"] == "lab"]
        own = [nb for nb in notebooks if nb.get("track") == track]
        shared = [nb for nb in notebooks if "track" not in nb]
        chosen = (own or shared or [None])[0]
        if chosen is not None:
            labs.append((module_id, chosen.get("assignment", module_id)))
    return labs


def scored_result(plan, student: str, share: float):
    """An engine result with full points on the first ``share`` of the test cells, none after."""
    import math

    from graders import engine

    ids = list(plan.tests)
    answered = math.ceil(share * len(ids)) if share >= 1 else max(1, int(share * len(ids)))
    scores = {gid: (plan.tests[gid].points if i < answered else 0.0) for i, gid in enumerate(ids)}
    notebook = nbformat.v4.new_notebook(cells=plan.cells)
    return engine.Result(
        student, "da_cham", sum(scores.values()), plan.max_score, scores, [], notebook
    )


def make_class(course, home: Path, people: dict) -> None:
    """Grade a class into ``course``'s real gradebook and keep its roster with the course.

    ``people``: id → (name, group label or None when not on the class list, unit code,
    {lab: share of test cells answered}). m00 is graded for real (notebooks answered from the
    solution); the other labs are saved with the engine's own ``save`` (nbgrader's tables and
    the engine's record, one transaction) on each lab's real plan, without running notebooks.
    """
    from graders import engine
    from workbench.cli import main

    lines = ["Mã học viên;Họ và tên;Đơn vị;Nhóm đối tượng"]
    for student, (name, group, unit, _) in people.items():
        if group:
            lines.append(f"{student};{name};{unit};{group}")
    (home / "lop.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Given once, the class list is kept with the course (as `grade --danh-sach` does).
    code = main(["export", str(home / "diem.csv"), "--home", str(course.home),
                 "--danh-sach", str(home / "lop.csv")])  # fmt: skip
    assert code == 0
    lab = course.lab("m00")
    source = course.root / "source" / "m00" / lab.file
    release = course.root / "release" / "m00" / lab.file
    ids = answer_ids(source)
    for student, (_, _, _, labs) in people.items():
        if "m00" in labs:
            answered = None if labs["m00"] >= 1 else set(ids[: int(labs["m00"] * len(ids))])
            (home / "nop" / student).mkdir(parents=True)
            nbformat.write(solved(source, release, answered), home / "nop" / student / lab.file)
    course.grade("m00", home / "nop", progress=lambda _m: None)
    others = sorted({lab for *_, labs in people.values() for lab in labs} - {"m00"})
    plans = {lab: engine.make_plan(course, lab) for lab in others}
    with course.gradebook() as gb:
        for student, (*_, labs) in people.items():
            for lab, share in labs.items():
                if lab != "m00":
                    result = scored_result(plans[lab], student, share)
                    engine.save(gb, plans[lab], result, f"sha-{student}", None)
