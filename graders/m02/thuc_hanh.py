"""Public checks of the module 02 officials' lab (graded: no solutions, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "truy_van_gia",
    checks.check_price_query,
    hints=[
        Msg(
            "Bản tin của tỉnh là tệp PDF trên lamdong.gov.vn: dùng site: và filetype:.",
            "The province's bulletin is a PDF on lamdong.gov.vn: use site: and filetype:.",
        ),
        Msg(
            "Khi điểm bằng nhau, trang mới hơn đứng trước. Kiểm tra: tim_kiem(truy_van_gia).head(3)",
            "Ties go to the newer page. Check with tim_kiem(truy_van_gia).head(3)",
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "la_chinh_thuc",
    checks.check_official_function,
    hints=[
        Msg(
            "Với mỗi goc trong GOC_CHINH_THUC: đúng khi ten_mien == goc hoặc ten_mien kết thúc "
            'bằng "." + goc.',
            'For each goc in GOC_CHINH_THUC: true when ten_mien == goc or ends with "." + goc.',
        ),
        Msg(
            "Dùng vòng for như hàm co_tu_giat_gan trong bài học: return True ngay khi khớp, "
            "return False sau vòng lặp.",
            "Loop like co_tu_giat_gan in the lesson: return True on a match, False after the loop.",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "danh_sach_tin_cay",
    checks.check_trusted_list,
    hints=[
        Msg(
            'bang["ten_mien"].apply(la_chinh_thuc) cho True/False từng dòng; dùng nó để lọc bang.',
            'bang["ten_mien"].apply(la_chinh_thuc) gives True/False per row; filter with it.',
        ),
        Msg(
            'Rồi lấy cột ["ten_mien"], .unique() để bỏ trùng, sorted(...) để xếp thứ tự.',
            'Then take ["ten_mien"], .unique() to drop duplicates, sorted(...) to order.',
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "khop_du_lieu",
    checks.check_claim_function,
    hints=[
        Msg(
            'dem = don_vi["loai"].value_counts() rồi dem["xã"] cho số xã.',
            'dem = don_vi["loai"].value_counts(), then dem["xã"] is the number of communes.',
        ),
        Msg(
            "Trả về True chỉ khi cả ba con số đều khớp: nối ba phép so sánh bằng and.",
            "Return True only if all three numbers match: join the comparisons with and.",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "ngay_goc_anh",
    checks.check_first_seen_date,
    hints=[
        Msg(
            'Lọc bang theo cột "anh", rồi lấy ngày nhỏ nhất của cột "ngay" bằng .min().',
            'Filter bang on the "anh" column, then take .min() of "ngay".',
        ),
    ],
    hidden_tests=True,
)
q6 = Question(
    "cham_diem",
    checks.check_score_function,
    hints=[
        Msg(
            "Bắt đầu diem = 0, mỗi tiêu chí đạt thì diem = diem + 1, cuối cùng return diem.",
            "Start with diem = 0, add 1 per criterion met, return diem.",
        ),
        Msg(
            'Ngày viết dạng "năm-tháng-ngày" nên so sánh được như chữ: trang["ngay"] >= '
            '"2025-01-01".',
            'Dates are "year-month-day" text, so trang["ngay"] >= "2025-01-01" works.',
        ),
    ],
    hidden_tests=True,
)
