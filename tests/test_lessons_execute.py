"""Every lesson executes top to bottom with a real kernel, as shipped (unanswered)."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from workbench import curriculum

LESSONS = [m for m in curriculum.load().modules if m.notebook("lesson")]


@pytest.mark.parametrize("module", LESSONS, ids=[m.id for m in LESSONS])
def test_lesson_runs_as_shipped(built_course, module, tmp_path):
    folder = tmp_path / module.folder
    shutil.copytree(built_course.lessons_dir / module.folder, folder)
    lesson = module.notebook("lesson").file
    shutil.copy(module.path / lesson, folder / lesson)  # the repo's copy, not an edited one
    nb = nbformat.read(folder / lesson, as_version=4)
    NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": folder}}
    ).execute()
    text = "\n".join(
        str(out.get("data", {}).get("text/plain", "")) + out.get("text", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
    )
    assert "Chưa làm." in text  # the exercises greet an untouched copy with a nudge
    assert "Traceback" not in text
