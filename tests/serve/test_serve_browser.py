"""The desk page in a real browser: Debian's chromium and chromedriver through Selenium
(headless; nothing is downloaded). Paste a draft with known problems, see the highlights on
the right words, move between findings with the keyboard, apply a fix, check the text; a
script in the draft never runs. Screenshots go to the test's temporary folder."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import DRAFT, DRAFT_PATH

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture
def browser(tmp_path):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip(
            f"chromium or chromedriver not installed ({CHROMIUM}, {CHROMEDRIVER}): apt-get install chromium chromium-driver"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (dev extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(arg)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver, condition, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _paste_and_check(driver, text, path=None):
    from selenium.webdriver.common.by import By

    area = driver.find_element(By.ID, "draft")
    area.clear()
    # Typed keys would take minutes and auto-close nothing here; a paste sets the value at once.
    driver.execute_script("arguments[0].value = arguments[1];", area, text)
    if path:
        field = driver.find_element(By.ID, "path")
        field.clear()
        field.send_keys(path)
    driver.find_element(By.ID, "check").click()
    _wait(driver, lambda d: d.find_element(By.ID, "status").text.startswith("Checked"))


def _finding_index(driver, rule):
    from selenium.webdriver.common.by import By

    for li in driver.find_elements(By.CSS_SELECTOR, "li.finding"):
        if rule in li.find_element(By.CSS_SELECTOR, ".rule").text:
            return int(li.get_attribute("id").split("-")[1])
    raise AssertionError(f"no {rule} finding listed")


def _mark_texts(driver, index):
    from selenium.webdriver.common.by import By

    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, f'#rendered mark[data-f~="{index}"]')]


def test_editor_sees_highlights_and_applies_a_fix(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base = live_server()
    browser.get(base + "/")
    assert browser.title == "edlint desk"
    _paste_and_check(browser, DRAFT, DRAFT_PATH)
    browser.save_screenshot(str(tmp_path / "checked.png"))

    # Highlights at the right words, in the rendered article (a heading, not '# ...').
    rendered = browser.find_element(By.ID, "rendered")
    assert rendered.find_element(By.TAG_NAME, "h1").text == "Coastal path reopens after landslip"
    weekday = _finding_index(browser, "date-weekday")
    assert _mark_texts(browser, weekday) == ["Monday 18 November"]
    mark = rendered.find_element(By.CSS_SELECTOR, f'mark[data-f~="{weekday}"]')
    assert mark.size["width"] > 0 and mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    quote = _finding_index(browser, "quote-style")
    assert _mark_texts(browser, quote)[0].startswith("\"It's been a long wait")
    bio = _finding_index(browser, "bio-inconsistent")  # cross-file, against the archive
    assert any("political editor" in t for t in _mark_texts(browser, bio))
    # Must not be marked: the right weekday, the curly-quoted paragraphs.
    all_marked = " ".join(m.text for m in rendered.find_elements(By.CSS_SELECTOR, "mark[data-f]"))
    assert "Wednesday" not in all_marked and "new drainage" not in all_marked
    # Grouped by family, each with its explanation on demand.
    families = [h.text.lower() for h in browser.find_elements(By.CSS_SELECTOR, "#groups h3")]
    assert any(f.startswith("dates") for f in families) and any(f.startswith("images") for f in families)
    li = browser.find_element(By.ID, f"finding-{weekday}")
    li.find_element(By.TAG_NAME, "summary").click()
    _wait(browser, lambda d: "## What it does" in li.find_element(By.TAG_NAME, "pre").text)

    # Keyboard: n moves to the first finding, again to the next; focus follows.
    browser.find_element(By.TAG_NAME, "body").send_keys("n")
    first = browser.find_element(By.CSS_SELECTOR, "li.finding.current")
    assert first.get_attribute("id") == "finding-0"
    browser.switch_to.active_element.send_keys("n")
    assert browser.find_element(By.CSS_SELECTOR, "li.finding.current").get_attribute("id") == "finding-1"
    assert browser.switch_to.active_element.get_attribute("class") == "go"
    browser.switch_to.active_element.send_keys("p")
    assert browser.find_element(By.CSS_SELECTOR, "li.finding.current").get_attribute("id") == "finding-0"
    assert browser.find_elements(By.CSS_SELECTOR, "#rendered mark.current")
    browser.switch_to.active_element.send_keys(Keys.TAB)  # keyboard reaches the buttons

    # An edit after the check: a fix would overwrite it, so the page asks for a new check.
    area = browser.find_element(By.ID, "draft")
    area.send_keys(Keys.CONTROL, Keys.END)
    area.send_keys("Extra line.")
    li = browser.find_element(By.ID, f"finding-{_finding_index(browser, 'date-weekday')}")
    li.find_element(By.CSS_SELECTOR, "button.fix").click()
    assert "check it again" in browser.find_element(By.ID, "status").text
    assert area.get_attribute("value") == DRAFT + "Extra line."
    browser.execute_script("arguments[0].value = arguments[1];", area, DRAFT)
    browser.find_element(By.ID, "check").click()
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.startswith("Checked"))

    # Apply the weekday fix (unsafe: the editor chose it) and check the text.
    li = browser.find_element(By.ID, f"finding-{_finding_index(browser, 'date-weekday')}")
    li.find_element(By.CSS_SELECTOR, "button.fix").click()
    _wait(browser, lambda d: "Tuesday 18 November" in area.get_attribute("value"))
    assert area.get_attribute("value") == DRAFT.replace("on Monday 18 November", "on Tuesday 18 November")
    assert "date-weekday" not in " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, ".rule"))
    # Then every safe fix: the straight quotes become curly.
    browser.find_element(By.ID, "fix-all").click()
    _wait(browser, lambda d: "“It’s been a long wait for walkers,”" in area.get_attribute("value"))
    assert "Tuesday 18 November" in area.get_attribute("value")
    browser.save_screenshot(str(tmp_path / "fixed.png"))
    assert (tmp_path / "checked.png").stat().st_size > 10_000


def test_a_script_in_the_draft_never_runs(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    base = live_server()
    browser.get(base + "/")
    hostile = (
        "---\ntitle: Council meeting\n---\n\n"
        "The council met on Monday 18 November 2025.\n\n"
        "<script>window.pwned = 'script'; document.title = 'pwned'</script>\n\n"
        '<img src="/nothing.png" onerror="window.pwned = \'onerror\'" alt="Chamber">\n\n'
        "<a href=\"javascript:window.pwned='link'\">minutes</a>\n\n"
        "<p onmouseover=\"window.pwned = 'hover'\">Hover over this paragraph.</p>\n"
    )
    for fmt, text in (
        ("markdown", hostile),
        ("html", "<html><body>" + hostile.split("---\n\n", 1)[1] + "</body></html>"),
    ):
        browser.find_element(By.ID, "format").send_keys(fmt[0])  # select by first letter
        browser.execute_script("document.getElementById('format').value = arguments[0];", fmt)
        _paste_and_check(browser, text)
        rendered = browser.find_element(By.ID, "rendered")
        assert "Hover over this paragraph." in rendered.text
        for a in rendered.find_elements(By.TAG_NAME, "a"):
            a.click()
        browser.execute_script(
            "document.querySelector('#rendered p:last-child').dispatchEvent(new MouseEvent('mouseover'))"
        )
        assert browser.execute_script("return window.pwned === undefined")
        assert browser.title == "edlint desk"
        assert not rendered.find_elements(By.TAG_NAME, "script")
        html = rendered.get_attribute("innerHTML")
        assert "onerror" not in html and "javascript:" not in html and "onmouseover" not in html
        weekday = _finding_index(browser, "date-weekday")
        assert _mark_texts(browser, weekday) == ["Monday 18 November 2025"]
    browser.save_screenshot(str(tmp_path / "hostile.png"))


def test_upload_a_file_and_open_one_from_the_site(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    base = live_server()
    browser.get(base + "/")
    upload = tmp_path / "budget-night.html"
    upload.write_text(
        "<html><body><article><h1>Budget night</h1><p>The council met on Monday 18 November 2025"
        " and agreed the budget.</p></article></body></html>",
        encoding="utf-8",
    )
    browser.find_element(By.ID, "upload").send_keys(str(upload))
    area = browser.find_element(By.ID, "draft")
    _wait(browser, lambda d: "Budget night" in area.get_attribute("value"))
    assert browser.find_element(By.ID, "format").get_attribute("value") == "html"
    browser.find_element(By.ID, "check").click()
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.startswith("Checked"))
    assert _mark_texts(browser, _finding_index(browser, "date-weekday")) == ["Monday 18 November 2025"]

    # Open an archived article by the URL it is published at.
    field = browser.find_element(By.ID, "open-path")
    field.send_keys("/2025/11/20/ferry/")
    field.submit()
    _wait(browser, lambda d: "Falmouth" in area.get_attribute("value"))
    assert browser.find_element(By.ID, "path").get_attribute("value") == "content/news/2025-11-20-ferry.md"
    _wait(browser, lambda d: "Falmouth" in d.find_element(By.ID, "rendered").text)
    assert browser.find_element(By.CSS_SELECTOR, "#rendered p").text.startswith("The ferry between Falmouth")
    browser.save_screenshot(str(tmp_path / "opened.png"))
