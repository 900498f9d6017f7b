"""Wrong answers per module, for tests/test_feedback_api.py.

``tests/answers/<module id>.py`` defines ``WRONG = {variable: factory}``: each factory takes no
argument and returns a plausible wrong answer (a learner's typical mistake) for that variable, in the
lesson or in any lab of the module. Every question of the module must have one.
"""
