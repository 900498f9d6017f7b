"""How learners' work is judged: the feedback API, checks per module, nbgrader settings, grading.

Learners only touch ``graders.<module>.bai_hoc`` (lessons) and ``graders.<module>.thuc_hanh``
(labs), which export ready-made questions ``q1``, ``q2``…
"""

from .feedback import CHUA_DUNG, CHUA_LAM, DUNG, Msg, Outcome, Question, set_language

__all__ = ["CHUA_DUNG", "CHUA_LAM", "DUNG", "Msg", "Outcome", "Question", "set_language"]
