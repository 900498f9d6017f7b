"""The password checker, driven in-process: the meter moves, and the password is kept nowhere."""

from __future__ import annotations

import re

import ipywidgets as widgets

import graders.feedback
from workbench.apps.mat_khau import App

# Passwords that cannot occur by chance in the page's fixed text (examples, advice).
TYPED = ("Qz7!mauVangTrenDoi", "hoa-mai-no-tren-doi-thong-42", "zx81kq")


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def level(app) -> int:
    return int(re.search(r"(?:Mức|Level) (\d)/4", app.meter.value).group(1))


def holds(value, secret, seen=None) -> bool:
    """Whether ``value`` or anything reachable from it (attributes, containers) holds ``secret``.

    Widgets are searched through all their attributes (trait values included); the Password widget
    itself is the one place the typed text may live.
    """
    seen = set() if seen is None else seen
    if id(value) in seen:
        return False
    seen.add(id(value))
    if isinstance(value, str):
        return secret in value
    if isinstance(value, bytes):
        return secret.encode() in value
    if isinstance(value, widgets.Password):
        return False
    if isinstance(value, dict):
        return any(holds(k, secret, seen) or holds(v, secret, seen) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(holds(v, secret, seen) for v in value)
    if hasattr(value, "__dict__"):
        return holds(vars(value), secret, seen)
    return False


def test_starts_with_an_empty_meter_and_examples():
    app = App()
    assert "Chưa có mật khẩu" in app.meter.value
    page = " ".join(w.value for w in walk(app.view) if isinstance(w, widgets.HTML))
    assert "123456" in page and "tau-hoa-leo-doi-che-7" in page  # the examples table
    assert "đừng gõ mật khẩu thật" in page


def test_weak_password_scores_low_with_reasons():
    app = App()
    app.password.value = "matkhau123"
    assert level(app) == 0 and "rất yếu" in app.meter.value
    assert "mật khẩu phổ biến" in app.meter.value
    assert "dưới 1 giây" in app.meter.value
    app.password.value = "Nguyen1990"
    assert level(app) <= 1 and "ngày tháng" in app.meter.value


def test_long_passphrase_scores_high():
    app = App()
    app.password.value = "hoa-mai-no-tren-doi-thong-42"
    assert level(app) == 4 and "mạnh" in app.meter.value
    assert "thế kỷ" in app.meter.value


def test_meter_updates_on_every_keystroke_and_clears():
    app = App()
    assert app.password.continuous_update
    seen = []
    for i in range(1, 12):
        app.password.value = "x7#Qp2!vAz9"[:i]
        seen.append(level(app))
    assert seen[0] == 0 and seen[-1] >= 3 and seen == sorted(seen)
    app.password.value = ""
    assert "Chưa có mật khẩu" in app.meter.value


def test_the_app_keeps_no_copy_of_the_password():
    """After typing, nothing reachable from the app holds the password except the Password field."""
    app = App()
    for secret in TYPED:
        app.password.value = secret
        assert app.password.value == secret
        assert not holds(app, secret), secret
        assert not holds(app.view, secret), secret
        for w in walk(app.view):
            if isinstance(w, widgets.HTML | widgets.Label):
                assert secret not in w.value
    # The scanner itself does find a copy when there is one, even deep inside a widget.
    app.meter._last = {"note": [TYPED[-1]]}
    assert holds(app, TYPED[-1])


def test_the_app_prints_nothing(capsys):
    app = App()
    for secret in TYPED:
        app.password.value = secret
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_english_meter(monkeypatch):
    monkeypatch.setenv("HOCVUSO_LANG", "en")
    monkeypatch.setattr(graders.feedback, "_language", None)
    app = App()
    app.password.value = "matkhau123"
    assert "Level 0/4: very weak" in app.meter.value
    assert "common password" in app.meter.value and "under 1 second" in app.meter.value
    app.password.value = "hoa-mai-no-tren-doi-thong-42"
    assert "Level 4/4: strong" in app.meter.value
