"""Public checks of the module 07 lab for officials (graded: no solutions, hidden tests in the
trainer's notebook)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "phan_loai",
    checks.check_classification,
    hints=[
        Msg(
            'Mỗi cột một cặp "tên cột": "cơ bản" hoặc "nhạy cảm". Xem lại phần 1 của bài học.',
            'One pair per column: "column": "cơ bản" or "nhạy cảm". See part 1 of the lesson.',
        ),
        Msg(
            "Chỉ những cột về sức khỏe, sinh trắc học, tài chính, vị trí… là nhạy cảm.",
            "Only health, biometrics, finance, location… are sensitive.",
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "che_so",
    checks.check_mask_function,
    hints=[
        Msg(
            "Giống che_cccd trong bài học, nhưng thay số 3 bằng tham số giu.",
            "Like che_cccd in the lesson, with the parameter giu instead of 3.",
        )
    ],
    hidden_tests=True,
)
q3 = Question(
    "bang_chia_se",
    checks.check_share_table,
    hints=[
        Msg(
            "Bắt đầu bằng bang_chia_se = bang.copy(), thêm cột nam_sinh và cột xa như trong "
            "bài học.",
            "Start with bang.copy(), add the nam_sinh and xa columns as in the lesson.",
        ),
        Msg(
            'Cuối cùng chọn đúng các cột theo thứ tự: bang_chia_se[["ma_luot", ...]].',
            'Finally select the columns in order: bang_chia_se[["ma_luot", ...]].',
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "bi_danh",
    checks.check_pseudonym_function,
    hints=[
        Msg(
            "Giống tao_bi_danh trong bài học; chỉ thay 12 bằng tham số do_dai.",
            "Like tao_bi_danh in the lesson, with do_dai instead of 12.",
        )
    ],
    hidden_tests=True,
)
q5 = Question(
    "cot_bi_danh",
    checks.check_pseudonym_column,
    hints=[
        Msg(
            'bang["so_cccd"].apply(lambda so: bi_danh(so, KHOA, 10)) gọi hàm cho từng ô.',
            'bang["so_cccd"].apply(lambda so: bi_danh(so, KHOA, 10)) calls it on every cell.',
        )
    ],
    hidden_tests=True,
)
q6 = Question(
    "ho_so_yeu_cau",
    checks.check_lab_subject_rows,
    hints=[
        Msg(
            "Lọc theo cột so_cccd, so sánh với CCCD_YEU_CAU; giữ nguyên mọi cột.",
            "Filter on so_cccd against CCCD_YEU_CAU; keep every column.",
        )
    ],
    hidden_tests=True,
)
q7 = Question(
    "dem_dong_y",
    checks.check_consent_counts,
    hints=[
        Msg(
            'Mỗi người chỉ đếm một lần: bang.drop_duplicates("so_cccd") giữ một dòng cho mỗi '
            "người.",
            'Count each person once: bang.drop_duplicates("so_cccd") keeps one row per person.',
        ),
        Msg(
            "Rồi đếm cột dong_y_nhan_tin bằng .value_counts().",
            "Then count dong_y_nhan_tin with .value_counts().",
        ),
    ],
    hidden_tests=True,
)
