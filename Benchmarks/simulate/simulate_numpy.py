#!/usr/bin/env python3
"""`plan simulate`'s model written with numpy, as a competent analyst would: the peer of the
benchmark of record (Benchmarks/simulate/bench.py).

    python3 Benchmarks/simulate/simulate_numpy.py PLAN SCENARIO DRAWS [--workers W] [--seed K]

The same model, month by month over the whole timeline, with the same random inputs (by law;
numpy's own generator, not plan's streams): each subsidy's renewal through the Gaussian
copula with the public-budgets factor, the amounts' distributions, the dues' collection
rate, members leaving at a yearly probability, positions' drawn start delays, funders'
drawn payment delays. Per draw: the subsidies spread over months in whole cents (plan's
rule), the dues per member and month and their running-cents lines (fonctionnement and
projets), the positions' months not worked taken off, the result by month, reserves, the
cash plan's balance with the subsidies on their payment terms, and per open exercise the
result, reserves, subsidies, FTE and lowest balance; then the same statistics (mean, 5th,
50th, 95th percentiles by nearest rank, the probabilities, standardised regression
coefficients of the last reserves and the lowest balance on the inputs).

What it takes from plan, once, before the draws (timed apart as `setup`): the scenario's
own projection by month (`plan run --by month --format json`: the result, the subsidies'
and dues' lines, the FTE, the cash plan), and for every combination of starts the draws can
give to the positions whose start is drawn (5 × 5 × 5 in the shipped scenario), the
projection with those starts (the same monthly hours and pay), as differences by month:
a later start changes the position's own yearly rates (the taxe sur les salaires' scale
applies to each employee's pay of the year), the employer's yearly taxe sur les salaires
(its allowance, franchise and décote), and the end-of-contract indemnity of a CDD no CDI
follows at once any more, so a month's cost is neither simply masked nor additive. Each
draw then takes its combination's differences. What it leaves out, knowingly:
- financing (overdraft, advances on subsidies) and corporate tax: refused if the scenario
  has them (the shipped benchmark scenarios have neither);
- the same random numbers: the figures agree with plan's within Monte-Carlo error (the
  benchmark checks), not to the cent.

Prints one JSON object: the summaries and the seconds (setup, draws, statistics).
"""
import argparse
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import get_context, shared_memory

import numpy as np
import yaml
from scipy.special import ndtr, ndtri


# --- the scenario ---------------------------------------------------------------------


def load_scenario(path):
    """The scenario with what it extends: sections merged, list entries by id."""
    with open(path) as f:
        s = yaml.safe_load(f)
    if "extends" not in s:
        return s
    base = load_scenario(os.path.join(os.path.dirname(path), s["extends"]))
    out = dict(base)
    for key, value in s.items():
        if key == "extends":
            continue
        if isinstance(value, list) and isinstance(base.get(key), list) and all(isinstance(x, dict) and "id" in x for x in value):
            merged = [dict(x) for x in base[key]]
            for entry in value:
                for x in merged:
                    if x["id"] == entry["id"]:
                        x.update(entry)
                        break
                else:
                    merged.append(entry)
            out[key] = merged
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out


def ordinal(text):
    y, m = str(text).split("-")[:2]
    return int(y) * 12 + int(m) - 1


def number(x):
    if isinstance(x, str):
        x = x.strip()
        if x.endswith("%"):
            return float(x[:-1].replace(",", ".")) / 100
        return float(x.replace(",", ".").replace(" ", ""))
    return float(x)


def distribution(d):
    """A scenario's law as (kind, parameters): `a to b` is a 90 % interval of a normal law."""
    if isinstance(d, str) and " to " in d:
        a, b = [number(x) for x in d.split(" to ")]
        return ("normal", ((a + b) / 2, abs(b - a) / (2 * 1.6448536269514722)))
    if isinstance(d, (int, float)):
        return ("fixed", (float(d),))
    kind = d["type"]
    if kind == "uniform":
        return ("uniform", (number(d["low"]), number(d["high"])))
    if kind == "triangular":
        return ("triangular", (number(d["low"]), number(d["mode"]), number(d["high"])))
    if kind == "normal":
        return ("normal", (number(d["mean"]), number(d["sd"])))
    raise SystemExit(f"distribution {d!r}: not in the peer")


