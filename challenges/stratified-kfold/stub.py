"""Stratified k-fold cross-validation indices. See prompt.md."""


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    """Return a list of ``n_splits`` tuples ``(train_idx, test_idx)`` of integer numpy arrays whose
    test folds partition the samples of the labels ``y``. The first ``n % n_splits`` folds hold one
    sample more than the others, and every fold holds ``floor`` or ``ceil`` of ``n_c / n_splits``
    samples of each class c. Without shuffle each class's samples are cut, in index order, into
    consecutive blocks (fold 0 first); with shuffle they are assigned at random, reproducibly for a
    given seed, without touching numpy's global random state. Raises ValueError when
    ``n_splits < 2`` or when no class has at least ``n_splits`` samples."""
    raise NotImplementedError
