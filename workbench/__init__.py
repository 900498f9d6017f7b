"""Bình dân học vụ số workbench: course pipeline, curriculum and data over nbgrader and JupyterLab."""

__version__ = "0.1.0"
