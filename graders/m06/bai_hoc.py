"""Questions of the module 06 lesson: ``from graders.m06.bai_hoc import q1, q2, q3, q4, q5``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "manh_nhat",
    checks.check_strongest,
    hints=[
        Msg(
            "Đo từng mật khẩu: danh_gia_mat_khau(ung_vien[0]).muc, rồi ung_vien[1]…",
            "Measure each one: danh_gia_mat_khau(ung_vien[0]).muc, then ung_vien[1]…",
        ),
        Msg(
            "Hoặc đo cả bốn một lần: [danh_gia_mat_khau(m).muc for m in ung_vien]. Gán mật khẩu "
            "(chuỗi chữ) có mức cao nhất, không phải con số.",
            "Or all four at once with a list comprehension. Assign the password, not the level.",
        ),
    ],
    solution="manh_nhat = max(ung_vien, key=lambda m: danh_gia_mat_khau(m).so_lan_doan)\n"
    '# hoặc chép tay: manh_nhat = "mua-suong-pho-nui-79"',
)
q2 = Question(
    "cum_tu_mat_khau",
    checks.check_passphrase,
    hints=[
        Msg(
            "Ghép 4–5 từ không liên quan gì đến nhau và đến bạn (con vật, đồ vật, màu, món ăn), "
            "nối bằng dấu gạch, ví dụ kiểu “ca-heo-ao-mua-tim-bap” (đừng dùng đúng ví dụ này).",
            "Join 4–5 unrelated words with dashes.",
        ),
        Msg(
            "Tránh tên người, địa danh, năm sinh: máy đo sẽ trừ điểm.",
            "Avoid names, places and birth years.",
        ),
    ],
    solution='cum_tu_mat_khau = "bep-lua-ngua-van-den-pin"  # tự nghĩ cụm của bạn',
)
q3 = Question(
    "tra_loi_2fa",
    checks.check_2fa,
    hints=[
        Msg(
            "Đăng nhập cần hai thứ: mật khẩu (kẻ gian có thể đã biết) và mã OTP (gửi về điện "
            "thoại của ai?).",
            "Login needs two things: the password and the OTP (sent to whose phone?).",
        )
    ],
    solution='tra_loi_2fa = "B"',
)
q4 = Question(
    "link_that",
    checks.check_official_links,
    hints=[
        Msg(
            "Với mỗi link, lấy tên miền bằng urlsplit(link).hostname rồi đọc từ phải sang trái.",
            "For each link take urlsplit(link).hostname and read it right to left.",
        ),
        Msg(
            'Link thật: tên miền bằng đúng "daquybank.com.vn" hoặc kết thúc bằng '
            '".daquybank.com.vn" (có dấu chấm phía trước) — dùng == và .endswith().',
            'Genuine: the domain equals "daquybank.com.vn" or ends with ".daquybank.com.vn".',
        ),
    ],
    solution=(
        "link_that = [\n"
        "    link\n"
        "    for link in cac_link\n"
        '    if urlsplit(link).hostname == "daquybank.com.vn"\n'
        '    or urlsplit(link).hostname.endswith(".daquybank.com.vn")\n'
        "]"
    ),
)
q5 = Question(
    "lua_dao_theo_kenh",
    checks.check_scams_by_channel,
    hints=[
        Msg(
            'Lọc trước: bang_tin[bang_tin["nhan"] == "lừa đảo"]; rồi đếm cột "kenh".',
            'Filter first, then count the "kenh" column.',
        ),
        Msg(
            "Đếm theo nhóm bằng .value_counts(), như ở học phần 01.",
            "Count by group with .value_counts(), as in module 01.",
        ),
    ],
    solution='lua_dao_theo_kenh = bang_tin[bang_tin["nhan"] == "lừa đảo"]["kenh"].value_counts()',
)
