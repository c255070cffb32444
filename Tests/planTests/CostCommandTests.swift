import Foundation
import TestSupport
import Testing

@Suite struct CostCommandTests {
  @Test func jsonHasTheDocumentedKeys() throws {
    let r = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "2000", "--month", "2012-03", "--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    for key in [
      "month", "contract", "gross", "employer_contributions", "reductions", "taxe_salaires", "versement_transport",
      "end_of_contract_indemnity", "aids", "employer_cost", "lines",
    ] {
      #expect(object[key] != nil, "\(key)")
    }
    let lines = try #require(object["lines"] as? [[String: Any]])
    let maladie = try #require(lines.first { $0["id"] as? String == "maladie" })
    for key in ["id", "label", "base", "rate", "amount", "source"] { #expect(maladie[key] != nil, "\(key)") }
    let gross = object["gross"] as! Double, indemnity = object["end_of_contract_indemnity"] as! Double
    let contributions = object["employer_contributions"] as! Double, reductions = object["reductions"] as! Double
    #expect(abs((object["employer_cost"] as! Double) - (gross + indemnity + contributions - reductions)) < 0.005)
  }

  @Test func tableShowsLinesAndTotals() throws {
    let r = try PlanBinary.run(["cost", "--contract", "cdi", "--gross", "1500", "--month", "2013-06", "--at-rate", "1.2"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("Réduction générale (Fillon)"))
    #expect(r.out.contains("Employer cost"))
    #expect(r.out.contains("1.2 %"))
    // With the rate given, the placeholder's warning is not shown.
    #expect(!r.err.contains("accidents_travail_bureau"))
  }

  @Test func aBrokenLegalLimitExitsOne() throws {
    let r = try PlanBinary.run([
      "cost", "--contract", "cdd-objet-defini", "--category", "cadre", "--gross", "3000", "--month", "2012-01", "--duration", "12",
    ])
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("scenarios/rules/contracts.yaml:"))
    #expect(r.err.contains("error: legal limit broken: a CDD à objet défini lasts 18 to 36 months"))
    let fr = try PlanBinary.run([
      "cost", "--contract", "cdd-objet-defini", "--category", "cadre", "--gross", "3000", "--month", "2012-01", "--duration", "12",
      "--lang",
      "fr",
    ])
    #expect(fr.err.contains("erreur: limite légale enfreinte : un CDD à objet défini dure de 18 à 36 mois"))
    #expect(r.out.isEmpty)
  }

  @Test func badOptions() throws {
    let month = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "2000", "--month", "March"])
    #expect(month.status != 0)
    #expect(month.err.contains("--month 'March' is not a month"))
    let contract = try PlanBinary.run(["cost", "--contract", "interim", "--gross", "2000", "--month", "2012-03"])
    #expect(contract.status == 1)
    #expect(contract.err.contains("--contract 'interim' is not one of cdd, cdd-objet-defini, cdi"))
    let rules = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "2000", "--month", "2012-03", "--rules", "nowhere"])
    #expect(rules.status == 1)
    #expect(rules.err.contains("no rule pack (*.yaml) in 'nowhere'"))
  }
}

@Suite struct CostExplainTests {
  @Test func explainsALineDownToItsSources() throws {
    let r = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "1800", "--month", "2012-03", "--explain", "fillon"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("fillon = 120.58 EUR"))
    #expect(r.out.contains("smic_horaire = 9.22 EUR/h  [in force from 2012-01; Décret 2011-1926 du 22/12/2011"))
    let bad = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "1800", "--month", "2012-03", "--explain", "filon"])
    #expect(bad.status == 1)
    #expect(bad.err.contains("did you mean 'fillon'?"))
  }
}
