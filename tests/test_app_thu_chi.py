"""The cash book: amounts parsed Vietnamese style, totals that add up, an Excel file of numbers."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest

from workbench.apps import thu_chi


def vnd(text: str) -> int:
    """The amount a "1.234.567 đ" / "-6.020.000 đ" cell shows."""
    return int(text.removesuffix(" đ").replace(".", ""))


def rows(table_html: str) -> list[list[str]]:
    body = table_html.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in body.split("</tr>") if "<td" in row]


def excel(app) -> openpyxl.Workbook:
    match = re.search(r"href='data:[^']*;base64,([^']+)'", app.download.value)
    return openpyxl.load_workbook(io.BytesIO(base64.b64decode(match.group(1))))


def add(app, kind, amount, day=dt.date(2025, 3, 2), note=""):
    app.date.value = day
    app.kind.value = kind
    app.amount.value = amount
    app.note.value = note
    app.add.click()


@pytest.fixture
def sample_app():
    app = thu_chi.App()
    app.sample.click()
    return app


def expected_months() -> pd.DataFrame:
    """Monthly totals computed here, independently of the app's own pivot."""
    frame = pd.DataFrame(thu_chi.sample_entries())
    frame["thang"] = pd.to_datetime(frame["ngay"]).dt.strftime("%m/%Y")
    sums = frame.groupby(["thang", "loai"])["so_tien"].sum().unstack(fill_value=0)
    return sums.sort_index(key=lambda i: i.str[3:] + i.str[:2])


def test_sample_is_deterministic_and_spans_months():
    first, second = thu_chi.sample_entries(), thu_chi.sample_entries()
    assert first == second
    assert len({(e["ngay"].year, e["ngay"].month) for e in first}) >= 3
    assert {e["loai"] for e in first} == {"thu", "chi"}


def test_empty_book_then_sample_updates_the_summary():
    app = thu_chi.App()
    assert "Sổ đang trống" in app.summary.value
    assert app.chart.layout.display == "none"
    app.sample.click()
    assert bytes(app.chart.value).startswith(b"\x89PNG") and app.chart.layout.display is None
    entries = thu_chi.sample_entries()
    income = sum(e["so_tien"] for e in entries if e["loai"] == "thu")
    expense = sum(e["so_tien"] for e in entries if e["loai"] == "chi")
    shown = [vnd(m) for m in re.findall(r"<b[^>]*>([-\d.]+ đ)</b>", app.summary.value)]
    assert shown == [income, expense, income - expense]
    assert f"({len(entries)} dòng)" in app.summary.value


def test_monthly_totals_match_a_groupby(sample_app):
    expected = expected_months()
    shown = rows(sample_app.months.value)
    assert [r[0] for r in shown] == list(expected.index)
    for (month, income, expense, balance), (_, want) in zip(
        shown, expected.iterrows(), strict=True
    ):
        assert vnd(income) == want["thu"] and vnd(expense) == want["chi"], month
        assert vnd(balance) == want["thu"] - want["chi"], month
    assert any(vnd(r[3]) < 0 for r in shown)  # the lean months show a negative balance


def test_excel_has_both_sheets_with_numbers(sample_app):
    book = excel(sample_app)
    assert book.sheetnames == ["Sổ thu chi", "Theo tháng"]
    entries = list(book["Sổ thu chi"].iter_rows(min_row=2, values_only=True))
    sample = sorted(thu_chi.sample_entries(), key=lambda e: e["ngay"])
    assert len(entries) == len(sample)
    for (day, kind, item, amount, _note), want in zip(entries, sample, strict=True):
        assert isinstance(amount, int) and amount == want["so_tien"]
        assert day.date() == want["ngay"] and item == want["khoan"]
        assert kind == {"thu": "Thu", "chi": "Chi"}[want["loai"]]
    months = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    expected = expected_months()
    assert [m[0] for m in months] == list(expected.index)
    assert [m[1:] for m in months] == [
        (r["thu"], r["chi"], r["thu"] - r["chi"]) for _, r in expected.iterrows()
    ]


def test_second_sample_click_adds_nothing(sample_app):
    before = sample_app.summary.value
    sample_app.sample.click()
    assert sample_app.summary.value == before
    assert "đã có" in sample_app.message.value


@pytest.mark.parametrize("typed", ["1.500.000", "1500000", "1 500 000", "1.500.000 đ"])
def test_amount_accepts_vietnamese_and_plain_forms(typed):
    app = thu_chi.App()
    add(app, "chi", typed, note="2 bao phân")
    assert rows(app.table.value) == [["02/03/2025", "Chi", "Phân bón", "1.500.000 đ", "2 bao phân"]]
    assert "Đã thêm" in app.message.value
    assert app.amount.value == ""  # ready for the next entry


@pytest.mark.parametrize("typed", ["", "abc", "1,5 triệu", "12.34", "-500", "0", "1.5000"])
def test_bad_amount_is_refused_in_vietnamese_and_adds_nothing(sample_app, typed):
    before = (sample_app.summary.value, sample_app.table.value, len(sample_app.entries))
    add(sample_app, "thu", typed)
    assert "class='xau'" in sample_app.message.value
    assert re.search(r"số tiền|Số tiền", sample_app.message.value)
    assert (sample_app.summary.value, sample_app.table.value, len(sample_app.entries)) == before


def test_categories_follow_income_or_expense():
    app = thu_chi.App()
    assert "Bán cà phê" in app.category.options and "Phân bón" not in app.category.options
    app.kind.value = "chi"
    assert "Phân bón" in app.category.options and "Bán cà phê" not in app.category.options
    assert app.category.value == app.category.options[0]


def test_entry_lands_in_its_month():
    app = thu_chi.App()
    add(app, "thu", "2.000.000", day=dt.date(2025, 4, 30))
    add(app, "chi", "500.000", day=dt.date(2025, 4, 1))
    add(app, "chi", "300000", day=dt.date(2025, 5, 1))
    assert rows(app.months.value) == [
        ["04/2025", "2.000.000 đ", "500.000 đ", "1.500.000 đ"],
        ["05/2025", "0 đ", "300.000 đ", "-300.000 đ"],
    ]


def test_remove_last_then_clear_needs_two_clicks(sample_app):
    count = len(sample_app.entries)
    add(sample_app, "chi", "99.000", day=dt.date(2024, 12, 31))
    assert "12/2024" in sample_app.months.value
    sample_app.undo.click()
    assert "12/2024" not in sample_app.months.value and len(sample_app.entries) == count
    sample_app.clear.click()
    assert len(sample_app.entries) == count and "lần nữa" in sample_app.message.value
    sample_app.clear.click()
    assert sample_app.entries == [] and "Sổ đang trống" in sample_app.summary.value
    assert sample_app.download.value == ""
