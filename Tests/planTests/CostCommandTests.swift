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
    #expect(month.err.contains("--month: 'March' is not a month (YYYY-MM)"))
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

  // MARK: Batches

  /// A grid of options: one row per combination, each the single case's employer cost.
  @Test func aGridOfCasesInOneCall() throws {
    let r = try PlanBinary.run([
      "cost", "--contract", "cdd,cdi", "--gross", "1600..2000/200", "--month", "2012-01,2014-06", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let cases = try #require(object["cases"] as? [[String: Any]])
    #expect(cases.count == 2 * 3 * 2)
    let one = try #require(
      cases.first { $0["contract"] as? String == "cdi" && $0["gross"] as? Double == 1800 && $0["month"] as? String == "2014-06" })
    let report = try #require(one["report"] as? [String: Any])
    let alone = try PlanBinary.run(["cost", "--contract", "cdi", "--gross", "1800", "--month", "2014-06", "--format", "json"])
    let single = try #require(try JSONSerialization.jsonObject(with: Data(alone.out.utf8)) as? [String: Any])
    #expect(report["employer_cost"] as? Double == single["employer_cost"] as? Double)
    #expect((report["lines"] as? [Any])?.count == (single["lines"] as? [Any])?.count)
  }

  /// A cases file: the good rows answered (CSV on standard output), each bad row refused at
  /// its row and column on standard error, and the exit status 1.
  @Test func casesFileWithBadRows() throws {
    let file = "Tests/ScenariosTests/Fixtures/cost/cases.csv"
    let r = try PlanBinary.run(["cost", "--cases", file, "--format", "csv"])
    #expect(r.status == 1)
    let rows = r.out.split(separator: "\n")
    #expect(rows.count == 1 + 7, "\(r.out)")
    #expect(rows.first?.hasPrefix("case,contract,month") == true)
    #expect(r.err.contains("\(file):6:2: error: contract: 'cdx' is not one of"))
    #expect(r.err.contains("\(file):7:14: error: gross: 'deux mille' is not a number"))
    #expect(r.err.contains("\(file):8:6: error: month: '2012-13' is not a month"))
  }

  @Test func anXLSXNeedsAnOutputAndCasesTakeNoCaseOption() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cost-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let noOutput = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "1500,1600", "--month", "2012-03", "--format", "xlsx"])
    #expect(noOutput.status == 64 && noOutput.err.contains("--format xlsx writes a file: give --output"))
    let both = try PlanBinary.run(["cost", "--cases", "Tests/ScenariosTests/Fixtures/cost/cases.csv", "--contract", "cdd"])
    #expect(both.status == 64 && both.err.contains("--contract and --cases"))
    let path = dir.appendingPathComponent("grid.xlsx").path
    let r = try PlanBinary.run([
      "cost", "--contract", "cdd", "--gross", "1400..3000/100", "--month", "2012-03", "-o", path, "--format", "xlsx",
    ])
    #expect(r.status == 0, "\(r.err)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(data.prefix(2) == Data("PK".utf8) && data.count > 5_000)
    let range = try PlanBinary.run(["cost", "--contract", "cdd", "--gross", "1400..3000", "--month", "2012-03"])
    #expect(range.status == 64 && range.err.contains("a range with its step"))
  }
}
