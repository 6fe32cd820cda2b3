"""What a user sees and does on the page, so tests read as steps rather than selectors."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from dashboard import ids

TIMEOUT = 20


class Page:
    def __init__(self, duo: Any) -> None:
        self.duo = duo

    def open(self, query: str = "") -> Page:
        self.duo.wait_for_page(f"{self.duo.server_url}/{query}", timeout=TIMEOUT)
        self.duo.wait_for_element(".ag-row", timeout=TIMEOUT)
        return self

    def count_text(self) -> str:
        return str(self.duo.find_element(f"#{ids.MATCH_COUNT}").text)

    def wait_for_count(self, text: str) -> None:
        self.duo.wait_for_text_to_equal(f"#{ids.MATCH_COUNT}", text, timeout=TIMEOUT)

    def row_ids(self) -> list[int]:
        cells = self.duo.find_elements(
            ".ag-pinned-left-cols-container .ag-row [col-id='connection_id']"
        )
        return [int(cell.text) for cell in cells if cell.text.strip().isdigit()]

    def row(self, connection_id: int) -> WebElement:
        return self.duo.wait_for_element(
            f".ag-pinned-left-cols-container .ag-row[row-id='{connection_id}']", timeout=TIMEOUT
        )

    def select(self, connection_id: int) -> None:
        self.row(connection_id).click()

    def search(self, text: str) -> None:
        box = self.duo.find_element(f"#{ids.SEARCH}")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        if text:
            box.send_keys(text)

    def scroll_grid_to_bottom(self) -> None:
        self.duo.driver.execute_script(
            "var v = document.querySelector('.ag-body-viewport'); v.scrollTop = v.scrollHeight;"
        )

    def detail_text(self) -> str:
        return str(self.duo.find_element(f"#{ids.DETAIL}").text)

    def wait_for_detail(self, text: str) -> None:
        self.duo.wait_for_contains_text(f"#{ids.DETAIL}", text, timeout=TIMEOUT)

    def charts(self) -> list[WebElement]:
        return list(self.duo.find_elements(f"#{ids.DETAIL} .chart-graph .main-svg"))

    def console_errors(self) -> list[Any]:
        return [entry for entry in self.duo.get_logs() or [] if entry.get("level") != "INFO"]

    def click(self, selector: str) -> None:
        """Scroll the element into view and click it, as a user would."""
        element = self.duo.wait_for_element(selector, timeout=TIMEOUT)
        self.duo.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element
        )

    def by_css(self, selector: str) -> list[WebElement]:
        return list(self.duo.driver.find_elements(By.CSS_SELECTOR, selector))
