"""Module 02 data: a small synthetic web of pages about life in Lâm Đồng, for an offline search engine.

Every page is invented for the lesson (``ghi_chu`` says so on every row, the file name says
``gia-lap``). Domains are of two kinds:

* a few real, well-known official domains (``lamdong.gov.vn``, ``dichvucong.gov.vn``,
  ``chinhphu.vn``, ``baochinhphu.vn``, ``binhdanhocvuso.gov.vn``, ``nchmf.gov.vn``,
  ``moh.gov.vn``) — the domain is real, the page paths and texts are made up;
* invented domains, all under the reserved ``.example`` top-level domain (RFC 2606), so that no
  real site is blamed for the fake news, scams and look-alike addresses the lesson needs.

Numbers about the province's units are computed from :func:`workbench.data.units`, never typed.
Prices and temperatures come from ``random.Random(SEED)``: the same pages on every machine.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from workbench.data import units, write_units_csv

SEED = 20250814  # the day the movement was launched
PAGES_CSV = "trang-web-gia-lap.csv"
COLUMNS = (
    "url",
    "ten_mien",
    "tieu_de",
    "ngay",
    "chu_de",
    "loai_tep",
    "co_dan_nguon",
    "anh",
    "noi_dung",
    "ghi_chu",
)
NOTE = "Trang giả lập cho bài học, không có thật (synthetic page)"
TODAY = "2025-09-15"  # the lesson's "today": recency is judged against it, not the clock

# Roots of official domains: a domain is official when it *is* one of them or ends with "." + it.
OFFICIAL_ROOTS = ("gov.vn", "chinhphu.vn", "baochinhphu.vn")

# Real official sources a learner may keep (domain, name, what for).
OFFICIAL_SOURCES = (
    ("lamdong.gov.vn", "Cổng Thông tin điện tử tỉnh Lâm Đồng", "thông báo, văn bản của tỉnh"),
    ("dichvucong.gov.vn", "Cổng Dịch vụ công quốc gia", "nộp hồ sơ, tra cứu thủ tục"),
    ("chinhphu.vn", "Cổng Thông tin điện tử Chính phủ", "văn bản, chính sách"),
    ("baochinhphu.vn", "Báo Điện tử Chính phủ", "tin chính thức của Chính phủ"),
    ("binhdanhocvuso.gov.vn", "Nền tảng Bình dân học vụ số", "học kỹ năng số"),
    ("nchmf.gov.vn", "Trung tâm Dự báo khí tượng thủy văn quốc gia", "dự báo thời tiết, thiên tai"),
    ("moh.gov.vn", "Bộ Y tế", "khuyến cáo sức khỏe"),
)

# Source kinds (kept out of the CSV: judging the source is the learner's job).
OFFICIAL, PRESS, SOCIAL, SHOP, CLICKBAIT, IMPOSTOR = (
    "cơ quan nhà nước",
    "báo chí",
    "mạng xã hội",
    "trang thương mại",
    "trang tin giật gân",
    "giả mạo",
)
FICTITIOUS = {
    "tin-nong-24h.example": CLICKBAIT,
    "gia-ca-phe-tang-soc.example": CLICKBAIT,
    "suckhoe-vang.example": CLICKBAIT,
    "tin-tuc-cao-nguyen.example": PRESS,
    "mxh-lam-dong.example": SOCIAL,
    "hoi-dong-huong.example": SOCIAL,
    "cho-nong-san.example": SHOP,
    "phan-bon-gia-tot.example": SHOP,
    "nhan-tien-ho-tro.example": IMPOSTOR,
    "viec-nhe-luong-cao.example": IMPOSTOR,
    "dichvucong.gov.vn.ho-tro-truc-tuyen.example": IMPOSTOR,
    "lamdong.gov.vn.thong-bao.example": IMPOSTOR,
}

# Photos reused with a new date: (file name, the original page's date).
FLOOD_PHOTO = "mua-ngap-da-lat.jpg"
LANDSLIDE_PHOTO = "sat-lo-deo-mimosa.jpg"

# Doctored claims about the units (what circulating messages say).
FAKE_TOTAL = 142
DOCTORED_COUNTS = {"xã": 105, "phường": 18, "đặc khu": 1}

CROPS = (  # name, unit, start price (đồng), weekly step
    ("cà phê nhân", "kg", 112_000, 3_000),
    ("sầu riêng", "kg", 72_000, 4_000),
    ("hồ tiêu", "kg", 134_000, 3_000),
    ("thanh long", "kg", 16_000, 1_500),
    ("bắp cải", "kg", 7_000, 800),
)
BULLETIN_WEEKS = 8
FIRST_BULLETIN = dt.date(2025, 7, 21)

PROCEDURES = (
    "đăng ký khai sinh",
    "đăng ký thường trú",
    "đăng ký kết hôn",
    "cấp đổi giấy phép lái xe",
    "đăng ký hộ kinh doanh",
    "cấp phiếu lý lịch tư pháp",
)


def fold(text: str) -> str:
    """Lower-case text without diacritics (``đ`` → ``d``), for URLs and accent-free search."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def is_official(domain: str) -> bool:
    domain = domain.lower()
    return any(domain == root or domain.endswith("." + root) for root in OFFICIAL_ROOTS)


