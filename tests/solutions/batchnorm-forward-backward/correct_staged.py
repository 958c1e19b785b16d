"""Correct, CS231n staged-backprop style: the forward caches x, mean, var and x_hat; backward
walks the computation graph step by step (dx_hat, dvar, dmean, then dx); running variance via
``np.var(ddof=1)``; eval-mode backward handled separately."""

import numpy as np


class BatchNorm1d:
    def __init__(self, num_features, eps=1e-5, momentum=0.1, gamma=None, beta=None):
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.gamma = np.ones(num_features) if gamma is None else np.array(gamma, dtype=float).copy()
        self.beta = np.zeros(num_features) if beta is None else np.array(beta, dtype=float).copy()
        if self.gamma.shape != (num_features,) or self.beta.shape != (num_features,):
            raise ValueError("gamma and beta must have shape (num_features,)")
        self.running_mean = np.zeros(num_features)
        self.running_var = np.ones(num_features)
        self.cache = None

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ValueError("x must have shape (N, num_features)")
        if training:
            if x.shape[0] < 2:
                raise ValueError("need at least two samples in training mode")
            mu = x.mean(axis=0)
            xc = x - mu
            var = (xc**2).mean(axis=0)
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mu
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * x.var(axis=0, ddof=1)
        else:
            mu, var = self.running_mean.copy(), self.running_var.copy()
            xc = x - mu
        std = np.sqrt(var + self.eps)
        x_hat = xc / std
        self.cache = {"xc": xc, "var": var, "std": std, "x_hat": x_hat, "training": training}
        return self.gamma * x_hat + self.beta

    def backward(self, dy):
        if self.cache is None:
            raise RuntimeError("call forward first")
        c = self.cache
        dy = np.asarray(dy, dtype=float)
        if dy.shape != c["x_hat"].shape:
            raise ValueError("dy has the wrong shape")
        dbeta = dy.sum(axis=0)
        dgamma = (dy * c["x_hat"]).sum(axis=0)
        dx_hat = dy * self.gamma
        if not c["training"]:
            return dx_hat / c["std"], dgamma, dbeta
        n = dy.shape[0]
        dvar = np.sum(dx_hat * c["xc"], axis=0) * -0.5 * (c["var"] + self.eps) ** -1.5
        dmean = -np.sum(dx_hat, axis=0) / c["std"] + dvar * np.mean(-2.0 * c["xc"], axis=0)
        dx = dx_hat / c["std"] + dvar * 2.0 * c["xc"] / n + dmean / n
        return dx, dgamma, dbeta
