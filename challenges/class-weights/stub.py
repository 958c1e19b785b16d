"""Balanced class weights. See prompt.md."""


def compute_class_weight(y, classes=None):
    """Return ``(classes, weights)``: the classes (sorted distinct labels of ``y``, or the given
    ``classes`` in their order) as a 1-D numpy array, and the float64 array of their balanced
    weights ``n_samples / (n_classes * count)``. Raises ValueError for an empty or non-1-D ``y``,
    and when a given class does not occur in ``y`` or a label of ``y`` is not a given class."""
    raise NotImplementedError


def compute_sample_weight(y, classes=None):
    """Return the float64 array of shape ``(n_samples,)`` whose i-th entry is the balanced weight
    of the class of ``y[i]``; same classes and errors as ``compute_class_weight``."""
    raise NotImplementedError
