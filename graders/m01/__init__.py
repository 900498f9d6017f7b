"""Module 01 — Bảng dữ liệu 124 xã, phường, đặc khu."""
