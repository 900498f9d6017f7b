"""Text a spreadsheet could run as a formula, neutralised before any CSV or Excel file is written.

Roster names, learner ids collected from the exchange and text typed in the apps are written to
CSV and Excel files that trainers open in Excel or LibreOffice, which run a cell such as
``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` as a formula (OWASP "CSV Injection", CWE-1236).

**Rule** (``neutral``), after OWASP's CSV Injection guidance and ASVS 1.2.10: a ``str`` whose first
character is ``=``, ``+``, ``-``, ``@``, tab, carriage return or NUL gets a leading apostrophe
``'``. So does one whose first character after leading whitespace is one of them (an import that
trims spaces would otherwise uncover the formula), and one that starts with the full-width forms
``＝ ＋ － ＠`` (U+FF1D, U+FF0B, U+FF0D, U+FF20): OWASP does not list them, but East Asian input
modes fold them to ASCII, and no Vietnamese name or note starts with one, so escaping them costs
nothing. Everything else — ordinary text, ``int``, ``float``, dates, ``bool``, ``None`` — is
returned unchanged: numbers stay numbers and keep their number formats. The rule is idempotent
(an escaped text starts with ``'``) and keeps the text whole: strip one ``'`` to get it back.

**CSV**: the escaped text as the field; fields holding a carriage return or line feed must be
quoted (``csv`` does this with its default ``\\r\\n`` line terminator).

**Excel** (the choice made here): the same apostrophe inside the cell's text, and the cell stored
as a string (openpyxl ``data_type`` ``"s"``: never ``"f"``, the formula openpyxl makes of any
``str`` starting with ``=``, nor ``"e"``, the error value it makes of text such as ``#N/A``).
Chosen over a plain string cell with the ``quotePrefix`` style because OWASP/ASVS ask for the
apostrophe in XLSX as well, because the text stays inert when the workbook is saved as CSV or its
values are pasted elsewhere (a style does not travel with the value), and because the CSV and the
Excel export of one gradebook then hold the same text. The cost: such a cell shows the apostrophe
(``'=1+1``); editing it in Excel keeps it text.

Helpers: ``neutral`` (one value), ``neutral_row`` (a dict), ``neutral_frame`` (a pandas DataFrame:
text columns, index and headers) and ``neutral_sheet`` (every text cell of an openpyxl worksheet,
run just before a workbook is saved). Standard library only at import time.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0", "＝", "＋", "－", "＠")
# Control characters XML (so XLSX) cannot hold: one in a roster name made the Excel export fail.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutral(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula, and
    with control characters no spreadsheet can hold shown as ``�``."""
    if isinstance(value, str):
        if value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START):
            value = "'" + value
        return _CONTROL.sub("\ufffd", value)
    return value


def neutral_row(row: dict) -> dict:
    """A copy of ``row`` (one CSV record) with every value passed through ``neutral``."""
    return {key: neutral(value) for key, value in row.items()}


def neutral_frame(frame):
    """A copy of ``frame`` whose text cells (object, string and category columns), index labels,
    column headers and axis names are ``neutral``; numeric, date and bool columns are untouched."""
    from pandas.api.types import CategoricalDtype, is_string_dtype

    safe = frame.rename(index=neutral, columns=neutral)  # every level of a MultiIndex too
    safe.index.names = [neutral(name) for name in safe.index.names]
    safe.columns.names = [neutral(name) for name in safe.columns.names]
    for position, dtype in enumerate(safe.dtypes):
        if is_string_dtype(dtype) or isinstance(dtype, CategoricalDtype):
            safe.isetitem(position, safe.iloc[:, position].map(neutral))
    return safe


def neutral_sheet(sheet) -> None:
    """Make every text cell of an openpyxl worksheet ``neutral`` and a string cell (``"s"``), so
    no text written to it is saved as a formula; numbers, dates and their formats are untouched."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = neutral(cell.value)
                cell.data_type = "s"
