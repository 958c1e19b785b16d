"""The HTML scorecard in a real browser: it renders, shows what it should, and loads nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from grader.models import OutputFormat, View
from grader.render import render
from tests.browser import chromium_driver, console_errors
from tests.test_render import SECRET, sample_card

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    yield from chromium_driver()


def open_card(driver: Any, tmp_path: Path, view: View) -> None:
    page = tmp_path / f"{view.value}.html"
    page.write_text(render(sample_card(), OutputFormat.HTML, view), encoding="utf-8")
    driver.get(page.as_uri())


@pytest.mark.parametrize("view", list(View))
def test_the_scorecard_renders_its_parts(driver: Any, tmp_path: Path, view: View) -> None:
    from selenium.webdriver.common.by import By

    open_card(driver, tmp_path, view)
    assert driver.title.startswith("Tiny arithmetic")
    assert driver.find_element(By.ID, "score").text.startswith("1 / 6")
    rows = driver.find_elements(By.CSS_SELECTOR, "#tests tbody tr")
    assert [r.get_attribute("data-status") for r in rows] == ["passed", "failed", "error", "timeout"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#categories tbody tr")) == 3
    assert bool(driver.find_elements(By.ID, "provenance")) is (view is View.REVIEWER)
    assert (SECRET in driver.page_source) is (view is View.REVIEWER)
    assert console_errors(driver) == []
    resources = driver.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0, "the scorecard must not load anything"
    shot = tmp_path / f"{view.value}.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
