"""Regression metrics: MSE, RMSE, MAE and R². See prompt.md."""


def regression_metrics(y_true, y_pred):
    """Return a dict {"mse", "rmse", "mae", "r2"} of floats for the predictions ``y_pred`` of
    ``y_true``, computed in float64. R² is 1 - SS_res / SS_tot; when y_true is constant it is 1.0
    for perfect predictions and 0.0 otherwise. Raises ValueError on inputs of different lengths
    or empty inputs."""
    raise NotImplementedError