def sample(law, u):
    """plan's inverse transforms (Planner/Uncertainty/Distribution.swift)."""
    kind, p = law
    if kind == "fixed":
        return np.full_like(u, p[0])
    if kind == "uniform":
        return p[0] + (p[1] - p[0]) * u
    if kind == "triangular":
        a, c, b = p
        f = (c - a) / (b - a)
        return np.where(u < f, a + np.sqrt((b - a) * (c - a) * u), b - np.sqrt((b - a) * (b - c) * (1 - u)))
    m, s = p
    p0 = ndtr(-m / max(s, 1e-300))
    return np.maximum(0, m + s * ndtri(p0 + (1 - p0) * u))


def cents(x):
    """Rounded to cents, half away from zero (plan's rule, without its nudge for binary error)."""
    y = np.asarray(x) * 100
    return np.trunc(y + np.copysign(0.5, y)) / 100


def run_json(plan, *args):
    out = subprocess.run([plan, *args, "--format", "json", "--lang", "en"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"plan {' '.join(args)}: {out.stderr.strip()}")
    return json.loads(out.stdout)


# --- the model, from the scenario and plan's projection ------------------------------------

# The most combinations of drawn starts the peer projects (one `plan run` each).
MAXIMUM_COMBINATIONS = 512


class Model:
    def __init__(self, plan, path):
        s = load_scenario(path)
        self.scenario = s
        treasury = s.get("treasury", {})
        if number(treasury.get("overdraft_limit", 0)) > 0 or number(treasury.get("advance_share", 0)) > 0:
            raise SystemExit("financing (overdraft, advances): not in the peer")
        if s.get("employer", "association") not in ("association",):
            raise SystemExit("corporate tax (a company's statute): not in the peer")
        by_month = run_json(plan, "run", path, "--by", "month")
        by_exercise = run_json(plan, "run", path)
        months = [p["id"] for p in by_month["periods"]]
        self.months = months
        M = len(months)
        self.M = M
        self.ordinals = np.array([ordinal(m) for m in months])
        exercises = by_exercise["periods"]
        self.exercises = exercises
        # Each exercise's months, as a slice of the timeline (they follow each other).
        self.exercise_months = []
        for e in exercises:
            ms = [i for i, m in enumerate(months) if e["from"] <= m <= e["to"]]
            self.exercise_months.append(slice(ms[0], ms[-1] + 1))
        actuals = s.get("actuals", {}) or {}
        self.open = [k for k, e in enumerate(exercises) if e["id"] not in {str(x) for x in actuals}]
        self.closed = np.ones(M, bool)
        for k in self.open:
            self.closed[self.exercise_months[k]] = False
        ind = by_month["indicators"]
        self.result = np.array([ind["result"][m] for m in months])
        self.reserves = np.array([ind["reserves"][m] for m in months])
        self.fte_month = np.array([ind["fte"][m] for m in months])
        for k, e in enumerate(exercises):
            ms = self.exercise_months[k]
            assert abs(self.fte_month[ms].mean() - by_exercise["indicators"]["fte"][e["id"]]) < 0.006, "FTE differs from plan's (it prints two decimals)"
        rows = {(r["path"], r["budget"]): r["values"] for r in by_month["budget"]}
        row = lambda path, budget="total": np.array([rows.get((path, budget), {}).get(m, 0) for m in months])
        self.subsidies_row = row("produits/subventions")
        t = by_month["treasury"]
        self.balance = np.array([x["closing"] for x in t["months"]])
        self.floor = t.get("floor", 0) or 0
        self.closed_lowest = self.balance[self.closed].min() if self.closed.any() else math.inf

        # Subsidies: each exercise's amount spread in whole cents, the last months taking
        # the remainder (Simulation.chunk).
        u = s.get("uncertainty", {}) or {}
        self.rho = number(u.get("public_budgets_correlation", 0))
        self.subs = []
        funders = treasury.get("funders", {}) or {}
        for sub in s.get("subsidies", []):
            plan_ = []
            for e in exercises:
                key = e["id"]
                amounts = {str(k): number(v) for k, v in (sub.get("amounts") or {}).items()}
                dists = {str(k): v for k, v in (sub.get("amount_distribution") or {}).items()}
                renewal = {str(k): number(v) for k, v in (sub.get("renewal_probability") or {}).items()}
                plan_.append((amounts.get(key, 0.0), distribution(dists[key]) if key in dists else None, renewal.get(key)))
            terms = funders.get(sub["funder"])
            if terms is None:
                raise SystemExit(f"subsidy {sub['id']}: its funder's payment terms are the rule pack's defaults, not in the peer")
            self.subs.append(dict(id=sub["id"], funder=sub["funder"], plan=plan_, advance=number(terms.get("advance", 0)),
                                  advance_month=int(terms.get("advance_month", 0)), balance_delay=int(terms.get("balance_delay", 0))))
        self.base_monthly = np.zeros((len(self.subs), M))
        for i, sub in enumerate(self.subs):
            for k, e in enumerate(exercises):
                ms = self.exercise_months[k]
                self.base_monthly[i, ms] = self.spread(np.array([sub["plan"][k][0]]), ms.stop - ms.start)[0]
        # Check: the subsidies as plan books them (its row also holds the ASP's and ANRT's aids).
        aids = row("produits/subventions/anrt") + row("produits/subventions/asp")
        assert np.allclose((self.base_monthly.sum(0) + aids)[~self.closed], self.subsidies_row[~self.closed], atol=0.005), \
            "subsidies differ from plan's"
        self.delay_funders = sorted((u.get("payment_delays") or {}).keys())
        self.delay_laws = [distribution(u["payment_delays"][f]) for f in self.delay_funders]

        # Dues: each member's yearly dues (a share of the payroll of the year before the
        # exercise ends, capped), spread over the exercise's months while a member.
        dues = s.get("dues", {}) or {}
        rate, cap = number(dues.get("rate", 0)), number(dues.get("cap", math.inf))
        individual = number(dues.get("individual", 0))
        self.dues_share = number(dues.get("share_fonctionnement", 1))
        self.collection = number(dues.get("collection_rate", 1))
        self.collection_law = distribution(u["dues_collection"]) if "dues_collection" in u else None
        self.leaving = number(u.get("member_leaving_probability", 0))
        member_rows = []
        for m in s.get("members", []):
            payroll = {int(k): number(v) for k, v in (m.get("payroll") or {}).items()}
            monthly = np.zeros(M)
            for k, e in enumerate(exercises):
                year = int(e["to"][:4]) - 1
                ref = payroll.get(year, payroll[max(y for y in payroll if y < year)] if any(y < year for y in payroll) else 0)
                yearly = min(rate * ref, cap) if m.get("kind", "organisation") == "organisation" else individual
                ms = self.exercise_months[k]
                monthly[ms] = yearly / (ms.stop - ms.start)
            joined = ordinal(m["joined"]) if "joined" in m else -1
            left = ordinal(m["left"]) if m.get("left") else 9999 * 12 + 11
            for _ in range(max(1, int(m.get("count", 1)))):
                member_rows.append((monthly, joined, left))
        self.member_dues = np.array([r[0] for r in member_rows])
        self.member_joined = np.array([r[1] for r in member_rows])
        self.member_left = np.array([r[2] for r in member_rows], dtype=float)
        base_lines = self.dues_lines(np.array([self.collection]), self.member_left[None, :])[0]
        booked = row("produits/autres_produits/cotisations")
        assert np.allclose(base_lines[~self.closed], booked[~self.closed], atol=0.005), "dues differ from plan's"
        self.base_dues = base_lines

        # Positions whose start is drawn: for each start the draws can give, the projection
        # with the position starting then (the same monthly hours and pay, its yearly hours
        # cut to the months worked), as differences from the plan by month.
        first_open = min(ordinal(exercises[k]["from"]) for k in self.open)
        delayed = []
        for p in s.get("positions", []):
            if "start_delay" not in p or ordinal(p["start"]) < first_open:
                continue
            law = distribution(p["start_delay"])
            if law[0] not in ("uniform", "triangular", "fixed"):
                raise SystemExit(f"position {p['id']}: an unbounded start delay is not in the peer")
            support = range(max(0, math.floor(law[1][0])), max(0, math.floor(law[1][-1])) + 1)
            delayed.append(dict(position=p, id=p["id"], law=law, support=support))
        combinations = list(itertools.product(*[d["support"] for d in delayed]))
        if len(combinations) > MAXIMUM_COMBINATIONS:
            raise SystemExit(f"{len(combinations)} combinations of drawn starts: more than the peer projects")
        # Every combination of starts the draws can give, projected (two at a time): the
        # positions' costs do not add up (the employer's yearly taxe sur les salaires has an
        # allowance, a franchise and a décote), so each combination is its own projection.
        with ThreadPoolExecutor(max_workers=2) as pool:
            tables = list(pool.map(lambda c: self.project(plan, path, [(d["position"], k) for d, k in zip(delayed, c)]), combinations))
        self.delayed = delayed
        self.combinations = {c: i for i, c in enumerate(combinations)}
        self.delay_result = np.array([t[0] for t in tables])
        self.delay_fte = np.array([t[1] for t in tables])
        self.delay_subsidies = np.array([t[2] for t in tables])
        self.first_open_year = first_open // 12
        self.last_year = self.ordinals[-1] // 12
        self.varying = [i for i, sub in enumerate(self.subs)
                        if any((sub["plan"][k][2] is not None and sub["plan"][k][2] < 1) or sub["plan"][k][1] is not None for k in self.open)]
        self.inputs = [f"subsidy {self.subs[i]['id']}" for i in self.varying]
        if self.leaving > 0:
            self.inputs.append("members leaving")
        if self.collection_law:
            self.inputs.append("dues collection rate")
        if self.delayed:
            self.inputs.append("start delays")
        self.inputs += [f"payment delay {f}" for f in self.delay_funders]

    def project(self, plan, path, starts):
        """The projection with positions starting later (the same monthly hours and pay, their
        yearly hours cut to the months worked), as differences from the plan by month: the
        result, the FTE, the subsidies. A later start also makes the CDD before it on the post
        owe its end-of-contract indemnity (no CDI follows at once), as in plan's draws."""
        M = self.M
        changes = []
        for p, d in starts:
            if d == 0:
                continue
            start, end = ordinal(p["start"]), ordinal(p["end"]) if p.get("end") else self.ordinals[-1]
            hours = {}
            for key, h in (p.get("hours") or {}).items():
                e = next(e for e in self.exercises if e["id"] == str(key))
                lo, hi = ordinal(e["from"]), ordinal(e["to"])
                worked = max(0, min(hi, end) - max(lo, start) + 1)
                later = max(0, min(hi, end) - max(lo, start + d) + 1)
                hours[key] = round(number(h) * later / worked, 6) if worked else 0
            month = start + d
            changes.append({"id": p["id"], "start": f"{month // 12}-{month % 12 + 1:02d}", "hours": hours})
        if not changes:
            return np.zeros(M), np.zeros(M), np.zeros(M)
        variant = {"scenario": "numpy-peer", "extends": os.path.abspath(path), "positions": changes}
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            yaml.safe_dump(variant, f)
        try:
            v = run_json(plan, "run", f.name, "--by", "month")
        finally:
            os.unlink(f.name)
        rows = {(r["path"], r["budget"]): r["values"] for r in v["budget"]}
        months = self.months
        return (np.array([v["indicators"]["result"][m] for m in months]) - self.result,
                np.array([v["indicators"]["fte"][m] for m in months]) - self.fte_month,
                np.array([rows[("produits/subventions", "total")].get(m, 0) for m in months]) - self.subsidies_row)

    @staticmethod
    def spread(amounts, n):
        """Each amount over n months in whole cents that add up: the last months take the rest."""
        c = np.round(amounts * 100)
        base = np.floor(c / n)
        extra = c - base * n
        i = np.arange(n)
        return (base[:, None] + ((n - i)[None, :] <= extra[:, None])) / 100

    def dues_lines(self, collection, left):
        """The dues booked each month (fonctionnement + projets lines, each a running total
        rounded to cents and its difference), per draw."""
        active = (self.ordinals[None, None, :] >= self.member_joined[None, :, None]) & (self.ordinals[None, None, :] <= left[:, :, None])
        total = np.einsum("brm,rm->bm", active, self.member_dues) * collection[:, None]
        out = 0
        for share in (self.dues_share, 1 - self.dues_share):
            running = cents(np.cumsum(total * share, axis=1))
            out = out + np.diff(running, axis=1, prepend=0)
        return out


# --- the draws ---------------------------------------------------------------------------


NAMES = ["result", "reserves", "subsidies", "fte", "lowest_cash"]


def simulate(model, lo, hi, seed, out):
    """Draws lo..<hi, writing each draw's indicators and inputs into `out`."""
    rng = np.random.default_rng([seed, lo])
    n = hi - lo
    M, S = model.M, len(model.subs)
    exercises = model.exercises
    amounts = np.zeros((S, len(exercises), n))
    for i, sub in enumerate(model.subs):
        for k in range(len(exercises)):
            amounts[i, k] = sub["plan"][k][0]
    rho = model.rho
    for k in model.open:
        common = rng.standard_normal(n) if rho > 0 else 0
        for i, sub in enumerate(model.subs):
            amount, law, p = sub["plan"][k]
            if law is not None:
                amounts[i, k] = sample(law, rng.random(n))
            if p is not None and p < 1:
                x = rho * common + math.sqrt(1 - rho * rho) * rng.standard_normal(n)
                amounts[i, k] = np.where(ndtr(x) >= p, 0, amounts[i, k])
    # Subsidies by month, and their difference from the plan (only where one varies).
    dsub = np.zeros((n, M))
    for i in model.varying:
        for k in model.open:
            ms = model.exercise_months[k]
            dsub[:, ms] += model.spread(amounts[i, k], ms.stop - ms.start) - model.base_monthly[i, ms]
    # Members leaving: the first open year they leave in, at the year's start.
    left = np.repeat(model.member_left[None, :], n, axis=0)
    if model.leaving > 0:
        for year in range(model.first_open_year, model.last_year + 1):
            leaves = (rng.random(left.shape) < model.leaving) & (left > year * 12 - 1)
            left = np.where(leaves, np.minimum(left, year * 12 - 1), left)
    collection = sample(model.collection_law, rng.random(n)) if model.collection_law else np.full(n, model.collection)
    ddues = model.dues_lines(collection, left) - model.base_dues[None, :]
    # Positions: the months before the drawn start are not worked.
    dpos = np.zeros((n, M))
    dfte = np.zeros((n, M))
    dsubpos = np.zeros((n, M))
    delay_total = np.zeros(n)
    if model.delayed:
        # Each draw's combination of starts, as an index into the projected combinations.
        index = np.zeros(n, dtype=int)
        for p in model.delayed:
            d = np.maximum(0, np.floor(sample(p["law"], rng.random(n)))).astype(int)
            delay_total += d
            index = index * len(p["support"]) + np.minimum(d - p["support"].start, len(p["support"]) - 1)
        dpos = model.delay_result[index]
        dfte = model.delay_fte[index]
        dsubpos = model.delay_subsidies[index]
    delays = [np.minimum(120, np.maximum(0, np.floor(sample(law, rng.random(n))))) for law in model.delay_laws]
    # The result by month (closed months keep their record).
    open_ = ~model.closed
    dresult = (dsub + ddues + dpos) * open_
    result = model.result + dresult
    reserves = model.reserves + np.cumsum(dresult, axis=1)
    # The cash plan: the subsidies' differences on their payment terms, the rest of the
    # result's difference in its month.
    delta = (dresult - dsub * open_).copy()
    first = model.ordinals[0]
    for i, sub in enumerate(model.subs):
        delayed = model.delay_funders.index(sub["funder"]) if sub["funder"] in model.delay_funders else None
        for k in model.open:
            ms = model.exercise_months[k]
            base = round(model.base_monthly[i, ms].sum(), 2)
            granted = np.round(amounts[i, k] * 100) / 100
            advance_month = ms.start + sub["advance_month"]
            balance_month = ms.stop - 1 + sub["balance_delay"]
            drawn_balance = ms.stop - 1 + delays[delayed] if delayed is not None else np.full(n, balance_month)
            base_advance = cents(np.array(base * sub["advance"]))
            advance = cents(granted * sub["advance"])
            if advance_month < M:
                delta[:, advance_month] += advance - base_advance
            if balance_month < M:
                delta[:, balance_month] -= base - base_advance
            inside = drawn_balance < M
            rows = np.nonzero(inside)[0]
            delta[rows, drawn_balance[inside].astype(int)] += (granted - advance)[inside]
    balance = model.balance + np.cumsum(delta, axis=1)
    horizon = np.minimum(model.closed_lowest, np.where(open_, balance, np.inf).min(1))
    # Per open exercise.
    for j, k in enumerate(model.open):
        ms = model.exercise_months[k]
        out["result"][j, lo:hi] = result[:, ms].sum(1)
        out["reserves"][j, lo:hi] = reserves[:, ms.stop - 1]
        out["subsidies"][j, lo:hi] = (model.subsidies_row[ms].sum() + (dsub + dsubpos)[:, ms].sum(1))
        out["fte"][j, lo:hi] = (model.fte_month[ms].sum() + dfte[:, ms].sum(1)) / (ms.stop - ms.start)
        out["lowest_cash"][j, lo:hi] = cents(balance[:, ms].min(1))
    out["horizon"][lo:hi] = cents(horizon)
    # The regression's inputs.
    x = []
    for i, sub in enumerate(model.subs):
        if f"subsidy {sub['id']}" in model.inputs:
            x.append(amounts[i][model.open].sum(0))
    if model.leaving > 0:
        x.append((left < model.ordinals[-1]).sum(1))
    if model.collection_law:
        x.append(collection)
    if model.delayed:
        x.append(delay_total)
    x += delays
    out["inputs"][:, lo:hi] = np.array(x)


def summary(values):
    n = len(values)
    ranks = [min(max(0, math.ceil(p * n) - 1), n - 1) for p in (0.05, 0.5, 0.95)]
    part = np.partition(values, ranks)
    return dict(mean=round(float(values.mean()), 2), p5=round(float(part[ranks[0]]), 2), p50=round(float(part[ranks[1]]), 2),
                p95=round(float(part[ranks[2]]), 2))


def regression(x, y):
    """Standardised coefficients from the correlations (the normal equations)."""
    keep = [i for i in range(len(x)) if x[i].std() > 1e-12 * max(1, abs(x[i].mean()))]
    if not keep or y.std() == 0:
        return {}
    c = np.corrcoef(np.vstack([x[keep], y[None, :]]))
    beta = np.linalg.solve(c[:-1, :-1], c[:-1, -1])
    return {i: round(float(b), 6) for i, b in zip(keep, beta)}


def worker(args):
    model, names, lo, hi, seed, chunk = args
    out = attach(names)
    for a in range(lo, hi, chunk):
        simulate(model, a, min(hi, a + chunk), seed, out)


def shapes(model, draws):
    E = len(model.open)
    return {**{k: (E, draws) for k in NAMES}, "horizon": (draws,), "inputs": (len(model.inputs), draws)}


def attach(names):
    blocks = {k: shared_memory.SharedMemory(name=v[0]) for k, v in names.items()}
    attach.keep = blocks
    return {k: np.ndarray(names[k][1], dtype=np.float64, buffer=blocks[k].buf) for k in names}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("scenario")
    ap.add_argument("draws", type=int)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--chunk", type=int, default=8192, help="draws computed together")
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = Model(a.plan, a.scenario)
    t1 = time.perf_counter()
    blocks, names = {}, {}
    for k, shape in shapes(model, a.draws).items():
        blocks[k] = shared_memory.SharedMemory(create=True, size=max(8, 8 * math.prod(shape)))
        names[k] = (blocks[k].name, shape)
    try:
        out = {k: np.ndarray(names[k][1], dtype=np.float64, buffer=blocks[k].buf) for k in names}
        parts = [(a.draws * w // a.workers, a.draws * (w + 1) // a.workers) for w in range(a.workers)]
        if a.workers == 1:
            worker((model, names, 0, a.draws, a.seed, a.chunk))
        else:
            with get_context("fork").Pool(a.workers) as pool:
                pool.map(worker, [(model, names, lo, hi, a.seed, a.chunk) for lo, hi in parts])
        t2 = time.perf_counter()
        periods = [model.exercises[k]["id"] for k in model.open]
        indicators = {name: {p: summary(out[name][j]) for j, p in enumerate(periods)} for name in NAMES}
        indicators["lowest_cash"]["horizon"] = summary(out["horizon"])
        probabilities = {
            "deficit": {p: float((out["result"][j] < -0.005).mean()) for j, p in enumerate(periods)},
            "negative_reserves": {p: float((out["reserves"][j] < -0.005).mean()) for j, p in enumerate(periods)},
            "cash_below_zero": {**{p: float((out["lowest_cash"][j] < -0.005).mean()) for j, p in enumerate(periods)},
                                "horizon": float((out["horizon"] < -0.005).mean())},
        }
        x = out["inputs"]
        sens = regression(x, out["reserves"][-1])
        cash = regression(x, out["horizon"])
        t3 = time.perf_counter()
        print(json.dumps(dict(
            scenario=a.scenario, draws=a.draws, workers=a.workers, periods=periods, indicators=indicators, probabilities=probabilities,
            sensitivity=[dict(input=model.inputs[i], coefficient=c) for i, c in sorted(sens.items(), key=lambda t: -abs(t[1]))],
            cash_sensitivity=[dict(input=model.inputs[i], coefficient=c) for i, c in sorted(cash.items(), key=lambda t: -abs(t[1]))],
            seconds=dict(setup=round(t1 - t0, 3), draws=round(t2 - t1, 3), statistics=round(t3 - t2, 3)),
        )))
    finally:
        for b in blocks.values():
            b.close()
            b.unlink()


if __name__ == "__main__":
    main()
