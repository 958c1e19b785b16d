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
    with open("big", "wb") as f:
        f.write(b"x" * 100 * 1024 * 1024)
