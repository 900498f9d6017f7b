"""Public checks of the module 04 officials' lab (graded: no solutions; hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "tra_cuu_giay_to",
    checks.check_documents_function,
    hints=[
        Msg(
            "Lọc dòng có ma_thu_tuc bằng tham số ma_thu_tuc; nếu không có dòng nào, trả về [].",
            "Filter on the parameter ma_thu_tuc; no row: return [].",
        ),
        Msg(
            'Có dòng: dong["giay_to"].iloc[0].split("; ") cho danh sách giấy tờ.',
            'A row: dong["giay_to"].iloc[0].split("; ") gives the list.',
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "truong_loi",
    checks.check_wrong_fields_function,
    hints=[
        Msg(
            'Bắt đầu với loi = []; mỗi điều kiện sai thì loi.append("tên trường"); cuối cùng '
            "return loi. Giữ đúng thứ tự: ho_ten, so_cccd, ngay_sinh, so_dien_thoai.",
            "Start with loi = []; append each wrong field in order; return loi.",
        ),
        Msg(
            "Số CCCD: .isdigit() và len(...) == 12. Ngày sinh: dùng hàm ngay_hop_le có sẵn. "
            'Họ tên: .strip() == "" nghĩa là trống.',
            'CCCD: .isdigit() and len == 12. Date: ngay_hop_le. Name: .strip() == "".',
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "ngay_xu_ly_dat_dai",
    checks.check_mean_days,
    hints=[
        Msg(
            'Lọc các hồ sơ có thu_tuc là "DDBD" trước, rồi mới tính số ngày.',
            'Filter thu_tuc == "DDBD" first.',
        ),
        Msg(
            '(bang["ngay_tra"] - bang["ngay_nop"]).dt.days cho số ngày; .mean() bỏ qua ô trống.',
            "(ngay_tra - ngay_nop).dt.days, then .mean() (empty cells are skipped).",
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "so_tre_han",
    checks.check_overdue_total,
    hints=[
        Msg(
            "Hai trường hợp trễ hạn: đã trả sau hạn, HOẶC chưa trả mà hạn đã qua trước HOM_NAY.",
            "Two cases: returned late, OR pending with the deadline before HOM_NAY.",
        ),
        Msg(
            "Nối hai điều kiện bằng | (hoặc); mỗi điều kiện đặt trong ngoặc tròn; cuối cùng .sum().",
            "Join the two conditions with |, each in brackets; then .sum().",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "tre_han_theo_xa",
    checks.check_overdue_by_commune,
    hints=[
        Msg(
            "Lọc các hồ sơ trễ hạn (điều kiện của Câu 4) rồi đếm theo cột ma_don_vi.",
            "Filter the overdue dossiers (Question 4) and count by ma_don_vi.",
        ),
        Msg('bang_tre["ma_don_vi"].value_counts()', 'bang_tre["ma_don_vi"].value_counts()'),
    ],
    hidden_tests=True,
)
q6 = Question(
    "ti_le_dung_han",
    checks.check_on_time_rate,
    hints=[
        Msg(
            'Chỉ xét hồ sơ đã trả: ho_so[ho_so["ngay_tra"].notna()].',
            'Only returned dossiers: ho_so[ho_so["ngay_tra"].notna()].',
        ),
        Msg(
            "Đúng hạn là ngay_tra <= han_xu_ly; .mean() của cột True/False là tỉ lệ True.",
            "On time is ngay_tra <= han_xu_ly; .mean() of True/False is the share of True.",
        ),
    ],
    hidden_tests=True,
)
q7 = Question(
    "ti_le_truc_tuyen",
    checks.check_online_share,
    hints=[
        Msg(
            'So sánh cột kenh với "trực tuyến" rồi lấy .mean() trên toàn bộ hồ sơ.',
            'Compare kenh with "trực tuyến", then .mean() over all dossiers.',
        ),
    ],
    hidden_tests=True,
)
