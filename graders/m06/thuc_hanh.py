"""Public checks of the module 06 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "tim_dau_hieu",
    checks.check_flagger,
    hints=[
        Msg(
            "Chuẩn hóa tin một lần: chu = chuan_hoa(noi_dung). Rồi đi qua từng cặp "
            "(ma, cac_tu) trong TU_KHOA.items().",
            "Normalise once, then loop over TU_KHOA.items().",
        ),
        Msg(
            "Một dấu hiệu có mặt khi có ít nhất một từ khóa nằm trong chu: "
            "any(tu in chu for tu in cac_tu). Thêm ma vào danh sách kết quả rồi return.",
            "A sign is present when any keyword is in the text: any(...). Append, then return.",
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "ten_mien",
    checks.check_domain,
    hints=[
        Msg(
            'Link thiếu "http://" thì urlsplit(...).hostname cho None: thêm "http://" vào đầu '
            'khi link chưa có "://".',
            'Without "http://" hostname is None: add it when "://" is missing.',
        ),
        Msg(
            '.hostname đã viết thường; bỏ "www." ở đầu bằng .removeprefix("www.").',
            '.hostname is lower case already; drop "www." with .removeprefix("www.").',
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "la_link_gia",
    checks.check_fake_link,
    hints=[
        Msg(
            "Dùng lại hàm ten_mien của Câu 2 để lấy tên miền của url.",
            "Reuse ten_mien from question 2.",
        ),
        Msg(
            'Thật khi tên miền == ten_mien_that hoặc kết thúc bằng "." + ten_mien_that. Giả '
            "là mọi trường hợp còn lại (dùng not).",
            'Genuine: equal, or ends with "." + the official domain. Fake otherwise.',
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "do_chinh_xac",
    checks.check_accuracy,
    hints=[
        Msg(
            'Tạo cột du_doan: bang_tin["noi_dung"].apply(ham) với ham cho ra "lừa đảo" khi '
            'tim_dau_hieu tìm thấy ít nhất một dấu hiệu, ngược lại "thật".',
            'Build du_doan with .apply: "lừa đảo" when a sign is found, else "thật".',
        ),
        Msg(
            '(bang_tin["du_doan"] == bang_tin["nhan"]) cho cột True/False; .mean() của nó là '
            "tỉ lệ đúng.",
            "Compare the two columns; .mean() of the True/False column is the accuracy.",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "lua_dao_theo_loai",
    checks.check_scams_by_type,
    hints=[
        Msg(
            'Giống Bài 5 của bài học, nhưng đếm cột "loai".',
            'Like lesson exercise 5, counting the "loai" column.',
        )
    ],
    hidden_tests=True,
)
q6 = Question(
    "dat_chinh_sach",
    checks.check_policy,
    hints=[
        Msg(
            "len(mat_khau) >= 12; any(k.isalpha() for k in mat_khau); "
            "any(k.isdigit() for k in mat_khau); danh_gia_mat_khau(mat_khau).muc >= 3.",
            "Combine the four conditions with and.",
        ),
        Msg(
            "Nối bốn điều kiện bằng and rồi return kết quả (True hoặc False).",
            "Join the four conditions with and and return the result.",
        ),
    ],
    hidden_tests=True,
)
q7 = Question(
    "viec_nen_lam",
    checks.check_practices,
    hints=[
        Msg(
            "Nhớ lại phần 3 của bài học: xác thực hai lớp, cập nhật, nguồn tải ứng dụng.",
            "Recall section 3 of the lesson.",
        )
    ],
    hidden_tests=True,
)