def source_kind(domain: str) -> str:
    return OFFICIAL if is_official(domain) else FICTITIOUS[domain]


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def unit_counts() -> dict[str, int]:
    return dict(Counter(u["loai"] for u in units()))


def doctored_parts() -> list[str]:
    """The unit types whose number the doctored message gets wrong (against the data)."""
    real = unit_counts()
    return [kind for kind, n in DOCTORED_COUNTS.items() if real.get(kind) != n]


def _page(
    domain: str,
    title: str,
    date: str,
    topic: str,
    text: str,
    *,
    filetype: str = "html",
    cites: bool | None = None,
    photo: str = "",
    path: str | None = None,
) -> dict:
    kind = source_kind(domain)
    name = path or slug(title)
    return {
        "url": f"https://{domain}/{name}" + (".pdf" if filetype == "pdf" else ""),
        "ten_mien": domain,
        "tieu_de": title,
        "ngay": date,
        "chu_de": topic,
        "loai_tep": filetype,
        "co_dan_nguon": kind in (OFFICIAL, PRESS) if cites is None else cites,
        "anh": photo,
        "noi_dung": text,
        "ghi_chu": NOTE,
        "loai_nguon": kind,
    }


def _administration() -> list[dict]:
    n = unit_counts()
    total = sum(n.values())
    units_sentence = (
        f"Từ ngày 1/7/2025 tỉnh Lâm Đồng có {total} đơn vị hành chính cấp xã, gồm {n['xã']} xã, "
        f"{n['phường']} phường và {n['đặc khu']} đặc khu là Phú Quý."
    )
    fake = DOCTORED_COUNTS
    return [
        _page(
            "lamdong.gov.vn",
            f"Danh sách {total} đơn vị hành chính cấp xã tỉnh Lâm Đồng sau sắp xếp",
            "2025-07-01",
            "hành chính",
            units_sentence + " Danh sách kèm theo ghi tên và mã số của từng xã, phường, đặc khu "
            "theo nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã.",
            filetype="pdf",
            path="van-ban/danh-sach-don-vi-hanh-chinh-cap-xa",
        ),
        _page(
            "lamdong.gov.vn",
            "Tỉnh Lâm Đồng mới chính thức hoạt động từ ngày 1/7/2025",
            "2025-07-01",
            "hành chính",
            "Theo Nghị quyết số 202/2025/QH15, tỉnh Lâm Đồng mới được hợp nhất từ ba tỉnh Lâm "
            "Đồng, Đắk Nông và Bình Thuận, diện tích 24.233,07 km², dân số 3.872.999 người, trung "
            "tâm hành chính đặt tại Đà Lạt. " + units_sentence,
        ),
        _page(
            "baochinhphu.vn",
            f"Lâm Đồng mới có {total} đơn vị hành chính cấp xã",
            "2025-07-02",
            "hành chính",
            units_sentence + " Chính quyền địa phương hai cấp vận hành từ ngày 1/7/2025.",
        ),
        _page(
            "chinhphu.vn",
            "Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh",
            "2025-06-13",
            "hành chính",
            "Quốc hội thông qua Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp "
            "tỉnh, trong đó hợp nhất tỉnh Lâm Đồng, tỉnh Đắk Nông và tỉnh Bình Thuận thành tỉnh "
            "Lâm Đồng.",
            filetype="pdf",
        ),
        _page(
            "tin-nong-24h.example",
            f"KHẨN: Lâm Đồng mới có {FAKE_TOTAL} xã, phường — chia sẻ ngay!",
            "2025-07-03",
            "hành chính",
            f"Nóng!!! Sau sáp nhập Lâm Đồng có tới {FAKE_TOTAL} xã, phường. Người dân phải cập "
            "nhật lại địa chỉ trên căn cước trước ngày 31/7 nếu không sẽ bị phạt. Chia sẻ ngay "
            "cho người thân!",
        ),
        _page(
            "hoi-dong-huong.example",
            "Hỏi: sau sáp nhập Lâm Đồng có bao nhiêu xã, phường?",
            "2025-07-10",
            "hành chính",
            f"Mình nghe nói sau sáp nhập Lâm Đồng có {fake['xã']} xã, {fake['phường']} phường "
            f"và {fake['đặc khu']} đặc khu, ai biết chính xác không ạ?",
        ),
        _page(
            "lamdong.gov.vn",
            "Lâm Đồng phát động phong trào Bình dân học vụ số",
            "2025-08-14",
            "kỹ năng số",
            f"Sáng 14/8/2025, Ủy ban nhân dân tỉnh phát động phong trào Bình dân học vụ số, kết "
            f"nối trực tuyến tới {total} điểm cầu xã, phường, đặc khu. Tri thức số là chìa khóa "
            "của tương lai.",
        ),
        _page(
            "binhdanhocvuso.gov.vn",
            "Nền tảng Bình dân học vụ số: học kỹ năng số miễn phí",
            "2025-08-01",
            "kỹ năng số",
            "Người học đăng nhập bằng tài khoản định danh điện tử VNeID, học qua bài đọc và "
            "video, làm bài kiểm tra và nhận chứng nhận.",
        ),
    ]


