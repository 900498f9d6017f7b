"""Module 00 — Làm quen với Jupyter."""
