"""Module 04 — Dịch vụ công trực tuyến và VNeID (mock catalogue, dossier form, dossier log)."""