def _public_services() -> list[dict]:
    pages = [
        _page(
            "dichvucong.gov.vn",
            f"Hướng dẫn {name} trực tuyến",
            f"2025-0{6 + i % 3}-{10 + i:02d}",
            "dịch vụ công",
            f"Để {name} trực tuyến, người dân đăng nhập Cổng Dịch vụ công quốc gia bằng tài "
            "khoản định danh điện tử VNeID mức độ 2, chọn thủ tục, điền tờ khai, đính kèm giấy "
            "tờ và theo dõi kết quả. Không cung cấp mật khẩu hay mã OTP cho bất kỳ ai.",
        )
        for i, name in enumerate(PROCEDURES)
    ]
    pages += [
        _page(
            "lamdong.gov.vn",
            "Danh mục thủ tục hành chính thực hiện tại xã, phường, đặc khu",
            "2025-07-15",
            "dịch vụ công",
            "Danh mục các thủ tục hành chính người dân nộp tại Trung tâm phục vụ hành chính "
            "công cấp xã hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia, gồm thủ tục toàn "
            "trình và một phần.",
            filetype="pdf",
        ),
        _page(
            "dichvucong.gov.vn.ho-tro-truc-tuyen.example",
            "Cổng Dịch vụ công: xác minh tài khoản VNeID để nhận hỗ trợ",
            "2025-08-20",
            "dịch vụ công",
            "Tài khoản của bạn sắp bị khóa. Nhập số căn cước, mật khẩu VNeID và mã OTP vừa nhận "
            "để xác minh và nhận tiền hỗ trợ trong 24 giờ.",
            cites=False,
            path="dang-nhap",
        ),
        _page(
            "lamdong.gov.vn.thong-bao.example",
            "Thông báo: nhận 5 triệu đồng hỗ trợ sau sáp nhập",
            "2025-07-20",
            "dịch vụ công",
            "Mỗi hộ dân được nhận 5 triệu đồng hỗ trợ sau sáp nhập tỉnh. Điền số căn cước, số "
            "tài khoản ngân hàng và mã OTP để nhận tiền ngay hôm nay.",
            cites=False,
        ),
        _page(
            "nhan-tien-ho-tro.example",
            "Danh sách hộ dân được nhận tiền hỗ trợ: tra cứu danh sách tại đây",
            "2025-07-22",
            "dịch vụ công",
            "Xem danh sách hộ được nhận 5 triệu đồng hỗ trợ. Nhập họ tên, số căn cước và mã OTP "
            "để tra cứu danh sách và nhận tiền. Chỉ còn 100 suất, nhanh tay!",
            cites=False,
        ),
    ]
    return pages


