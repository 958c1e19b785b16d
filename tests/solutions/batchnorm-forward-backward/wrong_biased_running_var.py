"""Wrong, as in numpy-ml's BatchNorm1D: the running variance is updated with the biased batch
variance (divided by N) instead of the unbiased one (divided by N - 1)."""

import numpy as np


class BatchNorm1d:
    def __init__(self, num_features, eps=1e-5, momentum=0.1, gamma=None, beta=None):
        self.num_features = int(num_features)
        self.eps = float(eps)
        self.momentum = float(momentum)
        shape = (self.num_features,)
        self.gamma = np.ones(shape) if gamma is None else np.array(gamma, dtype=np.float64)
        self.beta = np.zeros(shape) if beta is None else np.array(beta, dtype=np.float64)
        if self.gamma.shape != shape:
            raise ValueError(f"gamma must have shape {shape}, got {self.gamma.shape}")
        if self.beta.shape != shape:
            raise ValueError(f"beta must have shape {shape}, got {self.beta.shape}")
        self.running_mean = np.zeros(shape)
        self.running_var = np.ones(shape)
        self._cache = None

    def forward(self, x, training=True):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2:
            raise ValueError(f"x must be 2-D, got shape {x.shape}")
        if x.shape[1] != self.num_features:
            raise ValueError(f"x has {x.shape[1]} features, expected {self.num_features}")
        if training:
            n = x.shape[0]
            if n < 2:
                raise ValueError("training needs more than one sample per feature")
            mean = np.mean(x, axis=0)
            var = np.var(x, axis=0)
            m = self.momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)
        x_hat = (x - mean) * inv_std
        self._cache = (x_hat, inv_std, training)
        return self.gamma * x_hat + self.beta

    def backward(self, dy):
        if self._cache is None:
            raise RuntimeError("backward called before forward")
        x_hat, inv_std, training = self._cache
        dy = np.asarray(dy, dtype=np.float64)
        if dy.shape != x_hat.shape:
            raise ValueError(f"dy must have shape {x_hat.shape}, got {dy.shape}")
        dbeta = np.sum(dy, axis=0)
        dgamma = np.sum(dy * x_hat, axis=0)
        dx_hat = dy * self.gamma
        if training:
            dx_hat = dx_hat - np.mean(dx_hat, axis=0) - x_hat * np.mean(dx_hat * x_hat, axis=0)
        return dx_hat * inv_std, dgamma, dbeta
