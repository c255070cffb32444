import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The what-if's changes: applied in memory they give what the variant file they are saved as
/// gives; a value the scenario file would refuse is refused, naming the change.
@Suite struct ScenarioChangeTests {
  static let baseline = repositoryPath("scenarios/baseline.yaml").path

  static func change(_ path: String, _ value: Double) -> ScenarioChange { ScenarioChange(path: path, value: .number(value)) }
  static func change(_ path: String, _ text: String) -> ScenarioChange { ScenarioChange(path: path, value: .text(text)) }

  /// Every kind of change at once: the solver's paths, the file's fields, a statute, a
  /// position taken out.
  static let mixed: [ScenarioChange] = [
    change("subsidies.fse.2013", 0), change("subsidies.fse.renewal_probability.2014", 0.25),
    change("subsidies.fse.payment.balance_delay", 24), change("dues.rate", 0.012), change("dues.individual", 40),
    change("positions.coordinateur_cdi.start", "2014-03"), change("positions.coordinateur_cdi.hours.2014", 1500),
    change("positions.administration_cdi.gross.2014", 1200), change("positions.administration_cdi.contract", "cdd"),
    change("positions.administration_cdi.end", "2015-12"), change("positions.stagiaire_2012_c.remove", 1),
    change("treasury.opening_balance", 5000),
  ]

  @Test func changesGiveWhatTheirVariantFileGives() throws {
    let base = try ScenarioLoader.load(Self.baseline)
    let changed = try ScenarioChange.apply(Self.mixed, to: base, ruleSet: ShippedRules.ruleSet)
    let text = try ScenarioChange.variantYAML(
      id: "mixed", title: "Mixed", extends: "baseline.yaml", base: base, changes: Self.mixed, ruleSet: ShippedRules.ruleSet)
    // The variant beside its base, with the shipped rule packs.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-change-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: repositoryPath("scenarios"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mixed.yaml").path
    try text.write(toFile: file, atomically: false, encoding: .utf8)
    let saved = try ScenarioLoader.load(file)
    let a = try Projection.run(changed, ruleSet: ShippedRules.ruleSet, legalLimitsAsWarnings: true)
    let b = try Projection.run(saved, ruleSet: ShippedRules.ruleSet, legalLimitsAsWarnings: true)
    let asWritten = try Projection.run(base, ruleSet: ShippedRules.ruleSet, legalLimitsAsWarnings: true)
    for key in ["result", "reserves", "lowest_cash"] {
      #expect(a.indicators[key] == b.indicators[key], "\(key)")
      #expect(a.indicators[key] != asWritten.indicators[key], "\(key) moved")
    }
    #expect(a.treasury?.months.map(\.closing) == b.treasury?.months.map(\.closing))
    // Each field is the value given.
    let p = try #require(changed.positions.first { $0.id == "coordinateur_cdi" })
    #expect(p.start == Month(parsing: "2014-03") && p.hours["2014"] == 1500)
    let fse = try #require(changed.subsidies.first { $0.id == "fse" })
    #expect(fse.renewalProbability["2014"] == 0.25 && fse.payment?.balanceDelay == 24 && fse.amounts["2013"] == 0)
    #expect(changed.dues.individual == 40 && !changed.positions.contains { $0.id == "stagiaire_2012_c" })
  }

  /// The payment terms are written whole: the keys not changed keep the terms in force.
  @Test func paymentTermsKeepWhatIsNotChanged() throws {
    let base = try ScenarioLoader.load(Self.baseline)
    let sub = try #require(base.subsidies.first { $0.id == "region_f" })
    let first = try #require(base.exercises.first?.months.first)
    let before = try PaymentTerms.resolve(
      funder: sub.funder, subsidy: sub, policy: base.treasury, ruleSet: ShippedRules.ruleSet, at: first)
    let changed = try ScenarioChange.apply(
      [Self.change("subsidies.region_f.payment.advance_month", Double(before.advanceMonth + 2))], to: base, ruleSet: ShippedRules.ruleSet)
    let after = try #require(changed.subsidies.first { $0.id == "region_f" }?.payment)
    #expect(after.advance == before.advance && after.balanceDelay == before.balanceDelay)
    #expect(after.advanceMonth == before.advanceMonth + 2)
  }

  /// What the scenario file refuses, the what-if refuses, naming the change and its path.
  @Test(arguments: [
    ("positions.coordinateur.start", ScenarioChange.Value.text("2016-01"), "ends (2013-12) before it starts"),
    ("positions.coordinateur.contract", .text("cddd"), "did you mean 'cdd'"),
    ("positions.coordinateur.start", .number(2013), "is a text"),
    ("subsidies.fse.renewal_probability.2013", .number(1.5), "between 0 and 1"),
    ("subsidies.fse.renewal_probability.1999", .number(0.5), "1999"),
    ("positions.nobody.hours.2013", .number(100), "needs 'line'"),
    ("positions.coordinateur.salary", .number(100), "is not one the what-if knows"),
    ("dues.individual", .number(-5), "individual"),
    ("positions.administration_cdi.end", .text("2014-12"), "has 910 h in 2015"),
  ])
  func refusedChangesNameTheirChange(path: String, value: ScenarioChange.Value, words: String) throws {
    let base = try ScenarioLoader.load(Self.baseline)
    let changes = [Self.change("subsidies.fse.2013", 0), ScenarioChange(path: path, value: value)]
    do {
      _ = try ScenarioChange.using(changes, on: base, ruleSet: ShippedRules.ruleSet) { (s) throws(DiagnosticList) in
        try Projection.run(s, ruleSet: ShippedRules.ruleSet)
      }
      Issue.record("\(path) accepted")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.message.hasPrefix("change 2"), "\(d.message)")
      #expect(d.message.contains(path) && d.message.contains(words), "\(d.message)")
      guard case .text(let named)? = d.phrase?.arguments["path"] else {
        Issue.record("no path in \(d.message)")
        return
      }
      #expect(named == path)
    }
  }
}
