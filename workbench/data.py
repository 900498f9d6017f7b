"""Datasets the lessons use, generated from packages: nothing is typed by hand or downloaded.

The unit list of Lâm Đồng (province code 68) comes from ``vietnam-provinces``, as published,
defects included (``Xã Đắk song`` with a lower-case s; ``Phường Phú Thuỷ`` with the tone on y where the government list writes ``Phú Thủy``): they are cleaning exercises.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LAM_DONG = 68
UNITS_CSV = "don_vi_lam_dong.csv"
UNIT_COLUMNS = ("ma", "ten", "loai", "tinh_cu")

# Former province, *inferred from statistics-office code ranges* (the package does not carry it):
# codes below 24000 were Bình Thuận's, 24000–24777 Đắk Nông's, 24778 and above Lâm Đồng's.
_FORMER = ((24778, "Lâm Đồng"), (24000, "Đắk Nông"), (0, "Bình Thuận"))


def former_province(code: int) -> str:
    return next(name for start, name in _FORMER if code >= start)


@cache
def units() -> tuple[dict, ...]:
    """The 124 units as plain records, sorted by code."""
    from vietnam_provinces import ProvinceCode, Ward

    rows = []
    for ward in Ward.iter_by_province(ProvinceCode(LAM_DONG)):
        code = int(ward.code)
        rows.append(
            {
                "ma": code,
                "ten": ward.name,
                "loai": ward.division_type.value,
                "tinh_cu": former_province(code),
            }
        )
    return tuple(sorted(rows, key=lambda r: r["ma"]))


def units_frame():
    import pandas as pd

    return pd.DataFrame(list(units()), columns=list(UNIT_COLUMNS))


def write_units_csv(folder: Path) -> Path:
    """Write ``don_vi_lam_dong.csv`` (UTF-8, NFC, as the package has it) into ``folder``."""
    path = Path(folder) / UNITS_CSV
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=UNIT_COLUMNS)
        writer.writeheader()
        writer.writerows(units())
    return path


# Files each module's notebooks expect next to them, by module id. A module may also ship its own
# generator as ``workbench/datasets/<module id>.py`` with ``write(folder) -> list[Path]``.
MODULE_DATA = {"m01": (write_units_csv,)}


def write_module_data(module_id: str, folder: Path) -> list[Path]:
    import importlib
    import importlib.util

    paths = [write(folder) for write in MODULE_DATA.get(module_id, ())]
    name = f"workbench.datasets.{module_id}"
    if importlib.util.find_spec(name) is not None:
        paths += list(importlib.import_module(name).write(Path(folder)))
    return paths
