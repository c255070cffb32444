#!/usr/bin/env python3
"""End-to-end test of `plan serve` in a real headless Chromium (Debian's chromium and
chromium-driver, python3-selenium): open the app, change a grant and see the reserves change,
follow a figure's explanation to a parameter's legal reference, save a variant and find it
listed, with no console error. Usage: run.py PLAN_BINARY SCENARIOS_FOLDER. Exit 0 when all
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
