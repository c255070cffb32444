#!/usr/bin/env python3
"""Compares `plan cost` with OpenFisca-France on about fifty cases (2011-2015).

An independent check of the employment rule packs: the employer cost without the taxe sur
les salaires, for CDI and CDD, non-cadre and cadre, headcounts 3, 12 and 25, and interns.

    pip install openfisca-france==176.1.8
    swift build && python3 tools/openfisca-compare/compare.py [--plan .build/debug/plan]

Prints one line per case and a summary; exits 1 if an employee's case differs by more than
0.5 % (interns paid above the minimum differ by design: see the summary).
Not run by `swift test` (it needs OpenFisca-France from PyPI).
"""
import json
import subprocess
import sys

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_france import FranceTaxBenefitSystem

PLAN = sys.argv[sys.argv.index("--plan") + 1] if "--plan" in sys.argv else ".build/debug/plan"
TBS = FranceTaxBenefitSystem()
AT_RATE = 0.011  # the rule pack's office rate, given explicitly to both
SMIC = {"2011": 9.00, "2012": 9.22, "2013": 9.43, "2014": 9.53, "2015": 9.61}


def openfisca(month, gross, contract, category, headcount, intern):
    person = {
        "effectif_entreprise": {month: headcount},
        "categorie_salarie": {month: "prive_cadre" if category == "cadre" else "prive_non_cadre"},
        "contrat_de_travail_type": {month: "cdd" if contract == "cdd" else "cdi"},
        "contrat_de_travail_debut": {month: month + "-01"},
        "depcom_entreprise": {month: "42218"},
        "taux_accident_travail": {month: AT_RATE},
        "allegement_general_mode_recouvrement": {month: "anticipe"},
        "entreprise_est_association_non_lucrative": {month: True},
    }
    if intern:
        person.update({"stagiaire": {month: True}, "stage_gratification": {month: gross},
                       "stage_duree_heures": {month: 151.67}, "salaire_de_base": {month: 0}})
    else:
        person["salaire_de_base"] = {month: gross}
    situation = {"individus": {"a": person}, "familles": {"f": {"parents": ["a"]}},
                 "foyers_fiscaux": {"ff": {"declarants": ["a"]}}, "menages": {"m": {"personne_de_reference": ["a"]}}}
    sim = SimulationBuilder().build_from_entities(TBS, situation)
    value = lambda v: float(sim.calculate(v, month)[0])
    pay = gross
    # OpenFisca's cotisations_employeur (negative) includes the payroll taxes (versement
    # transport, training, taxe sur les salaires) and, in 2015, the reduced family-allowance
    # rate; the taxe sur les salaires is taken out.
    contributions = -value("cotisations_employeur") + value("taxe_salaires")
    reductions = value("allegement_general")
    return pay + contributions - reductions


def plan(month, gross, contract, category, headcount, intern):
    args = [PLAN, "cost", "--contract", "stage" if intern else contract, "--gross", str(gross), "--month", month,
            "--category", category, "--headcount", str(headcount), "--at-rate", str(AT_RATE * 100),
            "--no-indemnity", "--format", "json"]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    r = json.loads(out.stdout)
    return r["employer_cost"] - r["taxe_salaires"]


def cases():
    for year in ["2011", "2012", "2013", "2014", "2015"]:
        smic = round(SMIC[year] * 151.67, 2)
        for contract, category, headcount, gross in [
            ("cdi", "non-cadre", 3, round(smic * 1.0001, 2)), ("cdi", "non-cadre", 12, round(smic * 1.3, 2)),
            ("cdd", "non-cadre", 25, 2500), ("cdi", "cadre", 3, 3500), ("cdd", "cadre", 12, 4500),
            ("cdi", "cadre", 25, 2800), ("cdd", "non-cadre", 3, round(smic * 1.2, 2)),
            ("cdi", "non-cadre", 25, 1900), ("cdi", "cadre", 12, 6500),
        ]:
            yield (f"{year}-06", gross, contract, category, headcount, False)
        yield (f"{year}-06", 600.0, "stage", "non-cadre", 3, True)
        # At the minimum gratification nothing is above the exempt amount.
        minimum = round((0.125 if year < "2015" else 0.1375) * (22 if year < "2012" else 23 if year < "2015" else 24) * 151.67, 2)
        yield (f"{year}-06", minimum, "stage", "non-cadre", 3, True)


def main():
    worst = 0.0
    worst_intern = 0.0
    rows = 0
    for month, gross, contract, category, headcount, intern in cases():
        a = plan(month, gross, contract, category, headcount, intern)
        b = openfisca(month, gross, contract, category, headcount, intern)
        diff = (a - b) / b
        if intern:
            worst_intern = max(worst_intern, abs(diff))
        else:
            worst = max(worst, abs(diff))
        rows += 1
        kind = "stage" if intern else f"{contract} {category}"
        print(f"{month}  {kind:16} {headcount:3} {gross:9.2f}   plan {a:10.2f}   openfisca {b:10.2f}   {diff * 100:+7.3f} %")
    print(f"{rows} cases; largest difference for employees {worst * 100:.3f} %, for interns {worst_intern * 100:.3f} %")
    print("Interns differ by design when paid above the minimum: plan applies the social-security")
    print("contributions to the excess (art. L242-4-1 CSS) in every year, OpenFisca-France 176.1.8")
    print("only from 2014-11 and then applies all employee contributions (unemployment, ARRCO) too.")
    return 0 if worst <= 0.005 else 1


if __name__ == "__main__":
    sys.exit(main())
