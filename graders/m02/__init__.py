"""Module 02 — Tìm kiếm và đánh giá thông tin."""