def _scam_warnings() -> list[dict]:
    return [
        _page(
            "lamdong.gov.vn",
            "Cảnh báo tin nhắn giả mạo Cổng Dịch vụ công",
            "2025-08-22",
            "cảnh báo lừa đảo",
            "Công an tỉnh cảnh báo thủ đoạn lừa đảo: gửi tin nhắn kèm đường link giả mạo Cổng "
            "Dịch vụ công, yêu cầu nhập mã OTP. Tên miền thật của cổng là dichvucong.gov.vn.",
        ),
        _page(
            "lamdong.gov.vn",
            "Cảnh giác với thủ đoạn giả danh cán bộ thuế gọi điện",
            "2025-06-18",
            "cảnh báo lừa đảo",
            "Kẻ lừa đảo giả danh cán bộ thuế, yêu cầu hộ kinh doanh cài ứng dụng lạ để cập nhật "
            "thông tin. Cơ quan thuế không gọi điện yêu cầu cài ứng dụng.",
        ),
        _page(
            "baochinhphu.vn",
            "Cảnh giác lừa đảo 'nhận tiền hỗ trợ sau sáp nhập'",
            "2025-07-25",
            "cảnh báo lừa đảo",
            "Nhiều trang web giả mạo cơ quan nhà nước mời người dân nhận tiền hỗ trợ sau sáp "
            "nhập tỉnh. Không có chính sách nào như vậy; đây là thủ đoạn lừa đảo lấy mã OTP.",
        ),
        _page(
            "viec-nhe-luong-cao.example",
            "Việc nhẹ lương cao: làm tại nhà, 500.000 đồng mỗi ngày",
            "2025-09-01",
            "việc làm",
            "Chỉ cần điện thoại, làm nhiệm vụ thích bài viết, nhận 500.000 đồng mỗi ngày. Nộp "
            "trước 300.000 đồng phí kích hoạt. Cam kết uy tín, không phải lừa đảo.",
            cites=False,
        ),
        _page(
            "mxh-lam-dong.example",
            "Mọi người cẩn thận lừa đảo qua điện thoại",
            "2025-09-05",
            "cảnh báo lừa đảo",
            "Nghe nói có người bị lừa đảo mất tiền vì bấm link lạ trong tin nhắn, không rõ ở "
            "đâu. Chia sẻ ngay cho mọi người!",
            cites=False,
        ),
    ]


def bulletin_dates() -> list[str]:
    return [(FIRST_BULLETIN + dt.timedelta(weeks=k)).isoformat() for k in range(BULLETIN_WEEKS)]


def _prices(rng: random.Random) -> list[dict[str, int]]:
    weeks = []
    current = {name: start for name, _unit, start, _step in CROPS}
    for _ in range(BULLETIN_WEEKS):
        weeks.append(dict(current))
        for name, _unit, _start, step in CROPS:
            current[name] = max(step, current[name] + rng.choice((-2, -1, 0, 1, 1, 2)) * step)
    return weeks


