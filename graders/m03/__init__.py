"""Module 03 — Quản lý tệp và dữ liệu."""
