"""Every app in the gallery: a one-cell notebook, a phone-width widget tree, a first control that answers.

These run the apps' Python in-process (no kernel, no browser); ``test_apps_browser.py`` drives the
same apps in headless Chromium through Voila.
"""

from __future__ import annotations

import unicodedata

import ipywidgets as widgets
import nbformat
import pytest

from workbench.apps import APPS, APPS_DIR, _ui

IDS = [info.slug for info in APPS]


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def texts(widget):
    for w in walk(widget):
        for name in ("value", "description", "placeholder", "tooltip"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                yield value
        yield from getattr(w, "_options_labels", ())


def perform(app, action):
    """The in-process twin of the browser action in ``tests/browser.py``."""
    control = app.first
    kind, *arg = action
    if kind == "type":
        control.value = arg[0]
    elif kind == "select":
        control.label = arg[0]
    elif kind == "click":
        control.click()
    else:
        raise ValueError(kind)


def test_every_notebook_is_registered_and_tiny():
    assert {p.name for p in APPS_DIR.glob("*.ipynb")} == {info.file for info in APPS}
    for info in APPS:
        nb = nbformat.read(info.path, as_version=4)
        assert [c.cell_type for c in nb.cells] == ["code"], info.file
        assert nb.cells[0].source == f"from workbench.apps.{info.module} import App\n\nApp().view"
        assert nb.metadata.title == info.title, info.file  # the page's <title> in the gallery


@pytest.mark.parametrize("info", APPS, ids=IDS)
def test_app_builds_marks_its_first_control_and_fits_a_phone(info):
    app = info.load()()
    root = app.view
    assert "hocvuso-app" in root._dom_classes
    everything = list(walk(root))
    firsts = [w for w in everything if _ui.FIRST in w._dom_classes]
    results = [w for w in everything if _ui.FIRST_RESULT in w._dom_classes]
    assert firsts == [app.first] and results == [app.first_result], info.slug
    assert isinstance(app.first_result, widgets.HTML | widgets.Label)
    for w in everything:
        width = getattr(w.layout, "width", None) if hasattr(w, "layout") else None
        assert not (width and width.endswith("px") and int(width[:-2]) > 360), (info.slug, w)
    for text in texts(root):
        assert unicodedata.is_normalized("NFC", text), (info.slug, text[:80])


@pytest.mark.parametrize("info", APPS, ids=IDS)
def test_first_control_changes_the_visible_result(info):
    app = info.load()()
    before = app.first_result.value
    perform(app, app.FIRST_ACTION)
    assert app.first_result.value != before, info.slug


@pytest.mark.parametrize("info", APPS, ids=IDS)
def test_english_is_available(info, monkeypatch):
    monkeypatch.setenv("HOCVUSO_LANG", "en")
    import graders.feedback

    monkeypatch.setattr(graders.feedback, "_language", None)
    root = info.load()().view
    assert info.title_en in " ".join(texts(root)), info.slug
