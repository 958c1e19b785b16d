"""Hidden tests for categorical-encoding.

Goldens were checked against scikit-learn 1.9.1's LabelEncoder and
OneHotEncoder(sparse_output=False, handle_unknown=...) and are frozen below as literals.
"""

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close

WORDS = np.array(["ant", "Bee", "cat", "dog", "_eel", "fox", "Gnu", "hen", "ibis", "jay", "koi", "a", "ab", "abc"])


def labels_of(value, what):
    """A 1-D array-like of labels as a Python list."""
    arr = np.asarray(value)
    assert arr.ndim == 1, f"{what}: expected a 1-D array, got shape {arr.shape}"
    return arr.tolist()


def codes_of(value, what):
    """Integer codes as a list; the dtype itself is checked by an api test only."""
    arr = as_array(value, what, ndim=1, kind="iuf")
    as_int = arr.astype(np.int64)
    whole = np.array_equal(as_int, arr)
    assert whole, f"{what}: codes must be whole numbers"
    return as_int.tolist()


def one_hot_of(value, what, n, k):
    arr = as_array(value, what, ndim=2, kind="biuf")
    assert arr.shape == (n, k), f"{what}: shape {arr.shape}, expected {(n, k)}"
    return arr.astype(np.float64)


def expected_one_hot(values, categories):
    out = np.zeros((len(values), len(categories)))
    for i, v in enumerate(values):
        if v in categories:
            out[i, categories.index(v)] = 1.0
    return out


def label_encoder(candidate, y):
    encoder = candidate.LabelEncoder()
    encoder.fit(y)
    return encoder


def one_hot_encoder(candidate, values, **kwargs):
    encoder = candidate.OneHotEncoder(**kwargs)
    encoder.fit(values)
    return encoder


