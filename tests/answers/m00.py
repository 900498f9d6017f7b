WRONG = {
    "ten_cua_ban": lambda: 123,
    "tong_don_vi": lambda: "103 + 20 + 1",
    "don_vi_cua_toi": lambda: "Phường Không Có Thật",
    "ky_nang": lambda: ["Một kỹ năng"],
    "ho_ten": lambda: "Hoa",
    "tong_so_phut": lambda: "4200",
    "don_vi": lambda: "Quận 1",
    "loi_chao": lambda: "Chào bạn",
}
