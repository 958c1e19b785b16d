"""The cohort report in a real browser: its parts render, nothing else loads, the charts draw."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.batch import Results
from grader.cohort import render_cohort, summarize
from tests.browser import chromium_driver, console_errors
from tests.test_cohort import results  # noqa: F401 - the module-scoped fixture of graded records

pytestmark = pytest.mark.browser
BAR = (0x09, 0x69, 0xDA)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    yield from chromium_driver()


def test_the_cohort_report_renders_with_its_charts(driver: Any, results: Results, tmp_path: Path) -> None:  # noqa: F811
    from PIL import Image
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(render_cohort(summarize(results.records()), "html"), encoding="utf-8")
    driver.get(page.as_uri())
    assert driver.title.startswith("Cohort report")
    cards = [c.text.replace("\n", " ") for c in driver.find_elements(By.CSS_SELECTOR, "#counts .card")]
    assert "3 graded" in cards and "1 ungradable" in cards and "1 unknown challenge" in cards
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.histogram rect.bar")
    assert len(bars) == 10 and sum(float(b.get_attribute("height")) > 0 for b in bars) >= 2
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.test-rates rect")) == 7
    assert len(driver.find_elements(By.CSS_SELECTOR, "#flagged tbody tr")) >= 2
    assert len(driver.find_elements(By.CSS_SELECTOR, "#rows tbody tr")) == 5
    assert console_errors(driver) == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    histogram = driver.find_element(By.CSS_SELECTOR, "svg.histogram")
    shot = np.asarray(Image.open(io.BytesIO(histogram.screenshot_as_png)).convert("RGB"), dtype=int)
    bar_pixels = int(np.all(np.abs(shot - np.array(BAR)) < 8, axis=-1).sum())
    assert bar_pixels > 1000, "the histogram's bars are not drawn"
    assert driver.save_screenshot(str(tmp_path / "report.png"))
