"""The self-assessment: levels from the answers, and a learning path read from curriculum/."""

from __future__ import annotations

import dataclasses
import re

import pytest

from workbench import curriculum
from workbench.apps import tu_danh_gia

SYLLABUS = curriculum.load()
FRAMEWORKS = curriculum.competences()
DOMAINS = list(FRAMEWORKS["domains"])


@pytest.fixture(autouse=True)
def no_charts(request, monkeypatch):
    """Each answer redraws the chart (~0.1 s); the tests read the text, except the chart test."""
    if "chart" not in request.node.name:
        monkeypatch.setattr(tu_danh_gia._ui, "redraw", lambda *args, **kwargs: None)


def answer_all(app, value: int, **overrides) -> None:
    """Every statement answered ``value``; ``overrides`` maps "d<domain>" to both answers."""
    for code, controls in app.questions.items():
        for control, answer in zip(controls, overrides.get(f"d{code}", (value,) * 2), strict=True):
            control.value = answer


def recommended(app) -> list[str]:
    return re.findall(r"data-module='([^']+)'", app.advice.value)


def expected_path(track_id: str, weak: set[str]) -> list[str]:
    """Independent reading of the syllabus: the track's modules teaching a weak domain."""
    track = SYLLABUS.track(track_id)
    in_order = [m for m in SYLLABUS.modules if m.id in track.modules]
    return [m.id for m in in_order if {c.split(".")[0] for c in m.competences} & weak]


def test_statements_cover_exactly_the_declared_domains():
    app = tu_danh_gia.App()
    assert list(app.questions) == DOMAINS
    assert all(len(q) == 2 for q in app.questions.values())
    assert set(tu_danh_gia.STATEMENTS) == set(DOMAINS)
    scale = [label for label, _ in app.first.options]
    assert scale == [vi for vi, _ in tu_danh_gia.SCALE]


def test_levels_are_named_from_competences_toml():
    app = tu_danh_gia.App()
    answer_all(app, 2, d4=(1, 1), d5=(3, 3), d6=(2, 3))
    names = {int(n): lv["vi"] for n, lv in FRAMEWORKS["levels"].items()}
    table = app.summary.value
    assert "Đã trả lời 12/12 câu" in table
    for code, level in (("1", 4), ("4", 2), ("5", 6), ("6", 5)):
        row = re.search(rf"<td>{code}\. [^<]+</td><td class='(\w*)'>([^<]+)</td>", table)
        assert row.group(2) == names[level], code
        assert row.group(1) == ("xau" if level < tu_danh_gia.WEAK_BELOW else "tot")


def test_first_answer_counts_and_nothing_is_recommended_yet():
    app = tu_danh_gia.App()
    assert "Đã trả lời 0/12" in app.summary.value
    app.first.label = "Tự làm được"
    assert "Đã trả lời 1/12" in app.summary.value
    assert recommended(app) == []


@pytest.mark.parametrize("track", [t.id for t in SYLLABUS.tracks])
@pytest.mark.parametrize("domain", ["1", "2", "4", "5"])
def test_weak_in_one_domain_recommends_the_tracks_modules_for_it(track, domain):
    app = tu_danh_gia.App()
    app.track.value = track
    answer_all(app, 2, **{f"d{domain}": (1, 0)})
    expected = expected_path(track, {domain})
    assert recommended(app) == expected
    assert expected  # every track teaches these domains
    minutes = sum(SYLLABUS.module(m).minutes_for(track) for m in expected)
    assert f"Tổng thời gian: {minutes} phút" in app.advice.value


def test_changing_the_group_changes_the_path():
    app = tu_danh_gia.App()
    answer_all(app, 2, d1=(0, 0))
    app.track.value = "can-bo"
    officials = recommended(app)
    app.track.value = "nguoi-dan"
    citizens = recommended(app)
    assert officials == expected_path("can-bo", {"1"})
    assert citizens == expected_path("nguoi-dan", {"1"})
    assert officials != citizens


def test_per_track_minutes_are_shown():
    app = tu_danh_gia.App()
    app.track.value = "nguoi-dan"
    answer_all(app, 3, d1=(0, 1))
    for module_id in recommended(app):
        minutes = SYLLABUS.module(module_id).minutes_for("nguoi-dan")
        item = re.search(rf"<li data-module='{module_id}'>.*?</li>", app.advice.value).group(0)
        assert f"· {minutes} phút ·" in item


def test_a_domain_no_module_teaches_is_said_honestly():
    taught = {c.split(".")[0] for m in SYLLABUS.modules for c in m.competences}
    missing = [d for d in DOMAINS if d not in taught]
    if not missing:
        pytest.skip("every domain is taught")
    app = tu_danh_gia.App()
    answer_all(app, 2, **{f"d{missing[0]}": (0, 0)})
    assert recommended(app) == []
    assert "chưa có học phần" in app.advice.value


def test_strong_everywhere_suggests_the_most_advanced_modules_and_guiding():
    app = tu_danh_gia.App()
    for track in SYLLABUS.tracks:
        app.track.value = track.id
        answer_all(app, 3)
        modules = [SYLLABUS.module(m) for m in track.modules]
        top = max(m.level for m in modules)
        assert recommended(app) == [
            m.id for m in SYLLABUS.modules if m in modules and m.level == top
        ]
        assert "hướng dẫn được người khác" in app.advice.value
    answer_all(app, 2)
    assert "Bạn tự làm được ở mọi lĩnh vực" in app.advice.value


def test_path_is_read_from_the_syllabus(monkeypatch):
    """A syllabus whose citizen track holds other modules changes the advice: nothing is hard-coded."""
    changed_track = dataclasses.replace(SYLLABUS.track("nguoi-dan"), modules=("m01", "m03", "m08"))
    fake = dataclasses.replace(
        SYLLABUS, tracks=tuple(changed_track if t.id == "nguoi-dan" else t for t in SYLLABUS.tracks)
    )
    monkeypatch.setattr(curriculum, "load", lambda: fake)
    app = tu_danh_gia.App()
    app.track.value = "nguoi-dan"
    answer_all(app, 2, d1=(1, 1))
    assert recommended(app) == ["m01", "m03", "m08"] != expected_path("nguoi-dan", {"1"})


def test_start_again_clears_every_answer():
    app = tu_danh_gia.App()
    answer_all(app, 1)
    assert recommended(app)
    app.restart.click()
    assert "Đã trả lời 0/12" in app.summary.value and recommended(app) == []


def test_chart_appears_with_the_first_complete_domain_and_follows_answers():
    app = tu_danh_gia.App()
    assert app.chart.layout.display == "none"
    app.first.label = "Chưa làm được"
    app.questions["1"][1].label = "Chưa làm được"
    first = bytes(app.chart.value)
    assert first.startswith(b"\x89PNG") and app.chart.layout.display is None
    app.questions["1"][1].label = "Hướng dẫn được người khác"
    assert bytes(app.chart.value) != first
    app.restart.click()
    assert app.chart.layout.display == "none"
