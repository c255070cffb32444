#!/usr/bin/env python3
"""The benchmark of record of `plan simulate` (issue 17): the baseline and the scenario with
uncertain positions, 100,000 and 1,000,000 draws, one and two threads, against the same
model written with numpy (simulate_numpy.py, one and two worker processes), in one run on
one machine; wall clock, draws per second and peak memory of each process, whether the two
agree, and the work floor of the model on this machine.

    swift build -c release --product plan
    python3 Benchmarks/simulate/bench.py [--plan .build/release/plan] [--draws 100000,1000000]
        [--threads 1,2] [--scenarios baseline,uncertain-positions] [--repeat 1]

Needs python3 with numpy, scipy and PyYAML, and /usr/bin/time (GNU). Prints a Markdown table.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEER = os.path.join(ROOT, "Benchmarks", "simulate", "simulate_numpy.py")
sys.path.insert(0, os.path.dirname(PEER))
import simulate_numpy  # noqa: E402  (the model's size, for the work floor)


def timed(cmd):
    """Runs a process under GNU time: (stdout, wall seconds, peak resident MiB)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)}: {out.stderr.strip()}")
    wall, kb = out.stderr.strip().splitlines()[-1].split()
    return out.stdout, float(wall), int(kb) / 1024


def agree(a, b, draws):
    """The indicators' means agree within five standard errors of their difference (the
    standard deviation estimated from the 5th–95th percentile range), and the probabilities
    within five binomial standard errors; returns the disagreements."""
    bad = []
    for name, periods in b["indicators"].items():
        for period, y in periods.items():
            x = a["indicators"].get(name, {}).get(period)
            if x is None:
                continue
            sd = max(abs(x["p95"] - x["p5"]), abs(y["p95"] - y["p5"])) / 3.29
            if abs(x["mean"] - y["mean"]) > 5 * math.sqrt(2 / draws) * sd + 0.02:
                bad.append(f"{name} {period}: mean {x['mean']} vs {y['mean']}")
    for name, periods in b["probabilities"].items():
        for period, q in periods.items():
            p = a["probabilities"].get(name, {}).get(period)
            if p is None:
                continue
            se = math.sqrt(max(p * (1 - p), q * (1 - q), 1 / draws) * 2 / draws)
            if abs(p - q) > 5 * se:
                bad.append(f"P({name}) {period}: {p} vs {q}")
    return bad


def machine():
    """What this machine moves and computes, measured here: the copy bandwidth (a 256 MiB
    array copied, bytes read and written), additions on vectors that stay in cache, and
    normal deviates drawn (numpy's ziggurat), each the best of five."""
    a = np.ones(32 << 20)
    b = np.empty_like(a)
    best = min(timeit(lambda: np.copyto(b, a)) for _ in range(5))
    bandwidth = 2 * a.nbytes / best
    x, y = np.ones(4096), np.ones(4096)
    adds = 4096 * 1000 / min(timeit(lambda: [np.add(x, y, out=x) for _ in range(1000)]) for _ in range(5))
    g = np.random.default_rng(1)
    normals = 1 << 22
    normal = min(timeit(lambda: g.standard_normal(normals)) for _ in range(5)) / normals
    return bandwidth, adds, normal


def timeit(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def floor(model, rates):
    """The work a draw of the model needs, and its time at this machine's rates: per open
    month one addition for each subsidy that varies, each member whose leaving is drawn,
    each position whose start is drawn, the dues' two lines (a product, a running total,
    its rounding, a difference: four each), the result, the reserves, the balance and its
    minimum (four); per open exercise the random numbers (a common factor, a normal and a
    uniform for each subsidy that varies), then those of the members, the dues, the starts
    and the payment delays (counted as normal deviates); and the bytes every draw must write
    for exact percentiles (its indicators and the regression's inputs, 8 bytes each)."""
    bandwidth, adds, normal = rates
    open_months = sum(model.exercise_months[k].stop - model.exercise_months[k].start for k in model.open)
    per_month = len(model.varying) + len(model.member_dues) * (model.leaving > 0) + len(model.delayed) + 8 + 4
    operations = open_months * per_month
    randoms = len(model.open) * (1 + 2 * len(model.varying)) + len(model.member_dues) * (model.leaving > 0) * len(model.open)
    randoms += (model.collection_law is not None) + len(model.delayed) + len(model.delay_laws)
    written = 8 * (len(simulate_numpy.NAMES) * len(model.open) + 1 + len(model.inputs))
    seconds = max(operations / adds + randoms * normal, written / bandwidth)
    return operations, randoms, written, seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", default=os.path.join(ROOT, ".build", "release", "plan"))
    ap.add_argument("--draws", default="100000,1000000")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--scenarios", default="baseline,uncertain-positions")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each case (the median is shown)")
    a = ap.parse_args()
    rates = machine()
    print(f"Machine: {os.cpu_count()} cores; copy bandwidth {rates[0] / 1e9:.1f} GB/s; {rates[1] / 1e9:.2f} G additions/s "
          f"in cache (numpy); a normal deviate {rates[2] * 1e9:.1f} ns (numpy's ziggurat).\n")
    print("| scenario | draws | threads | plan (s) | plan draws/s | plan MiB | numpy (s) | numpy draws (s) | numpy MiB "
          "| numpy / plan | floor (s) | plan / floor | agree |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    notes = []
    for name in a.scenarios.split(","):
        path = os.path.join(ROOT, "scenarios", name + ".yaml")
        model = simulate_numpy.Model(a.plan, path)
        operations, randoms, written, per_draw = floor(model, rates)
        for draws in [int(x) for x in a.draws.split(",")]:
            for threads in [int(x) for x in a.threads.split(",")]:
                runs = []
                for _ in range(a.repeat):
                    out, wall, mib = timed([a.plan, "simulate", path, "--draws", str(draws), "--threads", str(threads), "--format", "json"])
                    peer, pwall, pmib = timed([sys.executable, PEER, a.plan, path, str(draws), "--workers", str(threads)])
                    runs.append((wall, mib, pwall, pmib, json.loads(out), json.loads(peer)))
                wall = statistics.median(r[0] for r in runs)
                mib = max(r[1] for r in runs)
                pwall = statistics.median(r[2] for r in runs)
                pmib = max(r[3] for r in runs)
                pdraws = statistics.median(r[5]["seconds"]["draws"] + r[5]["seconds"]["statistics"] for r in runs)
                bad = agree(runs[0][4], runs[0][5], draws)
                fl = per_draw * draws / threads
                print(f"| {name} | {draws:,} | {threads} | {wall:.2f} | {draws / wall:,.0f} | {mib:.0f} | {pwall:.2f} | {pdraws:.2f} | "
                      f"{pmib:.0f} | {pdraws / wall:.2f} | {fl:.3f} | {wall / fl:.0f} | {'yes' if not bad else '; '.join(bad)} |")
                sys.stdout.flush()
        notes.append(f"{name}: the work floor a draw is {operations:,} additions, {randoms} random numbers and {written} bytes "
              f"written ({per_draw * 1e6:.2f} µs a draw at the rates above).")
    print()
    for n in notes:
        print(n)


if __name__ == "__main__":
    main()
