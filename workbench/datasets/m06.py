"""Module 06 data: ``tin-nhan-gia-lap.csv``, invented scam and genuine messages (SMS, Zalo, calls).

A fixed list, written by hand for teaching: every sender, bank, shop, domain, account number and
code below is invented. The bank in the messages, "DaQuyBank" (official domain, invented:
``daquybank.com.vn``), does not exist; fake links use only invented names, never a real bank's
domain. Genuine messages use generic wording; the only real domain is the national public service
portal ``dichvucong.gov.vn``, which appears in a genuine message, as it should.

Each message carries a label (``nhan``: "lừa đảo" or "thật"), a type (``loai``), the signs present
(``dau_hieu``: codes separated by ";", or "không có") and an explanation (``giai_thich``). The sign
codes are explained in ``graders/m06/lua_dao.py`` (``DAU_HIEU``).
"""

from __future__ import annotations

import csv
from pathlib import Path

FILE = "tin-nhan-gia-lap.csv"
COLUMNS = ("ma", "kenh", "nguoi_gui", "noi_dung", "nhan", "loai", "dau_hieu", "giai_thich")
SCAM, GENUINE = "lừa đảo", "thật"
NO_SIGN = "không có"
OFFICIAL_DOMAIN = "daquybank.com.vn"  # invented
# A look-alike written with a Cyrillic "а" in place of the Latin "a" in "bank": browsers show it as
# punycode. Computed, not typed, so the two can never disagree.
LOOKALIKE_UNICODE = "daquyb\u0430nk.com.vn"
LOOKALIKE_PUNYCODE = LOOKALIKE_UNICODE.encode("idna").decode("ascii")

