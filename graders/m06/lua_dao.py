"""Scam signs for learners: what each sign means, a keyword table, and ``chuan_hoa`` (normalise text).

``from graders.m06.lua_dao import DAU_HIEU, TU_KHOA, chuan_hoa``
"""

from __future__ import annotations

import unicodedata

# code → (short name, what it looks like and why it matters)
DAU_HIEU = {
    "link_la": (
        "Đường link lạ",
        "Link tới một tên miền không phải của cơ quan, ngân hàng (đuôi lạ như .top, .xyz, .vip, "
        ".cc; thêm chữ như -xacthuc; bắt đầu bằng xn--).",
    ),
    "yeu_cau_otp": (
        "Đòi mã OTP, mật khẩu",
        "Mã OTP và mật khẩu chỉ để chính bạn dùng. Ngân hàng, công an, người giao hàng không bao "
        "giờ xin.",
    ),
    "gap_gap": (
        "Hối thúc, đe dọa",
        "Dọa khóa tài khoản, cắt điện, bắt giữ; hạn chót trong vài giờ: để bạn không kịp nghĩ, "
        "không kịp hỏi ai.",
    ),
    "chuyen_tien": (
        "Đòi chuyển tiền",
        "Bắt chuyển tiền, nộp phí, nạp tiền, chuyển vào “tài khoản tạm giữ” hay “chuyển lại tiền "
        "nhầm”.",
    ),
    "cai_ung_dung": (
        "Bắt cài ứng dụng",
        "Cài ứng dụng theo link hoặc tệp gửi qua tin nhắn (không phải CH Play, App Store): ứng "
        "dụng lạ có thể đọc OTP và điều khiển điện thoại.",
    ),
    "qua_hap_dan": (
        "Lời mời quá hấp dẫn",
        "Trúng thưởng dù không tham gia, quà tặng, việc nhẹ lương cao, lãi cao, vay dễ bất thường.",
    ),
    "gia_danh": (
        "Giả danh cơ quan, tổ chức",
        "Xưng là công an, ngân hàng, điện lực, cơ quan thuế… nhưng liên lạc qua số lạ, Zalo, "
        "Facebook. Cơ quan nhà nước mời làm việc bằng giấy mời, tại trụ sở.",
    ),
    "thong_tin_ca_nhan": (
        "Xin thông tin cá nhân",
        "Xin ảnh căn cước, ảnh khuôn mặt, số thẻ, số tài khoản: đủ để mở tài khoản hay vay tiền "
        "đứng tên bạn.",
    ),
}

# A deliberately simple rule for the lab: a sign is "found" when one of its keywords appears in the
# normalised text (lower case, no diacritics). It finds much, misses some, and flags some genuine
# messages: measuring that is the point of the exercise.
TU_KHOA = {
    "link_la": ["http", ".top", ".xyz", ".vip", ".cc", "xn--"],
    "yeu_cau_otp": ["otp", "mat khau", "ma xac thuc"],
    "gap_gap": ["24h", "24 gio", "gap", "khoa", "keo", "truy na"],
    "chuyen_tien": ["chuyen tien", "chuyen khoan", "nop phi", "nap"],
    "cai_ung_dung": ["cai ung dung", "tai ung dung", "cai dat", ".apk"],
    "qua_hap_dan": ["trung thuong", "qua tang", "hoa hong", "luong", "cam ket"],
    "gia_danh": ["cong an", "co quan", "dien luc"],
    "thong_tin_ca_nhan": ["can cuoc", "cccd", "so the", "so tai khoan"],
}


def chuan_hoa(van_ban: str) -> str:
    """Lower case, no diacritics, đ → d: "Chuyển KHOẢN" → "chuyen khoan"."""
    text = unicodedata.normalize("NFD", van_ban.lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text.replace("đ", "d"))
