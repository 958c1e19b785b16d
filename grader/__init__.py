"""grader: an LLM-free autograder for machine-learning-engineering coding challenges.

The pipeline (see ``pipeline.py``): load a challenge, stage a submission, run the challenge's
pytest tests against it in a sandbox, parse the JUnit XML, score against the declared tests,
render a scorecard.
"""

__version__ = "0.1.0"
