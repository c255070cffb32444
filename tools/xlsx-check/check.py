#!/usr/bin/env python3
"""Reads back a workbook of `plan export --format xlsx` with openpyxl and checks it against
the JSON of the same projections (by exercise and by month):

- every figure of the budget sheets and of the cash plan is a number equal to the JSON's;
- every formula (only `+` and `-` of cells) gives its cached value to the cent, so that a
  spreadsheet recalculating shows the tool's figures;
- sections and totals are formulas.

    tools/xlsx-check/check.py WORKBOOK.xlsx EXERCISES.json MONTHS.json LANG
Prints a one-line summary; exits 1 with the first differences otherwise.
"""
import json
import re
import sys

from openpyxl import load_workbook

path, by_exercise, by_month, lang = sys.argv[1:5]
formulas = load_workbook(path, data_only=False)
values = load_workbook(path, data_only=True)
exercises = json.load(open(by_exercise))
months = json.load(open(by_month))
names = {
    "fr": {"budget": "Budget", "monthly": "Budget mensuel", "cash": "Trésorerie", "consolidation": "Consolidation", "consolidated": "consolidé"},
    "en": {"budget": "Budget", "monthly": "Monthly budget", "cash": "Cash plan", "consolidation": "Consolidation", "consolidated": "consolidated"},
}[lang]
errors = []
checked = {"figures": 0, "formulas": 0}


def cell_value(ws, ref):
    return ws[ref].value or 0


def check_formulas(sheet):
    f, v = formulas[sheet], values[sheet]
    for row in f.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                terms = re.findall(r"([+-]?)([A-Z]+[0-9]+)", c.value[1:])
                total = sum((-1 if sign == "-" else 1) * cell_value(v, ref) for sign, ref in terms)
                cached = v[c.coordinate].value
                if not isinstance(cached, (int, float)) or round(total - cached, 2) != 0:
                    errors.append(f"{sheet}!{c.coordinate}: {c.value} gives {total:.2f}, cached {cached}")
                checked["formulas"] += 1


def check_budget(sheet, documents):
    v = values[sheet]
    f = formulas[sheet]
    rows = list(v.iter_rows(values_only=True))
    r = 0
    for doc in documents:
        if doc.get("organisations") and all(b["budget"] == "total" for b in doc["budget"]):
            # By exercise, a scenario with organisations has the consolidation as its budget;
            # the Budget sheet is the cluster's, the first of its organisations.
            cluster = doc["organisations"][0]
            doc = dict(doc, budget=cluster["budget"], indicators=cluster["indicators"])
        r += 1  # the scenario's title
        periods = [p["id"] for p in doc["periods"]]
        r += 2  # periods, columns
        paths = []
        for row in doc["budget"]:
            if row["path"] not in paths:
                paths.append(row["path"])
        for i, path in enumerate(paths):
            label = rows[r + i][0].strip()
            expected_label = next(b["label"] for b in doc["budget"] if b["path"] == path)
            if label != expected_label:
                errors.append(f"{sheet} row {r + i + 1}: label {label!r}, expected {expected_label!r}")
            for j, period in enumerate(periods):
                for k, column in enumerate(["fonctionnement", "projets", "total"]):
                    x = rows[r + i][1 + 3 * j + k]
                    expected = next(b["values"].get(period, 0) for b in doc["budget"] if b["path"] == path and b["budget"] == column)
                    if not isinstance(x, (int, float)) or round(x - expected, 2) != 0:
                        errors.append(f"{sheet} {doc['scenario']} {path} {period} {column}: {x!r}, JSON {expected}")
                    checked["figures"] += 1
                    formula = f.cell(row=r + i + 1, column=2 + 3 * j + k).value
                    is_section = column == "total" or path.endswith("/total") or any(
                        p.startswith(path + "/") for p in paths)
                    if is_section and not (isinstance(formula, str) and formula.startswith("=")):
                        errors.append(f"{sheet} {doc['scenario']} {path} {period} {column}: a section without a formula")
        r += len(paths)
        result = rows[r]
        for j, period in enumerate(periods):
            x = result[1 + 3 * j + 2]
            expected = doc["indicators"]["result"][period]
            if round(x - expected, 2) != 0:
                errors.append(f"{sheet} {doc['scenario']} result {period}: {x!r}, JSON {expected}")
        r += 2


def check_cash(sheet, documents):
    rows = list(values[sheet].iter_rows(values_only=True))
    r = 0
    for doc in documents:
        t = doc.get("treasury")
        if not t:
            continue
        r += 2
        for i, month in enumerate(t["months"]):
            x = rows[r + i]
            if round(x[5] - month["closing"], 2) != 0 or round(x[1] - month["opening"], 2) != 0:
                errors.append(f"{sheet} {doc['scenario']} {month['month']}: closing {x[5]!r}, JSON {month['closing']}")
            checked["figures"] += 2
        r += len(t["months"]) + 1


def check_consolidation(documents):
    """The consolidated block of the Consolidation sheet: each line as the JSON's, in order."""
    grouped = [d for d in documents if d.get("consolidation")]
    if not grouped:
        return
    if names["consolidation"] not in values.sheetnames:
        errors.append("no Consolidation sheet for a scenario with organisations")
        return
    rows = list(values[names["consolidation"]].iter_rows(values_only=True))
    starts = [i for i, row in enumerate(rows) if row[0] == names["consolidated"]]
    if len(starts) != len(grouped):
        errors.append(f"{len(starts)} consolidated blocks for {len(grouped)} scenarios with organisations")
        return
    for start, doc in zip(starts, grouped):
        periods = [p for p in rows[start][1:] if p]
        for i, line in enumerate(doc["consolidation"]):
            row = rows[start + 1 + i]
            for j, period in enumerate(periods):
                expected = line["consolidated"].get(period, 0)
                if not isinstance(row[1 + j], (int, float)) or round(row[1 + j] - expected, 2) != 0:
                    errors.append(f"Consolidation {doc['scenario']} {line['path']} {period}: {row[1 + j]!r}, JSON {expected}")
                checked["figures"] += 1


check_consolidation(exercises)
for sheet in formulas.sheetnames:
    check_formulas(sheet)
check_budget(names["budget"], exercises)
check_budget(names["monthly"], months)
check_cash(names["cash"], months)
if errors:
    print(f"{len(errors)} differences; the first:")
    print("\n".join(errors[:20]))
    sys.exit(1)
print(f"ok: {checked['figures']} figures equal to the JSON, {checked['formulas']} formulas give their cached values")
