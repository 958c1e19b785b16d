# The grading sandbox: python3, numpy and pytest from Debian stable (trixie: Python 3.13,
# numpy 2.2, pytest 8.3), nothing else. numpy gets the serial OpenBLAS: one thread, like the
# container's one-CPU limit, and several times faster at matrix products than the reference BLAS.
# The harness code, the challenge's tests and the submission are mounted at run time
# (see grader/docker_sandbox.py); nothing about a particular grading is baked in.
# Python's own bytecode is compiled into /opt/pycache, the only bytecode prefix the harness
# and the workers use: no .pyc found next to a source file is ever read.
ARG BASE_IMAGE=debian:trixie-slim
FROM ${BASE_IMAGE}

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        python3 python3-numpy python3-pytest libopenblas0-serial \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 candidate \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin candidate \
 && mkdir -p /harness/run /harness/results /harness/tmp /submission \
 && chmod 0700 /harness \
 && python3 -X pycache_prefix=/opt/pycache -m compileall -q \
        "$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')" \
        /usr/lib/python3/dist-packages >/dev/null

ENV PYTHONDONTWRITEBYTECODE=1 \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    LANG=C.UTF-8

LABEL org.opencontainers.image.title="grader sandbox"
