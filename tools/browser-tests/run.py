#!/usr/bin/env python3
"""End-to-end test of `plan serve` in a real headless Chromium (Debian's chromium and
chromium-driver, python3-selenium): open the app, change a grant and see the reserves change,
follow a figure's explanation to a parameter's legal reference, see a refused value explained
beside its field, save a variant and find it listed, with no console error (but the refused
value's 422). Usage: run.py PLAN_BINARY SCENARIOS_FOLDER. Exit 0 when all
pass; each failure is printed."""
import json, os, shutil, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

plan, scenarios = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="plan-browser-")
workspace = os.path.join(work, "scenarios")
shutil.copytree(scenarios, workspace)
token = "browser-test-token-0123456789"
server = subprocess.Popen([plan, "serve", "--workspace", workspace, "--port", "0", "--token", token, "--lang", "fr"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok: failures.append(what)
try:
    first = server.stdout.readline().strip()
    check(first.startswith("listening on http://"), "the server's first line: " + first)
    base = first.split(" ", 2)[2]
    options = Options()
    # A French committee member's browser.
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600", f"--user-data-dir={work}/profile",
              "--lang=fr-FR"]:
        options.add_argument(a)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(base + "/")
        check("Les scénarios de l'espace de travail" in driver.page_source, "the home page lists the scenarios, in French")
        driver.find_element(By.CSS_SELECTOR, "a[href='/scenarios/scic-2013']").click()
        reserves = lambda: driver.find_element(By.CSS_SELECTOR, "#figures a[data-key='reserves'][data-period='2013']").text
        before = reserves()
        grant = driver.find_element(By.NAME, "subsidies.fse.2013")
        grant.clear()
        grant.send_keys("0")
        wait.until(lambda d: reserves() != before)
        after = reserves()
        check(after != before, f"stopping the European grant in 2013 moves the 2013 reserves ({before} → {after})")
        check(driver.find_element(By.CSS_SELECTOR, ".delta[data-key='reserves'][data-period='2013']").text.startswith("Δ"),
              "the change from the scenario as written is shown beside the figure")
        check("Avec les changements" in driver.find_element(By.ID, "whatif-charts").get_attribute("innerHTML"),
              "the charts are redrawn with the changes beside the scenario as written")
        # A value the scenario file would refuse: its message beside its field, gone once corrected.
        driver.find_element(By.CSS_SELECTOR, "details.positions summary").click()
        end = driver.find_element(By.NAME, "positions.administration_cdi.end")
        written = end.get_attribute("value")
        driver.execute_script("arguments[0].value = '2014-12'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", end)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name='positions.administration_cdi.end'] ~ .field-error"))
        note = driver.find_element(By.CSS_SELECTOR, "input[name='positions.administration_cdi.end'] ~ .field-error").text
        check("2015" in note, "a refused value is explained beside its field: " + note)
        # The browser logs the refusal's 422 as a failed load: that one, and nothing else, so far.
        logged = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
        check(all(e.get("source") == "network" and "/whatif" in e["message"] and "422" in e["message"] for e in logged),
              "no console error before the refused value but its 422: " + json.dumps(logged)[:300])
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", end, written)
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".field-error"))
        check(reserves() == after, "the corrected value gives the figures back")
        # The figures agree with the API's.
        req = urllib.request.Request(base + "/api/scenarios/scic-2013/run", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"changes": [{"path": "subsidies.fse.2013", "value": 0}]}).encode())
        api = json.load(urllib.request.urlopen(req))
        shown = float(after.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", "."))
        check(abs(shown - api["indicators"]["reserves"]["2013"]) < 0.006, "the page's figure is the API's")
        # Save the change as a variant and find it listed.
        driver.find_element(By.NAME, "name").send_keys("europe-scic-browser")
        driver.find_element(By.NAME, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, "#save button").click()
        wait.until(lambda d: d.find_element(By.ID, "saved").text != "")
        check("europe-scic-browser.yaml" in driver.find_element(By.ID, "saved").text, "the variant is saved")
        driver.get(base + "/")
        check("/scenarios/europe-scic-browser" in driver.page_source, "the variant is listed")
        # Follow the taxe sur les salaires to a parameter's legal reference.
        driver.get(base + "/scenarios/baseline")
        driver.find_element(By.CSS_SELECTOR, "#figures a[data-key='taxe_salaires'][data-period='2013']").click()
        wait.until(lambda d: "/explain/" in d.current_url)
        driver.find_element(By.CSS_SELECTOR, "a[href='/parameters/taxe_salaires_decote_taux']").click()
        wait.until(lambda d: "/parameters/" in d.current_url)
        check("Art. 1679 CGI" in driver.page_source, "the explanation leads to the parameter's legal reference")
        errors = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
        check(not errors, "no console error: " + json.dumps(errors)[:300])
    finally:
        driver.quit()
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
