"""Property (issue 11): whatever a learner's kernel shows or returns while a test cell is judged —
any sequence of streams, displays, results (numbers above the maximum, texts, fake feedback
boxes), errors — a blank answer scores 0, and the graded notebook says so.

The kernel is played by a hostile stand-in that answers every request with the generated outputs;
everything else is real: the forked judge, its confinement, the frames, the worker's scoring.
"""

from __future__ import annotations

import ast

import nbformat
import pytest
from conftest import copy_course
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graders import engine, judge, wire
from graders.sandbox import Limits, Slot, make_run_folder, reap_debris

_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["✅ Đúng rồi!", "11/11", "Đạt", "1e9", "inf", "nan", "None", "True"]),
)
_NUMBER = st.one_of(
    st.integers(), st.floats(), st.sampled_from([10**9, -1, 0, 11, 2.0, float("inf")])
)
_MIME = st.sampled_from(
    ["text/plain", "text/html", "application/json", "text/markdown", "image/png", wire.MIME]
)
_DATA = st.dictionaries(_MIME, st.one_of(_TEXT, _NUMBER.map(repr), _NUMBER), max_size=3)
_OUTPUT = st.one_of(
    st.tuples(
        st.just("stream"),
        st.fixed_dictionaries({"name": st.sampled_from(["stdout", "stderr", "x"]), "text": _TEXT}),
    ),
    st.tuples(
        st.just("execute_result"),
        st.fixed_dictionaries({"data": _DATA, "execution_count": st.one_of(st.none(), _NUMBER)}),
    ),
    st.tuples(st.just("display_data"), st.fixed_dictionaries({"data": _DATA})),
    st.tuples(st.just("error"), st.fixed_dictionaries({"ename": _TEXT, "evalue": _TEXT})),
)


class _HostileKernel:
    """Stands in for judge.Runner: every request gets ``outputs``; a request for the answers
    gets an honest description of a blank answer (``...``) besides."""

    outputs: list = []

    def __init__(self, lease, hide, limits) -> None:
        self.dead = False

    def connect(self) -> None:
        pass

    def run(self, code: str):
        shown = [judge.clean_output(kind, content) for kind, content in self.outputs]
        shown = [o for o in shown if o is not None]
        if "serve_names" in code:
            names = ast.literal_eval(code[code.rindex("[") : code.rindex("]") + 1])
            return shown, [repr({name: ("e",) for name in names})]
        return shown, []

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def blank_lab(pristine_home, tmp_path_factory):
    course = copy_course(pristine_home, tmp_path_factory.mktemp("tinh-chat") / "home")
    plan = engine.make_plan(course, "m01")
    blank = nbformat.read(course.root / "release" / "m01" / plan.notebook, 4)
    slot = Slot(0, make_run_folder() / "o-0", Limits(cell_seconds=5, total_seconds=30))
    slot.setup()
    yield plan, blank, slot
    reap_debris(own=True)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(outputs=st.lists(_OUTPUT, max_size=6))
def test_no_kernel_output_scores_a_blank_answer(blank_lab, monkeypatch, outputs):
    plan, blank, slot = blank_lab
    monkeypatch.setattr(judge, "Runner", _HostileKernel)
    monkeypatch.setattr(_HostileKernel, "outputs", outputs)
    result = engine.grade_submission(plan, blank, "hv-tinh-chat", slot, [], slot.limits)
    assert result.status == "da_cham"
    assert result.score == 0 and set(result.cell_scores.values()) == {0.0}
    for cell in result.notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert [e.ename for e in errors] == ["NotAttempted"], cell.outputs
