"""Spot the scam, driven in-process: answer, read why, move on, score, restart."""

from __future__ import annotations

import pytest

import graders.feedback
from workbench.apps.lua_dao import DECK_CODES, EN_EXPLANATIONS, App, is_scam
from workbench.datasets.m06 import signs_of


def right_button(app):
    message = app.deck[app.position]
    return app.scam_button if is_scam(message) else app.genuine_button


def wrong_button(app):
    message = app.deck[app.position]
    return app.genuine_button if is_scam(message) else app.scam_button


def test_deck_is_long_mixed_and_uses_only_invented_links():
    deck = App().deck
    assert len(deck) >= 10
    scams = sum(is_scam(m) for m in deck)
    assert 0 < scams < len(deck) and len(deck) - scams >= 4
    for message in deck:
        text = message["noi_dung"].lower()
        if "http" in text or ".top" in text:
            assert "daquybank" in text, message["ma"]  # fake links only imitate DaQuyBank


def test_first_message_is_shown_before_any_click():
    app = App()
    assert app.deck[0]["noi_dung"] in app.card.value.replace("&#x27;", "'")
    assert "Tin 1/12" in app.progress.value and "Điểm: 0/0" in app.progress.value
    assert app.next_button.disabled and not app.scam_button.disabled


def test_right_answer_scores_and_explains_each_sign():
    app = App()
    assert is_scam(app.deck[0])
    app.scam_button.click()
    verdict = app.verdict.value
    assert "✅ Đúng" in verdict
    assert "Đường link lạ" in verdict and "Hối thúc, đe dọa" in verdict  # T01's two signs
    assert len(signs_of(app.deck[0])) == verdict.count("<li>")
    assert "Điểm: 1/1" in app.progress.value
    assert app.scam_button.disabled and app.genuine_button.disabled
    assert not app.next_button.disabled


def test_wrong_answer_does_not_score_and_says_the_truth():
    app = App()
    app.genuine_button.click()
    assert "❌ Chưa đúng" in app.verdict.value and "Đây là: Lừa đảo" in app.verdict.value
    assert "Điểm: 0/1" in app.progress.value


def test_a_second_click_on_the_same_message_changes_nothing():
    app = App()
    app.scam_button.click()
    app.genuine_button.click()  # disabled in the browser; ignored in Python too
    assert app.answers == [True]
    assert "Điểm: 1/1" in app.progress.value


def test_genuine_message_says_no_sign():
    app = App()
    app.scam_button.click()
    app.next_button.click()
    assert not is_scam(app.deck[1])
    assert "Tin 2/12" in app.progress.value
    app.genuine_button.click()
    assert "✅ Đúng! Đây là: Tin thật." in app.verdict.value
    assert "Không có dấu hiệu lừa đảo nào" in app.verdict.value


def test_next_before_answering_does_nothing():
    app = App()
    app.next_button.click()
    assert app.position == 0 and "Tin 1/12" in app.progress.value


def play(app, wrong_at=()):
    for i in range(len(app.deck)):
        (wrong_button if i in wrong_at else right_button)(app).click()
        app.next_button.click()


def test_full_round_scores_and_lists_the_mistakes():
    app = App()
    play(app, wrong_at={2, 5})
    summary = app.summary.value
    assert "Kết quả: 10/12 tin đúng" in summary
    assert summary.count("<tr>") == 1 + 2  # header + the two missed messages
    assert app.deck[2]["nguoi_gui"] in summary and app.deck[5]["nguoi_gui"] in summary
    assert app.quiz.layout.display == "none" and app.end.layout.display is None


def test_perfect_round_and_the_last_button_label():
    app = App()
    for _ in range(len(app.deck) - 1):
        right_button(app).click()
        app.next_button.click()
    right_button(app).click()
    assert app.next_button.description == "Xem kết quả"
    app.next_button.click()
    assert "12/12" in app.summary.value and "Xuất sắc" in app.summary.value
    assert "<table>" not in app.summary.value


def test_restart_resets_score_and_position():
    app = App()
    play(app, wrong_at={0})
    app.restart_button.click()
    assert app.answers == [] and app.position == 0
    assert "Tin 1/12" in app.progress.value and "Điểm: 0/0" in app.progress.value
    assert app.next_button.description == "Tin tiếp theo"
    assert app.quiz.layout.display is None and app.end.layout.display == "none"
    assert not app.scam_button.disabled and "Bạn nghĩ sao" in app.verdict.value


def test_every_deck_message_has_an_english_explanation(monkeypatch):
    assert set(EN_EXPLANATIONS) == set(DECK_CODES)
    monkeypatch.setenv("HOCVUSO_LANG", "en")
    monkeypatch.setattr(graders.feedback, "_language", None)
    app = App()
    app.scam_button.click()
    assert "✅ Right! This is: Scam." in app.verdict.value
    assert "Strange link" in app.verdict.value and "Score: 1/1" in app.progress.value


@pytest.mark.parametrize("code", DECK_CODES)
def test_each_deck_message_explains_every_sign(code):
    """Answering each message shows one list item per sign it carries (none for genuine)."""
    app = App()
    index = DECK_CODES.index(code)
    for _ in range(index):
        right_button(app).click()
        app.next_button.click()
    right_button(app).click()
    assert app.verdict.value.count("<li>") == len(signs_of(app.deck[index]))
