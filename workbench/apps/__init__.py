"""The app gallery: notebooks in ``notebooks/ung-dung/`` that Voila serves without their code.

Each notebook holds one code cell, ``from workbench.apps.<module> import App`` then ``App().view``;
the logic lives here so it can be tested without a browser. This registry is the one list of apps:
the gallery page, ``hocvuso ung-dung``, the browser tests and the benchmarks all read it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from workbench.paths import REPO

APPS_DIR = REPO / "notebooks" / "ung-dung"


@dataclass(frozen=True)
class AppInfo:
    slug: str  # notebook file stem
    module: str  # workbench.apps.<module>
    title: str
    title_en: str
    summary: str
    summary_en: str
    audience: str  # "moi-nguoi" (everyone) or "giang-vien" (trainers and leaders)
    # False for an app that cannot run ahead of its visitor. The dashboard can: it waits for the
    # request (voila.utils.wait_for_request) before reading the gradebook.
    preheat: bool = True

    @property
    def file(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def path(self) -> Path:
        return APPS_DIR / self.file

    def load(self):
        """The app's class (imports the module)."""
        return importlib.import_module(f"workbench.apps.{self.module}").App


APPS: tuple[AppInfo, ...] = (
    AppInfo(
        "01-tro-ly-thu-tuc",
        "thu_tuc",
        "Trợ lý thủ tục hành chính",
        "Administrative procedures assistant",
        "Chọn một sự kiện trong đời: giấy tờ cần có, lệ phí, thời hạn, mức trực tuyến, danh sách "
        "kiểm tra và nộp thử một tờ khai (danh mục minh hoạ).",
        "Pick a life event: documents, fees, time, online level, a checklist and a mock form "
        "(illustrative catalogue).",
        "moi-nguoi",
    ),
    AppInfo(
        "02-nhan-dien-lua-dao",
        "lua_dao",
        "Nhận diện lừa đảo",
        "Spot the scam",
        "Phân loại tin nhắn lừa đảo và tin thật, xem giải thích từng dấu hiệu và điểm của bạn.",
        "Sort scam and genuine messages, see why, and get a score.",
        "moi-nguoi",
    ),
    AppInfo(
        "03-kiem-tra-mat-khau",
        "mat_khau",
        "Kiểm tra mật khẩu",
        "Password checker",
        "Đo độ mạnh của mật khẩu và nhận lời khuyên; không lưu, không ghi lại điều bạn gõ.",
        "Measure a password's strength and get advice; nothing you type is stored or logged.",
        "moi-nguoi",
    ),
    AppInfo(
        "04-du-lieu-124-don-vi",
        "don_vi",
        "Khám phá dữ liệu 124 đơn vị",
        "Explore the 124 units",
        "Lọc, vẽ biểu đồ và tải về bảng 124 xã, phường, đặc khu của tỉnh Lâm Đồng.",
        "Filter, chart and download the table of Lâm Đồng's 124 communes, wards and special zone.",
        "moi-nguoi",
    ),
    AppInfo(
        "05-so-thu-chi",
        "thu_chi",
        "Sổ thu chi nông hộ, tiểu thương",
        "Household and small-shop cash book",
        "Ghi các khoản thu, chi; xem tổng theo tháng, biểu đồ và tải tệp Excel.",
        "Record income and expenses; see monthly totals, a chart, and download Excel.",
        "moi-nguoi",
    ),
    AppInfo(
        "06-tu-danh-gia",
        "tu_danh_gia",
        "Tự đánh giá năng lực số",
        "Digital competence self-assessment",
        "Trả lời vài câu cho từng lĩnh vực năng lực số, xem mức của mình và các học phần nên học.",
        "Answer a few questions per digital competence area, see your level and the modules to take.",
        "moi-nguoi",
    ),
    AppInfo(
        "07-tien-do",
        "tien_do",
        "Bảng theo dõi tiến độ",
        "Progress dashboard",
        "Cho giảng viên và lãnh đạo: học viên, tỉ lệ hoàn thành và điểm theo 124 đơn vị, nhóm đối "
        "tượng, mã năng lực; lọc và xuất Excel.",
        "For trainers and leaders: learners, completion and scores by unit, group and competence; "
        "filters and Excel export.",
        "giang-vien",
    ),
)


def app(slug_or_module: str) -> AppInfo:
    for info in APPS:
        if slug_or_module in (info.slug, info.module, info.file):
            return info
    raise KeyError(slug_or_module)
