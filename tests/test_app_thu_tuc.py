"""The procedures assistant, driven in-process: pick an event, tick documents, fill the mock form."""

from __future__ import annotations

import re

import pytest

import graders.feedback
from workbench.apps.thu_tuc import App
from workbench.datasets.m04 import procedure

# Synthetic values only: no province has code 000, so this CCCD number cannot be real.
VALID = {
    "ho_ten": "Nguyễn Thị Mẫu",
    "so_cccd": "000190000001",
    "ngay_sinh": "12/03/1995",
    "so_dien_thoai": "0912345678",
}


def fill(app, **values):
    for field, value in {**VALID, **values}.items():
        app.fields[field].value = value


def tick_all(app):
    for box in app.checklist.children:
        box.value = True


def test_opens_on_an_event_with_its_details_and_an_illustrative_note():
    """With no interaction the page already shows an event, its documents and the mock warning."""
    app = App()
    first = procedure(app.event.value)
    for doc in first["giay_to"]:
        assert doc in app.details.value
    assert "minh hoạ" in app.note.value
    assert "0/2" in app.checklist_summary.value
    assert "chưa nhập" in app.form_status.value


def test_choosing_khai_sinh_lists_its_documents_fee_time_and_where():
    """The birth registration shows its documents, a free fee, 5 working days and the portal."""
    app = App()
    app.event.value = "TR"  # move away first, so choosing khai sinh is a real change
    app.event.label = next(label for label, code in app.event.options if code == "KS")
    html = app.details.value
    assert "Giấy chứng sinh" in html and "Tờ khai liên thông điện tử" in html
    assert "Miễn lệ phí" in html
    assert "5 ngày làm việc" in html
    assert "Toàn trình" in html
    assert "dichvucong.gov.vn" in html and "VNeID" in html
    assert [box.description for box in app.checklist.children] == list(procedure("KS")["giay_to"])


def test_land_procedure_is_partly_online_with_a_fee():
    app = App()
    app.event.value = "DDBD"
    html = app.details.value
    assert "Một phần" in html and "Toàn trình" not in html
    assert "50.000 đồng" in html
    assert "Giấy chứng nhận quyền sử dụng đất (bản gốc)" in html
    assert len(app.checklist.children) == 3


def test_catalogue_covers_the_life_events_of_the_brief():
    labels = " | ".join(label for label, _ in App().event.options)
    for wanted in ("khai sinh", "thường trú", "tạm trú", "hộ kinh doanh", "đất đai", "kết hôn"):
        assert wanted in labels.lower(), wanted


def test_checklist_counts_ticked_documents_and_says_when_all_are_there():
    app = App()
    app.event.value = "DDBD"
    boxes = app.checklist.children
    boxes[0].value = True
    assert "1/3" in app.checklist_summary.value and "Đã đủ" not in app.checklist_summary.value
    tick_all(app)
    assert "Đã đủ 3/3 giấy tờ" in app.checklist_summary.value


def test_changing_event_resets_the_checklist():
    app = App()
    tick_all(app)
    app.event.value = "HKD"
    assert not any(box.value for box in app.checklist.children)
    assert "0/2" in app.checklist_summary.value


def test_invalid_cccd_shows_the_vietnamese_error_as_you_type():
    app = App()
    app.fields["so_cccd"].value = "12345"
    assert "Số CCCD phải có đúng 12 chữ số; ô này có 5 chữ số." in app.form_status.value
    app.fields["so_cccd"].value = "12345a"
    assert "chỉ gồm 12 chữ số" in app.form_status.value
    app.fields["so_cccd"].value = VALID["so_cccd"]
    assert "✓ Số CCCD" in app.form_status.value


def test_bad_date_and_phone_are_flagged_immediately():
    app = App()
    app.fields["ngay_sinh"].value = "31/02/1990"
    app.fields["so_dien_thoai"].value = "+84912345678"
    assert "Không có ngày 31/02/1990 trên lịch" in app.form_status.value
    assert "không dùng +84" in app.form_status.value


def test_submit_refuses_with_the_list_of_errors():
    """Bad CCCD and a missing document: no receipt, both problems listed."""
    app = App()
    fill(app, so_cccd="0001900000")
    app.submit.click()
    receipt = app.receipt.value
    assert "Chưa nộp được" in receipt and "2 lỗi" in receipt
    assert "Số CCCD phải có đúng 12 chữ số" in receipt
    assert "Còn thiếu giấy tờ" in receipt
    assert "Mã biên nhận" not in receipt


def test_a_valid_form_gets_a_trial_receipt_that_sends_nothing():
    app = App()
    app.event.value = "HKD"
    fill(app)
    tick_all(app)
    assert app.form_status.value.count("✓") == 4
    app.submit.click()
    receipt = app.receipt.value
    assert re.search(r"Mã biên nhận thử: <b>THU-HKD-0001</b>", receipt)
    assert "không có gì được gửi đi" in receipt
    assert VALID["so_cccd"] not in receipt  # the receipt does not echo personal data
    app.submit.click()
    assert "THU-HKD-0002" in app.receipt.value


def test_editing_after_submitting_clears_the_receipt():
    app = App()
    fill(app)
    tick_all(app)
    app.submit.click()
    assert "THU-" in app.receipt.value
    app.fields["so_dien_thoai"].value = "091234567"
    assert app.receipt.value == ""
    app.submit.click()
    assert "Số điện thoại phải có đúng 10 chữ số" in app.receipt.value


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("HOCVUSO_LANG", "en")
    monkeypatch.setattr(graders.feedback, "_language", None)


def test_english_page_and_first_action_match(english):
    app = App()
    label = app.FIRST_ACTION[1]
    assert label in app.event._options_labels and label != App.FIRST_ACTION[1]
    app.event.label = label
    assert "Permanent residence registration" in app.details.value
    assert "illustrative" in app.details.value
    app.fields["so_cccd"].value = "123"
    assert "Exactly 12 digits" in app.form_status.value


def test_the_declared_first_action_is_a_real_vietnamese_option():
    """The browser tests select App.FIRST_ACTION's label: it must exist and not be the default."""
    app = App()
    assert app.FIRST_ACTION == App.FIRST_ACTION
    assert App.FIRST_ACTION[1] in app.event._options_labels
    assert app.event.label != App.FIRST_ACTION[1]
