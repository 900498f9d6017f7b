"""Questions of the module 02 lesson: ``from graders.m02.bai_hoc import q1, q2, q3, q4, q5``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "truy_van_1",
    checks.check_units_list_query,
    hints=[
        Msg(
            "Văn bản nằm trên trang của tỉnh (site:lamdong.gov.vn) và là tệp PDF (filetype:pdf).",
            "The document is on the province's site (site:lamdong.gov.vn) and is a PDF.",
        ),
        Msg(
            "Thêm một từ khóa có trong tiêu đề, ví dụ: danh sách.",
            "Add a word from the title, e.g. danh sách.",
        ),
    ],
    solution="truy_van_1 = 'danh sách site:lamdong.gov.vn filetype:pdf'",
)
q2 = Question(
    "truy_van_2",
    checks.check_official_warnings_query,
    hints=[
        Msg(
            "Từ khóa: lừa đảo. Giới hạn tên miền: site:gov.vn lấy mọi trang có đuôi .gov.vn.",
            "Keyword: lừa đảo. Limit the domain: site:gov.vn takes every .gov.vn site.",
        ),
    ],
    solution="truy_van_2 = 'lừa đảo site:gov.vn'",
)
q3 = Question(
    "link_chinh_thuc",
    checks.check_official_links,
    hints=[
        Msg(
            "Tên miền là phần giữa “https://” và dấu “/” tiếp theo. Đọc nó từ phải sang trái.",
            "The domain sits between “https://” and the next “/”. Read it right to left.",
        ),
        Msg(
            "Tên miền kết thúc bằng .example là tên bịa; “.gov.vn” ở giữa không có nghĩa gì.",
            "A domain ending in .example is made up; “.gov.vn” in the middle means nothing.",
        ),
    ],
    solution='link_chinh_thuc = ["A", "C", "E"]',
)
q4 = Question(
    "sai_o_dau",
    checks.check_doctored_parts,
    hints=[
        Msg(
            "So từng con số trong tin nhắn với bảng đếm phía trên: xã, phường, đặc khu.",
            "Compare each number in the message with the counts above.",
        ),
    ],
    solution='sai_o_dau = ["xã", "phường"]',
)
q5 = Question(
    "ngay_goc",
    checks.check_first_seen_flood,
    hints=[
        Msg(
            "tim_anh(...) xếp các trang từ cũ đến mới: ngày ở dòng đầu tiên là ngày sớm nhất.",
            "tim_anh(...) lists pages oldest first: the first row has the earliest date.",
        ),
    ],
    solution='ngay_goc = tim_anh("mua-ngap-da-lat.jpg")["ngay"].iloc[0]',
)
