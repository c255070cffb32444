import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// A fact the source records that breaks a rule is a warning naming both, never an error.
@Suite struct RecordedFactsTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/recorded")

  /// A CDD of 20 months signed in a closed exercise: reported, not refused, although it runs
  /// into an open one.
  @Test func aContractSignedInARecordedExerciseIsAWarning() throws {
    let s = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("cdd-too-long.yaml").path)
    let p = try Projection.run(s, ruleSet: ShippedRules.ruleSet)
    let recorded = p.warnings.filter { $0.id == .scenarioLegalLimit && $0.message.hasPrefix("recorded:") }
    #expect(recorded.count == 1)
    #expect(recorded.first?.message.contains("L1242-8") == true)
    #expect(recorded.first?.subject == "cdd_duration")
  }

  /// The same contract signed in an open exercise is refused.
  @Test func theSameContractSignedInAnOpenExerciseIsRefused() throws {
    var s = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("cdd-too-long.yaml").path)
    s.actuals = [:]
    s.positions[0].gross = ByExercise(["2012": 1900, "2013": 1900])
    #expect(throws: DiagnosticList.self) { try Projection.run(s, ruleSet: ShippedRules.ruleSet) }
  }
}
