import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// `plan cost` in batches: every case of a batch has the very report the case gets alone
/// (its lines, bases, rates, totals), or is refused for the same reason; the cases files are
/// read with each refusal at its row and column.
@Suite struct CostBatchTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/cost")

  /// A grid across contracts, years, pay, employers and headcounts.
  static var grid: [CostQuery] {
    var out: [CostQuery] = []
    for (contract, category, gross, hours) in [
      ("cdd", "non-cadre", 1500.0, nil), ("cdi", "non-cadre", 2400, nil), ("cdi", "cadre", 3400, nil),
      ("cdd-objet-defini", "cadre", 2900, nil),
      ("cifre", "cadre", 2000, nil), ("stage", "non-cadre", 500, nil), ("service-civique", "non-cadre", 107, 104.0),
      ("cdi", "non-cadre", 700, 60),
    ] as [(String, String, Double, Double?)] {
      for month in ["2011-03", "2012-07", "2013-01", "2013-08", "2014-10", "2015-12"] {
        for (employer, headcount) in [("association", 3), ("scic", 25)] {
          out.append(
            CostQuery(
              contract: contract, gross: gross, month: Month(parsing: month)!, hours: hours, category: category, employer: employer,
              headcount: headcount))
        }
      }
    }
    return out
  }

  @Test func eachCaseAsAlone() throws {
    let queries = Self.grid
    let (outcomes, _) = try PositionCost.computeBatch(queries, ruleSet: ShippedRules.ruleSet)
    #expect(outcomes.count == queries.count)
    var compared = 0, refused = 0
    for (q, outcome) in zip(queries, outcomes) {
      let what = "\(q.contract) \(q.category) \(q.gross) \(q.month) \(q.employer)"
      let alone: CostReport
      do throws(DiagnosticList) {
        (alone, _) = try PositionCost.compute(q, ruleSet: ShippedRules.ruleSet)
      } catch {
        // Refused alone: refused in the batch for the same reasons.
        guard case .failure(let list) = outcome else {
          Issue.record("\(what): refused alone only")
          continue
        }
        #expect(list.diagnostics.map(\.message) == error.diagnostics.map(\.message), "\(what)")
        refused += 1
        continue
      }
      do {
        let batch = try #require(try? outcome.get(), "\(what): refused in the batch only")
        #expect(batch.employerCost == alone.employerCost, "\(what)")
        #expect(batch.netPay == alone.netPay && batch.gross == alone.gross && batch.aids == alone.aids, "\(what)")
        #expect(batch.lines.map(\.id) == alone.lines.map(\.id), "\(what)")
        for (a, b) in zip(batch.lines, alone.lines) {
          #expect(a.amount == b.amount && a.base == b.base && a.rate == b.rate, "\(what) \(a.id)")
        }
        compared += 1
      }
    }
    #expect(compared > 80, "most of the grid is lawful")
    #expect(refused > 0, "a service civique in a SCIC, a CIFRE's CDD past its term… are refused")
  }

  @Test func casesFromACSVFileAndItsRefusals() throws {
    let path = Self.fixtures.appendingPathComponent("cases.csv").path
    let (cases, unread) = try CostCases.read(path, ruleSet: ShippedRules.ruleSet)
    let errors = unread.flatMap(\.errors)
    #expect(cases.map(\.name) == ["assistant", "cadre", "3", "stage"])
    #expect(unread.map(\.name) == ["5", "6", "7"])
    let cadre = try #require(cases.first { $0.name == "cadre" }?.query)
    #expect(
      cadre.gross == 3200.5 && cadre.category == "cadre" && abs(cadre.atRate! - 0.013) < 1e-12 && !cadre.vatLiable && cadre.headcount == 12)
    // Each bad row refused at its own column, the others read.
    let messages = errors.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
    #expect(
      messages == [
        "6:2 contract: 'cdx' is not one of cdd, cdd-objet-defini, cdi, cifre, service-civique, stage, benevole; did you mean 'cdd'?",
        "7:14 gross: 'deux mille' is not a number from 0 to 1,000,000,000,000",
        "8:6 month: '2012-13' is not a month; write YYYY-MM",
      ], "\(messages)")
    for e in errors { #expect(e.location?.file == path) }
    // A batch of them: every case answered, the rows not read among them in the file's order.
    let batch = try CostBatch.run(cases, unread: unread, ruleSet: ShippedRules.ruleSet)
    #expect(batch.rows.map(\.name) == ["assistant", "cadre", "3", "stage", "5", "6", "7"])
    #expect(batch.rows.filter { $0.report != nil }.count == 4)
    let csv = batch.csv(dialect: .en, messages: .of(.en))
    #expect(csv.split(separator: "\n").count == cases.count + unread.count + 1)
  }

  @Test func aCaseTheLawRefusesIsLocatedAtItsRow() throws {
    let path = Self.fixtures.appendingPathComponent("refused.json").path
    let (cases, unread) = try CostCases.read(path, ruleSet: ShippedRules.ruleSet)
    #expect(unread.isEmpty && cases.count == 2)
    let batch = try CostBatch.run(cases, ruleSet: ShippedRules.ruleSet)
    #expect(batch.rows[0].report != nil)
    let refusal = try #require(batch.rows[1].errors.first)
    #expect(refusal.location?.file == path && refusal.location?.line == 3)
    #expect(refusal.message.contains("case volunteer in a company: legal limit"), "\(refusal.message)")
    #expect(refusal.notes.first?.location?.file.hasSuffix("contracts.yaml") == true)
  }

  @Test func unknownColumnAndMissingColumn() throws {
    for (name, words) in [
      ("unknown-column.csv", "unknown column 'salaire'"),
      ("missing-column.csv", "no column 'gross': a case needs at least contract, month, gross"),
    ] {
      let path = Self.fixtures.appendingPathComponent(name).path
      #expect(throws: DiagnosticList.self) { try CostCases.read(path, ruleSet: ShippedRules.ruleSet) }
      do throws(DiagnosticList) {
        _ = try CostCases.read(path, ruleSet: ShippedRules.ruleSet)
      } catch {
        #expect(error.diagnostics.first?.message.contains(words) == true, "\(error.diagnostics.first?.message ?? "")")
        #expect(error.diagnostics.first?.location?.line == 1)
      }
    }
  }

  @Test func ranges() throws {
    #expect(try CostGrid.numbers("1400..2000/200", option: "--gross", range: 0...1e12) == [1400, 1600, 1800, 2000])
    #expect(try CostGrid.numbers("0.1..0.3/0.1", option: "--hours", range: 0...300) == [0.1, 0.2, 0.3])
    #expect(try CostGrid.months("2012-11..2013-02").map { "\($0)" } == ["2012-11", "2012-12", "2013-01", "2013-02"])
    #expect(try CostGrid.months("2011-01..2015-12/12").count == 5)
    #expect(throws: CostGrid.Refusal.self) { try CostGrid.numbers("1400..2000", option: "--gross", range: 0...1e12) }
    #expect(throws: CostGrid.Refusal.self) { try CostGrid.months("2013-02..2012-01") }
  }
}
