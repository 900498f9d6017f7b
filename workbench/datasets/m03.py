"""Data of module 03 (managing files and data), all synthetic and generated with a fixed seed.

* ``ho-so-dvc-thang-8-gia-lap.csv``: online public-service dossiers per unit (124 rows, real unit
  names and codes, invented numbers), written the way Excel with Vietnamese regional settings saves
  "CSV UTF-8": a BOM, ``;`` between columns, ``,`` for decimals, ``.`` between thousands, CRLF.
* ``ke-hoach-sao-luu-gia-lap.csv``: five backup plans, one row per copy (for the 3-2-1 rule).
* ``tep-nhan-duoc-gia-lap/``: files "received" from units, some badly named, some with an
  extension that lies about the content (tiny valid PDF, PNG, XLSX, DOCX and CSV files).

Everything is byte-for-byte reproducible: zip members carry a fixed timestamp.
"""

from __future__ import annotations

import csv
import io
import random
import re
import struct
import zipfile
import zlib
from functools import cache
from pathlib import Path

from workbench.data import units

SEED = 20250814  # the launch of "Bình dân học vụ số" in Lâm Đồng
DVC_CSV = "ho-so-dvc-thang-8-gia-lap.csv"
DVC_COLUMNS = ("ma", "ten", "loai", "ho_so_tiep_nhan", "ho_so_truc_tuyen", "ty_le_dung_han")
BACKUP_CSV = "ke-hoach-sao-luu-gia-lap.csv"
BACKUP_COLUMNS = ("ke_hoach", "ban_sao", "noi_luu", "phuong_tien", "ngoai_co_quan")
MESSY_DIR = "tep-nhan-duoc-gia-lap"

_ZIP_TIME = (2025, 8, 20, 8, 0, 0)
_STAMP = "2025-08-20T08:00:00Z"


# --- dossiers per unit ------------------------------------------------------------------------


@cache
def dvc_records() -> tuple[dict, ...]:
    """One synthetic record per unit, in code order: dossiers received, of which online, and the
    share settled on time (percent, one decimal)."""
    rng = random.Random(SEED)
    rows = []
    for unit in units():
        low, high = {"phường": (700, 3600), "xã": (150, 1600)}.get(unit["loai"], (400, 900))
        received = rng.randint(low, high)
        online = round(received * rng.uniform(0.35, 0.95))
        on_time = rng.randint(820, 1000) / 10
        rows.append(
            {
                "ma": unit["ma"],
                "ten": unit["ten"],
                "loai": unit["loai"],
                "ho_so_tiep_nhan": received,
                "ho_so_truc_tuyen": online,
                "ty_le_dung_han": on_time,
            }
        )
    return tuple(rows)


def dvc_frame():
    """The dossier table as a correct read of the CSV gives it."""
    import pandas as pd

    return pd.DataFrame(list(dvc_records()), columns=list(DVC_COLUMNS))


def vn_number(value: int | float, grouped: bool = True) -> str:
    """A number as Excel with Vietnamese settings shows it: 1.234 (a cell formatted with a
    thousands separator; ``grouped=False`` for a plain cell such as a code) and 97,5."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".") if grouped else str(value)
    return f"{value:.1f}".replace(".", ",")


def vn_csv_bytes(rows, columns, plain_columns=("ma", "stt")) -> bytes:
    """Rows written like Excel's "CSV UTF-8" under Vietnamese regional settings: a BOM, ``;``
    between columns, CRLF. Codes and row numbers (``plain_columns``) carry no separator."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                vn_number(row[c], c not in plain_columns)
                if isinstance(row[c], int | float)
                else row[c]
                for c in columns
            ]
        )
    return out.getvalue().encode("utf-8-sig")


# --- backup plans -----------------------------------------------------------------------------

_PLANS = {
    "A": [
        ("Máy tính làm việc của văn phòng", "may-tinh", "không"),
        ("USB cất trong ngăn kéo", "usb", "không"),
        ("Ổ cứng ngoài để cạnh máy tính", "o-cung-ngoai", "không"),
    ],
    "B": [
        ("Máy tính làm việc của văn phòng", "may-tinh", "không"),
        ("Ổ cứng ngoài cất ở trụ sở thứ hai của xã", "o-cung-ngoai", "có"),
        ("Kho lưu trữ trực tuyến của cơ quan (giả lập)", "dam-may", "có"),
    ],
    "C": [
        ("Máy tính làm việc của văn phòng", "may-tinh", "không"),
        ("Kho lưu trữ trực tuyến của cơ quan (giả lập)", "dam-may", "có"),
    ],
    "D": [
        ("Máy tính của chuyên viên A", "may-tinh", "không"),
        ("Máy tính của chuyên viên B", "may-tinh", "không"),
        ("Máy tính ở bộ phận một cửa, trụ sở khác", "may-tinh", "có"),
    ],
    "E": [
        ("Máy chủ lưu trữ của văn phòng", "may-chu", "không"),
        ("Máy tính làm việc của văn phòng", "may-tinh", "không"),
        ("Ổ cứng ngoài cất trong tủ khóa", "o-cung-ngoai", "không"),
        ("Kho lưu trữ trực tuyến của cơ quan (giả lập)", "dam-may", "có"),
    ],
}


def backup_copies() -> tuple[dict, ...]:
    """One row per copy of a file, for each of the example plans A–E."""
    return tuple(
        {
            "ke_hoach": plan,
            "ban_sao": i,
            "noi_luu": place,
            "phuong_tien": kind,
            "ngoai_co_quan": off,
        }
        for plan, copies in _PLANS.items()
        for i, (place, kind, off) in enumerate(copies, start=1)
    )


