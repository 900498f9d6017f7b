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
