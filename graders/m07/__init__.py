"""Module 07 — Bảo vệ dữ liệu cá nhân (protecting personal data)."""
