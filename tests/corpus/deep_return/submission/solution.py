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
    deep = []
    for _ in range(10000):
        deep = [deep]
    return deep