def _farm_prices(rng: random.Random) -> list[dict]:
    pages = []
    weeks = _prices(rng)
    for date, prices in zip(bulletin_dates(), weeks, strict=True):
        week = dt.date.fromisoformat(date).isocalendar().week
        lines = "; ".join(
            f"giá {name} {money(prices[name])} đồng/{unit}" for name, unit, *_ in CROPS
        )
        pages.append(
            _page(
                "lamdong.gov.vn",
                f"Bản tin giá nông sản tuần {week}/2025",
                date,
                "nông sản",
                f"Sở Nông nghiệp và Môi trường tổng hợp giá bán tại vườn tuần {week}: {lines}.",
                filetype="pdf",
                path=f"ban-tin/gia-nong-san-tuan-{week}-2025",
            )
        )
    coffee = weeks[-1]["cà phê nhân"]
    for i, (name, unit, *_rest) in enumerate(CROPS[:4]):
        date = bulletin_dates()[BULLETIN_WEEKS - 1 - i % 3]
        offer = weeks[-1][name] + rng.choice((-1, 1)) * CROPS[i][3]
        pages.append(
            _page(
                "cho-nong-san.example",
                f"Thu mua {name} giá tốt tại Lâm Đồng",
                date,
                "nông sản",
                f"Vựa chúng tôi thu mua {name} giá {money(offer)} đồng/{unit}, cân tại vườn, trả "
                "tiền ngay. Liên hệ để được báo giá mới nhất.",
            )
        )
    pages += [
        _page(
            "gia-ca-phe-tang-soc.example",
            "Giá cà phê hôm nay tăng sốc lên 250.000 đồng/kg",
            bulletin_dates()[-1],
            "nông sản",
            "Theo Sở Nông nghiệp, giá cà phê hôm nay tăng sốc lên 250.000 đồng/kg, gấp đôi tuần "
            "trước. Bà con đừng bán vội, chia sẻ ngay cho cả xóm!",
            cites=False,
        ),
        _page(
            "phan-bon-gia-tot.example",
            "Phân bón thần kỳ giúp sầu riêng tăng năng suất gấp đôi",
            "2025-08-05",
            "nông sản",
            "Cam kết tăng năng suất sầu riêng gấp đôi chỉ sau một vụ. Giảm 50% hôm nay, hàng "
            "chính hãng, gọi ngay.",
            cites=False,
        ),
        _page(
            "tin-tuc-cao-nguyen.example",
            "Giá cà phê tuần này ổn định",
            bulletin_dates()[-1],
            "nông sản",
            f"Theo bản tin giá của Sở Nông nghiệp và Môi trường, giá cà phê nhân quanh mức "
            f"{money(coffee)} đồng/kg, ít thay đổi so với tuần trước.",
        ),
    ]
    return pages


def _weather(rng: random.Random) -> list[dict]:
    pages = []
    for day in range(8, 13):
        low = rng.randint(15, 17)
        rain = rng.choice(("mưa rào và dông rải rác", "chiều tối có mưa vừa", "ít mưa"))
        pages.append(
            _page(
                "nchmf.gov.vn",
                f"Dự báo thời tiết Tây Nguyên và Nam Trung Bộ ngày {day}/9/2025",
                f"2025-09-{day:02d}",
                "thời tiết",
                f"Khu vực Lâm Đồng {rain}; nhiệt độ thấp nhất ở Đà Lạt {low} độ C, cao nhất "
                f"{low + rng.randint(7, 9)} độ C. Đề phòng lốc, sét và gió giật trong cơn dông.",
            )
        )
    pages += [
        _page(
            "tin-tuc-cao-nguyen.example",
            "Mưa lớn gây ngập cục bộ ở Đà Lạt",
            "2023-10-06",
            "thời tiết",
            "Cơn mưa lớn chiều qua khiến nhiều tuyến đường trung tâm Đà Lạt ngập cục bộ; nước "
            "rút sau khoảng hai giờ. Ảnh: ngập gần hồ Xuân Hương.",
            photo=FLOOD_PHOTO,
        ),
        _page(
            "tin-nong-24h.example",
            "Đà Lạt ngập nặng hôm nay, chia sẻ ngay để mọi người tránh",
            "2025-09-10",
            "thời tiết",
            "NÓNG: Đà Lạt đang ngập nặng chưa từng thấy, nước dâng cao khắp nơi. Chia sẻ ngay!",
            photo=FLOOD_PHOTO,
        ),
        _page(
            "mxh-lam-dong.example",
            "Ảnh ngập Đà Lạt sáng nay",
            "2025-09-11",
            "thời tiết",
            "Bạn tôi vừa gửi ảnh, Đà Lạt sáng nay ngập thế này, mọi người cẩn thận.",
            photo=FLOOD_PHOTO,
        ),
        _page(
            "tin-tuc-cao-nguyen.example",
            "Sạt lở đất trên đèo Mimosa sau mưa kéo dài",
            "2024-07-29",
            "thời tiết",
            "Mưa kéo dài làm sạt lở một đoạn taluy trên đèo Mimosa; lực lượng chức năng đã phân "
            "luồng và dọn đất đá trong ngày.",
            photo=LANDSLIDE_PHOTO,
        ),
        _page(
            "mxh-lam-dong.example",
            "Đèo Mimosa sạt lở, cấm đường hôm nay",
            "2025-09-12",
            "thời tiết",
            "Khẩn: đèo Mimosa vừa sạt lở, cấm đường hoàn toàn hôm nay, chia sẻ cho mọi người biết!",
            photo=LANDSLIDE_PHOTO,
        ),
        _page(
            "hoi-dong-huong.example",
            "Đèo Mimosa lại sạt lở?",
            "2025-09-13",
            "thời tiết",
            "Thấy nhóm bạn chia sẻ ảnh sạt lở đèo Mimosa, có ai đi qua hôm nay không?",
            photo=LANDSLIDE_PHOTO,
        ),
    ]
    return pages


