from workbench.data import units_frame

bang = units_frame()

WRONG = {
    "so_don_vi": lambda: 63,
    "cac_phuong": lambda: bang[bang["loai"] == "xã"],
    "dem_loai": lambda: {"xã": 103},
    "ma_lon_nhat": lambda: bang.sort_values("ma").head(5)["ma"].tolist(),
    "phuong_da_lat": lambda: bang.head(3),
    "so_xa": lambda: 0,
    "dem_tinh_cu": lambda: bang["loai"].value_counts(),
    "loc_theo_loai": lambda: lambda b, loai: b,
    "tim_ma": lambda: lambda b, ten: 1,
    "ma_xa_nho_nhat": lambda: [1, 2, 3],
}