def random_values(rng):
    """A random list of int or string categories, with repeats."""
    n = int(rng.integers(1, 60))
    if rng.random() < 0.5:
        pool = rng.choice(np.arange(-1000, 1000), size=int(rng.integers(1, 12)), replace=False)
        return [int(v) for v in rng.choice(pool, size=n)]
    pool = rng.choice(WORDS, size=int(rng.integers(1, len(WORDS))), replace=False)
    return [str(v) for v in rng.choice(pool, size=n)]


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_integer_labels_sort_numerically(candidate):
    """Integer classes are sorted numerically, not as strings and not by first appearance."""
    encoder = label_encoder(candidate, [10, 9, 100, -1, 9])
    classes = labels_of(encoder.classes_, "classes_")
    assert classes == [-1, 9, 10, 100], f"classes_ is {classes}"
    codes = codes_of(encoder.transform([10, 9, 100, -1, 9]), "transform")
    assert codes == [2, 1, 3, 0, 1], f"codes are {codes}"


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_strings_sort_by_code_point(candidate):
    """String classes are sorted by code point: capitals, then '_', then lower case."""
    encoder = label_encoder(candidate, ["b", "B", "a", "_", "A", "b"])
    classes = labels_of(encoder.classes_, "classes_")
    assert classes == ["A", "B", "_", "a", "b"], f"classes_ is {classes}"
    codes = codes_of(encoder.transform(["_", "b", "A"]), "transform")
    assert codes == [2, 4, 0], f"codes are {codes}"


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_label_encoding_on_random_data(candidate, grading_seed):
    """On 60 generated label lists: sorted classes, matching codes, and a lossless round trip."""
    rng = np.random.default_rng(grading_seed)
    for _ in range(60):
        values = random_values(rng)
        encoder = label_encoder(candidate, values)
        classes = sorted(set(values))
        got = labels_of(encoder.classes_, "classes_")
        assert got == classes, f"classes_ is {got}, expected {classes}"
        sample = [values[i] for i in rng.integers(0, len(values), size=10)]
        codes = codes_of(encoder.transform(sample), "transform")
        assert codes == [classes.index(v) for v in sample], f"codes {codes} for labels {sample}"
        back = labels_of(encoder.inverse_transform(np.array(codes)), "inverse_transform")
        assert back == sample, f"inverse_transform gave {back}, expected {sample}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_one_hot_columns_follow_sorted_categories(candidate):
    """One-hot columns are the categories in sorted order."""
    encoder = one_hot_encoder(candidate, ["b", "a", "c", "a"])
    out = one_hot_of(encoder.transform(["b", "a", "c", "a"]), "transform", 4, 3)
    assert_arrays_close(out, [[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0]], rtol=0, atol=0, name="transform")
    encoder = one_hot_encoder(candidate, [10, 9, 100, -1])
    out = one_hot_of(encoder.transform([100, -1, 9]), "transform", 3, 4)
    assert_arrays_close(out, [[0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]], rtol=0, atol=0, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_one_hot_has_one_column_per_category(candidate):
    """Integer categories with gaps give one column per distinct value, not max + 1 columns."""
    for values, k in (([3, 1, 2], 3), ([5, 100, 5], 2), ([-2, 0, -2], 2)):
        encoder = one_hot_encoder(candidate, values)
        out = one_hot_of(encoder.transform(values), "transform", len(values), k)
        want = expected_one_hot(values, sorted(set(values)))
        assert_arrays_close(out, want, rtol=0, atol=0, name="transform")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_one_hot_on_random_data(candidate, grading_seed):
    """On 60 generated lists, one-hot rows have a single 1.0 in the column of their sorted category."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(60):
        values = random_values(rng)
        categories = sorted(set(values))
        encoder = one_hot_encoder(candidate, values)
        got = labels_of(encoder.categories_, "categories_")
        assert got == categories, f"categories_ is {got}, expected {categories}"
        sample = [values[i] for i in rng.integers(0, len(values), size=8)]
        out = one_hot_of(encoder.transform(sample), "transform", len(sample), len(categories))
        assert_arrays_close(out, expected_one_hot(sample, categories), rtol=0, atol=0, name="transform")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_transform_uses_the_categories_from_fit(candidate):
    """Encoding data that holds only some categories still uses every category learned in fit."""
    encoder = label_encoder(candidate, ["x", "y", "z", "x"])
    codes = codes_of(encoder.transform(["z", "z"]), "transform")
    assert codes == [2, 2], f"codes are {codes}"
    codes = codes_of(encoder.transform(["y"]), "transform")
    assert codes == [1], f"codes are {codes}"
    encoder = one_hot_encoder(candidate, [4, 8, 15, 16, 23, 42])
    out = one_hot_of(encoder.transform([42, 15]), "transform", 2, 6)
    assert_arrays_close(out, [[0, 0, 0, 0, 0, 1], [0, 0, 1, 0, 0, 0]], rtol=0, atol=0, name="transform")
    out = one_hot_of(encoder.transform([4]), "transform", 1, 6)
    assert_arrays_close(out, [[1, 0, 0, 0, 0, 0]], rtol=0, atol=0, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_explicit_categories_keep_their_order(candidate):
    """Given categories are used in their given order, not sorted and not as seen by fit."""
    encoder = one_hot_encoder(candidate, ["mid", "low"], categories=["low", "mid", "high"])
    got = labels_of(encoder.categories_, "categories_")
    assert got == ["low", "mid", "high"], f"categories_ is {got}"
    out = one_hot_of(encoder.transform(["high", "mid", "low"]), "transform", 3, 3)
    assert_arrays_close(out, [[0, 0, 1], [0, 1, 0], [1, 0, 0]], rtol=0, atol=0, name="transform")
    encoder = one_hot_encoder(candidate, [3, 1], categories=[3, 1, 2])
    out = one_hot_of(encoder.transform([1, 2, 3]), "transform", 3, 3)
    assert_arrays_close(out, [[0, 1, 0], [0, 0, 1], [1, 0, 0]], rtol=0, atol=0, name="transform")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_unknown_values_raise_value_error(candidate):
    """Unknown values (before, between or after the known ones) raise ValueError by default."""
    labels = label_encoder(candidate, ["b", "d", "f"])
    one_hot = one_hot_encoder(candidate, ["b", "d", "f"])
    for unknown in (["a"], ["c"], ["z"], ["b", "e"], ["bb"]):
        with pytest.raises(ValueError):
            labels.transform(unknown)
        with pytest.raises(ValueError):
            one_hot.transform(unknown)
    numbers = one_hot_encoder(candidate, [10, 20, 30], handle_unknown="error")
    for unknown in ([5], [25], [35]):
        with pytest.raises(ValueError):
            numbers.transform(unknown)
        with pytest.raises(ValueError):
            label_encoder(candidate, [10, 20, 30]).transform(unknown)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_ignored_unknown_values_give_zero_rows(candidate):
    """With handle_unknown='ignore', unknown values anywhere in the order give all-zero rows."""
    encoder = one_hot_encoder(candidate, ["b", "d", "f"], handle_unknown="ignore")
    out = one_hot_of(encoder.transform(["a", "d", "c", "z", "f"]), "transform", 5, 3)
    assert_arrays_close(out, [[0, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1]], rtol=0, atol=0, name="transform")
    encoder = one_hot_encoder(candidate, [10, 20, 30], handle_unknown="ignore")
    out = one_hot_of(encoder.transform([35, 5, 20, 25]), "transform", 4, 3)
    assert_arrays_close(out, [[0, 0, 0], [0, 0, 0], [0, 1, 0], [0, 0, 0]], rtol=0, atol=0, name="transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_category(candidate):
    """A single category gives code 0 everywhere and a one-column one-hot of ones."""
    codes = codes_of(candidate.LabelEncoder().fit_transform(["a", "a", "a"]), "fit_transform")
    assert codes == [0, 0, 0], f"codes are {codes}"
    out = one_hot_of(candidate.OneHotEncoder().fit_transform([7, 7]), "fit_transform", 2, 1)
    assert_arrays_close(out, [[1.0], [1.0]], rtol=0, atol=0, name="fit_transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_empty_inputs_to_transform(candidate):
    """Transforming an empty sequence gives an empty result of the right shape and kind."""
    labels = label_encoder(candidate, ["x", "y"])
    codes = as_array(labels.transform([]), "transform([])", ndim=1)
    assert codes.shape == (0,) and codes.dtype.kind in "iu", f"transform([]) gave {codes.shape} {codes.dtype}"
    back = np.asarray(labels.inverse_transform([]))
    assert back.shape == (0,), f"inverse_transform([]) gave shape {back.shape}"
    out = as_array(one_hot_encoder(candidate, ["x", "y", "z"]).transform([]), "transform([])", ndim=2)
    assert out.shape == (0, 3) and out.dtype == np.float64, f"transform([]) gave {out.shape} {out.dtype}"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_inverse_transform_rejects_codes_out_of_range(candidate):
    """inverse_transform rejects negative codes and codes past the last class with ValueError."""
    encoder = label_encoder(candidate, ["x", "y", "z"])
    for codes in ([-1], [0, 3], [8]):
        with pytest.raises(ValueError):
            encoder.inverse_transform(np.array(codes))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_explicit_categories_and_other_values_in_fit(candidate):
    """With explicit categories, other values in fit are no error; transform treats them as unknown."""
    encoder = one_hot_encoder(candidate, ["a", "c"], categories=["b", "a"], handle_unknown="ignore")
    out = one_hot_of(encoder.transform(["a", "c", "b"]), "transform", 3, 2)
    assert_arrays_close(out, [[0, 1], [0, 0], [1, 0]], rtol=0, atol=0, name="transform")
    strict = one_hot_encoder(candidate, ["a", "c"], categories=["b", "a"])
    with pytest.raises(ValueError):
        strict.transform(["c"])


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_the_encoder(candidate):
    """fit returns the encoder itself, so fit(y).transform(z) works."""
    codes = codes_of(candidate.LabelEncoder().fit(["q", "p"]).transform(["q"]), "fit(y).transform(z)")
    assert codes == [1], f"codes are {codes}"
    out = candidate.OneHotEncoder().fit(["q", "p"]).transform(["q"])
    assert_arrays_close(out, [[0.0, 1.0]], rtol=0, atol=0, name="fit(values).transform(z)")


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_output_types(candidate):
    """Codes have an integer dtype, one-hot output is float64, classes_ and categories_ are numpy arrays."""
    labels = label_encoder(candidate, ["b", "a", "b"])
    codes = labels.transform(["a", "b"])
    assert isinstance(codes, np.ndarray), f"transform returned a {type(codes).__name__}"
    assert codes.dtype.kind in "iu", f"transform returned dtype {codes.dtype}"
    for name, value in (("classes_", labels.classes_), ("inverse_transform", labels.inverse_transform([1, 0]))):
        assert isinstance(value, np.ndarray), f"{name} is a {type(value).__name__}"
    one_hot = one_hot_encoder(candidate, [3, 1, 2])
    out = one_hot.transform([1, 2])
    assert isinstance(out, np.ndarray), f"transform returned a {type(out).__name__}"
    assert out.dtype == np.float64, f"transform returned dtype {out.dtype}"
    assert isinstance(one_hot.categories_, np.ndarray), f"categories_ is a {type(one_hot.categories_).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """fit and transform leave the arrays they are given unchanged."""
    y = np.array(["c", "a", "b", "a"])
    for name in ("LabelEncoder", "OneHotEncoder"):
        encoder = getattr(candidate, name)()
        for method in ("fit", "transform", "fit_transform"):
            _, args, _ = getattr(encoder, method).returning_args(y.copy())
            np.testing.assert_array_equal(args[0], y, err_msg=f"{name}.{method} modified its input")
    codes = np.array([2, 0, 1])
    _, args, _ = label_encoder(candidate, y).inverse_transform.returning_args(codes.copy())
    np.testing.assert_array_equal(args[0], codes, err_msg="inverse_transform modified its input")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_numpy_arrays_and_lists(candidate):
    """Numpy arrays of strings or integers work like lists."""
    encoder = label_encoder(candidate, np.array(["b", "a", "c"]))
    codes = codes_of(encoder.transform(np.array(["c", "a"])), "transform")
    assert codes == [2, 0], f"codes are {codes}"
    encoder = one_hot_encoder(candidate, np.array([7, 3, 7], dtype=np.int32))
    out = one_hot_of(encoder.transform(np.array([3, 7], dtype=np.int64)), "transform", 2, 2)
    assert_arrays_close(out, [[1, 0], [0, 1]], rtol=0, atol=0, name="transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_invalid_handle_unknown_raises_value_error(candidate):
    """handle_unknown other than 'error' or 'ignore' is rejected (at construction or fit)."""
    for handle_unknown in ("raise", "zero", "Ignore"):
        with pytest.raises(ValueError):
            candidate.OneHotEncoder(handle_unknown=handle_unknown).fit(["a", "b"])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_invalid_explicit_categories_raise_value_error(candidate):
    """Explicit categories that are empty or hold a duplicate are rejected (at construction or fit)."""
    for categories in (["a", "b", "a"], [1, 2, 2], []):
        with pytest.raises(ValueError):
            candidate.OneHotEncoder(categories=categories).fit(["a", "b"])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_that_are_not_1d_raise_value_error(candidate):
    """2-D inputs are rejected with ValueError by fit and by transform."""
    grid = np.array([["a", "b"], ["b", "a"]])
    for name in ("LabelEncoder", "OneHotEncoder"):
        with pytest.raises(ValueError):
            getattr(candidate, name)().fit(grid)
        encoder = getattr(candidate, name)()
        encoder.fit(["a", "b"])
        with pytest.raises(ValueError):
            encoder.transform(grid)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_on_empty_input_raises_value_error(candidate):
    """fit on an empty sequence is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.LabelEncoder().fit([])
    with pytest.raises(ValueError):
        candidate.OneHotEncoder().fit([])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_transform(candidate):
    """fit_transform gives the same result as fit followed by transform."""
    values = ["m", "k", "m", "z", "k"]
    codes = codes_of(candidate.LabelEncoder().fit_transform(values), "fit_transform")
    assert codes == [1, 0, 1, 2, 0], f"codes are {codes}"
    out = one_hot_of(candidate.OneHotEncoder().fit_transform(values), "fit_transform", 5, 3)
    assert_arrays_close(out, expected_one_hot(values, ["k", "m", "z"]), rtol=0, atol=0, name="fit_transform")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_large_integers_stay_distinct(candidate):
    """Integer categories too large to convert to floats exactly stay distinct."""
    big = [2**53 + 1, 2**53, 2**62, 2**53 + 1]
    encoder = label_encoder(candidate, np.array(big, dtype=np.int64))
    classes = labels_of(encoder.classes_, "classes_")
    assert classes == [2**53, 2**53 + 1, 2**62], f"classes_ is {classes}"
    codes = codes_of(encoder.transform(np.array(big, dtype=np.int64)), "transform")
    assert codes == [1, 0, 2, 1], f"codes are {codes}"
    out = one_hot_of(candidate.OneHotEncoder().fit_transform(np.array(big, dtype=np.int64)), "fit_transform", 4, 3)
    assert_arrays_close(out, expected_one_hot(big, sorted(set(big))), rtol=0, atol=0, name="fit_transform")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_float_categories_are_compared_exactly(candidate):
    """Float categories that differ only in their last bit are distinct, in numerical order."""
    values = [0.1 + 0.2, 0.3, 0.1 + 0.2, 1.5]
    encoder = label_encoder(candidate, values)
    classes = labels_of(encoder.classes_, "classes_")
    assert classes == [0.3, 0.1 + 0.2, 1.5], f"classes_ is {classes}"
    codes = codes_of(encoder.transform(values), "transform")
    assert codes == [1, 0, 1, 2], f"codes are {codes}"


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_values(candidate, grading_seed):
    """Twenty thousand values of a hundred categories: exact codes and exact one-hot rows."""
    rng = np.random.default_rng(grading_seed + 2)
    categories = np.sort(rng.choice(np.arange(-10**6, 10**6), size=100, replace=False))
    values = categories[rng.integers(0, 100, size=20_000)]
    encoder = label_encoder(candidate, values)
    codes = as_array(encoder.transform(values), "transform", ndim=1, kind="iuf")
    expected_codes = np.searchsorted(categories, values)
    assert_arrays_close(codes, expected_codes, rtol=0, atol=0, name="transform")
    out = as_array(candidate.OneHotEncoder().fit_transform(values), "fit_transform", ndim=2, kind="biuf")
    assert out.shape == (20_000, 100), f"fit_transform shape {out.shape}"
    expected = np.zeros((20_000, 100))
    expected[np.arange(20_000), expected_codes] = 1.0
    assert_arrays_close(out, expected, rtol=0, atol=0, name="fit_transform")
