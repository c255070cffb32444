#!/usr/bin/env python3
"""`plan cost` for 45 payroll cases in one call, against OpenFisca-France 176.1.8 computing
the same cases in one process (cases.py), whole processes timed the same way (wall clock,
median of N runs, as a user runs them: plan reads the rule packs it compiled on the first
run, or compiles them with PLAN_NO_CACHE=1; OpenFisca loads its tax-benefit system).

    python3 Benchmarks/cost/bench.py [--plan .build/release/plan] [--openfisca-python PY] [--runs N]

Prints the medians, the ratios and the largest difference between the two answers (the
employer cost without the taxe sur les salaires); exits 1 if they differ by more than 0.5 %.
OpenFisca-France comes from PyPI (`pip install openfisca-france==176.1.8`, in a virtual
environment whose python is given with --openfisca-python); without it, plan alone is timed.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cases import cases  # noqa: E402


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


PLAN = option("--plan", ".build/release/plan")
PY = option("--openfisca-python", None)
RUNS = int(option("--runs", "7"))


def timed(args, runs, env=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    tmp = tempfile.mkdtemp()
    csv_path = os.path.join(tmp, "cases.csv")
    subprocess.run([sys.executable, os.path.join(HERE, "cases.py"), csv_path], check=True)
    batch = [PLAN, "cost", "--cases", csv_path, "--format", "json"]
    out = subprocess.run(batch, check=True, capture_output=True, text=True).stdout
    plan_costs = [c["report"]["employer_cost"] - c["report"]["taxe_salaires"] for c in json.loads(out)["cases"]]
    first = next(cases())
    one = [PLAN, "cost", "--contract", first[2], "--gross", str(first[1]), "--month", first[0], "--category", first[3],
           "--headcount", str(first[4]), "--at-rate", "1.1", "--no-indemnity", "--format", "json"]
    # The first call above kept the compiled rule packs (and the catalogue) for the next ones,
    # as any run does for the next (README, "Kept between runs"); the third row compiles
    # them every time, as a first run does.
    rows = [("plan cost --cases (45 cases, one call)", timed(batch, RUNS)), ("plan cost, one case", timed(one, RUNS)),
            ("plan cost --cases, nothing kept (PLAN_NO_CACHE=1)", timed(batch, RUNS, dict(os.environ, PLAN_NO_CACHE="1")))]
    worst = None
    if PY:
        for mode in ["batched", "each"]:
            result = os.path.join(tmp, f"openfisca-{mode}.json")
            args = [PY, os.path.join(HERE, "openfisca_batch.py"), mode, result]
            rows.append((f"OpenFisca-France, one process ({mode})", timed(args, max(1, RUNS // 2))))
            theirs = [c["cost"] for c in json.load(open(result))]
            worst = max(worst or 0, max(abs(a - b) / b for a, b in zip(plan_costs, theirs)))
    base = rows[0][1]
    for name, seconds in rows:
        ratio = "" if name.startswith("plan cost --cases") else f"{seconds / base:8.1f} x the batch"
        print(f"{name:50} {seconds * 1000:9.1f} ms  {ratio}")
    if worst is not None:
        print(f"45 cases; largest difference between plan and OpenFisca-France: {worst * 100:.4f} %")
        return 0 if worst <= 0.005 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
