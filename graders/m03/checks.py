"""Pure checks for module 03 (files and data). Expected values come from the generator and from
:mod:`graders.m03.reference`; messages say what is wrong and never print the expected value.

The lab checks call the learner's functions: those read the module's data folder (relative to the
notebook) or write into a temporary folder created, and removed, inside the current folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.datasets import m03 as data

from .. import learner_files
from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from . import reference as ref

SUM_COLUMNS = ("ho_so_tiep_nhan", "ho_so_truc_tuyen")

# The lesson's exercise 1 and the lab's public example for tao_ten_tep.
LESSON_NAME = ("2/9/2025", "Phường Lâm Viên - Đà Lạt", "Kế hoạch chuyển đổi số", 3, "xlsx")
LAB_NAME_EXAMPLE = ("14/8/2025", "Xã Di Linh", "Báo cáo tiến độ", 2, "PDF")
EXCEL_SHEETS = ["phuong", "tong-hop"]  # lesson exercise 6
LAB_SHEETS = ["du-lieu", "tong-hop"]  # lab question 5


# --- file names -------------------------------------------------------------------------------


def _name_problem(got: Any, expected: str, who: str = "Tên tệp") -> Outcome | None:
    """What is wrong with a file name, part by part, without printing the expected name."""
    if type(got) is not str:
        return wrong(
            f"{who} phải là một chuỗi chữ (str), đang là {type(got).__name__}.",
            f"{who} must be a string, not {type(got).__name__}.",
        )
    if got == expected:
        return None
    if " " in got:
        return wrong(
            f"{who} còn khoảng trắng: thay bằng dấu gạch ngang -.",
            "The name still has spaces: use - instead.",
        )
    if not got.isascii():
        return wrong(
            f"{who} còn chữ có dấu: bỏ dấu (dùng bo_dau hoặc lam_gon).",
            "The name still has accented letters: strip them (bo_dau or lam_gon).",
        )
    if got != got.lower():
        return wrong(
            f"{who} còn chữ hoa: dùng chữ thường.", "The name has capitals: lower-case it."
        )
    stem, _, extension = got.rpartition(".")
    want_stem, _, want_extension = expected.rpartition(".")
    if extension != want_extension:
        return wrong(
            f"{who}: phần đuôi (sau dấu chấm cuối) chưa đúng.",
            "The extension (after the last dot) is wrong.",
        )
    parts, want = stem.split("_"), want_stem.split("_")
    if len(parts) != len(want):
        return wrong(
            f"{who} cần đúng {len(want)} phần ngăn bởi dấu _ (ngày_đơn-vị_nội-dung_phiên-bản), "
            f"đang có {len(parts)} phần.",
            f"The name needs {len(want)} parts separated by _, it has {len(parts)}.",
        )
    labels = (
        ("ngày (năm-tháng-ngày, đủ hai chữ số cho tháng và ngày)", "date (yyyy-mm-dd)"),
        ("đơn vị (cả chữ Xã/Phường, làm gọn bằng lam_gon)", "unit"),
        ("nội dung (làm gọn bằng lam_gon)", "content"),
        ("phiên bản (chữ v rồi số, ví dụ v1)", "version (v and a number)"),
    )
    for part, want_part, (vi, en) in zip(parts, want, labels, strict=True):
        if part != want_part:
            return wrong(f"{who}: phần {vi} chưa đúng.", f"The name's {en} part is wrong.")
    return wrong(f"{who} chưa đúng quy ước.", "The name does not follow the convention.")


def check_lesson_name(value: Any) -> Outcome:
    return _name_problem(value, ref.standard_name(*LESSON_NAME)) or correct(
        "Đúng: tên này sắp xếp đúng theo ngày và gửi đi đâu cũng không bị đổi.",
        "Right: it sorts by date and survives any transfer.",
    )


def check_name_function(function: Callable) -> Outcome:
    result = _call(function, *LAB_NAME_EXAMPLE)
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    problem = _name_problem(result, ref.standard_name(*LAB_NAME_EXAMPLE), "Tên hàm tạo ra")
    return problem or correct()


# --- lists of file names ----------------------------------------------------------------------


def _names_answer(value: Any, expected: list[str], present: set[str], what: str) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            "Kết quả phải là một danh sách tên tệp (chuỗi chữ), ví dụ "
            '["a.pdf", "b.csv"]; dùng tep.name để lấy tên.',
            "The result must be a list of file names (strings); use tep.name.",
        )
    unknown = [x for x in got if x not in present]
    if unknown:
        return wrong(
            f"Không có tệp nào tên {unknown[0]!r} trong thư mục: chép đúng tên, kể cả đuôi.",
            f"No file is named {unknown[0]!r} in the folder: copy names exactly, extension too.",
        )
    if len(set(got)) != len(got):
        return wrong("Danh sách có tên lặp lại.", "The list repeats a name.")
    extra = [x for x in got if x not in expected]
    if extra:
        return wrong(
            f"Tệp {extra[0]!r} không {what}.",
            f"{extra[0]!r} does not belong in the list.",
        )
    if len(got) < len(expected):
        return wrong(
            f"Còn thiếu {len(expected) - len(got)} tệp.",
            f"{len(expected) - len(got)} file(s) missing.",
        )
    if got != expected:
        return wrong(
            "Đủ tên nhưng chưa xếp thứ tự: dùng sorted(...).",
            "All names are there but not sorted: use sorted(...).",
        )
    return correct()


def check_wrong_extensions(value: Any) -> Outcome:
    types = data.messy_types()
    return _names_answer(
        value, ref.wrong_extension(types), set(types), "sai đuôi: đuôi của nó khớp với nội dung"
    )


def check_names_to_fix(value: Any) -> Outcome:
    names = data.messy_types()
    return _names_answer(
        value, ref.needs_rename(names), set(names), "cần đổi tên: tên của nó đã hợp lệ"
    )


@contextmanager
def messy_copy() -> Iterator[Path]:
    """A fresh copy of the received-files folder (as generated), in a temporary folder of the
    current folder: checks do not depend on where they run nor on what the learner changed."""
    with tempfile.TemporaryDirectory(dir=".") as folder:
        target = Path(folder) / data.MESSY_DIR
        target.mkdir()
        for name, content in data.messy_files().items():
            (target / name).write_bytes(content)
        yield target


def check_rename_function(function: Callable) -> Outcome:
    with messy_copy() as folder:
        result = _call(function, str(folder))
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    present = set(data.messy_files())
    got = _plain_or_none(result)
    if type(got) is not list or not all(type(x) is str and x in present for x in got):
        return wrong(
            "Hàm phải trả về một danh sách tên tệp (chuỗi chữ, lấy bằng tep.name) có trong thư mục.",
            "The function must return a list of names (tep.name) of files in the folder.",
        )
    valid = [x for x in got if ref.valid_name(x)]
    if valid:
        return wrong(
            f"Tên {valid[0]!r} đã hợp lệ, không cần đổi.",
            f"{valid[0]!r} is already valid.",
        )
    if got != sorted(got):
        return wrong("Danh sách cần xếp bằng sorted(...).", "Sort the list with sorted(...).")
    return correct()


# --- real types -------------------------------------------------------------------------------


def check_type_function(function: Callable) -> Outcome:
    # A file named .csv whose content is not text: trusting the extension gets it wrong.
    liar = next(n for n in ref.wrong_extension(data.messy_types()) if n.endswith(".csv"))
    with messy_copy() as folder:
        results = {name: _call(function, folder / name) for name in sorted(data.messy_files())}
    for name, result in results.items():
        if type(result) is not str or result not in ref.TYPES:
            return wrong(
                f"loai_that(...{name!r}) trả về {result!r}; chỉ được trả về một trong "
                f"{list(ref.TYPES)}.",
                f"loai_that returned {result!r}; allowed: {list(ref.TYPES)}.",
            )
    if results[liar] == "csv":
        return wrong(
            f"Tệp {liar!r} có đuôi .csv nhưng nội dung không phải chữ: hàm của bạn còn "
            "đoán theo đuôi tệp. Hãy đọc các byte đầu bằng read_bytes().",
            "This .csv file is not text: your function still trusts the extension.",
        )
    return correct()


# --- backups ----------------------------------------------------------------------------------


def check_plans(value: Any) -> Outcome:
    got = _plain_or_none(value)
    plans = sorted({c["ke_hoach"] for c in data.backup_copies()})
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            'Kết quả phải là danh sách chữ cái, ví dụ ["A", "C"].',
            'The result must be a list of letters, e.g. ["A", "C"].',
        )
    if any(x not in plans for x in got):
        return wrong(
            f"Chỉ có các kế hoạch {', '.join(plans)} (chữ in hoa).",
            f"The plans are {', '.join(plans)} (capitals).",
        )
    expected = ref.plans_meeting_321(data.backup_copies())
    if sorted(got) == expected and got != expected:
        return wrong("Đúng các kế hoạch nhưng chưa xếp theo thứ tự.", "Right plans, wrong order.")
    if got != expected:
        return wrong(
            "Chưa đúng. Với mỗi kế hoạch, kiểm tra cả ba điều kiện: ít nhất 3 bản, ít nhất 2 loại "
            "phương tiện, ít nhất 1 bản ngoài cơ quan.",
            "Not yet. Check all three conditions for each plan: 3 copies, 2 media, 1 offsite.",
        )
    return correct()


def check_321_function(function: Callable) -> Outcome:
    table = pd.DataFrame(list(data.backup_copies()))
    for plan in sorted(table["ke_hoach"].unique()):
        result = _call(function, table[table["ke_hoach"] == plan])
        if type(_plain_or_none(result)) is not bool:
            return wrong(
                f"dat_3_2_1 phải trả về True hoặc False, đang trả về {type(result).__name__} "
                f"(kế hoạch {plan}).",
                f"dat_3_2_1 must return True or False, not {type(result).__name__}.",
            )
    return correct()


# --- CSV --------------------------------------------------------------------------------------


def _whole_number(value: Any, column: str) -> Outcome | None:
    got = _plain_or_none(value)
    if type(got) is float:
        return wrong(
            "Kết quả là số thập phân, không phải số nguyên: có lẽ dấu chấm ngăn hàng nghìn "
            "(1.234) đã bị đọc thành dấu thập phân. Xem lại các tham số của read_csv.",
            "The result is a decimal, not a whole number: the thousands separator was probably "
            "read as a decimal point. Check read_csv's parameters.",
        )
    if type(got) is not int:
        return wrong(
            f"Kết quả phải là một số nguyên, đang là {type(value).__name__}. Cột {column} có "
            "được đọc thành số không (xem bang.dtypes)?",
            f"The result must be a whole number, not {type(value).__name__}.",
        )
    return None


def check_total_dossiers(value: Any) -> Outcome:
    problem = _whole_number(value, "ho_so_tiep_nhan")
    if problem:
        return problem
    if plain(value) != sum(r["ho_so_tiep_nhan"] for r in data.dvc_records()):
        return wrong(
            "Chưa đúng tổng. Bạn có cộng cột ho_so_tiep_nhan của cả 124 dòng không?",
            "Wrong total. Sum ho_so_tiep_nhan over all 124 rows.",
        )
    return correct(
        "Đúng. Đọc sai dấu ngăn hàng nghìn sẽ cho một tổng sai mà không báo lỗi.",
        "Right. A wrong thousands separator gives a wrong total with no error.",
    )


def check_online_wards(value: Any) -> Outcome:
    problem = _whole_number(value, "ho_so_truc_tuyen")
    if problem:
        return problem
    everyone = sum(r["ho_so_truc_tuyen"] for r in data.dvc_records())
    if not 0 < plain(value) < everyone:
        return wrong(
            "Tổng của các phường phải lớn hơn 0 và nhỏ hơn tổng của cả 124 đơn vị. Đã lọc "
            'loai == "phường" chưa?',
            "The wards' total must be above 0 and below the total of all 124 units.",
        )
    return correct()


# --- Excel ------------------------------------------------------------------------------------


def _sheets_problem(value: Any, names: list[str]) -> Outcome | None:
    if type(value) is not dict:
        return wrong(
            f"Kết quả phải là kết quả của pd.read_excel(..., sheet_name=None): một từ điển "
            f"{{tên trang: bảng}}, đang là {type(value).__name__}.",
            f"Expected pd.read_excel(..., sheet_name=None): a dict, not {type(value).__name__}.",
        )
    if list(value) != names:
        return wrong(
            f"Tệp cần đúng {len(names)} trang, theo thứ tự: {', '.join(names)}; tệp đang có "
            f"{list(value)}.",
            f"The file needs exactly these sheets, in order: {names}; it has {list(value)}.",
        )
    if not all(isinstance(v, pd.DataFrame) for v in value.values()):
        return wrong("Mỗi trang phải là một bảng.", "Each sheet must be a table.")
    return None


def _totals_problem(sheet: pd.DataFrame, rows: list[dict]) -> Outcome | None:
    if "loai" not in sheet.columns or not set(SUM_COLUMNS) <= set(sheet.columns):
        return wrong(
            "Trang tong-hop cần cột loai và các cột tổng ho_so_tiep_nhan, ho_so_truc_tuyen: "
            'dùng groupby("loai", as_index=False).',
            "The tong-hop sheet needs loai and the summed columns (groupby as_index=False).",
        )
    expected = ref.totals_by_type(rows, SUM_COLUMNS)
    got = {r["loai"]: {c: r[c] for c in SUM_COLUMNS} for r in sheet.to_dict("records")}
    if _plain_or_none(got) != expected:
        return wrong(
            "Trang tong-hop chưa đúng: mỗi loại đơn vị một dòng, cộng các cột số hồ sơ.",
            "The tong-hop sheet is wrong: one row per unit type, summing the dossier columns.",
        )
    return None


def check_read_back(value: Any) -> Outcome:
    problem = _sheets_problem(value, EXCEL_SHEETS)
    if problem:
        return problem
    wards = [r for r in data.dvc_records() if r["loai"] == "phường"]
    sheet = value["phuong"]
    if "ma" not in sheet.columns or sorted(plain(sheet["ma"].tolist())) != sorted(
        r["ma"] for r in wards
    ):
        return wrong(
            "Trang phuong chưa đúng: cần đúng các dòng có loai là phường, giữ cột ma "
            "(ghi với index=False).",
            "The phuong sheet must hold exactly the wards' rows, with the ma column.",
        )
    return _totals_problem(value["tong-hop"], list(data.dvc_records())) or correct()


def written_sheets(function: Callable, table: pd.DataFrame) -> dict:
    """Call ``function(table, path)`` in a temporary folder of the current folder; read it back."""
    with tempfile.TemporaryDirectory(dir=".") as folder:
        path = Path(folder) / "kiem-tra.xlsx"
        _call(function, table.copy(), str(path))
        # Whatever the learner's function left there is read as the learner's data.
        return pd.read_excel(learner_files.open_bytes(path), sheet_name=None)


def check_excel_function(function: Callable) -> Outcome:
    try:
        sheets = written_sheets(function, data.dvc_frame())
    except FileNotFoundError:
        return wrong(
            "Hàm chưa ghi ra tệp có tên ten_tep: dùng đúng tham số ten_tep khi ghi.",
            "The function wrote no file named ten_tep.",
        )
    problem = _sheets_problem(sheets, LAB_SHEETS)
    if problem:
        return problem
    if len(sheets["du-lieu"]) != len(data.dvc_records()) or "ma" not in sheets["du-lieu"]:
        return wrong(
            "Trang du-lieu phải là toàn bộ bảng được truyền vào (ghi với index=False).",
            "The du-lieu sheet must be the whole table passed in (index=False).",
        )
    return correct()
