#!/usr/bin/env bash
# The documented check of the spreadsheets in LibreOffice itself (not run by CI: LibreOffice
# is not on the test machines; Debian: libreoffice-calc-nogui). Usage, after `swift build`:
#   tools/xlsx-check/libreoffice.sh .build/debug/plan
# 1. The French CSV opened as a French user opens it (semicolons, UTF-8, French locale):
#    every budget value must be a number, the header's accents intact.
# 2. The XLSX opened and every sheet exported: the budget's result row must be the tool's.
set -euo pipefail
plan=$(realpath "${1:-.build/debug/plan}")
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$plan" run scenarios/baseline.yaml --format csv --lang fr >"$work/b.csv"
"$plan" run scenarios/baseline.yaml --format json --lang fr >"$work/b.json"
"$plan" export scenarios/baseline.yaml -o "$work/b.xlsx" --lang fr 2>/dev/null
soffice --headless --infilter="CSV:59,34,76,1,,1036" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/conv" "$work/b.csv" >/dev/null
(cd "$work" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false,false,false,-1' b.xlsx >/dev/null)
/usr/bin/python3 - "$work" <<'PY'
import csv, json, sys
from openpyxl import load_workbook
work = sys.argv[1]
rows = list(load_workbook(f"{work}/conv/b.xlsx", data_only=True).active.iter_rows(values_only=True))
assert rows[0][0] == "scénario" and rows[0][5] == "libellé", rows[0]
budget = [r for r in rows[1:] if r[2] in ("charges", "produits")]
text = [r for r in budget if not isinstance(r[7], (int, float))]
assert not text, f"{len(text)} values read as text: {text[:3]}"
doc = json.load(open(f"{work}/b.json"))
result = next(r for r in csv.reader(open(f"{work}/b-Budget.csv", encoding="utf-8"), delimiter=";") if r and r[0] == "Résultat")
shown = [float(x) for x in result[1:] if x]
expected = [doc["indicators"]["result"][p["id"]] for p in doc["periods"]]
assert shown == expected, (shown, expected)
print(f"ok: LibreOffice reads the French CSV's {len(budget)} budget values as numbers; the workbook's result row is the tool's ({shown})")
PY
