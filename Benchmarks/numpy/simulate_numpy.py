#!/usr/bin/env python3
"""The baseline's Monte Carlo written the way an analyst would, with numpy: the deterministic
parts (charges, dues, aids) taken from `plan run --format json`, the subsidies drawn
vectorised, then the same statistics as `plan simulate`.

    python3 Benchmarks/numpy/simulate_numpy.py PLAN SCENARIO DRAWS

Prints the seconds spent (drawing and statistics), for plan-bench to compare.
"""
import json
import subprocess
import sys
import time

import numpy as np
import yaml
from scipy.special import ndtr

plan, scenario_path, draws = sys.argv[1], sys.argv[2], int(sys.argv[3])
projection = json.loads(subprocess.run([plan, "run", scenario_path, "--format", "json"], capture_output=True, text=True, check=True).stdout)
scenario = yaml.safe_load(open(scenario_path))
base_path = scenario_path.rsplit("/", 1)[0] + "/" + scenario["extends"] if "extends" in scenario else None
subsidies = scenario["subsidies"]
uncertainty = scenario.get("uncertainty", {})
rho = uncertainty.get("public_budgets_correlation", 0)
dues_low, dues_high = 1.0, 1.0
if "dues_collection" in uncertainty:
    dues_low, dues_high = uncertainty["dues_collection"]["low"], uncertainty["dues_collection"]["high"]

periods = [p["id"] for p in projection["periods"] if p["id"] not in scenario.get("actuals", {})]
row = lambda path: next(r for r in projection["budget"] if r["path"] == path and r["budget"] == "total")["values"]


def amount_range(text):
    a, b = [float(x) for x in str(text).split(" to ")]
    return (a + b) / 2, abs(b - a) / (2 * 1.6448536269514722)


start = time.perf_counter()
rng = np.random.default_rng(42)
reserves = np.full(draws, projection["indicators"]["reserves"][projection["periods"][0]["id"]])
for period in periods:
    fixed = row("produits/total")[period] - row("produits/subventions")[period] - row("produits/autres_produits/cotisations")[period] + row("produits/subventions/autres")[period]
    charges = row("charges/total")[period]
    dues = row("produits/autres_produits/cotisations")[period] * rng.uniform(dues_low, dues_high, draws)
    common = rng.standard_normal(draws)
    total = np.zeros(draws)
    for s in subsidies:
        amount = float(s.get("amounts", {}).get(int(period) if period.isdigit() else period, s.get("amounts", {}).get(period, 0)))
        dist = s.get("amount_distribution", {}).get(int(period) if period.isdigit() else period)
        if dist is not None:
            m, sd = amount_range(dist)
            draw = np.maximum(0, rng.normal(m, sd, draws))
        else:
            draw = np.full(draws, amount)
        p = s.get("renewal_probability", {}).get(int(period) if period.isdigit() else period, 1)
        if p < 1:
            x = rho * common + np.sqrt(1 - rho * rho) * rng.standard_normal(draws)
            draw = np.where(ndtr(x) < p, draw, 0)
        total += draw
    result = fixed + total + dues - charges
    reserves = reserves + result
    summary = [result.mean(), *np.percentile(result, [5, 50, 95]), (result < 0).mean(), (reserves < 0).mean()]
# Sensitivity: standardised least squares of the last reserves on the subsidies drawn.
X = np.column_stack([rng.standard_normal(draws) for _ in subsidies])
X = (X - X.mean(0)) / X.std(0)
y = (reserves - reserves.mean()) / (reserves.std() or 1)
np.linalg.lstsq(X, y, rcond=None)
print(f"{time.perf_counter() - start:.3f}")