# (kenh, nguoi_gui, noi_dung, nhan, loai, signs, giai_thich)
_MESSAGES = (
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: Tai khoan cua Quy khach se bi TAM KHOA sau 24h do chua cap nhat sinh trac hoc "
        "theo quy dinh moi. Cap nhat ngay tai: https://daquybank-xacthuc.top/capnhat",
        SCAM,
        "giả ngân hàng",
        ("link_la", "gap_gap"),
        "Ngân hàng không gửi đường link bắt cập nhật hay đăng nhập qua tin nhắn. Tên miền "
        "daquybank-xacthuc.top không phải daquybank.com.vn, dù có chữ daquybank. Kẻ gian có thể "
        "dùng trạm phát sóng giả để tin hiện đúng tên ngân hàng, nằm chung với tin thật.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: TK 1234xxx789 +2,500,000VND luc 08:15 12/08. SD: 7,830,000VND. "
        "ND: TIEN HANG CA PHE",
        GENUINE,
        "thông báo ngân hàng",
        (),
        "Tin báo biến động số dư: chỉ báo tin, không có link, không đòi gì. Nếu nghi ngờ, mở ứng "
        "dụng ngân hàng để xem lại số dư.",
    ),
    (
        "cuộc gọi",
        "số lạ (08x xxx x217)",
        "“Tôi là cán bộ công an phường. Anh/chị liên quan đến một đường dây rửa tiền. Anh/chị "
        "phải giữ bí mật, không được nói với ai. Để chứng minh trong sạch, hãy chuyển toàn bộ tiền "
        "trong tài khoản vào tài khoản tạm giữ của cơ quan điều tra ngay trong hôm nay.”",
        SCAM,
        "giả công an",
        ("gia_danh", "chuyen_tien", "gap_gap"),
        "Công an không làm việc qua điện thoại và không bao giờ bắt chuyển tiền vào “tài khoản tạm "
        "giữ”. Bắt giữ bí mật, không được hỏi người nhà, là mẹo để bạn không kịp nghĩ lại.",
    ),
    (
        "Zalo",
        "tài khoản lạ “Hỗ trợ định danh”",
        "Thông báo: Theo quy định mới, công dân phải cập nhật định danh điện tử mức 2 trước ngày "
        "30/9, nếu không tài khoản VNeID sẽ bị khóa. Cập nhật tại: http://dinhdanh-muc2.top/vneid",
        SCAM,
        "giả VNeID",
        ("link_la", "gap_gap", "gia_danh"),
        "Tài khoản định danh mức 2 được đăng ký trực tiếp tại cơ quan công an (chụp ảnh, lấy vân "
        "tay), rồi kích hoạt trên ứng dụng VNeID tải từ CH Play hoặc App Store. Không có đường link "
        "nào để “cập nhật mức 2”; trang của cơ quan nhà nước có đuôi .gov.vn.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: Ma OTP cua Quy khach la 482913, dung de xac thuc giao dich chuyen tien "
        "1,200,000VND. TUYET DOI KHONG cung cap ma nay cho bat ky ai, ke ca nhan vien ngan hang.",
        GENUINE,
        "mã OTP thật",
        (),
        "Tin OTP thật đến khi chính bạn đang làm giao dịch, và luôn dặn không đưa mã cho ai. Nếu "
        "bạn không làm giao dịch nào mà vẫn nhận OTP: có người đang thử vào tài khoản của bạn, "
        "hãy đổi mật khẩu và báo ngân hàng.",
    ),
    (
        "SMS",
        "số lạ (09x xxx x408)",
        "CHUC MUNG! So dien thoai cua ban trung thuong 01 xe may tu chuong trinh tri an khach hang. "
        "Nop phi ho so 1.500.000d de nhan giai. Chi tiet: qua-tri-an.vip",
        SCAM,
        "trúng thưởng, quà tặng",
        ("qua_hap_dan", "chuyen_tien", "link_la"),
        "Bạn không tham gia chương trình nào mà lại “trúng thưởng”; phải nộp phí mới nhận giải. "
        "Giải thưởng thật không bắt nộp tiền trước.",
    ),
    (
        "cuộc gọi",
        "số lạ (03x xxx x956)",
        "“Em là shipper giao hàng. Hệ thống vừa gửi mã 6 số tới máy chị, chị đọc giúp em mã đó để "
        "em xác nhận đơn nhé, em đang đứng dưới nhà rồi.”",
        SCAM,
        "xin mã OTP",
        ("yeu_cau_otp",),
        "Mã gửi tới điện thoại của bạn chỉ để chính bạn dùng. Giao hàng không cần mã của bạn; "
        "đọc mã là trao chìa khóa tài khoản (ngân hàng, Zalo, ví điện tử) cho người khác.",
    ),
    (
        "SMS",
        "Cổng Dịch vụ công (tên hiển thị)",
        "Ho so cua ong/ba (ma 2508-0015) da duoc tiep nhan. Tra cuu tinh trang ho so tai "
        "dichvucong.gov.vn hoac tren ung dung VNeID.",
        GENUINE,
        "dịch vụ công",
        (),
        "Thông báo tiếp nhận hồ sơ mà bạn đã nộp: không đòi tiền, không đòi mã, và chỉ tới trang "
        "có đuôi .gov.vn.",
    ),
    (
        "Zalo",
        "tài khoản Zalo của một người quen",
        "“Em đang kẹt chút việc, anh chuyển khoản giúp em 5 triệu vào số tài khoản này nhé, tối em "
        "gửi lại. Gấp lắm anh ơi, đừng gọi, em đang họp.”",
        SCAM,
        "giả người quen",
        ("chuyen_tien", "gap_gap"),
        "Tài khoản của người quen có thể đã bị chiếm. Đòi tiền gấp và không cho gọi lại là dấu hiệu "
        "rõ. Hãy gọi điện (số bạn đã lưu từ trước) để hỏi thẳng người đó.",
    ),
    (
        "Zalo",
        "con gái",
        "“Mẹ ơi chiều nay con về muộn, mẹ ăn cơm trước nhé.”",
        GENUINE,
        "người thân, người quen",
        (),
        "Tin nhắn bình thường của người thân: không đòi tiền, không có link, không đòi mã.",
    ),
    (
        "SMS",
        "số lạ (07x xxx x531)",
        "DIEN LUC: Quy khach no tien dien 2 thang, se bi cat dien trong toi nay. Lien he nhan vien "
        "de thanh toan ngay va cai ung dung tra tien dien moi theo link nhan vien gui.",
        SCAM,
        "giả cơ quan, doanh nghiệp khác",
        ("gia_danh", "gap_gap", "chuyen_tien", "cai_ung_dung"),
        "Dọa cắt điện ngay trong tối, bắt cài ứng dụng theo link của “nhân viên”. Ứng dụng lạ có "
        "thể đọc tin nhắn OTP và điều khiển điện thoại. Hãy tự tra hóa đơn trên kênh chính thức.",
    ),
    (
        "cuộc gọi",
        "số lạ (08x xxx x662)",
        "“Đây là công an xã. Căn cước của bác chưa được đồng bộ trên hệ thống. Bác bật Zalo, bấm "
        "vào đường link tôi gửi để cài ứng dụng Dịch vụ công rồi làm theo hướng dẫn, chụp ảnh mặt "
        "và hai mặt thẻ căn cước gửi tôi.”",
        SCAM,
        "giả công an",
        ("gia_danh", "cai_ung_dung", "link_la", "thong_tin_ca_nhan"),
        "Công an không hướng dẫn cài ứng dụng qua đường link trên Zalo. Ứng dụng thật chỉ tải từ "
        "CH Play hoặc App Store. Ảnh mặt và căn cước giúp kẻ gian mở tài khoản, vay tiền đứng tên "
        "bạn.",
    ),
    (
        "Zalo",
        "tài khoản lạ “Tuyển CTV online”",
        "“Tuyển cộng tác viên làm tại nhà, chỉ cần thả tim sản phẩm, lương 300.000–500.000đ/ngày. "
        "Nạp 200.000đ cho đơn đầu tiên để được nhận hoa hồng 30%.”",
        SCAM,
        "việc làm, đầu tư, vay tiền",
        ("qua_hap_dan", "chuyen_tien"),
        "Việc nhẹ lương cao, phải nạp tiền trước. Vài đơn đầu được trả để tạo lòng tin, rồi số tiền "
        "phải nạp tăng dần và không bao giờ rút được.",
    ),
    (
        "Zalo (nhóm của thôn)",
        "trưởng thôn",
        "“Mời bà con đến nhà văn hóa thôn 3 lúc 8 giờ sáng Chủ nhật để được cán bộ xã hướng dẫn cài "
        "đặt VNeID và dịch vụ công trực tuyến. Nhớ mang theo thẻ căn cước và điện thoại.”",
        GENUINE,
        "thông báo của thôn, xã, trường",
        (),
        "Mời đến một nơi công khai để được hướng dẫn trực tiếp: không có link, không đòi tiền, "
        "không đòi mã. Có chữ “cài đặt” và “căn cước” nhưng không phải lừa đảo.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank thong bao: Tai khoan cua ban dang dang nhap tren thiet bi la. Neu khong phai ban, "
        "huy ngay tai daquybank.com.vn.baomat-tk.top de tranh mat tien.",
        SCAM,
        "giả ngân hàng",
        ("link_la", "gap_gap"),
        "Đọc tên miền từ phải sang trái: đuôi là baomat-tk.top, không phải daquybank.com.vn. Phần "
        "“daquybank.com.vn” đứng đầu chỉ để đánh lừa mắt.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank canh bao: Ngan hang KHONG BAO GIO yeu cau Quy khach cung cap mat khau, ma OTP "
        "hay bam vao duong link qua tin nhan. Chi tai ung dung chinh thuc tu CH Play/App Store.",
        GENUINE,
        "cảnh báo của ngân hàng",
        (),
        "Tin cảnh báo của ngân hàng: nhắc bạn không đưa mật khẩu, OTP. Có chữ “OTP”, “mật khẩu” "
        "nhưng không đòi gì cả.",
    ),
    (
        "Facebook",
        "trang “Tri ân khách hàng DaQuyBank”",
        "“Bạn là khách hàng may mắn nhận quà tặng 5 triệu đồng. Nhắn tin cho trang, cung cấp số tài "
        "khoản, số thẻ và mã OTP để nhận tiền.”",
        SCAM,
        "trúng thưởng, quà tặng",
        ("qua_hap_dan", "yeu_cau_otp", "thong_tin_ca_nhan", "gia_danh"),
        "Trang mạng xã hội giả tên ngân hàng. Nhận tiền không bao giờ cần số thẻ hay mã OTP; ai "
        "xin OTP là lừa đảo.",
    ),
    (
        "SMS",
        "số lạ (05x xxx x174)",
        "Co quan thue: Ban co khoan hoan thue thu nhap ca nhan 3.250.000d. Tai ung dung hoan thue "
        "tai thue-hoantien.cc va dang nhap de nhan tien truoc 17h ngay 25/8.",
        SCAM,
        "giả cơ quan, doanh nghiệp khác",
        ("gia_danh", "cai_ung_dung", "link_la", "gap_gap", "qua_hap_dan"),
        "Cơ quan nhà nước không gửi link cài ứng dụng qua tin nhắn từ số cá nhân; tên miền .cc "
        "không phải .gov.vn. Khoản tiền bất ngờ kèm hạn chót là mồi nhử.",
    ),
    (
        "SMS",
        "SuongMuExpress (tên hiển thị)",
        "SuongMuExpress: Don hang SM2508xxx se duoc giao trong hom nay. Shipper se goi truoc khi "
        "giao. Quy khach thanh toan khi nhan hang (COD) 185.000d.",
        GENUINE,
        "giao hàng",
        (),
        "Thông báo giao đơn hàng bạn đã đặt: trả tiền khi nhận hàng, không có link, không đòi mã.",
    ),
    (
        "cuộc gọi",
        "số lạ (09x xxx x380)",
        "“Tôi gọi từ công an phường. Tài khoản định danh điện tử mức 2 của anh bị lỗi tích hợp. Anh "
        "đọc cho tôi mã vừa gửi về điện thoại để tôi cập nhật giúp, khỏi phải lên trụ sở.”",
        SCAM,
        "giả VNeID",
        ("gia_danh", "yeu_cau_otp"),
        "Không ai được xin mã gửi về điện thoại của bạn, kể cả người xưng là công an. Việc của tài "
        "khoản định danh được làm trực tiếp tại trụ sở công an hoặc trên ứng dụng VNeID chính thức.",
    ),
    (
        "thông báo trong ứng dụng",
        "ứng dụng VNeID (tải từ CH Play)",
        "Hồ sơ đề nghị của công dân đã được tiếp nhận. Theo dõi kết quả trong mục Quản lý hồ sơ.",
        GENUINE,
        "dịch vụ công",
        (),
        "Thông báo hiện trong chính ứng dụng bạn đã tải từ kho chính thức, về hồ sơ bạn đã nộp.",
    ),
    (
        "Zalo",
        "tài khoản lạ",
        "“Chị ơi em đăng ký tài khoản mà gõ nhầm số điện thoại của chị, chị gửi lại giúp em mã OTP "
        "vừa nhận với, em cảm ơn chị nhiều.”",
        SCAM,
        "xin mã OTP",
        ("yeu_cau_otp",),
        "Không có chuyện “gõ nhầm số”: mã đó là để đăng nhập vào tài khoản của chính bạn (Zalo, "
        "ví, ngân hàng). Đưa mã là mất tài khoản.",
    ),
    (
        "SMS",
        "Trường Tiểu học (tên hiển thị)",
        "Truong TH: Kinh moi phu huynh du hop phu huynh luc 7h30 thu Bay 16/8 tai phong hoc lop 3A.",
        GENUINE,
        "thông báo của thôn, xã, trường",
        (),
        "Mời họp trực tiếp ở trường: không có link, không đòi tiền, không đòi mã.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: Quy khach duoc tang han muc the tin dung len 50 trieu. Xac nhan truoc 23h59 "
        f"hom nay tai https://{LOOKALIKE_PUNYCODE}/xacnhan",
        SCAM,
        "giả ngân hàng",
        ("link_la", "gap_gap", "qua_hap_dan"),
        "Tên miền bắt đầu bằng xn-- là tên có chữ lạ (ví dụ chữ “а” của tiếng Nga thay cho chữ "
        "“a”): trông giống hệt daquybank.com.vn nhưng là trang khác. Ưu đãi bất ngờ kèm hạn chót "
        "trong ngày là mồi nhử.",
    ),
    (
        "SMS",
        "số lạ (08x xxx x029)",
        "Ho tro vay 50 trieu chi can CCCD, giai ngan trong 30 phut, khong tham dinh. Nop phi bao "
        "hiem khoan vay 990.000d de duoc giai ngan.",
        SCAM,
        "việc làm, đầu tư, vay tiền",
        ("qua_hap_dan", "chuyen_tien", "thong_tin_ca_nhan"),
        "Vay dễ bất thường, đòi nộp phí trước khi giải ngân, xin ảnh căn cước: tiền phí mất, còn "
        "giấy tờ bị dùng để vay nợ đứng tên bạn.",
    ),
    (
        "SMS",
        "Điện lực (tên hiển thị)",
        "Dien luc: Tien dien ky 7/2025 cua khach hang PB0xxxxxx la 412.500d. Quy khach vui long "
        "thanh toan truoc 25/8 qua ngan hang, ung dung chinh thuc hoac tai quay thu.",
        GENUINE,
        "hóa đơn điện",
        (),
        "Báo tiền điện hằng tháng: không có link, không dọa cắt điện ngay, cho nhiều cách trả qua "
        "kênh chính thức.",
    ),
    (
        "Zalo",
        "tài khoản lạ “Cơ quan điều tra”",
        "“Giấy triệu tập: Anh/chị được mời làm việc về một vụ án lừa đảo. Xem giấy triệu tập và "
        "khai báo trực tuyến tại congan-giaytrieutap.top. Không khai báo trong 2 giờ sẽ bị truy "
        "nã.”",
        SCAM,
        "giả công an",
        ("gia_danh", "link_la", "gap_gap"),
        "Giấy triệu tập thật được gửi trực tiếp, có dấu đỏ; không ai “khai báo trực tuyến” qua "
        "link lạ. Dọa truy nã trong 2 giờ là để bạn hoảng sợ.",
    ),
    (
        "cuộc gọi",
        "tổng đài ngân hàng (bạn gọi tới số in sau thẻ)",
        "“Chúng tôi đã khóa thẻ theo yêu cầu của anh. Anh mang thẻ căn cước đến chi nhánh gần nhất "
        "để làm lại thẻ mới.”",
        GENUINE,
        "tổng đài ngân hàng",
        (),
        "Chính bạn gọi tới số in sau thẻ; nhân viên không xin mã, không xin mật khẩu, và mời bạn "
        "tới quầy. Có chữ “khóa thẻ”, “căn cước” nhưng không phải lừa đảo.",
    ),
    (
        "Facebook",
        "tài khoản lạ “Trung tâm hỗ trợ trang”",
        "“Trang của bạn vi phạm chính sách và sẽ bị xóa trong 24 giờ. Kháng nghị tại "
        "hotro-trang-vipham.top và nhập mật khẩu để xác minh chủ trang.”",
        SCAM,
        "giả cơ quan, doanh nghiệp khác",
        ("link_la", "gap_gap", "yeu_cau_otp"),
        "Trang giả mạo bộ phận hỗ trợ để lấy mật khẩu. Mạng xã hội không bắt nhập mật khẩu trên "
        "một trang lạ; hãy tự vào mục cài đặt trong ứng dụng để kiểm tra.",
    ),
    (
        "Zalo (nhóm tổ dân phố)",
        "tổ trưởng tổ dân phố",
        "“Tối nay 19 giờ họp tổ dân phố tại nhà văn hóa về việc thu gom rác. Mong bà con đến đông "
        "đủ.”",
        GENUINE,
        "thông báo của thôn, xã, trường",
        (),
        "Mời họp trực tiếp: không link, không tiền, không mã.",
    ),
    (
        "Zalo",
        "tài khoản lạ “Chuyên gia đầu tư”",
        "“Tham gia nhóm đầu tư tiền ảo, lãi 5%/ngày, cam kết không lỗ. Chuyển tiền vào sàn qua link "
        "daututhongminh.xyz để mở tài khoản.”",
        SCAM,
        "việc làm, đầu tư, vay tiền",
        ("qua_hap_dan", "chuyen_tien", "link_la"),
        "Lãi 5% mỗi ngày và “cam kết không lỗ” là không có thật. Sàn giả cho thấy tiền lãi trên màn "
        "hình nhưng không bao giờ cho rút.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: TK 1234xxx789 -350,000VND luc 19:02 14/08. SD: 7,480,000VND. "
        "ND: THANH TOAN HOA DON NUOC",
        GENUINE,
        "thông báo ngân hàng",
        (),
        "Báo biến động số dư cho một khoản bạn đã trả: không link, không đòi gì.",
    ),
    (
        "cuộc gọi",
        "số lạ (03x xxx x745)",
        "“Chị ơi em là nhân viên ngân hàng DaQuyBank. Thẻ của chị sắp hết hạn, chị đọc số thẻ, ngày "
        "hết hạn và mã OTP để em gia hạn ngay cho chị, kẻo thẻ bị khóa.”",
        SCAM,
        "giả ngân hàng",
        ("gia_danh", "yeu_cau_otp", "thong_tin_ca_nhan", "gap_gap"),
        "Nhân viên ngân hàng không bao giờ xin số thẻ và mã OTP. Thẻ hết hạn thì làm lại ở quầy.",
    ),
    (
        "SMS",
        "DaQuyBank (tên hiển thị)",
        "DaQuyBank: Ma xac thuc dang nhap ung dung tren thiet bi moi: 517204. Neu khong phai ban "
        "dang nhap, KHONG nhap ma va goi tong dai in sau the.",
        GENUINE,
        "mã OTP thật",
        (),
        "Mã đăng nhập gửi khi chính bạn đăng nhập trên máy mới; tin dặn gọi tổng đài in sau thẻ, "
        "không có link. Nếu bạn không đăng nhập: đừng nhập mã, hãy gọi ngân hàng.",
    ),
    (
        "SMS",
        "số lạ (09x xxx x813)",
        "Xin loi, toi chuyen nham 3.000.000d vao tai khoan cua ban. Vui long chuyen lai vao so tai "
        "khoan nay giup toi, cam on.",
        SCAM,
        "việc làm, đầu tư, vay tiền",
        ("chuyen_tien",),
        "Tiền “chuyển nhầm” có thể là tiền vay đứng tên bạn qua một ứng dụng cho vay; trả vào tài "
        "khoản lạ rồi vẫn bị đòi nợ. Chỉ trả lại qua ngân hàng, và báo ngân hàng trước.",
    ),
    (
        "giấy mời (gửi tận nhà)",
        "Công an xã (có đóng dấu)",
        "Mời ông Nguyễn Văn A đến trụ sở Công an xã lúc 8 giờ ngày 20/8 để làm việc về việc xác "
        "nhận thông tin cư trú.",
        GENUINE,
        "giấy mời của công an",
        (),
        "Giấy mời thật: gửi tận nhà, có dấu, mời đến trụ sở. Không có link, không đòi tiền qua "
        "điện thoại.",
    ),
    (
        "cuộc gọi video",
        "tài khoản Zalo mang tên con trai",
        "“Bố ơi con bị tai nạn, đang ở bệnh viện. Bố chuyển gấp 20 triệu viện phí vào tài khoản "
        "này giúp con, mạng yếu lắm con không nói được lâu.”",
        SCAM,
        "giả người quen",
        ("chuyen_tien", "gap_gap"),
        "Kẻ gian có thể ghép mặt và giọng người thân vào cuộc gọi video ngắn, mờ. Hãy cúp máy và "
        "gọi lại vào số điện thoại bạn đã lưu của người thân, hoặc hỏi người nhà khác.",
    ),
    (
        "Zalo",
        "chị bán rau quen",
        "“Mai chị để 2 kg su su ở cổng nhé, em chuyển khoản 30 nghìn sau cũng được.”",
        GENUINE,
        "người thân, người quen",
        (),
        "Người quen báo giao hàng; bạn là người chủ động trả tiền cho món bạn mua. Có chữ “chuyển "
        "khoản” nhưng không phải lừa đảo.",
    ),
)


def messages() -> tuple[dict, ...]:
    """The messages as plain records, in file order (``ma`` T01, T02…)."""
    return tuple(
        {
            "ma": f"T{number:02d}",
            "kenh": kenh,
            "nguoi_gui": sender,
            "noi_dung": text,
            "nhan": label,
            "loai": kind,
            "dau_hieu": ";".join(signs) if signs else NO_SIGN,
            "giai_thich": why,
        }
        for number, (kenh, sender, text, label, kind, signs, why) in enumerate(_MESSAGES, start=1)
    )


def signs_of(record: dict) -> list[str]:
    """The sign codes of one record (an empty list for "không có")."""
    return [] if record["dau_hieu"] == NO_SIGN else record["dau_hieu"].split(";")


def frame():
    import pandas as pd

    return pd.DataFrame(list(messages()), columns=list(COLUMNS))


def write(folder: Path) -> list[Path]:
    """Write ``tin-nhan-gia-lap.csv`` (UTF-8 with BOM, so Excel shows the diacritics)."""
    path = Path(folder) / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(messages())
    return [path]
