"""The grading harness: what runs inside the sandbox. Imports only the standard library, numpy
and pytest, never the host-side ``grader`` package.

runner   entrypoint: runs pytest on the challenge's tests and records the run's facts
plugin   pytest plugin: markers, the ``candidate`` fixture, verdicts into the JUnit XML
proxy    the harness's side of a worker: calls with deadlines, verdicts, output capture
zygote   fork server that starts one fresh, unprivileged worker per test
worker   imports the candidate's code and answers calls (untrusted side)
wire     the plain-data message format between them
"""