def _health() -> list[dict]:
    return [
        _page(
            "moh.gov.vn",
            "Khuyến cáo phòng chống sốt xuất huyết mùa mưa",
            "2025-08-12",
            "sức khỏe",
            "Bộ Y tế khuyến cáo người dân diệt lăng quăng, ngủ màn, đến cơ sở y tế khi sốt cao; "
            "không tự ý dùng thuốc hạ sốt không rõ nguồn gốc.",
        ),
        _page(
            "moh.gov.vn",
            "Tiêm chủng đầy đủ, đúng lịch cho trẻ em",
            "2025-06-03",
            "sức khỏe",
            "Cha mẹ đưa trẻ đi tiêm chủng đúng lịch tại trạm y tế xã, phường; lịch tiêm được "
            "thông báo tại trạm và trên sổ tiêm chủng.",
        ),
        _page(
            "suckhoe-vang.example",
            "Lá cây chữa khỏi tiểu đường trong 7 ngày, bác sĩ cũng bất ngờ",
            "2025-08-30",
            "sức khỏe",
            "Chỉ cần uống nước lá cây này 7 ngày là khỏi hẳn tiểu đường, bỏ luôn thuốc. Chia sẻ "
            "ngay cho người thân!",
            cites=False,
        ),
        _page(
            "mxh-lam-dong.example",
            "Kinh nghiệm chữa sốt tại nhà",
            "2025-08-25",
            "sức khỏe",
            "Con mình sốt, mình tự mua thuốc về uống là khỏi, không cần đi khám đâu mọi người.",
            cites=False,
        ),
    ]


@cache
def pages() -> tuple[dict, ...]:
    """Every page, in a fixed order (the same on every machine)."""
    rng = random.Random(SEED)
    result = (
        _administration()
        + _public_services()
        + _scam_warnings()
        + _farm_prices(rng)
        + _weather(rng)
        + _health()
    )
    urls = [p["url"] for p in result]
    assert len(urls) == len(set(urls)), "duplicated url"
    return tuple(result)


def pages_frame():
    import pandas as pd

    return pd.DataFrame([{c: p[c] for c in COLUMNS} for p in pages()], columns=list(COLUMNS))


def newest_bulletin() -> dict:
    """The official price bulletin (PDF on lamdong.gov.vn) with the latest date."""
    bulletins = [
        p for p in pages() if p["ten_mien"] == "lamdong.gov.vn" and p["chu_de"] == "nông sản"
    ]
    return max(bulletins, key=lambda p: p["ngay"])


def units_list_page() -> dict:
    return pages()[0]


def first_seen(photo: str) -> str:
    """The date of the earliest page showing ``photo`` (what a reverse image search finds)."""
    return min(p["ngay"] for p in pages() if p["anh"] == photo)


def official_domains() -> list[str]:
    return sorted({p["ten_mien"] for p in pages() if is_official(p["ten_mien"])})


def write(folder: Path) -> list[Path]:
    """Write the pages as ``trang-web-gia-lap.csv`` (UTF-8) and the unit list next to them."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / PAGES_CSV
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(pages())
    return [path, write_units_csv(folder)]
