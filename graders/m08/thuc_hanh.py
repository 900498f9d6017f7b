"""Public checks of the module 08 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "chuan_hoa_ten",
    checks.check_clean_function,
    hints=[
        Msg(
            "Ba bước như trong bài học, đúng thứ tự: NFC, bỏ khoảng trắng thừa, doi_dau.",
            "The three lesson steps, in order: NFC, collapse spaces, doi_dau.",
        ),
        Msg(
            "Không đổi chữ hoa, chữ thường ở hàm này: việc đó để dành cho khóa so khớp.",
            "Do not change case here: that belongs to the matching key.",
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "bang_ma_cua_tep",
    checks.check_encodings,
    hints=[
        Msg(
            "doan_bang_ma(Path(tep).read_bytes()) đoán bảng mã của một tệp; làm cho cả bốn tệp.",
            "doan_bang_ma(Path(file).read_bytes()) guesses one file's encoding; do all four.",
        ),
        Msg(
            "Muốn tự kiểm: from graders.m08.bang_ma import diem_bang_ma, rồi diem_bang_ma(...) "
            "cho điểm của từng cách giải mã.",
            "To check yourself: import diem_bang_ma from graders.m08.bang_ma; it scores each "
            "decoding.",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "bang_cu",
    checks.check_old_report,
    hints=[
        Msg(
            "Mỗi tệp: đọc bytes, giai_ma với đúng bảng mã, rồi "
            "pd.read_csv(io.StringIO(van_ban), dtype=str).",
            "Each file: read bytes, giai_ma with its encoding, then pd.read_csv(io.StringIO(...)).",
        ),
        Msg(
            "Gom các bảng vào một danh sách rồi pd.concat(danh_sach, ignore_index=True).",
            "Collect the tables in a list, then pd.concat(list, ignore_index=True).",
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "doc_so",
    checks.check_number_function,
    hints=[
        Msg(
            'Bỏ khoảng trắng hai đầu bằng .strip() trước khi so sánh với ".." và "-".',
            'Strip spaces before comparing with ".." and "-".',
        ),
        Msg(
            "Thứ tự quan trọng: bỏ dấu chấm trước, rồi mới đổi dấu phẩy thành dấu chấm.",
            "Order matters: drop the dots first, then turn the comma into a dot.",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "so_bao_cao_thang_3",
    checks.check_march_count,
    hints=[
        Msg(
            'pd.to_datetime(thong_ke["ngay_cap_nhat"], format="%d/%m/%Y"), rồi .dt.month == 3.',
            'pd.to_datetime(..., format="%d/%m/%Y"), then .dt.month == 3.',
        )
    ],
    hidden_tests=True,
)
q6 = Question(
    "so_khop",
    checks.check_lab_matches,
    hints=[
        Msg(
            'Viết lại hàm khoa của bài học; áp dụng cho cả thong_ke["ten_don_vi"] và '
            'don_vi["ten"].',
            'Rewrite the lesson\'s khoa; apply it to thong_ke["ten_don_vi"] and don_vi["ten"].',
        ),
        Msg(
            "Đếm các dòng có khóa nằm trong tập khóa của 124 đơn vị: .isin(...).sum().",
            "Count the rows whose key is among the units' keys: .isin(...).sum().",
        ),
    ],
    hidden_tests=True,
)
