"""k-means clustering with restarts. See prompt.md."""


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    """Cluster the rows of the 2-D array X into k clusters with Lloyd's algorithm, restarted
    n_init times from different initialisations (k-means++ recommended); keep the run with the
    lowest inertia. Return (labels, centroids): integer labels of shape (n,) in 0..k-1, each the
    index of the nearest returned centroid (ties to the lowest index), and float centroids of
    shape (k, d). Use only np.random.default_rng(seed), never the global random state. Raises
    ValueError unless X is 2-D and 1 <= k <= n."""
    raise NotImplementedError
