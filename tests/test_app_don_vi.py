"""The 124-unit explorer: filters, counts, table and downloads agree with the data itself."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd
import pytest

from workbench.apps import don_vi
from workbench.data import units_frame


def download(links: str, extension: str) -> bytes:
    match = re.search(
        rf"download='[^']+\.{extension}' href='data:[^;]+(?:;[^;]+)?;base64,([^']+)'", links
    )
    assert match, links[:200]
    return base64.b64decode(match.group(1))


def shown_count(app) -> tuple[int, int]:
    match = re.search(r"<b>(\d+)/(\d+)</b>", app.summary.value)
    return int(match.group(1)), int(match.group(2))


def table_codes(app) -> list[str]:
    return re.findall(r"<tr><td class='so'>(\d+)</td>", app.table.value)


@pytest.fixture(scope="module")
def frame():
    return units_frame()


def test_initially_everything_is_shown(frame):
    app = don_vi.App()
    assert shown_count(app) == (len(frame), len(frame)) == (124, 124)
    assert "…" in app.table.value  # capped, with the rest announced
    assert len(table_codes(app)) == don_vi.ROWS_SHOWN
    assert bytes(app.chart.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("label", ["Xã", "Phường", "Đặc khu"])
def test_type_filter_counts_what_the_data_says(frame, label):
    app = don_vi.App()
    app.kind.label = label
    expected = frame[frame["loai"] == label.lower()]
    assert shown_count(app) == (len(expected), len(frame))
    assert table_codes(app) == [str(c) for c in expected["ma"].head(don_vi.ROWS_SHOWN)]


def test_downloads_hold_the_filtered_table(frame):
    app = don_vi.App()
    app.kind.label = "Phường"
    app.former.value = "Lâm Đồng"
    expected = frame[(frame["loai"] == "phường") & (frame["tinh_cu"] == "Lâm Đồng")]
    assert 0 < len(expected) < len(frame)
    assert shown_count(app)[0] == len(expected)

    excel = pd.read_excel(io.BytesIO(download(app.downloads.value, "xlsx")))
    pd.testing.assert_frame_equal(excel, expected.reset_index(drop=True), check_dtype=False)

    raw = download(app.downloads.value, "csv")
    assert raw.startswith("\ufeff".encode())  # BOM for Excel on Windows
    csv = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(csv, expected.reset_index(drop=True), check_dtype=False)


def test_downloads_follow_every_filter_change(frame):
    app = don_vi.App()
    before = app.downloads.value
    app.former.value = "Đắk Nông"
    excel = pd.read_excel(io.BytesIO(download(app.downloads.value, "xlsx")))
    assert app.downloads.value != before
    assert len(excel) == (frame["tinh_cu"] == "Đắk Nông").sum()
    assert set(excel["tinh_cu"]) == {"Đắk Nông"}


@pytest.mark.parametrize("query", ["da lat", "ĐÀ LẠT", "Đà Lạt", "  đà lạt "])
def test_search_ignores_case_and_diacritics(frame, query):
    app = don_vi.App()
    app.search.value = query
    expected = frame[frame["ten"].str.contains("Đà Lạt")]
    assert len(expected) > 1
    assert table_codes(app) == [str(c) for c in expected["ma"]]


def test_search_by_code_prefix(frame):
    app = don_vi.App()
    code = str(frame["ma"].iloc[40])
    app.search.value = code
    assert table_codes(app) == [code]


def test_nothing_matches_says_so_and_offers_no_empty_file():
    app = don_vi.App()
    app.search.value = "không có xã nào tên này"
    assert shown_count(app)[0] == 0
    assert "không có đơn vị nào khớp" in app.summary.value
    assert app.downloads.value == ""


def test_clear_restores_everything(frame):
    app = don_vi.App()
    app.kind.label = "Đặc khu"
    app.search.value = "phu quy"
    assert shown_count(app)[0] == 1
    app.reset.click()
    assert shown_count(app)[0] == len(frame)
    assert (app.kind.value, app.former.value, app.search.value) == ("", "", "")


def test_fold():
    assert don_vi.fold("Phường Phú Thuỷ") == don_vi.fold("phuong phu thuy") == "phuong phu thuy"
    assert don_vi.fold("Xã Đắk song") == "xa dak song"
