"""Module 08 — Làm sạch dữ liệu tiếng Việt (NFC, cách đặt dấu, bảng mã cũ, số và ngày kiểu Việt)."""
