"""The 45 employee cases of tools/openfisca-compare (2011-2015, CDI and CDD, non-cadre and
cadre, headcounts 3, 12 and 25, from the SMIC to 6,500 euros), shared by the benchmark's two
sides so that both compute the very same cases."""
import csv
import sys

SMIC = {"2011": 9.00, "2012": 9.22, "2013": 9.43, "2014": 9.53, "2015": 9.61}
AT_RATE = 0.011  # the rule pack's office rate, given explicitly to both


def cases():
    for year in ["2011", "2012", "2013", "2014", "2015"]:
        smic = round(SMIC[year] * 151.67, 2)
        for contract, category, headcount, gross in [
            ("cdi", "non-cadre", 3, round(smic * 1.0001, 2)), ("cdi", "non-cadre", 12, round(smic * 1.3, 2)),
            ("cdd", "non-cadre", 25, 2500), ("cdi", "cadre", 3, 3500), ("cdd", "cadre", 12, 4500),
            ("cdi", "cadre", 25, 2800), ("cdd", "non-cadre", 3, round(smic * 1.2, 2)),
            ("cdi", "non-cadre", 25, 1900), ("cdi", "cadre", 12, 6500),
        ]:
            yield (f"{year}-06", gross, contract, category, headcount)


if __name__ == "__main__":
    w = csv.writer(open(sys.argv[1], "w", newline=""))
    w.writerow(["contract", "month", "gross", "category", "headcount", "at_rate", "indemnity"])
    for month, gross, contract, category, headcount in cases():
        w.writerow([contract, month, gross, category, headcount, AT_RATE * 100, "false"])
