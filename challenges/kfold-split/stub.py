"""K-fold cross-validation indices. See prompt.md."""


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    """Return a list of ``n_splits`` tuples ``(train_idx, test_idx)`` of integer numpy arrays.
    The test folds partition ``range(n_samples)``; the first ``n_samples % n_splits`` folds hold
    one more sample. Without shuffle, fold i is the i-th contiguous block; with shuffle, samples
    are assigned at random, reproducibly for a given seed, without touching ``np.random``'s global
    state. Raises ValueError unless ``2 <= n_splits <= n_samples``."""
    raise NotImplementedError
