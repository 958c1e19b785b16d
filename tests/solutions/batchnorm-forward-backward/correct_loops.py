"""Correct, per-feature loop style: each column is handled in a Python loop over features with
two-pass statistics (math.fsum), running statistics updated element by element, and backward
uses the compact formula dx = inv_std / N * (N*g - sum(g) - x_hat * sum(g*x_hat)) per column."""

import math

import numpy as np


class BatchNorm1d:
    def __init__(self, num_features, eps=1e-5, momentum=0.1, gamma=None, beta=None):
        f = int(num_features)
        self.num_features, self.eps, self.momentum = f, float(eps), float(momentum)
        self.gamma = np.ones(f) if gamma is None else np.asarray(gamma, dtype=float).copy()
        self.beta = np.zeros(f) if beta is None else np.asarray(beta, dtype=float).copy()
        for name in ("gamma", "beta"):
            if getattr(self, name).shape != (f,):
                raise ValueError(f"{name} must have shape ({f},)")
        self.running_mean = np.zeros(f)
        self.running_var = np.ones(f)
        self._last = None

    def forward(self, x, training=True):
        x = np.asarray(x, dtype=float)
        if x.ndim != 2:
            raise ValueError("x must be 2-D")
        n, f = x.shape
        if f != self.num_features:
            raise ValueError("wrong number of features")
        if training and n < 2:
            raise ValueError("training needs at least 2 samples")
        y = np.empty((n, f))
        x_hat = np.empty((n, f))
        inv_std = np.empty(f)
        new_mean, new_var = self.running_mean.copy(), self.running_var.copy()
        for j in range(f):
            col = [float(v) for v in x[:, j]]
            if training:
                mean = math.fsum(col) / n
                var = math.fsum((v - mean) ** 2 for v in col) / n
                new_mean[j] = (1 - self.momentum) * new_mean[j] + self.momentum * mean
                new_var[j] = (1 - self.momentum) * new_var[j] + self.momentum * var * n / (n - 1)
            else:
                mean, var = float(self.running_mean[j]), float(self.running_var[j])
            inv_std[j] = 1.0 / math.sqrt(var + self.eps)
            for i in range(n):
                x_hat[i, j] = (col[i] - mean) * inv_std[j]
                y[i, j] = self.gamma[j] * x_hat[i, j] + self.beta[j]
        self.running_mean, self.running_var = new_mean, new_var
        self._last = (x_hat, inv_std, training)
        return y

    def backward(self, dy):
        if self._last is None:
            raise RuntimeError("backward before forward")
        x_hat, inv_std, training = self._last
        dy = np.asarray(dy, dtype=float)
        if dy.shape != x_hat.shape:
            raise ValueError("dy must match the last input's shape")
        n, f = dy.shape
        dx = np.empty((n, f))
        dgamma, dbeta = np.empty(f), np.empty(f)
        for j in range(f):
            g = [float(dy[i, j] * self.gamma[j]) for i in range(n)]
            xh = [float(v) for v in x_hat[:, j]]
            dbeta[j] = math.fsum(float(v) for v in dy[:, j])
            dgamma[j] = math.fsum(float(dy[i, j]) * xh[i] for i in range(n))
            if training:
                sum_g = math.fsum(g)
                sum_gx = math.fsum(gi * xi for gi, xi in zip(g, xh))
                for i in range(n):
                    dx[i, j] = inv_std[j] / n * (n * g[i] - sum_g - xh[i] * sum_gx)
            else:
                for i in range(n):
                    dx[i, j] = g[i] * inv_std[j]
        return dx, dgamma, dbeta
