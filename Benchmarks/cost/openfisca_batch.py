#!/usr/bin/env python3
"""The 45 cases of cases.py through OpenFisca-France in one process (the employer cost without
the taxe sur les salaires, as tools/openfisca-compare compares it), two ways:

- `batched`: as an expert would batch them, one simulation a month with its nine employees;
- `each`: one simulation a case (what tools/openfisca-compare does, and the issue measured).

    python3 openfisca_batch.py batched|each OUT.json     (needs openfisca-france==176.1.8)
"""
import json
import sys

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_france import FranceTaxBenefitSystem

from cases import AT_RATE, cases

TBS = FranceTaxBenefitSystem()
mode, path = sys.argv[1], sys.argv[2]
by_month = {}
for c in cases():
    by_month.setdefault(c[0] if mode == "batched" else (c[0], len(by_month)), []).append(c)
out = []
for key, group in by_month.items():
    month = group[0][0]
    people = {}
    for i, (_, gross, contract, category, headcount) in enumerate(group):
        people[f"p{i}"] = {
            "effectif_entreprise": {month: headcount},
            "categorie_salarie": {month: "prive_cadre" if category == "cadre" else "prive_non_cadre"},
            "contrat_de_travail_type": {month: "cdd" if contract == "cdd" else "cdi"},
            "contrat_de_travail_debut": {month: month + "-01"},
            "depcom_entreprise": {month: "42218"},
            "taux_accident_travail": {month: AT_RATE},
            "allegement_general_mode_recouvrement": {month: "anticipe"},
            "entreprise_est_association_non_lucrative": {month: True},
            "salaire_de_base": {month: gross},
        }
    names = list(people)
    situation = {
        "individus": people,
        "familles": {f"f{i}": {"parents": [n]} for i, n in enumerate(names)},
        "foyers_fiscaux": {f"ff{i}": {"declarants": [n]} for i, n in enumerate(names)},
        "menages": {f"m{i}": {"personne_de_reference": [n]} for i, n in enumerate(names)},
    }
    sim = SimulationBuilder().build_from_entities(TBS, situation)
    contributions = -sim.calculate("cotisations_employeur", month) + sim.calculate("taxe_salaires", month)
    reductions = sim.calculate("allegement_general", month)
    for i, (_, gross, contract, category, headcount) in enumerate(group):
        out.append({"month": month, "contract": contract, "category": category, "headcount": headcount, "gross": gross,
                    "cost": round(float(gross + contributions[i] - reductions[i]), 2)})
json.dump(out, open(path, "w"), indent=1)
