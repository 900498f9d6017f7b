"""Module 05 — Giao tiếp và hợp tác số."""