# --- a folder of received files ---------------------------------------------------------------


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ASCII text, its cross-reference table computed, not typed."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(f"({escape(t)}) Tj T*" for t in lines)
    content = ops.encode("ascii") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png(width: int = 8, height: int = 8) -> bytes:
    """A small grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    raw = b"".join(
        b"\x00" + bytes((x * 16 + y * 8) % 256 for x in range(width)) for y in range(height)
    )
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip archive with fixed timestamps, so the same content gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _xlsx(sheets: dict[str, list[dict]]) -> bytes:
    """An Excel workbook written by pandas/openpyxl, made reproducible (its clock removed)."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    core = members["docProps/core.xml"].decode("utf-8")
    core = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", rf"\g<1>{_STAMP}", core)
    members["docProps/core.xml"] = core.encode("utf-8")
    return _zip(members)


def _docx(paragraphs: list[str]) -> bytes:
    """The smallest Word document Word opens: three parts in a zip."""
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    return _zip(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
                b'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
                b'Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                b'wordprocessingml.document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
                b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                b'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
            "word/document.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f"{body}</w:body></w:document>"
            ).encode(),
        }
    )


def _dvc_rows(name_part: str) -> list[dict]:
    return [r for r in dvc_records() if name_part in r["ten"]]


def _summary_csv() -> bytes:
    """A plain comma CSV (UTF-8 without BOM), as a program rather than Excel writes it."""
    totals: dict[str, list[int]] = {}
    for r in dvc_records():
        totals.setdefault(r["loai"], []).append(r["ho_so_tiep_nhan"])
    lines = ["loai,so_don_vi,ho_so_tiep_nhan"]
    lines += [f"{kind},{len(v)},{sum(v)}" for kind, v in totals.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi")
_GIVEN = ("Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thị Hoa", "Quốc Huy", "Thu Hà")
_TRADES = ("tạp hóa", "cà phê", "rau củ Đà Lạt", "hải sản khô", "sửa xe máy", "may mặc")


def _businesses_csv() -> bytes:
    rng = random.Random(SEED + 1)
    places = [u["ten"] for u in units() if u["ten"].endswith(("Bảo Lộc", "B'Lao"))]
    rows = [
        {
            "stt": i,
            "ho_ten": f"{rng.choice(_FAMILY)} {rng.choice(_GIVEN)}",
            "nganh_nghe": rng.choice(_TRADES),
            "don_vi": rng.choice(places),
            "von_trieu_dong": rng.randint(30, 900) / 2,
            "ghi_chu": "dữ liệu giả lập",
        }
        for i in range(1, 13)
    ]
    return vn_csv_bytes(rows, list(rows[0]))


_NOTE = "TAI LIEU GIA LAP - CHI DUNG DE THUC HANH"


@cache
def _messy() -> tuple[tuple[str, str, bytes], ...]:
    """(file name, real type, content) for the received-files folder."""
    di_linh = _dvc_rows("Di Linh")[0]
    return (
        (
            "Báo cáo tháng 8 - Xã Di Linh.pdf",
            "pdf",
            _pdf(
                [
                    "BAO CAO THANG 8/2025 - XA DI LINH",
                    _NOTE,
                    f"Ho so tiep nhan: {di_linh['ho_so_tiep_nhan']}",
                    f"Ho so truc tuyen: {di_linh['ho_so_truc_tuyen']}",
                ]
            ),
        ),
        (
            "2025-08-20_xa-bac-ruong_danh-sach-gia-lap_v1.xlsx",
            "xlsx",
            _xlsx({"ho-so": _dvc_rows("Bắc Ruộng")}),
        ),
        (
            "2025-08-21_phuong-1-bao-loc_tong-hop_v2.pdf",
            "xlsx",
            _xlsx({"bao-loc": _dvc_rows("Bảo Lộc"), "ghi-chu": [{"ghi_chu": _NOTE}]}),
        ),
        ("tong hop (1).xlsx", "csv", _summary_csv()),
        (
            "2025-08-22_dac-khu-phu-quy_ke-hoach_v1.csv",
            "pdf",
            _pdf(["KE HOACH CHUYEN DOI SO 2025 - DAC KHU PHU QUY", _NOTE]),
        ),
        ("DS_ho_kinh_doanh_gia_lap.csv", "csv", _businesses_csv()),
        ("anh-chup-cong-van.png", "png", _png()),
        ("To trinh mua may tinh.docx", "docx", _docx(["Tờ trình mua máy tính", "Giả lập."])),
        ("bao-cao-quy-3.xlsx", "docx", _docx(["Báo cáo quý 3/2025", "Giả lập."])),
    )


def messy_files() -> dict[str, bytes]:
    """File name → content of every file in ``tep-nhan-duoc-gia-lap/``."""
    return {name: data for name, _kind, data in _messy()}


def messy_types() -> dict[str, str]:
    """File name → the type its content really has ("pdf", "xlsx", "docx", "png", "csv")."""
    return {name: kind for name, kind, _data in _messy()}


# --- writing ----------------------------------------------------------------------------------


def _plain_csv(rows, columns) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write(folder: Path) -> list[Path]:
    """Write the module's files into ``folder``; returns their paths."""
    folder = Path(folder)
    files = {
        DVC_CSV: vn_csv_bytes(dvc_records(), DVC_COLUMNS),
        BACKUP_CSV: _plain_csv(backup_copies(), BACKUP_COLUMNS),
    }
    files |= {f"{MESSY_DIR}/{name}": data for name, data in messy_files().items()}
    paths = []
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths
